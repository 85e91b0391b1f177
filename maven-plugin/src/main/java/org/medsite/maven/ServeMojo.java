package org.medsite.maven;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.medsite.api.BuildResult;
import org.medsite.api.Medsite;
import org.medsite.api.MedsiteException;
import org.medsite.server.DevServer;
import org.medsite.server.ServeListener;
import org.medsite.server.ServeOptions;

/**
 * Serves the site at {@code http://127.0.0.1:1313/} while you write it: builds it once, then rebuilds
 * only what each saved change affects and reloads the browser (a stylesheet is swapped in place). A
 * change that breaks the build shows its errors, with file and line, over the page; the next good save
 * clears them. Stop it with Ctrl+C.
 *
 * <p>The site is served from {@code serveDirectory} ({@code target/medsite-serve}), never from the
 * {@code outputDirectory} that {@code build} writes for publishing, and with the server's address as
 * its base URL.
 *
 * @since 0.1.0
 */
@Mojo(name = "serve", threadSafe = true)
public class ServeMojo extends AbstractSiteMojo {

    /**
     * The port to listen on. When the default port is taken, the next free one is used; a port given
     * here must be free.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.port", defaultValue = "1313")
    private int port;

    /**
     * The address to listen on. The default serves this machine only; {@code 0.0.0.0} makes the site,
     * drafts included, reachable from the network (for a phone on the same Wi-Fi).
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.bind", defaultValue = "127.0.0.1")
    private String bind;

    /**
     * Where the served site is written: a folder of its own, so that serving never replaces the
     * site {@code build} writes for publishing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.serveDirectory", defaultValue = "${project.build.directory}/medsite-serve",
            required = true)
    private File serveDirectory;

    @Override
    BuildResult run(Medsite medsite) throws MedsiteException {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new MedsiteException("<bind> '" + bind + "' is not an address of this machine; use an IP address "
                    + "such as 127.0.0.1 or 0.0.0.0", e);
        }
        medsite.outputDir(serveDirectory.toPath());
        ServeOptions options = new ServeOptions(address, port, port == ServeOptions.DEFAULT_PORT, false,
                ServeOptions.DEFAULT_QUIET_PERIOD);
        DevServer server;
        try {
            server = DevServer.start(medsite, options, new ServeListener() {
                @Override
                public void info(String line) {
                    getLog().info("Medsite: " + line);
                }

                @Override
                public void warning(String line) {
                    getLog().warn("Medsite: " + line);
                }
            });
        } catch (IOException e) {
            throw new MedsiteException("cannot serve the site: " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "medsite-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        // Only reached when interrupted: the served builds' findings were logged as they happened.
        return server.lastResult();
    }
}
