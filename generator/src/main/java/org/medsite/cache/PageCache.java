package org.medsite.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
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
 * pages whose inputs changed. Each {@link Kind} is a map from a key (the digest of everything the result
 * depends on, see where the pipeline makes it) to the result as {@link RecordCodec} bytes, kept in one or
 * more segment files ({@code <kind>-<n>.bin}) that the list file {@code <kind>.segments} names, oldest
 * first; a later segment's entry stands for an earlier one's under the same key.
 *
 * <p>A kind's segments are read on its first look-up, and values are decoded on a hit only. A segment that
 * cannot be read, or was written by another format, makes the kind's whole cache ignored with a debug
 * message: the build is then a clean one for that kind.
 *
 * <p>A new result is encoded and appended to the kind's pending file ({@code <kind>.pending}) as it is
 * made, so that a build holds none of them in memory (on a 16000-page site, a clean build's template output,
 * search entries and report rows were about 180 MB held to the end; issue #11). After a successful build
 * {@link #store} makes the pending file a new segment and writes the list file anew (atomically): the old
 * segments stay as they are while few of their bytes are dead (results this build did not use), so a
 * one-page rebuild writes only that page's results; else the results used from them are written into one
 * new segment and the old ones deleted, so entries do not pile up. A build that failed or was killed
 * leaves the list, and so the cache, as it was ({@link #close} drops the pending files).
 *
 * <p>Used by the parallel stages of one build at a time.
 */
public final class PageCache {

    /** The kinds of results kept, one list of segments each. */
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
        REPORT,
        /** The hash of a page's own values as its templates see them, by the page record's hash ({@link TextEntry}). */
        VIEW;

        String fileName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final String DIR = "page-cache";
    private static final String MAGIC = "medsite page cache";
    /** Bumped whenever the file layout or the meaning of a key changes. */
    private static final int FORMAT = 10;
    /**
     * The old segments are rewritten as one when more than this share of their bytes is dead, or when a
     * kind would have more than {@link #MAX_SEGMENTS}: a one-page rebuild then rewrites a kind's results
     * about once in seven builds, and the files hold at most a third more than the live results.
     */
    private static final int DEAD_SHARE_PERCENT = 25;
    static final int MAX_SEGMENTS = 8;

    private final Path dir;
    private final RecordCodec codec;
    private final Consumer<String> debug;
    private final Map<Kind, Segments> loaded = new ConcurrentHashMap<>();
    /** The results of the old segments that this build used, by key: views of the read segments' bytes. */
    private final Map<Kind, Map<String, ByteBuffer>> used = new EnumMap<>(Kind.class);
    /** Each kind's pending file, opened on its first new result. */
    private final Map<Kind, Pending> pending = new EnumMap<>(Kind.class);
    private final Map<Kind, AtomicInteger> hits = new EnumMap<>(Kind.class);
    private final Map<Kind, AtomicInteger> misses = new EnumMap<>(Kind.class);

    /**
     * A kind's segments as read: their names, entries (the latest under each key), each entry's hash as the
     * file holds it, and all entries' bytes.
     */
    private record Segments(List<String> names, Map<String, ByteBuffer> entries, Map<String, String> hashes,
            long bytes) {

        static final Segments NONE = new Segments(List.of(), Map.of(), Map.of(), 0);
    }

    /** A pending file being appended to, one entry at a time. */
    private static final class Pending {

        final Path file;
        final Checked out;
        int entries;

        Pending(Path file) throws IOException {
            this.file = file;
            this.out = new Checked(Files.newOutputStream(file));
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
        }
    }

    /**
     * A segment as it is written, with the CRC-32C of its bytes so far. A segment ends with that checksum of all
     * its other bytes, which {@link #read} checks before anything else: a changed byte inside a string would
     * decode to another string. One checksum over the file, where each entry's own hash was worked out again on
     * every read, was a per-page cost of every build that reads the cache (issue #11); CRC-32C is computed by the
     * processor's own instruction from the first call, and finds every change of up to 32 bits in a row.
     */
    private static final class Checked extends DataOutputStream {

        private final java.util.zip.CRC32C crc;

        Checked(OutputStream target) {
            this(target, new java.util.zip.CRC32C());
        }

        private Checked(OutputStream target, java.util.zip.CRC32C crc) {
            super(new java.io.BufferedOutputStream(new java.util.zip.CheckedOutputStream(target, crc), 1 << 16));
            this.crc = crc;
        }

        /** Ends the segment: the end mark, then the checksum of every byte before it. */
        void finish() throws IOException {
            writeBoolean(false);
            writeUTF(MAGIC); // A file cut short fails here rather than passing as a smaller cache.
            flush();
            writeInt((int) crc.getValue());
            close();
        }
    }

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
            used.put(kind, new ConcurrentHashMap<>());
            hits.put(kind, new AtomicInteger());
            misses.put(kind, new AtomicInteger());
        }
    }

    /**
     * What {@code use} makes of the result kept under {@code key}, if there is one of type {@code type}
     * and {@code use} finds it still valid (not empty). Only then is it a hit, kept for the next build.
     */
    public <T, R> Optional<R> use(Kind kind, String key, Class<T> type, Function<T, Optional<R>> use) {
        ByteBuffer bytes = segments(kind).entries().get(key);
        if (bytes != null) {
            try {
                Object value = codec.decode(bytes);
                Optional<R> used = type.isInstance(value) ? use.apply(type.cast(value)) : Optional.empty();
                if (used.isPresent()) {
                    this.used.get(kind).put(key, bytes);
                    hits.get(kind).incrementAndGet();
                    return used;
                }
            } catch (IOException | RuntimeException | InternalError e) {
                debug.accept("page cache: ignoring a damaged " + kind.fileName() + " entry (" + e.getMessage() + ")");
            }
        }
        misses.get(kind).incrementAndGet();
        return Optional.empty();
    }

    /**
     * The hash of the entry kept under {@code key} by an earlier build, as its segment holds it (of the key and
     * the value's bytes, so two entries with the same hash hold equal values), or null when there is none.
     * It names what a {@link #use} of that key found without encoding the value again.
     */
    public String entryHash(Kind kind, String key) {
        return segments(kind).hashes().get(key);
    }

    /**
     * The {@link ContentHash} of {@code value}'s encoding: every component, each length-prefixed, so two values
     * have the same hash only if they are equal. Empty for a value that cannot be encoded.
     */
    public Optional<String> hashOf(Object value) {
        ContentHash hash = new ContentHash();
        try {
            // Buffered: the codec writes numbers and tags a byte at a time. A small buffer: most values hashed
            // are a few lists of strings, and a one-page rebuild hashes thousands (8 KB each was 14 MB of its heap).
            codec.encode(value, new java.io.BufferedOutputStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    hash.update(new byte[] {(byte) b});
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    hash.update(b, off, len);
                }
            }, 1 << 9));
            return Optional.of(hash.hex());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps {@code value} for the next build, written to the kind's pending file now; a value that cannot be
     * encoded or written is not kept (it will be made again).
     *
     * @return the new entry's hash (as {@link #entryHash} gives it in the next build), empty when the value
     *         cannot be encoded
     */
    public Optional<String> put(Kind kind, String key, Record value) {
        byte[] bytes;
        try {
            bytes = codec.encode(value);
        } catch (RuntimeException e) {
            debug.accept("page cache: not keeping a " + kind.fileName() + " result (" + e.getMessage() + ")");
            return Optional.empty();
        }
        String hash = hash(key, ByteBuffer.wrap(bytes));
        synchronized (pending) {
            try {
                Pending file = pending.get(kind);
                if (file == null) {
                    Files.createDirectories(dir);
                    file = new Pending(dir.resolve(kind.fileName() + ".pending"));
                    pending.put(kind, file);
                }
                writeEntry(file.out, key, ByteBuffer.wrap(bytes), hash);
                file.entries++;
            } catch (IOException e) {
                debug.accept("page cache: cannot keep a " + kind.fileName() + " result (" + e.getMessage() + ")");
            }
        }
        return Optional.of(hash);
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
            s.append(s.isEmpty() ? "" : ", ").append(kind.fileName()).append(' ')
                    .append(hits(kind)).append('/').append(hits(kind) + misses(kind));
        }
        return s.toString();
    }

    /**
     * Records this build's results for the next build: each kind's list names the old segments (or one
     * segment of the results used from them, see the class comment) and the pending file as a new segment.
     */
    public void store() throws IOException {
        synchronized (pending) {
            Files.createDirectories(dir);
            for (Kind kind : Kind.values()) {
                store(kind);
            }
        }
    }

    private void store(Kind kind) throws IOException {
        Segments old = loaded.getOrDefault(kind, Segments.NONE);
        Map<String, ByteBuffer> live = used.get(kind);
        List<String> next = new ArrayList<>();
        int number = nextSegmentNumber(kind);
        if (!live.isEmpty()) {
            long liveBytes = 0;
            for (ByteBuffer bytes : live.values()) {
                liveBytes += bytes.remaining();
            }
            if ((old.bytes() - liveBytes) * 100 > old.bytes() * DEAD_SHARE_PERCENT
                    || old.names().size() + 1 > MAX_SEGMENTS) {
                String name = segmentName(kind, number++);
                writeSegment(dir.resolve(name), new TreeMap<>(live), old.hashes());
                next.add(name);
            } else {
                next.addAll(old.names());
            }
        }
        Pending file = pending.remove(kind);
        if (file != null) {
            file.out.finish();
            if (file.entries > 0) {
                String name = segmentName(kind, number);
                Files.move(file.file, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                next.add(name);
            } else {
                Files.deleteIfExists(file.file);
            }
        }
        Path list = listFile(kind);
        Path tmp = dir.resolve(list.getFileName() + ".tmp");
        Files.write(tmp, next.stream().map(n -> n + "\n").collect(java.util.stream.Collectors.joining())
                .getBytes(StandardCharsets.UTF_8));
        Files.move(tmp, list, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // What the list no longer names: merged segments, any a killed build left, and the one file per
        // kind that Medsite wrote before segments.
        Files.deleteIfExists(dir.resolve(kind.fileName() + ".bin"));
        for (Path stale : segmentFiles(kind)) {
            if (!next.contains(stale.getFileName().toString())) {
                try {
                    Files.deleteIfExists(stale);
                } catch (IOException e) {
                    // Still mapped (Windows): unlisted, so the next build deletes it.
                    debug.accept("page cache: cannot delete " + stale + " yet (" + e.getMessage() + ")");
                }
            }
        }
    }

    /** Drops the pending files of a build that will not {@link #store} (it failed): the cache stays as it was. */
    public void close() {
        synchronized (pending) {
            for (Pending file : pending.values()) {
                try {
                    file.out.close();
                    Files.deleteIfExists(file.file);
                } catch (IOException e) {
                    debug.accept("page cache: cannot drop " + file.file + " (" + e.getMessage() + ")");
                }
            }
            pending.clear();
        }
    }

    private Path listFile(Kind kind) {
        return dir.resolve(kind.fileName() + ".segments");
    }

    private static String segmentName(Kind kind, int number) {
        return kind.fileName() + "-" + number + ".bin";
    }

    private List<Path> segmentFiles(Kind kind) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        java.util.regex.Pattern name = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(kind.fileName()) + "-\\d+\\.bin");
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> name.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }

    /** A number that no segment file of {@code kind} has, listed or left behind. */
    private int nextSegmentNumber(Kind kind) throws IOException {
        int highest = 0;
        for (Path file : segmentFiles(kind)) {
            String name = file.getFileName().toString();
            try {
                highest = Math.max(highest, Integer.parseInt(name.substring(kind.fileName().length() + 1,
                        name.length() - ".bin".length())));
            } catch (NumberFormatException e) {
                // Too large to be ours: another number is taken.
            }
        }
        return highest + 1;
    }

    private Segments segments(Kind kind) {
        return loaded.computeIfAbsent(kind, k -> {
            Path list = listFile(k);
            if (!Files.isRegularFile(list)) {
                return Segments.NONE;
            }
            try {
                List<String> names = Files.readAllLines(list, StandardCharsets.UTF_8).stream()
                        .filter(n -> !n.isEmpty()).toList();
                Map<String, ByteBuffer> entries = new HashMap<>();
                Map<String, String> hashes = new HashMap<>();
                long bytes = 0;
                for (String name : names) {
                    if (name.contains("/") || name.contains("\\")) {
                        throw new IOException("the list names a file outside the cache");
                    }
                    Map<String, ByteBuffer> segment = read(map(dir.resolve(name)), hashes);
                    for (ByteBuffer value : segment.values()) {
                        bytes += value.remaining();
                    }
                    entries.putAll(segment);
                }
                return new Segments(names, entries, hashes, bytes);
            } catch (IOException | RuntimeException | InternalError e) {
                // InternalError: a mapped file cut short by someone else while it was read.
                debug.accept("page cache: ignoring " + list + ", it cannot be read (" + e.getMessage() + ")");
                return Segments.NONE;
            }
        });
    }

    /**
     * A segment file's bytes, mapped rather than read onto the heap: the last build wrote them, so the
     * system's file cache holds them already, where reading them made fresh heap memory of them (15 MB at
     * 1000 pages), which this kind of virtual machine zeroes slowly, kept to the end and copied by the
     * collector (issue #11). The mapping outlives the channel; on Windows a mapped file cannot be deleted,
     * so {@link #store} leaves a segment it cannot delete to the next build.
     */
    private static ByteBuffer map(Path file) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.READ)) {
            return channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
    }

    /** @param hashes each entry's hash as its segment held it (under the segment's checksum): not worked out again */
    private static void writeSegment(Path file, Map<String, ByteBuffer> entries, Map<String, String> hashes)
            throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream target = Files.newOutputStream(tmp)) {
            write(entries, hashes, target);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    static byte[] write(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, ByteBuffer> views = new TreeMap<>();
        entries.forEach((key, value) -> views.put(key, ByteBuffer.wrap(value)));
        write(views, Map.of(), bytes);
        return bytes.toByteArray();
    }

    /** Writes a segment: the header, each entry flagged before it, the end mark and checksum ({@link Checked#finish}). */
    private static void write(Map<String, ByteBuffer> entries, Map<String, String> hashes, OutputStream target)
            throws IOException {
        Checked out = new Checked(target);
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        for (Map.Entry<String, ByteBuffer> e : entries.entrySet()) {
            String known = hashes.get(e.getKey());
            writeEntry(out, e.getKey(), e.getValue(), known != null ? known : hash(e.getKey(), e.getValue()));
        }
        out.finish();
    }

    private static void writeEntry(DataOutputStream out, String key, ByteBuffer bytes, String hash) throws IOException {
        // A hit is written from the view of the file it was read from, not from a copy.
        out.writeBoolean(true);
        out.writeUTF(key);
        out.writeInt(bytes.remaining());
        if (bytes.hasArray()) {
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        } else {
            // A mapped segment's entry (a merge): copied through the channel's buffer; not closed, that is out.
            java.nio.channels.Channels.newChannel(out).write(bytes.duplicate());
        }
        out.writeUTF(hash);
    }

    private static String hash(String key, ByteBuffer bytes) {
        return new ContentHash().update(key.getBytes(StandardCharsets.UTF_8)).update(bytes).hex();
    }

    /** The entries of a cache file, each a view of {@code data} (not a copy: on a big site the files are 100 MB). */
    static Map<String, ByteBuffer> read(byte[] data) throws IOException {
        return read(ByteBuffer.wrap(data), new HashMap<>());
    }

    /**
     * Like {@link #read(byte[])}, over a heap or mapped buffer (from its position), putting each entry's hash
     * in {@code hashes} by its key.
     */
    private static Map<String, ByteBuffer> read(ByteBuffer data, Map<String, String> hashes) throws IOException {
        ByteBuffer in = data.duplicate();
        try {
            if (!utf(in).equals(MAGIC) || in.getInt() != FORMAT) {
                throw new IOException("not a page cache of this Medsite version");
            }
            // The checksum of every byte before it (Checked), so the entries' own hashes need not be worked out.
            int end = data.limit() - Integer.BYTES;
            if (end < in.position()) {
                throw new IOException("the file is damaged");
            }
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(data.duplicate().limit(end));
            if ((int) crc.getValue() != data.getInt(end)) {
                throw new IOException("the file is damaged");
            }
            in.limit(end);
            Map<String, ByteBuffer> entries = new HashMap<>();
            while (in.get() != 0) {
                String key = utf(in);
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw new IOException("the file is damaged");
                }
                ByteBuffer value = in.slice(in.position(), length);
                in.position(in.position() + length);
                String hash = utf(in);
                entries.put(key, value);
                hashes.put(key, hash);
            }
            if (!utf(in).equals(MAGIC) || in.hasRemaining()) {
                throw new IOException("the file is damaged");
            }
            return entries;
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("the file is damaged", e);
        }
    }

    /**
     * A string as {@link DataOutputStream#writeUTF} wrote it. Keys, hashes and the magic are ASCII, which
     * that format (modified UTF-8) writes as the bytes themselves; anything else is decoded by
     * {@link DataInputStream#readUTF(java.io.DataInput)}.
     */
    private static String utf(ByteBuffer in) throws IOException {
        int length = Short.toUnsignedInt(in.getShort());
        byte[] bytes = new byte[length];
        in.get(bytes);
        for (byte b : bytes) {
            if (b <= 0) {
                byte[] prefixed = new byte[length + 2];
                prefixed[0] = (byte) (length >>> 8);
                prefixed[1] = (byte) length;
                System.arraycopy(bytes, 0, prefixed, 2, length);
                return DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(prefixed)));
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
