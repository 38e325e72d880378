package dev.versus.render.site;

import dev.versus.model.Code;
import dev.versus.model.Pair;

/**
 * Where every page lives, as folders relative to the output root ("en/smtp/421-vs-552/"), and
 * relative links between them, so the site works under any base path and from {@code file://}.
 */
public final class SitePaths {
    private final UrlStyle style;

    public SitePaths(UrlStyle style) {
        this.style = style;
    }

    /** The URL style links are written in. */
    public UrlStyle style() {
        return style;
    }

    /**
     * The path part of {@code baseUrl}, starting and ending with "/" ({@code https://example.org/docs}
     * gives {@code /docs/}), for links that must work from any address on the site.
     */
    public static String basePath(String baseUrl) {
        int scheme = baseUrl.indexOf("://");
        int slash = scheme < 0 ? -1 : baseUrl.indexOf('/', scheme + 3);
        String path = slash < 0 ? "/" : baseUrl.substring(slash);
        for (char end : new char[] {'?', '#'}) {
            int at = path.indexOf(end);
            if (at >= 0) path = path.substring(0, at);
        }
        return path.endsWith("/") ? path : path + "/";
    }

    public static String root() {
        return "";
    }

    public static String home(String locale) {
        return locale + "/";
    }

    public static String family(String locale, String family) {
        return locale + "/" + family + "/";
    }

    public static String code(String locale, String family, String code) {
        return locale + "/" + family + "/" + code + "/";
    }

    public static String code(String locale, Code c) {
        return code(locale, c.family(), c.id());
    }

    public static String pair(String locale, Pair p) {
        return pair(locale, p.family().id(), p.a().id(), p.b().id());
    }

    /** The folder of the comparison of {@code first} with {@code second}, in that order ({@code 421-vs-552}). */
    public static String pair(String locale, String family, String first, String second) {
        return locale + "/" + family + "/" + first + "-vs-" + second + "/";
    }

    /**
     * The file of a code page's compact variant, for an app's help pane, in the folder of the
     * code's page ({@code en/smtp/421/compact.html}) and of its entry ({@code smtp/421/compact.html}):
     * beside the page, every relative link of the page's text works from it unchanged.
     */
    public static final String COMPACT_FILE = "compact.html";

    /**
     * A code's language-neutral address ({@code smtp/421/}), which sends the browser to the page
     * in the reader's language. Family ids cannot be locale ids or {@code assets} (validate).
     */
    public static String entry(String family, String code) {
        return family + "/" + code + "/";
    }

    /** The folder of the reversed address ({@code 552-vs-421}), which redirects to the pair. */
    public static String reversedPair(String locale, Pair p) {
        return pair(locale, p.family().id(), p.b().id(), p.a().id());
    }

    /**
     * The same page in another locale: for the root (the language picker), that locale's home.
     * {@code dir} is the folder of a page of any locale.
     */
    public static String alternate(String dir, String locale) {
        return dir.isEmpty() ? home(locale) : locale + dir.substring(dir.indexOf('/'));
    }

    /**
     * The page for readers whose language the site does not have ({@code hreflang="x-default"}):
     * the language picker for the root and the locale homes, the default locale's version of
     * every other page.
     */
    public static String xDefault(String dir, String defaultLocale) {
        return dir.isEmpty() || dir.indexOf('/') == dir.length() - 1 ? root() : alternate(dir, defaultLocale);
    }

    /** The file a page folder is written to. */
    public static String file(String dir) {
        return dir + "index.html";
    }

    /** The absolute URL of the page in folder {@code dir} on a site published at {@code baseUrl}. */
    public static String absolute(String baseUrl, String dir) {
        return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + dir;
    }

    /** A link from the page in folder {@code from} to the page in folder {@code to}. */
    public String link(String from, String to) {
        return style.page(relative(from, to));
    }

    /** A link from folder {@code from} to a file (an asset) at {@code path}. */
    public static String asset(String from, String path) {
        return relative(from, "") + path;
    }

    /** The shortest relative path between two folders given relative to the root ("a/b/" or ""). */
    public static String relative(String from, String to) {
        // Length of the longest common prefix that ends at a folder boundary.
        int common = 0;
        int n = Math.min(from.length(), to.length());
        for (int i = 0; i < n && from.charAt(i) == to.charAt(i); i++) {
            if (from.charAt(i) == '/') common = i + 1;
        }
        StringBuilder out = new StringBuilder(to.length() - common + 24);
        for (int i = common; i < from.length(); i++) {
            if (from.charAt(i) == '/') out.append("../");
        }
        return out.append(to, common, to.length()).toString();
    }
}
