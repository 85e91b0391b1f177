package org.medsite.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.medsite.cache.ContentHash;

/**
 * The write stage, in one of two ways; either way a build that fails, or a machine that dies mid-write,
 * leaves a whole site: the previous one or the new one.
 *
 * <p>When the output folder is the one the last build's manifest describes (each listed file there with
 * its size), it is changed in place ({@link #patch}): the files whose bytes changed are staged in
 * {@code .<out>.medsite/staging}, a journal of the moves and deletions is written, and then they are
 * applied. Otherwise (a first build, a folder changed by hand in a way the manifest does not describe) the
 * new site is assembled in the staging folder and swapped in with two renames ({@link #replace}). Files
 * whose bytes did not change are left in place or hard-linked from the previous output rather than
 * rewritten, so they keep their modification time (incremental deploys and {@code rsync} see no change).
 *
 * <p>Crash windows, and what {@link #recover} (run under the build lock before the next build) does:
 * killed while staging, the staging folder is partial and the output untouched: it is deleted. Killed
 * once a patch's journal is written, the moves and deletions it lists are finished (rolled forward).
 * Killed between the two renames of a replace, there is no output folder and the previous site is whole
 * in {@code .<out>.medsite/replaced}: it is moved back (rolled back; the staged site is not trusted, as
 * nothing on disk says it was complete). Killed after the second rename, the new site is in place: the
 * replaced one is deleted. The manifest of unchanged files is deleted before the output changes and
 * written once it is whole, so it never describes files that are not there.
 */
public final class AtomicSiteWriter {

