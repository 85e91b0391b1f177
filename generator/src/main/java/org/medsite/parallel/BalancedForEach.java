package org.medsite.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Does some work for each item of a list on all threads of a fork/join pool, each thread taking the next
 * item as it finishes one: the work of {@code items.parallelStream().forEach(work)}, on the same pool (the
 * current task's, else the common one, with the calling thread among the workers), without its split.
 *
 * <p>Why not the parallel stream: it cuts a list into pieces of about a quarter of the list on a machine of
 * two cores (its leaves are sized for four per thread of the common pool, whatever the pool), and a thread
 * that finishes its pieces then waits for the other's. A build's pages do not cost alike (the first ones
 * run in the interpreter, some are long, a file's creation depends on the file system's state), so each
 * stage of a cold build ended with one core idle for up to a piece's time: about a second of a 4000-page
 * build's Markdown stage (issue #11).
 */
public final class BalancedForEach {

    private BalancedForEach() {
    }

    /**
     * Runs {@code work} once for each item, in no set order, and returns when all are done. The first
     * exception or error thrown by {@code work} stops the taking of further items and is rethrown as it was,
     * once every thread has stopped.
     */
    public static <T> void run(List<T> items, Consumer<? super T> work) {
        runIndexes(items.size(), i -> work.accept(items.get(i)));
    }

    /** Runs {@code work} once for each index from 0 to {@code size - 1}, as {@link #run} does for items. */
    public static void runIndexes(int size, IntConsumer work) {
        if (size <= 0) {
            return;
        }
        boolean inPool = ForkJoinTask.inForkJoinPool();
        ForkJoinPool pool = inPool ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
        // The calling thread is one of the workers: a pool's own thread is one of its threads, another thread
        // comes on top of the pool's (as it does in a parallel stream).
        int helpers = Math.min(size - 1, inPool ? pool.getParallelism() - 1 : pool.getParallelism());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable takeItems = () -> {
            for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                try {
                    work.accept(i);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    next.set(size);
                    return;
                }
            }
        };
        List<ForkJoinTask<?>> forked = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            // From a pool's thread, fork() queues the task in that pool; from any other, in the common pool.
            forked.add(ForkJoinTask.adapt(takeItems).fork());
        }
        takeItems.run();
        for (ForkJoinTask<?> task : forked) {
            task.join();
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException r) {
            throw r;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
    }
}
