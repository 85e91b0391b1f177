package org.medsite.output;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The right to write one output folder: at most one build at a time, whether the other build runs in
 * another process (a second terminal, a CI job, {@code serve}) or in this one (two modules of a parallel
 * Maven reactor writing one folder).
 *
 * <p>The lock is the operating system's lock on {@code .<out>.medsite/lock}, which dies with the process
 * that holds it: a build that was killed never leaves a stale lock behind, so the file itself is kept
 * and only says who holds it (pid, host, start time) for the message the next build shows. Nothing in
 * Medsite opens the lock file but this class: closing any channel of a file releases the process's
 * POSIX locks on it.
 */
public final class BuildLock implements AutoCloseable {

    static final String FILE = "lock";

    /**
     * The folders locked by this JVM. A POSIX lock belongs to the process, and closing any channel of the
     * file releases it, so a second build in this JVM must not even open the file to try: this table is
     * asked first. It holds process-wide facts, not configuration, like the JVM's own table of file locks.
     */
    private static final Map<Path, String> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

    /**
     * Channels that met a lock of this JVM that the table above did not know (a copy of Medsite loaded by
     * another class loader). Closing them would release that lock, so they stay open until the JVM ends.
     */
    private static final List<FileChannel> KEPT_OPEN = java.util.Collections.synchronizedList(new ArrayList<>());

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code folder}'s output, or fails at once, saying who holds it.
     *
     * @throws HeldException another build holds the lock
     */
    public static BuildLock acquire(OutputFolder folder) throws IOException, HeldException {
        Files.createDirectories(folder.stateDir());
        // One key per folder however it is named (a symbolic link, a relative path).
        Path file = folder.stateDir().toRealPath().resolve(FILE);
        String holder = holder();
        String heldBy = HELD_IN_THIS_JVM.putIfAbsent(file, holder);
        if (heldBy != null) {
            throw new HeldException(message(folder, describe(heldBy)));
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                // A region past the text: on Windows a locked region cannot be read, and the text is the message.
                lock = channel.tryLock(1L << 30, 1, false);
            } catch (OverlappingFileLockException e) {
                String text = read(channel);
                KEPT_OPEN.add(channel);
                channel = null;
                HELD_IN_THIS_JVM.remove(file);
                throw new HeldException(message(folder, describe(text)));
            }
            if (lock == null) {
                throw new HeldException(message(folder, describe(read(channel))));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            BuildLock taken = new BuildLock(file, channel, lock);
            channel = null;
            return taken;
        } finally {
            if (channel != null) {
                channel.close();
                HELD_IN_THIS_JVM.remove(file);
            }
        }
    }

    /** Releases the lock; the file stays (see the class comment). */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } finally {
            HELD_IN_THIS_JVM.remove(file);
        }
    }

    /** "pid host epoch-millis", as written into the lock file by its holder. */
    private static String holder() {
        return ProcessHandle.current().pid() + " " + hostName() + " " + Instant.now().toEpochMilli() + "\n";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replace(' ', '_');
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    /**
     * The lock file's text, read through the channel already open: opening the file again and closing it
     * would release every lock this process has on it (POSIX), the other build's included.
     */
    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // Reads until the text ends or the buffer is full; a holder's line is far shorter.
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    /** Who holds the lock, from the lock file's text: "(pid 1234, started 03:12:05)", or empty if unknown. */
    private static String describe(String text) {
        String[] parts = text.strip().split(" ");
        if (parts.length != 3) {
            return ""; // The holder is between taking the lock and writing its name.
        }
        try {
            LocalTime started = Instant.ofEpochMilli(Long.parseLong(parts[2])).atZone(ZoneId.systemDefault())
                    .toLocalTime();
            String host = parts[1].equals(hostName()) ? "" : " on " + parts[1];
            return " (pid " + Long.parseLong(parts[0]) + host + ", started " + TIME.format(started) + ")";
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return "";
        }
    }

    private static String message(OutputFolder folder, String holder) {
        return "another Medsite build" + holder + " is writing " + folder.dir() + "; wait for it or stop it";
    }

    /** Another build holds the lock of the output folder. */
    public static final class HeldException extends Exception {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }
}
