package org.medsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An editor's save is one batch of changes, whichever way the editor writes the file: the batch ends
 * after a short quiet period once every changed file is whole, and not while one is gone or empty, the
 * state between the steps of a save. The pauses inside the saves below are many times the short quiet
 * period and far below the long one, so that a slow machine cannot split a save in two.
 */
class SourceWatcherTest {

    private static final Duration QUIET = Duration.ofMillis(20);
    private static final Duration HALF_SAVED = Duration.ofSeconds(10);
    private static final long PAUSE_MS = 300;

    @TempDir
    Path site;
    private Path page;
    private SourceWatcher watcher;

    @BeforeEach
    void watch() throws Exception {
        page = site.resolve("content/blog/flu.md");
        Files.createDirectories(page.getParent());
        Files.writeString(page, "---\ntitle: Flu\n---\nGet a shot.\n", StandardCharsets.UTF_8);
        watcher = new SourceWatcher(site, List.of(site.resolve("content")), QUIET, HALF_SAVED);
    }

    @AfterEach
    void close() throws Exception {
        watcher.close();
    }

    @Test
    void truncateThenWriteIsOneBatch() throws Exception {
        CompletableFuture<List<Path>> batch = CompletableFuture.supplyAsync(this::next);
        Files.writeString(page, "", StandardCharsets.UTF_8);
        Thread.sleep(PAUSE_MS);
        assertThat(batch).isNotDone();
        Files.writeString(page, "---\ntitle: Flu\n---\nGet a shot in autumn.\n", StandardCharsets.UTF_8);

        assertThat(batch.get(30, TimeUnit.SECONDS)).containsExactly(page);
        assertNothingMore();
    }

    @Test
    void renameAwayThenWriteAnewIsOneBatch() throws Exception {
        CompletableFuture<List<Path>> batch = CompletableFuture.supplyAsync(this::next);
        Path backup = page.resolveSibling("flu.md~");
        Files.move(page, backup);
        Thread.sleep(PAUSE_MS);
        assertThat(batch).isNotDone();
        Files.writeString(page, "---\ntitle: Flu\n---\nGet a shot in autumn.\n", StandardCharsets.UTF_8);
        Files.delete(backup);

        assertThat(batch.get(30, TimeUnit.SECONDS)).contains(page, backup);
        assertNothingMore();
    }

    @Test
    void aTemporaryFileRenamedOverThePageIsOneBatch() throws Exception {
        CompletableFuture<List<Path>> batch = CompletableFuture.supplyAsync(this::next);
        Path temporary = page.resolveSibling(".flu.md.tmp");
        Files.writeString(temporary, "---\ntitle: Flu\n---\nGet a shot in autumn.\n", StandardCharsets.UTF_8);
        Files.move(temporary, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(batch.get(30, TimeUnit.SECONDS)).contains(page);
        assertNothingMore();
    }

    @Test
    void aWholeFileEndsTheBatchWithoutTheLongWait() throws Exception {
        CompletableFuture<List<Path>> batch = CompletableFuture.supplyAsync(this::next);
        Files.writeString(page, "---\ntitle: Flu\n---\nGet a shot in autumn.\n", StandardCharsets.UTF_8);

        // Well before the long quiet period: the file is whole, so the short one ended the batch.
        assertThat(batch.get(HALF_SAVED.toMillis() / 2, TimeUnit.MILLISECONDS)).containsExactly(page);
    }

    @Test
    void aFileStillChangingAfterItsLastEventKeepsTheBatchOpen() throws Exception {
        // Stands in for a write whose event has not come yet: the first three looks after the page's event
        // find it a different size each time. The batch ends only once a look finds it as last seen.
        watcher.close();
        java.util.concurrent.atomic.AtomicInteger looks = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger stillGrowing = new java.util.concurrent.atomic.AtomicInteger(4);
        watcher = new SourceWatcher(site, List.of(site.resolve("content")), QUIET, HALF_SAVED, path -> {
            SourceWatcher.FileState real = SourceWatcher.FileState.of(path);
            if (!path.equals(page)) {
                return real;
            }
            looks.incrementAndGet();
            int left = stillGrowing.getAndUpdate(n -> Math.max(0, n - 1));
            return new SourceWatcher.FileState(real.exists(), real.regularFile(), real.size() + left, real.modified());
        });
        CompletableFuture<List<Path>> batch = CompletableFuture.supplyAsync(this::next);
        Files.writeString(page, "---\ntitle: Flu\n---\nGet a shot in autumn.\n", StandardCharsets.UTF_8);

        assertThat(batch.get(30, TimeUnit.SECONDS)).containsExactly(page);
        // A look at the event, then one after each quiet period: four that found it changed, one that found it still.
        assertThat(looks.get()).isGreaterThanOrEqualTo(6);
        assertThat(stillGrowing.get()).isZero();
    }

    @Test
    void aBatchRecordsWhenItsEventsCameAndWhenItSettled() throws Exception {
        CompletableFuture<List<Path>> batch = CompletableFuture.supplyAsync(this::next);
        long before = System.nanoTime();
        Files.writeString(page, "---\ntitle: Flu\n---\nGet a shot in autumn.\n", StandardCharsets.UTF_8);

        assertThat(batch.get(30, TimeUnit.SECONDS)).containsExactly(page);
        SourceWatcher.BatchTimes times = watcher.lastBatch();
        assertThat(times.firstEvent()).isGreaterThanOrEqualTo(before);
        assertThat(times.lastEvent()).isGreaterThanOrEqualTo(times.firstEvent());
        // The quiet period lies between the last event and the batch's end.
        assertThat(times.settled() - times.lastEvent()).isGreaterThanOrEqualTo(QUIET.toNanos());
    }

    /** No change is left over for a second batch. */
    private void assertNothingMore() throws Exception {
        CompletableFuture<List<Path>> more = CompletableFuture.supplyAsync(this::next);
        Thread.sleep(PAUSE_MS);
        assertThat(more).isNotDone();
        watcher.close();
        assertThat(more.get(30, TimeUnit.SECONDS)).isEmpty();
    }

    private List<Path> next() {
        try {
            return watcher.next();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
