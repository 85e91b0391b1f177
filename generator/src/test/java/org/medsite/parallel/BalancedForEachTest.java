package org.medsite.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BalancedForEachTest {

    @Test
    void everyItemOnceOnThePoolsThreads() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            List<Integer> items = IntStream.range(0, 5000).boxed().toList();
            AtomicIntegerArray runs = new AtomicIntegerArray(items.size());
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            pool.submit(() -> BalancedForEach.run(items, i -> {
                runs.incrementAndGet(i);
                threads.add(Thread.currentThread());
            })).get();
            for (int i = 0; i < items.size(); i++) {
                assertEquals(1, runs.get(i), "item " + i);
            }
            assertTrue(threads.stream().allMatch(t -> pool.equals(
                    t instanceof java.util.concurrent.ForkJoinWorkerThread w ? w.getPool() : null)), threads.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void outsideAPoolTheCallerWorksToo() {
        AtomicIntegerArray runs = new AtomicIntegerArray(100);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        BalancedForEach.runIndexes(100, i -> {
            runs.incrementAndGet(i);
            threads.add(Thread.currentThread());
        });
        for (int i = 0; i < 100; i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
        assertTrue(threads.stream().allMatch(t -> t == Thread.currentThread()
                || t instanceof java.util.concurrent.ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool()));
    }

    /**
     * While one thread is held by a slow item, the other takes every other item: a parallel stream gives each
     * thread a quarter of the list at a time, so the items cut into the slow one's piece wait for it (here,
     * for ever: the slow item waits for all the others).
     */
    @Test
    void aSlowItemHoldsUpNoOtherItem() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            int size = 64;
            CountDownLatch others = new CountDownLatch(size - 1);
            AtomicIntegerArray runs = new AtomicIntegerArray(size);
            boolean[] slowSawAll = new boolean[1];
            pool.submit(() -> BalancedForEach.runIndexes(size, i -> {
                runs.incrementAndGet(i);
                if (i == 0) {
                    try {
                        slowSawAll[0] = others.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    others.countDown();
                }
            })).get();
            assertTrue(slowSawAll[0], "the items after the slow one waited for it");
            for (int i = 0; i < size; i++) {
                assertEquals(1, runs.get(i), "index " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFirstFailureIsRethrownAsItWas() {
        IllegalStateException failure = new IllegalStateException("page 3");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> BalancedForEach.runIndexes(10_000, i -> {
                    if (i == 3) {
                        throw failure;
                    }
                }));
        assertSame(failure, thrown);
    }

    @Test
    void nothingToDo() {
        BalancedForEach.run(List.of(), i -> {
            throw new AssertionError("no item");
        });
    }
}
