package dev.versus.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.versus.render.views.SiteRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers requests for the site held in a {@link SiteMemory}, under the path of its baseUrl
 * ({@code /} redirected there): {@code GET} and {@code HEAD},
 * {@code /a/b/} served from {@code a/b/index.html} and {@code /a/b} redirected to {@code /a/b/},
 * content types with their charset, 404 (with the site's {@code 404.html}) for what the site does
 * not have. A path that could leave the site or that no page has (dot segments, encoded slashes or
 * backslashes, NUL and other control characters, malformed escapes) is refused with 400 before
 * anything is looked up.
 *
 * <p>HTML pages get the live-reload script; while the sources have errors every page is
 * replaced by the list of errors (and still reloads when they are fixed).
 */
final class SiteHandler implements HttpHandler {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"));
    private static final String HTML = TYPES.get("html");
    private static final int MAX_PATH = 2048;

    private final SiteMemory site;

    SiteHandler(SiteMemory site) {
        this.site = site;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", bytes("405 method not allowed: " + method + "\n"), head);
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (LiveReload.SCRIPT.equals(path)) {
                send(exchange, 200, TYPES.get("js"), bytes(LiveReload.JAVASCRIPT), head);
                return;
            }
            // Served where it will be published: under baseUrl's path, so that the 404 page's links
            // (which start from that path) and every other link work as they will on the host.
            String base = site.basePath();
            if (!base.equals("/")) {
                if (path.equals("/") || (path + "/").equals(base)) {
                    exchange.getResponseHeaders().set("Location", base);
                    send(exchange, 302, "text/plain; charset=utf-8", bytes("the site is at " + base + "\n"), head);
                    return;
                }
                if (!path.startsWith(base)) {
                    byte[] notFound = site.get(SiteRenderer.NOT_FOUND);
                    send(exchange, 404, HTML, withLiveReload(notFound != null ? notFound : ErrorPage.notFound(path)), head);
                    return;
                }
            }
            String file = fileFor(path.substring(base.length() - 1));
            if (file == null) {
                send(exchange, 400, "text/plain; charset=utf-8", bytes("400 bad request: this path is refused\n"), head);
                return;
            }
            List<String> errors = site.errors();
            String type = contentType(file);
            if (!errors.isEmpty() && type.equals(HTML)) {
                send(exchange, 500, HTML, withLiveReload(ErrorPage.html(errors)), head);
                return;
            }
            SiteMemory.OnDisk large = site.onDisk(file);
            if (large != null) {
                stream(exchange, type, large, head);
                return;
            }
            byte[] content = site.get(file);
            if (content == null && !file.endsWith("/index.html") && !file.equals("index.html")
                    && site.has(file + "/index.html")) {
                exchange.getResponseHeaders().set("Location", path + "/");
                send(exchange, 301, "text/plain; charset=utf-8", bytes("moved to " + path + "/\n"), head);
                return;
            }
            if (content == null) {
                // The site's own 404 page, as a web host would serve it; ours if it has none.
                byte[] notFound = site.get(SiteRenderer.NOT_FOUND);
                send(exchange, 404, HTML, withLiveReload(notFound != null ? notFound : ErrorPage.notFound(path)), head);
                return;
            }
            send(exchange, 200, type, type.equals(HTML) ? withLiveReload(content) : content, head);
        }
    }

    /**
     * The file a raw request path names, relative to the site ({@code en/smtp/421/index.html} for
     * {@code /en/smtp/421/}), or null if the path must be refused.
     */
    static String fileFor(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.length() > MAX_PATH) return null;
        String path = decode(rawPath);
        if (path == null) return null;
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if ((s.isEmpty() && !last) || s.equals(".") || s.equals("..")) return null;
        }
        String relative = path.substring(1);
        return relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
    }

    /**
     * Percent-decodes a path as UTF-8; null for malformed escapes or invalid UTF-8, and for what
     * a page address never contains: an encoded "/", a backslash in any form, control characters
     * (NUL included).
     */
    static String decode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return null;
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                int b = hi * 16 + lo;
                if (b == '/') return null;
                out.write(b);
                i += 2;
            } else if (c > 0x7F) {
                return null; // a raw request line is ASCII; anything else was not sent by a browser
            } else {
                out.write(c);
            }
        }
        String path;
        try {
            path = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7F) return null;
        }
        return path;
    }

    static String contentType(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /** The page with the live-reload script before its last {@code </body>} (at the end if it has none). */
    static byte[] withLiveReload(byte[] html) {
        String text = new String(html, StandardCharsets.UTF_8);
        int at = text.lastIndexOf("</body>");
        if (at < 0) return bytes(text + LiveReload.TAG + "\n");
        return bytes(text.substring(0, at) + LiveReload.TAG + "\n" + text.substring(at));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        // A preview must never be cached: the next save changes the page.
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        if (head) {
            headers.set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /**
     * Sends a large asset from disk in a stream, as much of it as the build saw (a file that
     * shrank since is sent as it is now: the next build follows); a file gone since is a 404.
     */
    private static void stream(HttpExchange exchange, String type, SiteMemory.OnDisk file, boolean head) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file.file(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            send(exchange, 404, "text/plain; charset=utf-8", bytes("404 not found: the file went away\n"), head);
            return;
        }
        try (in) {
            long size = Math.min(file.size(), Files.size(file.file()));
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", type);
            headers.set("Cache-Control", "no-store");
            headers.set("X-Content-Type-Options", "nosniff");
            if (head) {
                headers.set("Content-Length", String.valueOf(size));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
            OutputStream body = exchange.getResponseBody();
            byte[] buffer = new byte[1 << 16];
            long left = size;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; left -= n) {
                body.write(buffer, 0, n);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
