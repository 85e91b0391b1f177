package org.medsite.render;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A time limit on one template run. FreeMarker cannot be stopped from outside but checks its thread's
 * interrupt flag in every loop and macro body once its templates are instrumented (see
 * {@link RecordingConfiguration}); so when the limit passes, the rendering thread is interrupted, and
 * the flag is cleared again afterwards so the interrupt never reaches later work on that thread.
 */
final class RenderDeadline implements AutoCloseable {

    /**
     * One daemon timer thread for every build in the JVM, ended after a minute without work: like the
     * JDK's common pool, it is infrastructure, not configuration, and builds need no way to close it.
     */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Thread thread;
    private final ScheduledFuture<?> alarm;
    private boolean done;
    private boolean expired;

    private RenderDeadline(Duration limit) {
        this.thread = Thread.currentThread();
        this.alarm = TIMER.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the clock for a run on the current thread. */
    static RenderDeadline start(Duration limit) {
        return new RenderDeadline(limit);
    }

    private synchronized void expire() {
        if (!done) {
            expired = true;
            thread.interrupt();
        }
    }

    /** Whether the limit passed before the run ended. */
    synchronized boolean expired() {
        return expired;
    }

    /** Stops the clock; clears the interrupt it caused, if it did. */
    @Override
    public void close() {
        alarm.cancel(false);
        synchronized (this) {
            done = true;
            if (expired) {
                Thread.interrupted();
            }
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "medsite-render-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(1, TimeUnit.MINUTES);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }
}
