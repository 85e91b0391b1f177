package org.medsite.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.medsite.cache.ContentHash;

/**
 * Images made by earlier builds, in the output's state folder ({@code .<out>.medsite/images/}), by a hash
 * of everything that decides their bytes: a build that changed nothing draws and resizes nothing. Files
 * no build used since are removed by {@link #prune}. Thread-safe: images are made in parallel.
 */
public final class ImageCache {

    private final Optional<Path> dir;
    private final Optional<KeptImages> kept;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> made = new ConcurrentHashMap<>();
    /**
     * The images this build makes, by file name: pages whose cards are the same (same title, label and
     * site) were drawn once each when they missed the cache at the same moment, and the console's counts of
     * cards drawn and reused changed from run to run. Now the first makes it and the others wait for it.
     */
    private final Map<String, FutureTask<Optional<byte[]>>> making = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> reused = new ConcurrentHashMap<>();
    /**
     * The content hash of each file {@link #stored} took or made in this build, by file name, written to
     * {@link #SUMS} by {@link #prune} for the next build to check its files against.
     */
    private final Map<String, String> storedSums = new ConcurrentHashMap<>();
    private Map<String, String> recordedSums;

    /**
     * The content hashes of the files that {@link #stored} handed to the output, as the last build made or
     * checked them: one "name hash" a line, in the cache folder.
     */
    static final String SUMS = "stored.sums";

    /** @param dir the cache folder; empty to make every image and keep none (a check writes nothing) */
    public ImageCache(Optional<Path> dir) {
        this(dir, Optional.empty());
    }

    /** @param kept the images of a session's earlier builds, looked up before the folder */
    public ImageCache(Optional<Path> dir, Optional<KeptImages> kept) {
        this.dir = dir;
        this.kept = kept;
    }

    /** Makes one image, or does not fail when the source is unusable (returns empty). */
    public interface Maker {
        Optional<byte[]> make() throws IOException;
    }

    /**
     * The image for {@code key}: from the cache, else made and kept.
     *
     * @param kind what is made ({@code card}, {@code resize}), for {@link #made} and {@link #reused}
     * @param key a hash from {@link #key}
     */
    public Optional<byte[]> get(String kind, String key, String extension, Maker maker) throws IOException {
        String name = fileName(key, extension);
        used.add(name);
        Optional<byte[]> inMemory = kept.flatMap(k -> k.get(name));
        if (inMemory.isPresent()) {
            count(reused, kind, 1);
            return inMemory;
        }
        if (dir.isPresent()) {
            Path file = dir.get().resolve(name);
            if (Files.isRegularFile(file)) {
                count(reused, kind, 1);
                byte[] bytes = Files.readAllBytes(file);
                kept.ifPresent(k -> k.put(name, bytes));
                return Optional.of(bytes);
            }
        }
        return makeOnce(kind, name, maker);
    }

    /** Makes the image of {@code name} once in this build, however many callers ask for it at the same time. */
    private Optional<byte[]> makeOnce(String kind, String name, Maker maker) throws IOException {
        FutureTask<Optional<byte[]>> mine = new FutureTask<>(() -> makeAndKeep(name, maker));
        FutureTask<Optional<byte[]>> first = making.putIfAbsent(name, mine);
        if (first != null) {
            count(reused, kind, 1);
            return result(first);
        }
        mine.run();
        count(made, kind, 1);
        return result(mine);
    }

