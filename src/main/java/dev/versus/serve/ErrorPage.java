package dev.versus.serve;

import dev.versus.render.prose.Html;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The pages {@code versus serve} makes itself: the list of errors shown in place of every page
 * while the sources have errors, and "not found". Self-contained (no stylesheet), every text
 * escaped: error messages quote the author's content.
 */
final class ErrorPage {
    private ErrorPage() {}

    static byte[] html(List<String> errors) {
        StringBuilder items = new StringBuilder();
        for (String e : errors) items.append("<li><code>").append(escape(e)).append("</code></li>\n");
        String count = errors.size() + (errors.size() == 1 ? " error" : " errors");
        return page("Versus: " + count, "<h1>The site has " + count + "</h1>\n"
                + "<p>Fix " + (errors.size() == 1 ? "it" : "them") + " and save: this page reloads by itself.</p>\n"
                + "<ol>\n" + items + "</ol>\n");
    }

    static byte[] notFound(String path) {
        return page("Not found", "<h1>Not found</h1>\n<p>The site has no page at <code>" + escape(path)
                + "</code>. <a href=\"/\">Go to the start page</a>.</p>\n");
    }

    private static byte[] page(String title, String body) {
        return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
                + "li{margin:.5rem 0}code{white-space:pre-wrap;overflow-wrap:anywhere}h1{color:#b00020}</style>\n"
                + "</head>\n<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return Html.escape(s);
    }
}
