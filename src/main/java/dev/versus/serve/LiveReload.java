package dev.versus.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Tells open pages to reload, with server-sent events: each page that {@code versus serve}
 * delivers loads {@link #SCRIPT}, which listens on {@link #EVENTS}. After a build the server
 * sends one {@code reload} event whose data lines are the addresses of the pages that changed
 * ({@code /en/smtp/421/}), or {@code *} when every page must reload (a stylesheet changed, errors
 * appeared or went away); a page reloads only if its own address is listed.
 *
 * <p>Each connected page holds one server thread, which waits for events and sends a comment
 * every 5 seconds so that a closed tab is noticed and its thread freed; at most
 * {@link #MAX_STREAMS} are open at once.
 */
final class LiveReload implements HttpHandler {
    /** Where pages listen. */
    static final String EVENTS = "/__versus/events";
    /** The script injected into pages. */
    static final String SCRIPT = "/__versus/live-reload.js";
    /** The tag that loads it, added before {@code </body>}. */
    static final String TAG = "<script src=\"" + SCRIPT + "\"></script>";

    static final String JAVASCRIPT = """
            // Injected by versus serve only; a built site never contains it.
            (() => {
              const here = decodeURI(location.pathname).replace(/index\\.html$/, "");
              const events = new EventSource("%s");
              events.addEventListener("reload", (e) => {
                const pages = e.data.split("\\n");
                if (pages.includes("*") || pages.includes(here)) location.reload();
              });
            })();
            """.formatted(EVENTS);

    private static final String STOP = "";
    /** Event streams open at once; more are refused with 503 (a tab that has one open is enough). */
    static final int MAX_STREAMS = 32;
    /** How often an idle stream is written to, so a closed tab frees its thread within this time. */
    static final long HEARTBEAT_MILLIS = 5_000;

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Number of pages listening now. */
    int clients() {
        return clients.size();
    }

    /** Sends a reload event for {@code pages} (addresses such as {@code /en/smtp/421/}, or {@code *}). */
    void reload(Collection<String> pages) {
        if (pages.isEmpty()) return;
        StringBuilder event = new StringBuilder("event: reload\n");
        for (String page : pages) event.append("data: ").append(page).append('\n');
        String text = event.append('\n').toString();
        for (BlockingQueue<String> client : clients) client.offer(text);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            if (!admit(queue)) {
                exchange.getResponseHeaders().set("Retry-After", "5");
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            try {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                // The reconnection delay, and a first line so that the browser sees the stream open.
                send(out, "retry: 500\n: connected\n\n");
                while (!closed) {
                    String event = queue.poll(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
                    if (STOP.equals(event)) break;
                    send(out, event == null ? ": heartbeat\n\n" : event);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The page was closed.
            } finally {
                clients.remove(queue);
            }
        }
    }

    /** Registers a stream if fewer than {@link #MAX_STREAMS} are open. */
    private synchronized boolean admit(BlockingQueue<String> queue) {
        if (clients.size() >= MAX_STREAMS) return false;
        clients.add(queue);
        return true;
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Ends every stream; the pages reconnect to the next server. */
    void close() {
        closed = true;
        for (BlockingQueue<String> client : clients) client.offer(STOP);
    }
}
