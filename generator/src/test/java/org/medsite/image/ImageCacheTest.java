package org.medsite.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCacheTest {

    @TempDir
    Path tmp;

    /** Pages with the same card ask for it at the same moment: it is drawn once, and the counts say so. */
    @Test
    void anImageAskedForByManyThreadsAtOnceIsMadeOnce() throws Exception {
        ImageCache cache = new ImageCache(Optional.of(tmp.resolve("images")));
        AtomicInteger drawings = new AtomicInteger();
        CountDownLatch asked = new CountDownLatch(8);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<byte[]>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(() -> {
                    asked.countDown();
                    asked.await();
                    return cache.get("card", "same", "png", () -> {
                        drawings.incrementAndGet();
                        // Drawing until the other seven asked (with the fix they wait for this drawing; without
                        // it they would draw too, and this gives up after a while so the test can fail).
                        long giveUp = System.nanoTime() + 10_000_000_000L;
                        while (cache.reused("card") < 7 && System.nanoTime() < giveUp) {
                            Thread.onSpinWait();
                        }
                        return Optional.of(new byte[] {1, 2, 3});
                    });
                }));
            }
            for (Future<Optional<byte[]>> r : results) {
                assertThat(r.get()).contains(new byte[] {1, 2, 3});
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(drawings).hasValue(1);
        assertThat(cache.made("card")).isEqualTo(1);
        assertThat(cache.reused("card")).isEqualTo(7);
        assertThat(tmp.resolve("images").resolve(ImageCache.fileName("same", "png"))).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void aFailureReachesEveryoneWhoAskedForTheImage() throws Exception {
        ImageCache cache = new ImageCache(Optional.empty());
        java.io.IOException broken = new java.io.IOException("unreadable photo");
        for (int i = 0; i < 2; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.get("resize", "bad", "jpg", () -> {
                throw broken;
            })).isSameAs(broken);
        }
        assertThat(cache.made("resize")).isEqualTo(1);
    }
}
