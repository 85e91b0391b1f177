package org.medsite.cache;

/**
 * A 128-bit hash of bytes (MurmurHash3, x64 128-bit variant, seed 0; the same value as Guava's
 * {@code Hashing.murmur3_128()}), fed in pieces. It tells whether inputs and outputs are the same as a
 * build's before: cache keys, the fingerprint and the output manifest. Not a cryptographic hash: every input
 * is the site's own files and settings, and nobody gains from making two of them collide; by chance two
 * different inputs share a value with a probability of about 2^-64 even among billions of them.
 *
 * <p>Why not SHA-256, which this replaced: the command line runs with C1 only (the launcher), where the JDK's
 * SHA-256 runs at about 30 MB/s and hashing every source, output file and cache key was a fifth of a
 * one-page rebuild's CPU (issue #11); this runs at several hundred MB/s there. Why not Guava's: it would add
 * a 3 MB library to the command line for this one function; the test checks the published reference values.
 */
public final class ContentHash {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private long h1;
    private long h2;
    private long length;
    /** Bytes not yet a whole 16-byte block. */
    private final byte[] pending = new byte[16];
    private int pendingLength;

    public ContentHash update(byte[] bytes) {
        return update(bytes, 0, bytes.length);
    }

    public ContentHash update(byte[] bytes, int offset, int count) {
        length += count;
        int at = offset;
        int end = offset + count;
        if (pendingLength > 0) {
            int take = Math.min(16 - pendingLength, count);
            System.arraycopy(bytes, at, pending, pendingLength, take);
            pendingLength += take;
            at += take;
            if (pendingLength < 16) {
                return this;
            }
            block(pending, 0);
            pendingLength = 0;
        }
        for (; end - at >= 16; at += 16) {
            block(bytes, at);
        }
        System.arraycopy(bytes, at, pending, 0, end - at);
        pendingLength = end - at;
        return this;
    }

    /** The remaining bytes of {@code bytes} (a heap or a mapped buffer), leaving its position as it is. */
    public ContentHash update(java.nio.ByteBuffer bytes) {
        if (bytes.hasArray()) {
            return update(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        }
        java.nio.ByteBuffer view = bytes.duplicate();
        byte[] chunk = new byte[Math.min(view.remaining(), 1 << 13)];
        while (view.hasRemaining()) {
            int n = Math.min(chunk.length, view.remaining());
            view.get(chunk, 0, n);
            update(chunk, 0, n);
        }
        return this;
    }

    /** Four bytes of {@code value}, big-endian (a length prefix). */
    public ContentHash updateInt(int value) {
        return update(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    private void block(byte[] b, int at) {
        mix((long) LONGS.get(b, at), (long) LONGS.get(b, at + 8));
    }

    private void mix(long k1, long k2) {
        h1 ^= mixK1(k1);
        h1 = Long.rotateLeft(h1, 27);
        h1 += h2;
        h1 = h1 * 5 + 0x52dce729;
        h2 ^= mixK2(k2);
        h2 = Long.rotateLeft(h2, 31);
        h2 += h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long littleEndian(byte[] b, int at, int count) {
        long value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = value << 8 | (b[at + i] & 0xffL);
        }
        return value;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** The hash of everything fed so far, as 32 hex digits (the 16 bytes of h1 then h2, little-endian). */
    public String hex() {
        long a = h1;
        long b = h2;
        if (pendingLength > 0) {
            a ^= mixK1(littleEndian(pending, 0, Math.min(pendingLength, 8)));
            if (pendingLength > 8) {
                b ^= mixK2(littleEndian(pending, 8, pendingLength - 8));
            }
        }
        a ^= length;
        b ^= length;
        a += b;
        b += a;
        a = fmix64(a);
        b = fmix64(b);
        a += b;
        b += a;
        // Into a byte array, not a StringBuilder of Character.forDigit calls: every cache key of a build is one
        // of these, thousands of them before the JIT compiled anything (issue #11).
        byte[] hex = new byte[32];
        digits(a, hex, 0);
        digits(b, hex, 16);
        return new String(hex, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    /** The 8 bytes of {@code v}, little-endian, as 16 hex digits at {@code at}. */
    private static void digits(long v, byte[] hex, int at) {
        for (int i = 0; i < 8; i++) {
            int octet = (int) (v >>> (8 * i)) & 0xff;
            hex[at + 2 * i] = DIGITS[octet >>> 4];
            hex[at + 2 * i + 1] = DIGITS[octet & 0xf];
        }
    }

    /** The hash of {@code bytes}, in hex. */
    public static String of(byte[] bytes) {
        return new ContentHash().update(bytes).hex();
    }
}
