package org.medsite.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The browsers listening for rebuilds, over Server-Sent Events ({@code /__medsite/events}). Each
 * connection stays open; an event is written to every one, and a connection that fails to take it is
 * dropped (the browser's {@code EventSource} reconnects by itself).
 */
final class LiveReload {

    /** The script's path, and the one line the server adds to each HTML page it serves. */
    static final String SCRIPT_PATH = "/__medsite/livereload.js";
    static final String EVENTS_PATH = "/__medsite/events";
    static final String SCRIPT_TAG = "<script src=\"" + SCRIPT_PATH + "\" defer></script>";

    /** One SSE event: its type ({@code reload}, {@code css}, {@code errors}) and JSON data. */
    record Event(String type, String json) {
        String wire() {
            return "event: " + type + "\ndata: " + json.replace("\n", "\ndata: ") + "\n\n";
        }
    }

    private final List<OutputStream> clients = new CopyOnWriteArrayList<>();

    /**
     * Keeps the exchange open as an event stream and sends it {@code first}, the current state, so a
     * page loaded while the site has errors shows them at once.
     */
    void connect(HttpExchange exchange, Event first) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        // Reconnect quickly after a server restart.
        if (send(out, "retry: 500\n\n") && (first == null || send(out, first.wire()))) {
            clients.add(out);
        }
    }

    void broadcast(Event event) {
        String wire = event.wire();
        for (OutputStream out : clients) {
            if (!send(out, wire)) {
                clients.remove(out);
            }
        }
    }

    /** A comment line: keeps idle connections open and finds the closed ones. */
    void heartbeat() {
        broadcast(new Event("ping", "{}"));
    }

    int clientCount() {
        return clients.size();
    }

    void closeAll() {
        for (OutputStream out : clients) {
            try {
                out.close();
            } catch (IOException e) {
                // Already gone.
            }
        }
        clients.clear();
    }

    private static boolean send(OutputStream out, String text) {
        try {
            synchronized (out) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return true;
        } catch (IOException e) {
            try {
                out.close();
            } catch (IOException ignored) {
                // The connection is gone either way.
            }
            return false;
        }
    }

    /** The HTML with the live-reload script added before {@code </body>} (or at the end). */
    static String inject(String html) {
        int body = html.lastIndexOf("</body>");
        if (body < 0) {
            body = html.lastIndexOf("</BODY>");
        }
        return body < 0 ? html + SCRIPT_TAG : html.substring(0, body) + SCRIPT_TAG + html.substring(body);
    }
}
