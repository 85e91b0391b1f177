package org.medsite.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.medsite.api.BuildResult;
import org.medsite.api.BuildSession;
import org.medsite.api.Medsite;
import org.medsite.api.MedsiteException;
import org.medsite.api.Rebuild;
import org.medsite.diagnostics.Finding;

/**
 * {@code medsite serve}: builds the site once, serves the output folder over HTTP, and rebuilds what a
 * change affects whenever a source changes, keeping the build warm in memory ({@link BuildSession}).
 * Pages it serves get a small script that reloads them after a rebuild (or swaps a changed stylesheet
 * in place) and shows a failed rebuild's errors over the page; the script exists only here, never in
 * the built files.
 *
 * <p>The server survives any edit: a rebuild that fails leaves the last good output in place and shows
 * its errors, and the next good save clears them.
 */
public final class DevServer implements AutoCloseable {

    /** How many ports after a taken default port are tried. */
    private static final int PORT_ATTEMPTS = 20;
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** How many findings of a failed rebuild the console lists; the overlay shows them all. */
    private static final int LISTED = 10;

    private final HttpServer http;
    private final URI url;
    private final BuildSession session;
    private final OutputFiles files;
    private final LiveReload liveReload = new LiveReload();
    private final ServeListener console;
    private final SourceWatcher watcher;
    private final ExecutorService requests;
    private final ScheduledExecutorService heartbeat;
    private final Thread rebuilder;
    private final ObjectMapper json = new ObjectMapper();
    private final byte[] script;
    /** The errors of the last build; empty when it succeeded. */
    private volatile List<Finding> errors = List.of();
    /** The last build that ran to its end, failed or not. */
    private volatile BuildResult lastResult;

