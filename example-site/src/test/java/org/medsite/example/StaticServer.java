package org.medsite.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A small static file server for the browser tests: serves one folder on 127.0.0.1 at a free port, with
 * {@code index.html} for folders and the folder's {@code 404.html} (status 404) for missing files. It never
 * leaves the loopback interface. When the folder has a {@code _headers} file (Netlify / Cloudflare Pages
 * format), its headers are sent as real HTTP headers with every response whose path they match, as those
 * hosts do: the browser then enforces the site's Content-Security-Policy as it would in production.
 */
final class StaticServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));

    private final Path root;
    private final HttpServer server;
    private final java.util.List<Rule> rules;

    /** One block of {@code _headers}: a path pattern ({@code /*}, {@code /blog/*}, {@code /about/}) and its headers. */
    record Rule(String pattern, java.util.List<Map.Entry<String, String>> headers) {
        boolean matches(String path) {
            return pattern.endsWith("*") ? path.startsWith(pattern.substring(0, pattern.length() - 1)) : path.equals(pattern);
        }
    }

    StaticServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.rules = readHeaders(this.root.resolve("_headers"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "static-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The rules of a {@code _headers} file: unindented lines are paths, indented {@code Name: value} lines headers. */
    static java.util.List<Rule> readHeaders(Path file) throws IOException {
        java.util.List<Rule> rules = new java.util.ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return rules;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                rules.add(new Rule(line.strip(), new java.util.ArrayList<>()));
            } else if (!rules.isEmpty() && line.contains(":")) {
                int colon = line.indexOf(':');
                rules.get(rules.size() - 1).headers().add(Map.entry(line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip()));
            }
        }
        return rules;
    }

    /** The headers the {@code _headers} file gives a path, in file order. */
    java.util.List<Map.Entry<String, String>> headersFor(String path) {
        java.util.List<Map.Entry<String, String>> headers = new java.util.ArrayList<>();
        rules.stream().filter(r -> r.matches(path)).forEach(r -> headers.addAll(r.headers()));
        return headers;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The absolute URL of a site path such as {@code /library/}. */
    String url(String path) {
        return origin() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath(); // decoded, no query
            Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
            int status = 200;
            if (!file.startsWith(root)) {
                file = null;
            } else if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (file == null || !Files.isRegularFile(file)) {
                status = 404;
                file = root.resolve("404.html");
                if (!Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            for (Map.Entry<String, String> header : headersFor(path)) {
                exchange.getResponseHeaders().add(header.getKey(), header.getValue());
            }
            byte[] body = Files.readAllBytes(file);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
