package org.medsite.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes opaque pictures as RGB PNG files, several times faster than the JDK's writer on share cards
 * (whose encoding was most of a full build's CPU, issue #11) and a little smaller.
 *
 * <p>Two things make it fast. Rows are not filtered: the JDK's writer tries all five PNG row filters on
 * every row, which on a card (flat colours, anti-aliased text) costs as much as compressing and gains
 * nothing. And the picture is compressed in bands of {@value #BAND_ROWS} rows, each started afresh (a zlib
 * full flush), so a band's compressed bytes depend on its pixels alone: the bands every card of a site
 * shares (background, colour band, footer) are compressed once per build and reused, compared pixel by
 * pixel before reuse. Whether a band came from the cache or not, its bytes are the same, so the same
 * pixels always give the same file. Only the chunks a picture needs (IHDR, IDAT, IEND): no time, no text.
 *
 * <p>One encoder serves one build; thread-safe.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /**
     * zlib's level 3, the fastest of the levels that still look for matches per byte: on 120 cards drawn as
     * a build draws them, 2.2x faster than the default level 6 (which was ~17% of a full build's CPU, issue
     * #11) for files of 40 KB against 31 KB (levels 4 and 5: 1.1-1.2x faster, 33 KB).
     */
    static final int LEVEL = 3;
    /** The zlib header's second byte for {@link #LEVEL}: FLEVEL 1 ("fast", levels 2-5), check bits to 31. */
    static final int ZLIB_FLAGS = 0x5e;
    static final int BAND_ROWS = 16;
    private static final int HASH_STRIDE = 7;
    /** Bands kept (about 77 KB of pixels each for a card): far more than the bands cards share. */
    private static final int MAX_KEPT = 256;
    /** Hashes remembered (a few MB): past this, bands first seen are never kept (a very large site's tail). */
    private static final int MAX_SEEN = 100_000;

    /** A band's pixels, and what compressing them gave. */
    private record Kept(int[] pixels, byte[] compressed, long adler) {
    }

    /** Bands seen once, by hash: a band is kept only when it comes again, so one-off title bands are not. */
    private final Map<Long, Boolean> seen = new ConcurrentHashMap<>();
    private final Map<Long, Kept> kept = new ConcurrentHashMap<>();
    /**
     * Deflaters reused by the next picture (each is reset per band): making and ending one per card
     * allocated and freed zlib's ~270 KB of state each time, and the C library could give that memory back
     * to the kernel and take it again (in a microbenchmark, two madvise calls and TLB flushes per card).
     * Their memory is freed with the encoder (the JDK's cleaner ends an unreachable Deflater).
     */
    private final Queue<Deflater> deflaters = new ConcurrentLinkedQueue<>();

    /** The PNG bytes of {@code image}; an alpha channel, if any, is not written. */
    byte[] encode(BufferedImage image) {
        return encode(image, null);
    }

    /**
     * A picture that others are drawn over (a share card's template), its bands compressed once: a band of a
     * later picture whose pixels equal the base's band (compared pixel by pixel) takes its bytes without
     * being hashed or compressed.
     */
    static final class Base {
        private final int[] pixels;
        private final int width;
        private final Compressed[] bands;

        private Base(int[] pixels, int width, Compressed[] bands) {
            this.pixels = pixels;
            this.width = width;
            this.bands = bands;
        }
    }

    /** {@code image} as a base for pictures of its size drawn over it; its pixels must not change afterwards. */
    Base base(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = pixels(image);
        Compressed[] bands = new Compressed[(height + BAND_ROWS - 1) / BAND_ROWS];
        Deflater deflater = new Deflater(LEVEL, true);
        try {
            byte[] raw = new byte[BAND_ROWS * (3 * width + 1)];
            byte[] buffer = new byte[32 * 1024];
            for (int top = 0, k = 0; top < height; top += BAND_ROWS, k++) {
                int rows = Math.min(BAND_ROWS, height - top);
                bands[k] = compress(deflater, rgb, top * width, (top + rows) * width, width, raw, buffer);
            }
        } finally {
            deflater.end();
        }
        return new Base(rgb, width, bands);
    }

    /** The PNG bytes of {@code image}, drawn over {@code base} (or null). */
    byte[] encode(BufferedImage image, Base base) {
        int width = image.getWidth();
        int height = image.getHeight();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample
        header[9] = 2; // colour type: RGB (compression, filter method and interlace stay 0)
        chunk(out, "IHDR", header);
        int[] rgb = pixels(image);
        boolean sameSize = base != null && base.width == width && base.pixels.length == rgb.length;
        chunk(out, "IDAT", zlib(rgb, width, height, sameSize ? base : null));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** The zlib stream of the rows: header, one full-flushed deflate segment per band, an empty final block, Adler-32. */
    private byte[] zlib(int[] rgb, int width, int height, Base base) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        out.write(0x78); // deflate, 32 KB window
        out.write(ZLIB_FLAGS); // (0x785e % 31 == 0)
        long adler = 1;
        Deflater deflater = deflaters.poll();
        if (deflater == null) {
            deflater = new Deflater(LEVEL, true);
        }
        // One band's rows and compressed bytes at a time, reused by the next band (not one pair per band).
        byte[] raw = new byte[BAND_ROWS * (3 * width + 1)];
        byte[] buffer = new byte[32 * 1024];
        try {
            for (int top = 0, k = 0; top < height; top += BAND_ROWS, k++) {
                int rows = Math.min(BAND_ROWS, height - top);
                int from = top * width;
                int to = from + rows * width;
                long length = (long) rows * (3L * width + 1);
                if (base != null && Arrays.equals(base.pixels, from, to, rgb, from, to)) {
                    out.writeBytes(base.bands[k].bytes());
                    adler = combine(adler, base.bands[k].adler(), length);
                    continue;
                }
                long hash = hash(rgb, from, to);
                Kept band = kept.get(hash);
                if (band == null || !Arrays.equals(band.pixels(), 0, band.pixels().length, rgb, from, to)) {
                    Compressed done = compress(deflater, rgb, from, to, width, raw, buffer);
                    out.writeBytes(done.bytes());
                    adler = combine(adler, done.adler(), length);
                    // Only a band seen before is kept, so only its pixels are copied.
                    if (seen.size() < MAX_SEEN && seen.putIfAbsent(hash, Boolean.TRUE) != null && kept.size() < MAX_KEPT) {
                        kept.putIfAbsent(hash, new Kept(Arrays.copyOfRange(rgb, from, to), done.bytes(), done.adler()));
                    }
                    continue;
                }
                out.writeBytes(band.compressed());
                adler = combine(adler, band.adler(), length);
            }
        } finally {
            deflaters.offer(deflater);
        }
        out.write(0x03); // an empty final block with fixed codes: the end of the deflate stream
        out.write(0x00);
        byte[] checksum = new byte[4];
        putInt(checksum, 0, (int) adler);
        out.writeBytes(checksum);
        return out.toByteArray();
    }

    /** A band's compressed bytes and the Adler-32 of its uncompressed rows. */
    private record Compressed(byte[] bytes, long adler) {
    }

    /**
     * One band: each row is filter type 0 (none), then red, green and blue of each pixel.
     *
     * @param raw room for the band's rows; {@code buffer} room for deflate's output
     */
    private static Compressed compress(Deflater deflater, int[] rgb, int from, int to, int width, byte[] raw,
            byte[] buffer) {
        int length = (to - from) / width * (3 * width + 1);
        int at = 0;
        for (int row = from; row < to; row += width) {
            raw[at++] = 0;
            for (int i = row, end = row + width; i < end; i++) {
                int c = rgb[i];
                raw[at++] = (byte) (c >> 16);
                raw[at++] = (byte) (c >> 8);
                raw[at++] = (byte) c;
            }
        }
        deflater.reset();
        deflater.setInput(raw, 0, length);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(length / 16 + 64);
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            compressed.write(buffer, 0, n);
        } while (n == buffer.length);
        Adler32 adler = new Adler32();
        adler.update(raw, 0, length);
        return new Compressed(compressed.toByteArray(), adler.getValue());
    }

    /**
     * A hash of every {@value #HASH_STRIDE}th pixel: enough to find a band seen before (which is then
     * compared in full), at a fraction of hashing every pixel, which cost more than compressing.
     */
    private static long hash(int[] rgb, int from, int to) {
        long h = to - from;
        for (int i = from; i < to; i += HASH_STRIDE) {
            h = 31 * h + rgb[i];
        }
        return h;
    }

    /** The Adler-32 of two byte runs one after the other, from theirs (zlib's adler32_combine). */
    static long combine(long first, long second, long secondLength) {
        final long base = 65521;
        long rem = secondLength % base;
        long sum1 = first & 0xffff;
        long sum2 = rem * sum1 % base;
        sum1 += (second & 0xffff) + base - 1;
        sum2 += (first >> 16 & 0xffff) + (second >> 16 & 0xffff) + base - rem;
        if (sum1 >= base) {
            sum1 -= base;
        }
        if (sum1 >= base) {
            sum1 -= base;
        }
        if (sum2 >= base << 1) {
            sum2 -= base << 1;
        }
        if (sum2 >= base) {
            sum2 -= base;
        }
        return sum2 << 16 | sum1;
    }

    /** The picture's pixels as 0x??RRGGBB, row by row: an INT_RGB picture's own array, else a copy. */
    private static int[] pixels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getRaster().getDataBuffer() instanceof DataBufferInt data
                && data.getNumBanks() == 1 && data.getOffset() == 0 && data.getSize() == width * height
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0) {
            // Not masked to the colour bytes: only the three colour bytes are written, so an unused top byte
            // can at worst make two equal bands compare unequal (compressed twice, the same bytes), and
            // masking the whole picture cost more than that (issue #11).
            return data.getData();
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < argb.length; i++) {
            argb[i] &= 0xffffff;
        }
        return argb;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] head = new byte[8];
        putInt(head, 0, data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, head, 4, 4);
        out.writeBytes(head);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.writeBytes(tail);
    }

    private static void putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