    private Optional<byte[]> makeAndKeep(String name, Maker maker) throws IOException {
        Optional<byte[]> bytes = maker.make();
        if (bytes.isPresent() && dir.isPresent()) {
            Files.createDirectories(dir.get());
            Path tmp = Files.createTempFile(dir.get(), name, ".tmp");
            Files.write(tmp, bytes.get());
            Files.move(tmp, dir.get().resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            kept.ifPresent(k -> k.put(name, bytes.get()));
        }
        return bytes;
    }

    /** An image in the cache folder, with the {@link ContentHash} and the size of its bytes. */
    public record Stored(Path file, String hash, long size) {
    }

    /**
     * Whether images can be taken as files of the cache folder ({@link #stored}): there is a folder, and no
     * session keeps the images in memory (a dev server's builds take them from there).
     */
    public boolean storesFiles() {
        return dir.isPresent() && kept.isEmpty();
    }

    /**
     * As {@link #get}, but the image as its file in the cache folder, whose bytes are not kept: the output
     * takes that file as it is (see {@link org.medsite.output.OutputEntry.Stored}). Only where {@link #storesFiles}.
     * Since the output's file is this one, an edit of the output in place would reach it: a file is taken
     * only while its bytes are those the last build recorded for it ({@link #SUMS}), else it is made again
     * as a new file, which leaves the edited one to the output (whose writer then replaces it).
     */
    public Optional<Stored> stored(String kind, String key, String extension, Maker maker) throws IOException {
        if (!storesFiles()) {
            throw new IllegalStateException("no cache folder to store images in, or a session keeps them");
        }
        String name = fileName(key, extension);
        Path file = dir.get().resolve(name);
        used.add(name);
        if (Files.isRegularFile(file)) {
            byte[] bytes = Files.readAllBytes(file);
            String hash = ContentHash.of(bytes);
            if (hash.equals(recordedSums().get(name))) {
                count(reused, kind, 1);
                return Optional.of(recorded(name, file, bytes, hash));
            }
        }
        return makeOnce(kind, name, maker).map(bytes -> recorded(name, file, bytes, ContentHash.of(bytes)));
    }

    /** A stored file, its hash recorded for the next build's {@link #SUMS}. */
    private Stored recorded(String name, Path file, byte[] bytes, String hash) {
        storedSums.put(name, hash);
        return new Stored(file, hash, bytes.length);
    }

    private static void count(Map<String, AtomicInteger> counts, String kind, int n) {
        counts.computeIfAbsent(kind, k -> new AtomicInteger()).addAndGet(n);
    }

    /** The last build's {@link #SUMS}; empty where there are none or they cannot be read. */
    private synchronized Map<String, String> recordedSums() {
        if (recordedSums == null) {
            Map<String, String> sums = new java.util.HashMap<>();
            try {
                for (String line : Files.readAllLines(dir.orElseThrow().resolve(SUMS), StandardCharsets.UTF_8)) {
                    int space = line.indexOf(' ');
                    if (space > 0) {
                        sums.put(line.substring(0, space), line.substring(space + 1));
                    }
                }
            } catch (IOException e) {
                // None yet (a cache from before them) or unreadable: every file is made again once.
                sums.clear();
            }
            recordedSums = sums;
        }
        return recordedSums;
    }

    /** What a making gave, or threw. */
    private static Optional<byte[]> result(FutureTask<Optional<byte[]>> making) throws IOException {
        try {
            return making.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while an image was made", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
    }

    /** The file of an image in the cache folder. */
    public static String fileName(String key, String extension) {
        return key + "." + extension;
    }

    /**
     * The share cards a session's last build drew for the same cards in the same style, by output path,
     * counted as reused and their files as used (so {@link #prune} keeps them); empty outside a session or
     * when anything differs.
     */
    public Optional<java.util.SortedMap<String, byte[]>> keptCards(List<?> cards, String styleKey) {
        Optional<KeptImages.Cards> last = kept.flatMap(k -> k.drawnCards(cards, styleKey));
        last.ifPresent(c -> {
            used.addAll(c.names());
            count(reused, "card", c.names().size());
        });
        return last.map(KeptImages.Cards::drawn);
    }

    /**
     * In a session, the plan layer of the cards {@code drawn}: the one made for the same map last time (the
     * kept cards, when the same cards were drawn in the same style), else {@code make}'s. Empty outside a
     * session, where the cards are planned one by one.
     */
    public Optional<org.medsite.output.OutputPlan.Layer> cardLayer(java.util.SortedMap<String, byte[]> drawn,
            java.util.function.Supplier<org.medsite.output.OutputPlan.Layer> make) {
        return kept.map(k -> k.cardLayer(drawn, make));
    }

    /** Keeps, in a session, the cards drawn for {@code cards} in a style and the cache files they came from. */
    public void keepCards(List<?> cards, String styleKey, java.util.SortedMap<String, byte[]> drawn, Set<String> names) {
        kept.ifPresent(k -> k.keepCards(new KeptImages.Cards(List.copyOf(cards), styleKey, drawn, Set.copyOf(names))));
    }

    /** How many images of a kind this build made. */
    public int made(String kind) {
        AtomicInteger n = made.get(kind);
        return n == null ? 0 : n.get();
    }

    /** How many images of a kind this build took from the cache. */
    public int reused(String kind) {
        AtomicInteger n = reused.get(kind);
        return n == null ? 0 : n.get();
    }

    /** Deletes the cached images this build did not use (of pages removed, or drawn before a change). */
    public void prune() throws IOException {
        if (kept.isPresent()) {
            // The last build of the session pruned the folder to the same images: nothing to list.
            boolean same = kept.get().sameAsLast(used);
            kept.get().keepOnly(used);
            if (same) {
                return;
            }
        }
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return;
        }
        try (Stream<Path> files = Files.list(dir.get())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!used.contains(name) && !name.equals(SUMS)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        if (storesFiles() && !storedSums.isEmpty()) {
            StringBuilder sums = new StringBuilder();
            new java.util.TreeMap<>(storedSums).forEach((name, hash) -> sums.append(name).append(' ').append(hash).append('\n'));
            Path tmp = Files.createTempFile(dir.get(), SUMS, ".tmp");
            Files.writeString(tmp, sums, StandardCharsets.UTF_8);
            Files.move(tmp, dir.get().resolve(SUMS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** A SHA-256 over the parts, each length-prefixed so that no two lists of parts give the same input. */
    public static String key(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                byte[] bytes = part instanceof byte[] b ? b : String.valueOf(part).getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
