package org.medsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.api.Medsite;

/** The dev server over real HTTP, on a free port, with a real file watcher. */
class DevServerTest {

    /** Generous: the watcher and rebuild are fast, but CI machines are sometimes very busy. */
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path tmp;
    private Path site;
    private Path out;
    private DevServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        site = tmp.resolve("site");
        out = tmp.resolve("out");
        write("site.yaml", "title: Clinic\n");
        write("layouts/single.ftlh", "<!doctype html><html><head><title>${page.title}</title>"
                + "<link rel=\"stylesheet\" href=\"${relURL('/css/site.css')}\"></head><body><h1>${page.title}</h1>"
                + "${page.content}</body></html>");
        write("layouts/404.ftlh", "<!doctype html><html><body>No such page</body></html>");
        write("content/about.md", "---\ntitle: About\n---\nWe care.\n");
        write("content/hours.md", "---\ntitle: Hours\n---\nNine to five.\n");
        write("static/css/site.css", "body { color: black; }\n");
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        server = DevServer.start(Medsite.forSite(site).outputDir(out),
                new ServeOptions(InetAddress.getLoopbackAddress(), 0, false, false, Duration.ofMillis(50)),
                new ServeListener() {
                    @Override
                    public void info(String line) {
                        console.add(line);
                    }

                    @Override
                    public void warning(String line) {
                        console.add(line);
                    }
                });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesPagesWithTheReloadScriptWhichTheBuiltFilesDoNotHave() throws Exception {
        HttpResponse<String> page = get("/about/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("We care.").contains(LiveReload.SCRIPT_TAG);
        assertThat(Files.readString(out.resolve("about/index.html"))).doesNotContain("__medsite");

        HttpResponse<String> script = get(LiveReload.SCRIPT_PATH);
        assertThat(script.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("EventSource('/__medsite/events')");
        assertThat(get("/css/site.css").headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
        assertThat(get("/about").statusCode()).isEqualTo(301);
        assertThat(get("/no-such-page/").statusCode()).isEqualTo(404);
        assertThat(get("/no-such-page/").body()).contains("No such page");
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(console).anyMatch(line -> line.startsWith("serving http://127.0.0.1:"));
    }

    @Test
    void nothingOutsideTheOutputFolderIsServed() throws Exception {
        Files.createSymbolicLink(out.resolve("leak.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(out.resolve("leak"), tmp);
        for (String path : List.of("/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                "/css/%2e%2e/%2e%2e/secret.txt", "/css%2f..%2f..%2fsecret.txt", "/..%2fsecret.txt",
                "/..%5csecret.txt", "/%2e%2e%5csecret.txt", "/leak.txt", "/leak/secret.txt",
                "/about/%00", "/%c0%ae%c0%ae/secret.txt")) {
            assertThat(rawStatus("GET " + path)).as(path).isEqualTo(404);
        }
        // The JDK's HTTP parser turns a raw backslash and a malformed escape away before the server sees them.
        assertThat(rawStatus("GET /..\\secret.txt")).isIn(400, 404);
        assertThat(rawStatus("GET /about/%zz")).isIn(400, 404);
        assertThat(rawStatus("POST /about/")).isEqualTo(405);
        assertThat(rawStatus("HEAD /about/")).isEqualTo(200);
    }

    @Test
    void anEditReachesTheBrowserAsAReloadEvent() throws Exception {
        BlockingQueue<String> events = events();
        write("content/about.md", "---\ntitle: About\n---\nWe care a lot.\n");

        assertThat(nextEvent(events)).isEqualTo("reload");
        assertThat(get("/about/").body()).contains("We care a lot.");
        assertThat(console).anyMatch(line -> line.startsWith("content/about.md: rebuilt in "));
    }

    @Test
    void aStylesheetEditSwapsTheStylesheet() throws Exception {
        BlockingQueue<String> events = events();
        write("static/css/site.css", "body { color: navy; }\n");

        assertThat(nextEvent(events)).isEqualTo("css");
        assertThat(get("/css/site.css").body()).contains("navy");
    }

    @Test
    void aBrokenEditShowsItsErrorsAndTheNextGoodSaveClearsThem() throws Exception {
        BlockingQueue<String> events = events();
        write("content/about.md", "---\ntitle: [unclosed\n---\nWe care.\n");

        assertThat(nextEvent(events)).isEqualTo("errors");
        String data = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(data).contains("\"file\":\"content/about.md\"").contains("\"line\":2");
        assertThat(server.failing()).isTrue();
        // The last good page is still served, and a new connection is told of the errors at once.
        assertThat(get("/about/").body()).contains("We care.");
        BlockingQueue<String> late = events();
        assertThat(nextEvent(late)).isEqualTo("errors");

        write("content/about.md", "---\ntitle: About us\n---\nWe care.\n");
        assertThat(nextEvent(events)).isEqualTo("reload");
        assertThat(server.failing()).isFalse();
        assertThat(get("/about/").body()).contains("About us");
    }

    @Test
    void deletedAndRenamedPagesAreFollowed() throws Exception {
        BlockingQueue<String> events = events();
        Files.move(site.resolve("content/hours.md"), site.resolve("content/opening-hours.md"));
        assertThat(nextEvent(events)).isEqualTo("reload");
        assertThat(get("/hours/").statusCode()).isEqualTo(404);
        assertThat(get("/opening-hours/").body()).contains("Nine to five.");

        Files.delete(site.resolve("content/opening-hours.md"));
        assertThat(nextEvent(events)).isEqualTo("reload");
        assertThat(get("/opening-hours/").statusCode()).isEqualTo(404);
    }

    @Test
    void newFoldersAreWatched() throws Exception {
        BlockingQueue<String> events = events();
        write("content/services/vaccines.md", "---\ntitle: Vaccines\n---\nFlu shots.\n");
        assertThat(nextEvent(events)).isEqualTo("reload");
        assertThat(get("/services/vaccines/").body()).contains("Flu shots.");

        write("content/services/checkups.md", "---\ntitle: Checkups\n---\nOnce a year.\n");
        assertThat(nextEvent(events)).isEqualTo("reload");
        assertThat(get("/services/checkups/").body()).contains("Once a year.");
    }

    @Test
    void aTemplateEditChangesThePages() throws Exception {
        BlockingQueue<String> events = events();
        write("layouts/single.ftlh", "<!doctype html><html><body><h1 class=\"title\">${page.title}</h1>"
                + "${page.content}</body></html>");

        assertThat(nextEvent(events)).isEqualTo("reload");
        assertThat(get("/about/").body()).contains("<h1 class=\"title\">About</h1>");
        assertThat(get("/hours/").body()).contains("<h1 class=\"title\">Hours</h1>");
    }

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a request sent byte for byte, so no client library normalises the path first. */
    private int rawStatus(String requestLine) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream o = socket.getOutputStream();
            o.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream in = socket.getInputStream();
            StringBuilder status = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                status.append((char) c);
            }
            return Integer.parseInt(status.toString().split(" ")[1]);
        }
    }

    /** Connects to the event stream; the queue gets each event's type followed by its data. */
    private BlockingQueue<String> events() throws Exception {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        BlockingQueue<Boolean> open = new LinkedBlockingQueue<>();
        http.sendAsync(HttpRequest.newBuilder(server.url().resolve(LiveReload.EVENTS_PATH)).build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (line.startsWith("retry:")) {
                            open.add(true);
                        } else if (line.startsWith("event: ") && !line.equals("event: ping")) {
                            queue.add(line.substring("event: ".length()));
                        } else if (line.startsWith("data: ") && !line.equals("data: {}")) {
                            queue.add(line.substring("data: ".length()));
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
        assertThat(open.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("event stream opened").isTrue();
        return queue;
    }

    /** The type of the next event, skipping data lines. */
    private static String nextEvent(BlockingQueue<String> events) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(WAIT_SECONDS);
        List<String> skipped = new ArrayList<>();
        while (Instant.now().isBefore(end)) {
            String item = events.poll(1, TimeUnit.SECONDS);
            if (item == null) {
                continue;
            }
            if (item.startsWith("{")) {
                skipped.add(item);
                continue;
            }
            return item;
        }
        throw new AssertionError("no event within " + WAIT_SECONDS + " s; data seen: " + skipped);
    }
}