    private DevServer(HttpServer http, URI url, BuildSession session, ServeListener console, ServeOptions options)
            throws IOException {
        this.http = http;
        this.url = url;
        this.session = session;
        this.console = console;
        this.files = new OutputFiles(session.outputDir());
        try (InputStream in = DevServer.class.getResourceAsStream("livereload.js")) {
            if (in == null) {
                throw new IOException("livereload.js is missing from the Medsite jar");
            }
            this.script = in.readAllBytes();
        }
        this.requests = Executors.newCachedThreadPool(daemon("medsite-http"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("medsite-heartbeat"));
        this.watcher = new SourceWatcher(session.siteDir(), session.sources(), options.quietPeriod());
        this.rebuilder = daemon("medsite-rebuild").newThread(this::watch);
        http.createContext("/", this::handle);
        http.setExecutor(requests);
    }

    /**
     * Binds the address, builds the site and starts serving it and watching its sources.
     *
     * @param medsite the build to serve; unless {@link ServeOptions#keepBaseUrl()}, its base URL is set
     *     to the server's address, so that every link and feed points at the server
     */
    public static DevServer start(Medsite medsite, ServeOptions options, ServeListener console)
            throws IOException, MedsiteException {
        if (!options.bind().isLoopbackAddress()) {
            console.warning("listening on " + options.bind().getHostAddress() + ": anyone who can reach this "
                    + "machine can see the site, drafts included; leave out --bind to serve only this machine");
        }
        HttpServer http = bind(options);
        URI url = address(options, http.getAddress().getPort());
        if (!options.keepBaseUrl()) {
            medsite.baseUrl(url.toString());
        }
        BuildSession session = medsite.session();
        long start = System.nanoTime();
        Rebuild first;
        try {
            first = session.build();
        } catch (MedsiteException | RuntimeException e) {
            // Another build holds the output folder, or the disk failed: nothing to serve.
            session.close();
            http.stop(0);
            throw e;
        }
        DevServer server = new DevServer(http, url, session, console, options);
        server.reportFirst(first, start);
        http.start();
        server.rebuilder.start();
        server.heartbeat.scheduleAtFixedRate(server.liveReload::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        console.info("serving " + url + " (press Ctrl+C to stop)");
        return server;
    }

    public URI url() {
        return url;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The last build that ran to its end. */
    public BuildResult lastResult() {
        return lastResult;
    }

    /** Whether the last build had errors. */
    public boolean failing() {
        return !errors.isEmpty();
    }

    private static HttpServer bind(ServeOptions options) throws IOException {
        int attempts = options.nextFreePort() && options.port() != 0 ? PORT_ATTEMPTS : 1;
        BindException last = null;
        for (int i = 0; i < attempts && options.port() + i <= 65535; i++) {
            try {
                return HttpServer.create(new InetSocketAddress(options.bind(), options.port() + i), 0);
            } catch (BindException e) {
                last = e;
            }
        }
        throw new BindException("cannot listen on " + options.bind().getHostAddress() + " port " + options.port()
                + (attempts > 1 ? " or the " + (attempts - 1) + " after it" : "") + ": "
                + (last == null ? "no port left" : last.getMessage()) + "; choose another with --port");
    }

    private static URI address(ServeOptions options, int port) {
        String host;
        if (options.bind().isAnyLocalAddress()) {
            host = "localhost";
        } else if (options.bind() instanceof Inet6Address) {
            host = "[" + options.bind().getHostAddress().replaceFirst("%.*", "") + "]";
        } else {
            host = options.bind().getHostAddress();
        }
        return URI.create("http://" + host + ":" + port + "/");
    }

    // --- rebuilding ---

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            List<Path> changed;
            try {
                changed = watcher.next();
            } catch (InterruptedException e) {
                return;
            }
            if (changed.isEmpty()) {
                return; // closed
            }
            SourceWatcher.BatchTimes batch = watcher.lastBatch();
            mark("batch-first-event", batch.firstEvent());
            mark("batch-last-event", batch.lastEvent());
            mark("batch-settled", batch.settled());
            rebuild(changed);
        }
    }

    /** Rebuilds after a change; whatever goes wrong is shown, and the server goes on. */
    void rebuild(List<Path> changed) {
        long start = System.nanoTime();
        mark("rebuild-start", start);
        String what = describe(changed);
        try {
            Optional<Rebuild> rebuild = session.rebuild(changed);
            mark("rebuild-end", System.nanoTime());
            if (rebuild.isPresent()) {
                report(rebuild.get(), what, start);
            }
        } catch (MedsiteException e) {
            fail(List.of(Finding.error("build.failed", "", 0, e.getMessage())), what, start);
        } catch (RuntimeException | StackOverflowError e) {
            fail(List.of(Finding.error("build.internal", "", 0, "internal error: " + e
                    + " (this is a bug in Medsite; the server goes on, save again to retry)")), what, start);
        }
    }

    private void reportFirst(Rebuild first, long start) {
        BuildResult result = first.result();
        lastResult = result;
        long pages = result.pages().stream().filter(p -> !p.kind().equals("404")).count();
        if (result.errorCount() > 0) {
            fail(result.errors(), "first build", start);
        } else {
            console.info(String.format(Locale.ROOT, "built %d pages in %d ms%s", pages, millis(start),
                    warnings(result)));
        }
    }

    private void report(Rebuild rebuild, String what, long start) {
        BuildResult result = rebuild.result();
        lastResult = result;
        if (result.errorCount() > 0) {
            fail(result.errors(), what, start);
            return;
        }
        boolean recovered = !errors.isEmpty();
        errors = List.of();
        List<String> changed = rebuild.changedFiles();
        // The console line first: whoever reacts to the event (a test, a user at the terminal) finds it there.
        console.info(String.format(Locale.ROOT, "%s: rebuilt in %d ms, %s%s", what, millis(start),
                files(changed), warnings(result)));
        mark("console-line", System.nanoTime());
        if (!changed.isEmpty() || recovered) {
            boolean onlyCss = !recovered && changed.stream().allMatch(p -> p.endsWith(".css"));
            liveReload.broadcast(onlyCss ? new LiveReload.Event("css", toJson(Map.of("files", changed)))
                    : new LiveReload.Event("reload", toJson(Map.of("files", changed))));
            mark("event-sent", System.nanoTime());
        }
    }

    /**
     * A debug line with the moment ({@link System#nanoTime()}, in ms) a save reached a step on its way to
     * the browser's reload, for {@code generator/bench/serve/timeline.py}; on Linux the clock is the
     * system's monotonic clock, which the benchmark's script reads too.
     */
    private void mark(String step, long nanos) {
        console.debug(String.format(Locale.ROOT, "timeline %s %.3f", step, nanos / 1e6));
    }

    private void fail(List<Finding> found, String what, long start) {
        errors = List.copyOf(found);
        console.warning(String.format(Locale.ROOT, "%s: build failed in %d ms with %d error%s; serving the last "
                + "good build", what, millis(start), found.size(), found.size() == 1 ? "" : "s"));
        found.stream().limit(LISTED).forEach(f -> console.warning("  " + f.format()));
        if (found.size() > LISTED) {
            console.warning("  ... and " + (found.size() - LISTED) + " more, shown in the browser");
        }
        liveReload.broadcast(errorsEvent());
    }

    private LiveReload.Event errorsEvent() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : errors) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("file", f.file());
            item.put("line", f.line());
            item.put("message", f.message());
            item.put("rule", f.rule());
            list.add(item);
        }
        return new LiveReload.Event("errors", toJson(Map.of("findings", list)));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The changed sources for the console: {@code content/blog/flu.md}, or the first few and a count. */
    private String describe(List<Path> changed) {
        List<String> names = new ArrayList<>();
        for (Path p : changed) {
            Path abs = p.toAbsolutePath().normalize();
            names.add(abs.startsWith(session.siteDir()) ? session.siteDir().relativize(abs).toString().replace('\\', '/')
                    : abs.toString());
        }
        return names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }

    private static String files(List<String> changed) {
        if (changed.isEmpty()) {
            return "no file changed";
        }
        String n = changed.size() + (changed.size() == 1 ? " file" : " files") + " changed";
        return changed.size() <= 3 ? n + " (" + String.join(", ", changed) + ")" : n;
    }

    private static String warnings(BuildResult result) {
        long w = result.warningCount();
        return w == 0 ? "" : ", " + w + (w == 1 ? " warning" : " warnings") + " (medsite check lists them)";
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    // --- serving ---

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (LiveReload.EVENTS_PATH.equals(path) && exchange.getRequestMethod().equals("GET")) {
            try {
                // Left open: the stream lasts until the browser or the server goes.
                liveReload.connect(exchange, errors.isEmpty() ? null : errorsEvent());
            } catch (IOException e) {
                exchange.close();
            }
            return;
        }
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8),
                        false);
                return;
            }
            if (LiveReload.SCRIPT_PATH.equals(path)) {
                send(exchange, 200, "text/javascript; charset=utf-8", script, head);
                return;
            }
            OutputFiles.Lookup lookup = files.lookup(path);
            if (lookup instanceof OutputFiles.Lookup.Found found) {
                sendFile(exchange, 200, found.file(), head);
            } else if (lookup instanceof OutputFiles.Lookup.AddSlash slash) {
                exchange.getResponseHeaders().set("Location", slash.location());
                send(exchange, 301, "text/plain; charset=utf-8", new byte[0], head);
            } else {
                Optional<Path> page = files.notFoundPage();
                if (page.isPresent()) {
                    sendFile(exchange, 404, page.get(), head);
                } else {
                    send(exchange, 404, "text/html; charset=utf-8", LiveReload.inject(
                            "<!doctype html><title>Not found</title><p>Not found.</p></body>")
                            .getBytes(StandardCharsets.UTF_8), head);
                }
            }
        } catch (IOException e) {
            // The browser went away mid-response: nothing to do.
        } catch (RuntimeException e) {
            console.warning("request " + exchange.getRequestURI() + " failed: " + e);
        }
    }

    private void sendFile(HttpExchange exchange, int status, Path file, boolean head) throws IOException {
        String type = OutputFiles.contentType(file);
        byte[] bytes = Files.readAllBytes(file);
        if (type.startsWith("text/html")) {
            bytes = LiveReload.inject(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, status, type, bytes, head);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head)
            throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        if (head) {
            headers.set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops serving and watching; the output folder is left as it is. */
    @Override
    public void close() {
        rebuilder.interrupt();
        try {
            watcher.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        liveReload.closeAll();
        http.stop(0);
        heartbeat.shutdownNow();
        requests.shutdownNow();
        session.close();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
