package org.medsite.server;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the dev server listens.
 *
 * @param bind the address to listen on; the loopback address unless the site should be reachable from
 *     other machines (it then serves drafts and unpublished pages to anyone on the network)
 * @param port the port; 0 for any free one
 * @param nextFreePort when {@code port} is taken, try the following ones (as {@code medsite serve} does
 *     with its default port) instead of failing
 * @param keepBaseUrl serve the site with its own base URL instead of the server's address (for a
 *     {@code --base-url} given on purpose)
 * @param quietPeriod how long the sources must be still before a rebuild starts
 */
public record ServeOptions(InetAddress bind, int port, boolean nextFreePort, boolean keepBaseUrl, Duration quietPeriod) {

    /** The default port, as for Hugo, whose users will expect it. */
    public static final int DEFAULT_PORT = 1313;
    /**
     * Long enough to cover the steps of an editor's save once its file is whole again (a rename over the
     * original, a backup touched or deleted: consecutive system calls of one process, microseconds apart
     * unless the editor is descheduled), short enough not to be noticed. The batch ends only once every
     * changed file is also as it was at its last event (size and modification time), so the period need
     * not cover the delivery of the events. While a changed file is gone or empty, the middle of a save,
     * the watcher waits longer ({@code SourceWatcher.HALF_SAVED_QUIET_PERIOD}). A step that comes later
     * than this (an editor descheduled between two steps) is a second batch: a second rebuild, or none
     * when it touched only a backup or swap file.
     */
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(5);

    public ServeOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }

    /** The loopback address and the default port (or the next free one). */
    public static ServeOptions defaults() {
        return new ServeOptions(InetAddress.getLoopbackAddress(), DEFAULT_PORT, true, false, DEFAULT_QUIET_PERIOD);
    }
}