    private static final String MANIFEST = "manifest.txt";
    private static final String STAGING = "staging";
    private static final String REPLACED = "replaced";
    private static final String JOURNAL = "journal.bin";

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
        Path staging = folder.stateDir().resolve(STAGING);
        java.util.SortedSet<Path> folders = new java.util.TreeSet<>();
        for (String path : plan.entries().keySet()) {
            Path target = staging.resolve(path).normalize();
            if (!target.startsWith(staging)) {
                throw new IOException("refusing to write outside the output folder: " + path);
            }
            folders.add(target.getParent());
        }
        Map<String, Recorded> previous = Files.isDirectory(out) ? readManifest(folder) : Map.of();
        if (!previous.isEmpty()) {
            Optional<OnDisk> onDisk = OnDisk.of(out, plan.paths());
            if (onDisk.isPresent()) {
                return patch(plan, folder, previous, onDisk.get(), progress);
            }
        }
        return replace(plan, folder, previous, folders, progress);
    }

    /**
     * The whole site staged (unchanged files hard-linked from the previous output) and swapped in: for a
     * first build, and whenever the output folder is not the one the manifest describes.
     */
    private WriteStats replace(OutputPlan plan, OutputFolder folder, Map<String, Recorded> previous,
            java.util.SortedSet<Path> folders, Consumer<WriteStep> progress) throws IOException {
        Path out = folder.dir();
        Path staging = folder.stateDir().resolve(STAGING);
        Path old = folder.stateDir().resolve(REPLACED);
        Map<String, Recorded> manifest = new TreeMap<>();
        int written = 0;
        int unchanged = 0;
        try {
            Files.createDirectory(staging);
            // Folders first, each once (not one createDirectories walk per file), then the files on all
            // cores: on a 4000-page site the per-file metadata calls were most of the write stage (issue #11).
            for (Path dir : folders) {
                Files.createDirectories(dir);
            }
            progress.accept(WriteStep.STAGING);
            Map<String, Recorded> recorded = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicInteger linked = new java.util.concurrent.atomic.AtomicInteger();
            try {
                plan.entries().entrySet().parallelStream().forEach(e -> {
                    try {
                        if (writeOne(e.getKey(), e.getValue(), staging, out, previous, recorded)) {
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
     * Changes the output folder in place, when it is the one the manifest describes: only the files whose
     * bytes changed are staged, and then moved in; files the new site does not have are deleted. Staging
     * the whole tree of hard links, swapping it and deleting the old tree cost three metadata operations per
     * file, most of a one-page rebuild's system time (issue #11). The moves and deletions are listed in a
     * journal written once everything is staged: a build killed after that is completed by {@link #recover}
     * (rolled forward), one killed before it leaves the output as it was.
     */
    private WriteStats patch(OutputPlan plan, OutputFolder folder, Map<String, Recorded> previous, OnDisk onDisk,
            Consumer<WriteStep> progress) throws IOException {
        Path out = folder.dir();
        Path staging = folder.stateDir().resolve(STAGING);
        Map<String, Recorded> manifest = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<String> changed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            Files.createDirectory(staging);
            progress.accept(WriteStep.STAGING);
            try {
                plan.entries().entrySet().parallelStream().forEach(e -> {
                    try {
                        Recorded now = recorded(e.getValue());
                        manifest.put(e.getKey(), now);
                        if (!now.equals(previous.get(e.getKey()))
                                || !Long.valueOf(now.size()).equals(onDisk.files().get(e.getKey()))) {
                            changed.add(e.getKey());
                        }
                    } catch (IOException io) {
                        throw new java.io.UncheckedIOException(io);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            // Staged under numbers, so staging needs no folders; the journal says which number goes where.
            List<String> puts = new ArrayList<>(new java.util.TreeSet<>(changed));
            try {
                java.util.stream.IntStream.range(0, puts.size()).parallel().forEach(i -> {
                    try {
                        put(plan.entries().get(puts.get(i)), staging.resolve(String.valueOf(i)));
                    } catch (IOException io) {
                        throw new java.io.UncheckedIOException(io);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            List<String> deletes = onDisk.strays(plan.paths());
            List<String> folders = onDisk.strayFolders(plan.paths());
            progress.accept(WriteStep.STAGED);
            Files.deleteIfExists(folder.stateDir().resolve(MANIFEST));
            Journal journal = new Journal(puts, deletes, folders);
            journal.write(folder.stateDir().resolve(JOURNAL));
            progress.accept(WriteStep.SWAPPING);
            journal.apply(out, staging);
            progress.accept(WriteStep.SWAPPED);
            writeManifest(folder, new TreeMap<>(manifest));
            Files.delete(folder.stateDir().resolve(JOURNAL));
            int removed = (int) previous.keySet().stream().filter(p -> !manifest.containsKey(p)).count();
            return new WriteStats(puts.size(), manifest.size() - puts.size(), removed);
        } finally {
            // Once journaled, the staged files are what the next build's recover() moves in.
            if (!Files.exists(folder.stateDir().resolve(JOURNAL))) {
                deleteTree(staging);
            }
        }
    }

    /**
     * What the output folder holds, by one walk: each regular file's size, and every other entry. Empty
     * when a planned file is a folder on disk or a planned folder a file (rare; the whole site is then
     * replaced rather than patched around it).
     */
    private record OnDisk(Map<String, Long> files, List<String> others, List<String> folders) {

        static Optional<OnDisk> of(Path out, java.util.Set<String> planned) throws IOException {
            Map<String, Long> files = new java.util.HashMap<>();
            List<String> others = new ArrayList<>();
            List<String> folders = new ArrayList<>();
            Files.walkFileTree(out, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                        java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (!dir.equals(out)) {
                        folders.add(relative(out, dir));
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file,
                        java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.put(relative(out, file), attrs.size());
                    } else {
                        others.add(relative(out, file));
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
            java.util.Set<String> plannedFolders = parents(planned);
            if (folders.stream().anyMatch(planned::contains)
                    || plannedFolders.stream().anyMatch(f -> files.containsKey(f) || others.contains(f))) {
                return Optional.empty();
            }
            return Optional.of(new OnDisk(files, others, folders));
        }

        /** The files and other entries on disk that the new site does not have. */
        List<String> strays(java.util.Set<String> planned) {
            java.util.SortedSet<String> strays = new java.util.TreeSet<>();
            files.keySet().stream().filter(p -> !planned.contains(p)).forEach(strays::add);
            others.stream().filter(p -> !planned.contains(p)).forEach(strays::add);
            return List.copyOf(strays);
        }

        /** The folders on disk that hold no planned file, deepest first. */
        List<String> strayFolders(java.util.Set<String> planned) {
            java.util.Set<String> keep = parents(planned);
            return folders.stream().filter(f -> !keep.contains(f)).sorted(Comparator.reverseOrder()).toList();
        }

        private static java.util.Set<String> parents(java.util.Set<String> paths) {
            java.util.Set<String> parents = new java.util.HashSet<>();
            for (String path : paths) {
                for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                    if (!parents.add(path.substring(0, slash))) {
                        break;
                    }
                }
            }
            return parents;
        }

        private static String relative(Path out, Path p) {
            return out.relativize(p).toString().replace(java.io.File.separatorChar, '/');
        }
    }

    /**
     * The changes of a {@link #patch}, once staged: staged file {@code i} moves to {@code puts[i]}, then the
     * stray files and folders are deleted. Applying it again after a partial run finishes it.
     */
    private record Journal(List<String> puts, List<String> deletes, List<String> folders) {

        private static final String MAGIC = "medsite write journal 1";

        void write(Path file) throws IOException {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(
                    new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeUTF(MAGIC);
                for (List<String> list : List.of(puts, deletes, folders)) {
                    out.writeInt(list.size());
                    for (String path : list) {
                        out.writeUTF(path);
                    }
                }
                out.writeUTF(MAGIC);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        static Journal read(Path file) throws IOException {
            try (java.io.DataInputStream in = new java.io.DataInputStream(
                    new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                if (!in.readUTF().equals(MAGIC)) {
                    throw new IOException("not a write journal: " + file);
                }
                List<List<String>> lists = new ArrayList<>();
                for (int l = 0; l < 3; l++) {
                    int n = in.readInt();
                    List<String> list = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        list.add(in.readUTF());
                    }
                    lists.add(list);
                }
                if (!in.readUTF().equals(MAGIC)) {
                    throw new IOException("a damaged write journal: " + file);
                }
                return new Journal(lists.get(0), lists.get(1), lists.get(2));
            }
        }

        /** Moves each staged file into place (one already moved is gone from staging) and deletes the strays. */
        void apply(Path out, Path staging) throws IOException {
            for (int i = 0; i < puts.size(); i++) {
                Path staged = staging.resolve(String.valueOf(i));
                Path target = out.resolve(puts.get(i)).normalize();
                if (!target.startsWith(out)) {
                    throw new IOException("refusing to write outside the output folder: " + puts.get(i));
                }
                if (Files.exists(staged, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target.getParent());
                    Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            for (String path : deletes) {
                Path target = out.resolve(path).normalize();
                if (target.startsWith(out) && !target.equals(out)) {
                    Files.deleteIfExists(target);
                }
            }
            for (String path : folders) {
                Path target = out.resolve(path).normalize();
                if (target.startsWith(out) && !target.equals(out)) {
                    Files.deleteIfExists(target);
                }
            }
        }
    }

    /**
     * Puts one file into the staging folder, whose folders exist: a hard link to the previous output's
     * copy when its bytes are the same, else the bytes. Runs on several threads at once.
     *
     * @return whether the file was unchanged (linked or copied from the previous output)
     */
    private static boolean writeOne(String path, OutputEntry entry, Path staging, Path out, Map<String, Recorded> previous,
            Map<String, Recorded> manifest) throws IOException {
        Recorded now = recorded(entry);
        Path target = staging.resolve(path).normalize();
        Path before = out.resolve(path);
        boolean unchanged = now.equals(previous.get(path)) && Files.isRegularFile(before, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && Files.size(before) == now.size() && linkOrCopy(before, target);
        if (!unchanged) {
            put(entry, target);
        }
        manifest.put(path, now);
        return unchanged;
    }

    /**
     * Writes an entry's bytes at {@code target}, which does not exist; a stored file is placed there as an
     * unchanged one is (linked, else copied), and written from its checked bytes only where neither can be.
     */
    private static void put(OutputEntry entry, Path target) throws IOException {
        if (entry instanceof OutputEntry.Stored stored && linkOrCopy(stored.file(), target)) {
            return;
        }
        Files.write(target, entry.bytes());
    }

    /**
     * Puts right what a build killed mid-write left in the state folder (see the class comment): the
     * previous site comes back if it was moved aside, and staging debris is deleted. Run by the holder
     * of the folder's {@link BuildLock}, so no other build is writing.
     */
    public static void recover(OutputFolder folder) throws IOException {
        Path out = folder.dir();
        Path journal = folder.stateDir().resolve(JOURNAL);
        if (Files.isRegularFile(journal)) {
            // Written once every change was staged: finish what it lists. The manifest went before it, so
            // the next build replaces the whole folder rather than trusting what it cannot describe.
            Journal.read(journal).apply(out, folder.stateDir().resolve(STAGING));
            Files.delete(journal);
        }
        Path old = folder.stateDir().resolve(REPLACED);
        if (!Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(old)) {
            Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(old);
        deleteTree(folder.stateDir().resolve(STAGING));
    }

    /**
     * Hard-links an unchanged or stored file into the staging folder; copies it (keeping its time) where links
     * fail; false where the file system has no links, and the caller writes the bytes.
     */
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

    /** What the manifest will record of an entry: an unchanged file's as the last one did, else its bytes' hash. */
    private static Recorded recorded(OutputEntry entry) throws IOException {
        if (entry instanceof OutputEntry.Unchanged unchanged) {
            return new Recorded(unchanged.hash(), unchanged.size());
        }
        if (entry instanceof OutputEntry.Stored stored) {
            return new Recorded(stored.hash(), stored.size());
        }
        byte[] bytes = entry.bytes();
        return new Recorded(hash(bytes), bytes.length);
    }

    /**
     * What the last build's manifest records of each file it wrote, by path; empty when there is none (a first
     * build, or one killed while writing). The caller holds the folder's {@link BuildLock}.
     */
    public static Map<String, Recorded> manifest(OutputFolder folder) throws IOException {
        return readManifest(folder);
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
        manifest.forEach((path, r) -> lines.add(r.hash() + " " + r.size() + " " + path));
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

    /** What the manifest records of a file's bytes: a fast hash (see {@link ContentHash} for why not SHA-256). */
    static String hash(byte[] bytes) {
        return ContentHash.of(bytes);
    }

    /** A file's hash ({@link #hash}) and size, as the manifest records them. */
    public record Recorded(String hash, long size) {

        // Written out: the record's own are bootstrapped through invokedynamic at run time (issue #11).
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Recorded r && size == r.size && hash.equals(r.hash);
        }

        @Override
        public int hashCode() {
            return 31 * hash.hashCode() + Long.hashCode(size);
        }

        @Override
        public String toString() {
            return "Recorded[hash=" + hash + ", size=" + size + "]";
        }
    }
}
