package org.medsite.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void givesMurmurHash3x64With128BitsAsPublished() {
        // The reference values of MurmurHash3_x64_128 with seed 0 (as Guava's Hashing.murmur3_128() prints them).
        assertThat(ContentHash.of(new byte[0])).isEqualTo("00000000000000000000000000000000");
        assertThat(ContentHash.of("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("6c1b07bc7bbc4be347939ac4a93c437a");
    }

    @Test
    void bytesFedInPiecesHashAsTheWhole() {
        Random random = new Random(11);
        for (int round = 0; round < 5_000; round++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            ContentHash pieces = new ContentHash();
            for (int at = 0; at < bytes.length;) {
                int n = Math.min(bytes.length - at, random.nextInt(20));
                pieces.update(bytes, at, n);
                at += n;
            }
            assertThat(pieces.hex()).isEqualTo(ContentHash.of(bytes));
        }
    }

    @Test
    void eachOneByteChangeChangesTheHash() {
        byte[] page = "<p>Take one tablet twice a day.</p>".repeat(20).getBytes(StandardCharsets.UTF_8);
        Set<String> seen = new HashSet<>();
        seen.add(ContentHash.of(page));
        for (int i = 0; i < page.length; i++) {
            byte[] edited = page.clone();
            edited[i] ^= 1;
            assertThat(seen.add(ContentHash.of(edited))).as("byte %d", i).isTrue();
        }
    }
}
