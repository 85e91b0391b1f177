package org.medsite.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ContentHash} of files, remembered across runs with what {@code stat} says of each file (size,
 * modification and status-change times, inode), so that a build reads only the files that changed since
 * the last one (issue #11: the fingerprint read every source on every build, a no-change one included).
 *
 * <p>As git does with its index, a remembered hash is used only when the file was last changed well before
 * the hash was taken: a file written again within the same clock tick as it was hashed would otherwise keep
 * its old hash. The status-change time moves on every write and cannot be set back by tools that restore a
 * modification time ({@code cp -p}, {@code rsync -t}). A remembered hash file that cannot be read is ignored.
 */
public final class FileHashes {

    static final String FILE = "file-hashes.bin";
    private static final String MAGIC = "medsite file hashes";
    private static final int FORMAT = 1;
    /** How long before a hash was taken the file must have last changed for the hash to be trusted. */
    static final long SETTLED_NANOS = 2_000_000_000L;

    /** What {@code stat} said of a file when its hash was taken, at {@code hashedAt} (epoch nanoseconds). */
    record Stamp(String stat, long changedAt, long hashedAt, String hash) {
    }

    private final Optional<Path> file;
    private final Map<String, Stamp> known;
    private final long settledNanos;
    private final Map<String, Stamp> next = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean changed;

    private FileHashes(Optional<Path> file, Map<String, Stamp> known, long settledNanos) {
        this.file = file;
        this.known = known;
        this.settledNanos = settledNanos;
    }

    /** Hashes that are taken and forgotten. */
    public static FileHashes none() {
        return new FileHashes(Optional.empty(), Map.of(), SETTLED_NANOS);
    }

    /** The hashes remembered in {@code stateDir}, if any; {@link #store} remembers this run's there. */
    public static FileHashes in(Path stateDir) {
        return in(stateDir, SETTLED_NANOS);
    }

    /** With another settling time (tests: a negative one trusts a file changed as it was hashed). */
    static FileHashes in(Path stateDir, long settledNanos) {
        Path file = stateDir.resolve(FILE);
        Map<String, Stamp> known = Map.of();
        if (Files.isRegularFile(file)) {
            try {
                known = read(Files.readAllBytes(file));
            } catch (IOException | RuntimeException e) {
                known = Map.of(); // made again: every file is read once more
            }
        }
        return new FileHashes(Optional.of(file), known, settledNanos);
    }

    /** The hash of {@code path}'s bytes: remembered when its stat is the same and it had settled, else read. */
    public String of(Path path) throws IOException {
        if (file.isEmpty()) {
            return ContentHash.of(Files.readAllBytes(path));
        }
        String key = path.toAbsolutePath().normalize().toString();
        Map<String, Object> stat;
        try {
            stat = Files.readAttributes(path, "unix:size,lastModifiedTime,ctime,ino,dev");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return ContentHash.of(Files.readAllBytes(path)); // no status-change time here: nothing is trusted
        }
        long modified = nanos(stat.get("lastModifiedTime"));
        long statusChanged = nanos(stat.get("ctime"));
        long changedAt = Math.max(modified, statusChanged);
        String stated = stat.get("size") + " " + modified + " " + statusChanged + " " + stat.get("ino") + " " + stat.get("dev");
        Stamp before = known.get(key);
        if (before != null && before.stat().equals(stated) && before.changedAt() < before.hashedAt() - settledNanos) {
            next.put(key, before);
            return before.hash();
        }
        long hashedAt = now();
        read.incrementAndGet();
        String hash = ContentHash.of(Files.readAllBytes(path));
        next.put(key, new Stamp(stated, changedAt, hashedAt, hash));
        changed = true;
        return hash;
    }

    /** How many files were read in this run: for tests. */
    int read() {
        return read.get();
    }

    private static long nanos(Object time) {
        Instant t = ((java.nio.file.attribute.FileTime) time).toInstant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static long now() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** Remembers the hashes taken or used in this run (only those), when any was taken. */
    public void store() throws IOException {
        if (file.isEmpty() || !changed && next.size() == known.size()) {
            return;
        }
        Files.createDirectories(file.get().getParent());
        Path tmp = file.get().resolveSibling(FILE + ".tmp");
        Files.write(tmp, write(new TreeMap<>(next)));
        Files.move(tmp, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static byte[] write(Map<String, Stamp> stamps) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(stamps.size());
            for (Map.Entry<String, Stamp> e : stamps.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue().stat());
                out.writeLong(e.getValue().changedAt());
                out.writeLong(e.getValue().hashedAt());
                out.writeUTF(e.getValue().hash());
            }
        }
        // A changed byte could make a stale hash look current: the whole list carries its own hash.
        byte[] body = bytes.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(file)) {
            out.write(body);
            out.writeUTF(ContentHash.of(body));
        }
        return file.toByteArray();
    }

    static Map<String, Stamp> read(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        if (!in.readUTF().equals(MAGIC) || in.readInt() != FORMAT) {
            throw new IOException("not a file hash list of this Medsite version");
        }
        Map<String, Stamp> stamps = new java.util.HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            stamps.put(in.readUTF(), new Stamp(in.readUTF(), in.readLong(), in.readLong(), in.readUTF()));
        }
        int end = data.length - in.available();
        if (!in.readUTF().equals(ContentHash.of(java.util.Arrays.copyOf(data, end))) || in.available() != 0) {
            throw new IOException("the file is damaged");
        }
        return stamps;
    }
}
