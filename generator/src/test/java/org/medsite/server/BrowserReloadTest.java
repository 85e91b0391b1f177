package org.medsite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.api.Medsite;

/**
 * A real headless Chromium against the dev server: the page reloads after an edit, shows the error
 * overlay after a broken edit and loses it after the fix, and swaps a stylesheet without reloading.
 * Driven over the DevTools protocol with the JDK's own HTTP client and WebSocket, so it needs no
 * driver library. Skipped where {@code /usr/bin/chromium} is not installed. Chromium is started with
 * every background service off and a host resolver that resolves nothing but the loopback address, so
 * it never contacts the internet.
 */
class BrowserReloadTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;
    private Path site;
    private DevServer server;
    private Process chromium;
    private Path profile;
    private WebSocket devtools;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        site = tmp.resolve("site");
        write("site.yaml", "title: Clinic\n");
        write("layouts/single.ftlh", "<!doctype html><html><head><title>${page.title}</title>"
                + "<link rel=\"stylesheet\" href=\"${relURL('/css/site.css')}\"></head><body><h1>${page.title}</h1>"
                + "${page.content}</body></html>");
        write("content/about.md", "---\ntitle: About\n---\nWe care.\n");
        write("static/css/site.css", "h1 { color: rgb(0, 0, 0); }\n");
        server = DevServer.start(Medsite.forSite(site).outputDir(tmp.resolve("out")),
                new ServeOptions(InetAddress.getLoopbackAddress(), 0, false, false, Duration.ofMillis(50)),
                new ServeListener() {
                    @Override
                    public void info(String line) {
                    }

                    @Override
                    public void warning(String line) {
                    }
                });
        // Outside the test's temp folder: Chromium may still write to its profile for a moment after it
        // was stopped, which would fail the temp folder's cleanup.
        profile = Files.createTempDirectory("medsite-chromium-");
        chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-default-apps",
                "--disable-extensions", "--disable-domain-reliability", "--metrics-recording-only",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        Instant end = Instant.now().plus(WAIT);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            assumeTrue(chromium.isAlive() && Instant.now().isBefore(end), "Chromium did not start");
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = json.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String pageSocket = null;
        for (JsonNode target : targets) {
            if (target.path("type").asText().equals("page")) {
                pageSocket = target.path("webSocketDebuggerUrl").asText();
            }
        }
        assertThat(pageSocket).as("a page target").isNotNull();
        devtools = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Replies()).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        if (devtools != null) {
            devtools.abort();
        }
        if (chromium != null) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            try {
                chromium.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // The system's temp cleaning will take what is left.
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void reloadsShowsErrorsAndSwapsStylesheets() throws Exception {
        command("Page.navigate", Map.of("url", server.url().resolve("/about/").toString()));
        awaitTrue("document.readyState === 'complete' && document.body.textContent.includes('We care.')");
        awaitTrue("typeof EventSource === 'function' && document.querySelector('script[src=\"/__medsite/livereload.js\"]') !== null");
        Thread.sleep(500); // let the event stream connect
        evaluate("window.medsiteMarker = 'before'");

        write("content/about.md", "---\ntitle: About\n---\nWe care a lot.\n");
        awaitTrue("document.body.textContent.includes('We care a lot.') && window.medsiteMarker === undefined");

        Thread.sleep(500);
        write("content/about.md", "---\ntitle: [unclosed\n---\nWe care.\n");
        awaitTrue("document.getElementById('medsite-error-overlay') !== null");
        assertThat(evaluate("document.getElementById('medsite-error-overlay').textContent").asText())
                .contains("content/about.md:2").contains("front matter");

        write("content/about.md", "---\ntitle: About us\n---\nWe care.\n");
        awaitTrue("document.getElementById('medsite-error-overlay') === null && document.title === 'About us'");

        Thread.sleep(500);
        evaluate("window.medsiteMarker = 'kept'");
        write("static/css/site.css", "h1 { color: rgb(0, 128, 0); }\n");
        awaitTrue("getComputedStyle(document.querySelector('h1')).color === 'rgb(0, 128, 0)'");
        assertThat(evaluate("window.medsiteMarker").asText()).as("no reload for a stylesheet").isEqualTo("kept");
    }

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void awaitTrue(String expression) throws Exception {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            JsonNode value = evaluate(expression);
            if (value.isBoolean() && value.asBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still false after " + WAIT.toSeconds() + " s: " + expression);
    }

    /** The value of a JavaScript expression in the page; missing while the page is reloading. */
    private JsonNode evaluate(String expression) throws Exception {
        JsonNode reply = command("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        return reply.path("result").path("result").path("value");
    }

    private JsonNode command(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        devtools.sendText(json.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
        return reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Matches DevTools replies to their commands by id; events are ignored. */
    private final class Replies implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = json.readTree(text.toString());
                    CompletableFuture<JsonNode> reply = message.has("id") ? replies.remove(message.get("id").asInt()) : null;
                    if (reply != null) {
                        reply.complete(message);
                    }
                } catch (IOException e) {
                    // Not JSON: not a reply.
                }
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
