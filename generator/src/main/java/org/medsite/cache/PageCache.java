package org.medsite.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The per-page build cache across runs (issue #11): the costly per-page results of one-off builds, kept in
 * the output's state folder ({@code .<out>.medsite/page-cache/}) so that the next build redoes only the
 * pages whose inputs changed. One file per {@link Kind}, each a map from a key (the digest of everything
 * the result depends on, see where the pipeline makes it) to the result as {@link RecordCodec} bytes.
 *
 * <p>A file is read on the first look-up of its kind, and values are decoded on a hit only. A file
 * that cannot be read, or was written by another format, is ignored with a debug message: the build is
 * then a clean one. The files are replaced as a whole ({@link #store}) after a successful build, holding
 * the results that build used (old entries do not pile up), so a build that failed or was killed leaves
 * the previous cache as it was.
 *
 * <p>Used by the parallel stages of one build at a time.
 */
public final class PageCache {

    /** The kinds of results kept, one file each. */
    public enum Kind {
        /** A source's front matter and body ({@link ParsedEntry}). */
        PARSED,
        /** A page's rendered Markdown ({@link MarkdownEntry}). */
        MARKDOWN,
        /** An output page after post-processing and page checks ({@link FinishedEntry}). */
        FINISHED,
        /** The per-page site checks' findings about a page ({@link CheckedEntry}). */
        CHECKED,
        /** A page's template output ({@link RenderedEntry}). */
        RENDERED,
        /** A page's search index entry ({@link TextEntry}). */
        SEARCH,
        /** A page's rows of the editorial report ({@link TextEntry}). */
        REPORT
    }

    static final String DIR = "page-cache";
    private static final String MAGIC = "medsite page cache";
    /** Bumped whenever the file layout or the meaning of a key changes. */
    private static final int FORMAT = 6;

    private final Path dir;
    private final RecordCodec codec;
    private final Consumer<String> debug;
    private final Map<Kind, Map<String, ByteBuffer>> loaded = new EnumMap<>(Kind.class);
    /**
     * What the next build gets: the bytes of each hit, and each new result as the record itself, encoded
     * only while the file is written (the build holds those records anyway; their bytes, on a big site a
     * few hundred megabytes, it need not).
     */
    private final Map<Kind, Map<String, Object>> next = new EnumMap<>(Kind.class);
    private final Map<Kind, AtomicInteger> hits = new EnumMap<>(Kind.class);
    private final Map<Kind, AtomicInteger> misses = new EnumMap<>(Kind.class);

    /**
     * @param stateDir the output's state folder
     * @param loader where the cached records' classes are found
     * @param debug where to say why a cache file was ignored
     */
    public PageCache(Path stateDir, ClassLoader loader, Consumer<String> debug) {
        this.dir = stateDir.resolve(DIR);
        this.codec = new RecordCodec(loader);
        this.debug = debug;
        for (Kind kind : Kind.values()) {
            next.put(kind, new ConcurrentHashMap<>());
            hits.put(kind, new AtomicInteger());
            misses.put(kind, new AtomicInteger());
        }
    }

    /**
     * What {@code use} makes of the result kept under {@code key}, if there is one of type {@code type}
     * and {@code use} finds it still valid (not empty). Only then is it a hit, kept for the next build.
     */
    public <T, R> Optional<R> use(Kind kind, String key, Class<T> type, Function<T, Optional<R>> use) {
        ByteBuffer bytes = entries(kind).get(key);
        if (bytes != null) {
            try {
                Object value = codec.decode(bytes);
                Optional<R> used = type.isInstance(value) ? use.apply(type.cast(value)) : Optional.empty();
                if (used.isPresent()) {
                    next.get(kind).put(key, bytes);
                    hits.get(kind).incrementAndGet();
                    return used;
                }
            } catch (IOException | RuntimeException e) {
                debug.accept("page cache: ignoring a damaged " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " entry (" + e.getMessage() + ")");
            }
        }
        misses.get(kind).incrementAndGet();
        return Optional.empty();
    }

    /**
     * The {@link ContentHash} of {@code value}'s encoding: every component, each length-prefixed, so two values
     * have the same hash only if they are equal. Empty for a value that cannot be encoded.
     */
    public Optional<String> hashOf(Object value) {
        ContentHash hash = new ContentHash();
        try {
            // Buffered: the codec writes numbers and tags a byte at a time.
            codec.encode(value, new java.io.BufferedOutputStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    hash.update(new byte[] {(byte) b});
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    hash.update(b, off, len);
                }
            }, 1 << 13));
            return Optional.of(hash.hex());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps {@code value} for the next build; a value that cannot be cached is not (it will be made again). */
    public void put(Kind kind, String key, Record value) {
        next.get(kind).put(key, value);
    }

    /** How many look-ups of {@code kind} found a result: for tests and the debug summary. */
    public int hits(Kind kind) {
        return hits.get(kind).get();
    }

    /** How many look-ups of {@code kind} found none. */
    public int misses(Kind kind) {
        return misses.get(kind).get();
    }

    /** One line of counts, such as {@code parsed 999/1000, markdown 999/1000, finished 1320/1324}. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        for (Kind kind : Kind.values()) {
            s.append(s.isEmpty() ? "" : ", ").append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                    .append(hits(kind)).append('/').append(hits(kind) + misses(kind));
        }
        return s.toString();
    }

    /** Replaces each cache file, whole, with the results this build looked up or made. */
    public void store() throws IOException {
        Files.createDirectories(dir);
        for (Kind kind : Kind.values()) {
            Path file = file(kind);
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            // Streamed: on a big site a cache file is a hundred megabytes, which a build should not hold twice.
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                write(new TreeMap<>(next.get(kind)), value -> encoded(kind, value), out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private Path file(Kind kind) {
        return dir.resolve(kind.name().toLowerCase(java.util.Locale.ROOT) + ".bin");
    }

    private synchronized Map<String, ByteBuffer> entries(Kind kind) {
        return loaded.computeIfAbsent(kind, k -> {
            Path file = file(k);
            if (!Files.isRegularFile(file)) {
                return Map.of();
            }
            try {
                return read(Files.readAllBytes(file));
            } catch (IOException | RuntimeException e) {
                debug.accept("page cache: ignoring " + file + ", it cannot be read (" + e.getMessage() + ")");
                return Map.of();
            }
        });
    }

    /** The bytes kept for {@code value}: a hit's as read, a new result's encoded now, if it can be. */
    private Optional<ByteBuffer> encoded(Kind kind, Object value) {
        if (value instanceof ByteBuffer bytes) {
            return Optional.of(bytes);
        }
        try {
            return Optional.of(ByteBuffer.wrap(codec.encode((Record) value)));
        } catch (RuntimeException e) {
            debug.accept("page cache: not keeping a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " result ("
                    + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    static byte[] write(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(entries, value -> Optional.of(ByteBuffer.wrap(value)), bytes);
        return bytes.toByteArray();
    }

    /**
     * Writes a cache file: each entry flagged before it, so an entry whose value cannot be encoded is left
     * out as it is met, without knowing the count first.
     */
    private static <V> void write(Map<String, V> entries, Function<V, Optional<ByteBuffer>> encode,
            java.io.OutputStream target) throws IOException {
        try (DataOutputStream out = new DataOutputStream(target)) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            for (Map.Entry<String, V> e : entries.entrySet()) {
                Optional<ByteBuffer> value = encode.apply(e.getValue());
                if (value.isPresent()) {
                    // A hit is written from the view of the file it was read from, not from a copy.
                    ByteBuffer bytes = value.get();
                    out.writeBoolean(true);
                    out.writeUTF(e.getKey());
                    out.writeInt(bytes.remaining());
                    out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                    out.writeUTF(hash(e.getKey(), bytes));
                }
            }
            out.writeBoolean(false);
            out.writeUTF(MAGIC); // A file cut short fails here rather than passing as a smaller cache.
        }
    }

    private static String hash(String key, ByteBuffer bytes) {
        return new ContentHash().update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .update(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining()).hex();
    }

    /** The entries of a cache file, each a view of {@code data} (not a copy: on a big site the files are 100 MB). */
    static Map<String, ByteBuffer> read(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        if (!in.readUTF().equals(MAGIC) || in.readInt() != FORMAT) {
            throw new IOException("not a page cache of this Medsite version");
        }
        Map<String, ByteBuffer> entries = new HashMap<>();
        while (in.readBoolean()) {
            String key = in.readUTF();
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new IOException("the file is damaged");
            }
            ByteBuffer value = ByteBuffer.wrap(data, data.length - in.available(), length);
            in.skipNBytes(length);
            // A changed byte inside a string would decode to another string: each value carries its hash.
            if (!in.readUTF().equals(hash(key, value))) {
                throw new IOException("the file is damaged");
            }
            entries.put(key, value);
        }
        if (!in.readUTF().equals(MAGIC) || in.available() != 0) {
            throw new IOException("the file is damaged");
        }
        return entries;
    }
}
