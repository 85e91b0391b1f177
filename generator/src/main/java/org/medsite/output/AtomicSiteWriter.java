package org.medsite.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The write stage. The new site is assembled in a staging folder inside the state folder
 * ({@code .<out>.medsite/staging}) and then swapped in with two renames, so a build that fails, or a
 * machine that dies mid-write, leaves the previous site as it was. Files whose bytes did not change are
 * hard-linked from the previous output rather than rewritten, so they keep their modification time
 * (incremental deploys and {@code rsync} see no change).
 *
 * <p>Crash windows, and what {@link #recover} (run under the build lock before the next build) does:
 * killed while staging, the staging folder is partial and the output untouched: it is deleted. Killed
 * between the two renames, there is no output folder and the previous site is whole in
 * {@code .<out>.medsite/replaced}: it is moved back (rolled back; the staged site is not trusted, as
 * nothing on disk says it was complete). Killed after the second rename, the new site is in place: the
 * replaced one is deleted. The manifest of unchanged files is deleted before the first rename and
 * written after the second, so it never describes files that are not there.
 */
public final class AtomicSiteWriter {

    private static final String MANIFEST = "manifest.txt";
    private static final String STAGING = "staging";
    private static final String REPLACED = "replaced";

    /** Writes the plan as the new content of {@code folder}. */
    public WriteStats write(OutputPlan plan, OutputFolder folder) throws IOException {
        return write(plan, folder, step -> { });
    }

    /**
     * Writes the plan as the new content of {@code folder}, telling {@code progress} each {@link WriteStep}.
     * The caller holds the folder's {@link BuildLock}: the staging folder's name is fixed.
     */
    public WriteStats write(OutputPlan plan, OutputFolder folder, Consumer<WriteStep> progress) throws IOException {
        Path out = folder.dir();
        Files.createDirectories(folder.stateDir());
        recover(folder);
        Map<String, Recorded> previous = Files.isDirectory(out) ? readManifest(folder) : Map.of();
        Path staging = folder.stateDir().resolve(STAGING);
        Path old = folder.stateDir().resolve(REPLACED);
        Map<String, Recorded> manifest = new TreeMap<>();
        int written = 0;
        int unchanged = 0;
        try {
            Files.createDirectory(staging);
            // Folders first, each once (not one createDirectories walk per file), then the files on all
            // cores: on a 4000-page site the per-file metadata calls were most of the write stage (issue #11).
            java.util.SortedSet<Path> folders = new java.util.TreeSet<>();
            for (String path : plan.entries().keySet()) {
                Path target = staging.resolve(path).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("refusing to write outside the output folder: " + path);
                }
                folders.add(target.getParent());
            }
            for (Path dir : folders) {
                Files.createDirectories(dir);
            }
            progress.accept(WriteStep.STAGING);
            Map<String, Recorded> recorded = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicInteger linked = new java.util.concurrent.atomic.AtomicInteger();
            try {
                plan.entries().entrySet().parallelStream().forEach(e -> {
                    try {
                        if (writeOne(e.getKey(), e.getValue().bytes(), staging, out, previous, recorded)) {
                            linked.incrementAndGet();
                        }
                    } catch (IOException io) {
                        throw new java.io.UncheckedIOException(io);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            manifest.putAll(recorded);
            unchanged = linked.get();
            written = manifest.size() - unchanged;
            int removed = (int) previous.keySet().stream().filter(p -> !manifest.containsKey(p)).count();
            progress.accept(WriteStep.STAGED);
            Files.deleteIfExists(folder.stateDir().resolve(MANIFEST));
            if (Files.exists(out)) {
                Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
            }
            progress.accept(WriteStep.SWAPPING);
            try {
                Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (Files.exists(old) && !Files.exists(out)) {
                    Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            progress.accept(WriteStep.SWAPPED);
            writeManifest(folder, manifest);
            deleteTree(old);
            return new WriteStats(written, unchanged, removed);
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Puts one file into the staging folder, whose folders exist: a hard link to the previous output's
     * copy when its bytes are the same, else the bytes. Runs on several threads at once.
     *
     * @return whether the file was unchanged (linked or copied from the previous output)
     */
    private static boolean writeOne(String path, byte[] bytes, Path staging, Path out, Map<String, Recorded> previous,
            Map<String, Recorded> manifest) throws IOException {
        Recorded now = new Recorded(sha256(bytes), bytes.length);
        Path target = staging.resolve(path).normalize();
        Path before = out.resolve(path);
        boolean unchanged = now.equals(previous.get(path)) && Files.isRegularFile(before, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && Files.size(before) == bytes.length && linkOrCopy(before, target);
        if (!unchanged) {
            Files.write(target, bytes);
        }
        manifest.put(path, now);
        return unchanged;
    }

    /**
     * Puts right what a build killed mid-write left in the state folder (see the class comment): the
     * previous site comes back if it was moved aside, and staging debris is deleted. Run by the holder
     * of the folder's {@link BuildLock}, so no other build is writing.
     */
    public static void recover(OutputFolder folder) throws IOException {
        Path out = folder.dir();
        Path old = folder.stateDir().resolve(REPLACED);
        if (!Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(old)) {
            Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(old);
        deleteTree(folder.stateDir().resolve(STAGING));
    }

    /** Hard-links an unchanged file into the staging folder; copies it (keeping its time) where links fail. */
    private static boolean linkOrCopy(Path existing, Path target) throws IOException {
        try {
            Files.createLink(target, existing);
        } catch (UnsupportedOperationException | FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            return false;
        } catch (IOException e) {
            Files.copy(existing, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return true;
    }

    private static Map<String, Recorded> readManifest(OutputFolder folder) throws IOException {
        Path file = folder.stateDir().resolve(MANIFEST);
        Map<String, Recorded> map = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return map;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ", 3);
            if (parts.length == 3) {
                try {
                    map.put(parts[2], new Recorded(parts[0], Long.parseLong(parts[1])));
                } catch (NumberFormatException e) {
                    return new TreeMap<>(); // A damaged manifest only costs a full rewrite.
                }
            }
        }
        return map;
    }

    private static void writeManifest(OutputFolder folder, Map<String, Recorded> manifest) throws IOException {
        Files.createDirectories(folder.stateDir());
        List<String> lines = new ArrayList<>();
        manifest.forEach((path, r) -> lines.add(r.sha256() + " " + r.size() + " " + path));
        Path tmp = folder.stateDir().resolve(MANIFEST + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, folder.stateDir().resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes a folder this writer made (staging or the replaced output); never follows links out of it. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Recorded(String sha256, long size) {
    }
}
