package dev.versus.serve;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers only requests addressed to this server: the {@code Host} header must name
 * {@code localhost}, {@code 127.0.0.1}, {@code [::1]} or the {@code --host} given, with the
 * port served. A web page elsewhere can point a name it owns at 127.0.0.1 (DNS rebinding) and
 * then read what the preview answers for that name; such a request names the other host, and is
 * refused with 421. When the server listens on every address ({@code --host 0.0.0.0}), an IP
 * address is accepted too: a rebinding page cannot send one, as its own name is the host.
 */
final class HostCheck extends Filter {
    private final Set<String> names;
    private final boolean anyAddress;
    private final int port;

    HostCheck(String host, int port) {
        String own = bare(host.toLowerCase(Locale.ROOT));
        this.names = new java.util.HashSet<>(List.of("localhost", "127.0.0.1", "::1", own));
        this.anyAddress = own.equals("0.0.0.0") || own.equals("::") || own.equals("0:0:0:0:0:0:0:0");
        this.port = port;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (allowed(exchange.getRequestHeaders().getFirst("Host"))) {
            chain.doFilter(exchange);
            return;
        }
        try (exchange) {
            byte[] body = ("421 misdirected request: this preview answers only for http://localhost:" + port
                    + "/ and the address it listens on\n").getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(421, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public String description() {
        return "refuses requests for any host but the one served";
    }

    /** Whether a {@code Host} header names this server. */
    boolean allowed(String header) {
        if (header == null) return false;
        String h = header.strip().toLowerCase(Locale.ROOT);
        String name;
        String portPart;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) return false;
            name = h.substring(1, close);
            portPart = h.substring(close + 1);
        } else {
            int colon = h.lastIndexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
            portPart = colon < 0 ? "" : h.substring(colon);
        }
        if (portPart.isEmpty() ? port != 80 : !portPart.equals(":" + port)) return false;
        if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        return names.contains(name) || anyAddress && isAddress(name);
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** An IPv4 address in dotted form, or an IPv6 address (hex digits and colons). */
    static boolean isAddress(String name) {
        if (name.matches("(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}")) return true;
        return name.contains(":") && name.matches("[0-9a-f:.]+");
    }
}
