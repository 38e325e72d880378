package dev.versus.render.data;

import dev.versus.model.Site;
import dev.versus.render.site.Page;
import dev.versus.render.site.PageSink;
import dev.versus.render.site.SitePages;
import dev.versus.render.site.SitePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sitemap.xml} and {@code robots.txt}. The sitemap lists the absolute URL of every page
 * search engines should index (not the redirects of reversed comparisons, the language-neutral
 * entries, the compact copies for help panes, nor the 404 page: {@link Page.Kind#indexed}), each with its language
 * alternates and {@code x-default} as {@code xhtml:link} elements, the same set the page
 * declares in its head. A site too large for one sitemap (50,000 URLs or 50 MB) gets a sitemap
 * index in {@code sitemap.xml} and its parts in {@code sitemap-1.xml}, {@code sitemap-2.xml} ...
 *
 * <p>Search engines read {@code robots.txt} only at the root of a host, so it is written only for
 * a site published there; under a path ({@code https://example.com/docs/}) the build prints the
 * {@code Sitemap:} line to add to the host's own robots.txt instead ({@link #robotsLine}).
 */
public final class Sitemap {
    static final int MAX_URLS = 50_000;
    static final int MAX_BYTES = 45 * 1024 * 1024; // the limit is 50 MB; leave room for the closing tag

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
            """;
    private static final String TAIL = "</urlset>\n";

    private final Site site;
    private final int maxUrls;

    public Sitemap(Site site) {
        this(site, MAX_URLS);
    }

    Sitemap(Site site, int maxUrls) {
        this.site = site;
        this.maxUrls = maxUrls;
    }

    /** Writes the sitemap (or its index and parts) and robots.txt; returns the number of URLs listed. */
    public int write(PageSink sink) throws IOException {
        List<String> entries = entries();
        List<String> parts = new ArrayList<>();
        for (int from = 0; from < entries.size() || parts.isEmpty(); ) {
            // The entries of one part first, then the part in a buffer of its size: the sitemap of
            // the repository's site is 3 MB, which a growing buffer would copy some twenty times.
            int to = from;
            long length = HEAD.length();
            while (to < entries.size() && to - from < maxUrls && (to == from || length + entries.get(to).length() <= MAX_BYTES)) {
                length += entries.get(to++).length();
            }
            StringBuilder part = new StringBuilder((int) length + TAIL.length()).append(HEAD);
            for (String entry : entries.subList(from, to)) part.append(entry);
            parts.add(part.append(TAIL).toString());
            from = to;
        }
        if (parts.size() == 1) {
            sink.write("sitemap.xml", parts.get(0).getBytes(StandardCharsets.UTF_8));
        } else {
            StringBuilder index = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                    """);
            for (int i = 0; i < parts.size(); i++) {
                String name = "sitemap-" + (i + 1) + ".xml";
                sink.write(name, parts.get(i).getBytes(StandardCharsets.UTF_8));
                index.append("<sitemap><loc>").append(xml(url(name))).append("</loc></sitemap>\n");
            }
            sink.write("sitemap.xml", index.append("</sitemapindex>\n").toString().getBytes(StandardCharsets.UTF_8));
        }
        if (atHostRoot(site.baseUrl())) sink.write("robots.txt", robots().getBytes(StandardCharsets.UTF_8));
        return entries.size();
    }

    /** True if {@code baseUrl} is the root of its host, where crawlers read robots.txt. */
    public static boolean atHostRoot(String baseUrl) {
        return SitePaths.basePath(baseUrl).equals("/");
    }

    /**
     * For a site under a path, the line to add to the host's robots.txt (which the build cannot
     * write); null at a host root, where the build writes robots.txt itself.
     */
    public static String robotsLine(String baseUrl) {
        return atHostRoot(baseUrl) ? null : "Sitemap: " + SitePaths.absolute(baseUrl, "") + "sitemap.xml";
    }

    String robots() {
        return "User-agent: *\nAllow: /\n\nSitemap: " + url("sitemap.xml") + "\n";
    }

    /** One {@code <url>} element per indexed page, in the order of {@link SitePages}. */
    List<String> entries() {
        List<String> out = new ArrayList<>();
        SitePages.forEach(site, (page, family, code, other) -> {
            if (page.kind().indexed()) out.add(entry(page.dir()));
        });
        return out;
    }

    private String entry(String dir) {
        StringBuilder e = new StringBuilder(512).append("<url><loc>").append(xml(url(dir))).append("</loc>");
        for (String locale : site.locales()) {
            link(e, locale, SitePaths.alternate(dir, locale));
        }
        link(e, "x-default", SitePaths.xDefault(dir, site.defaultLocale()));
        return e.append("</url>\n").toString();
    }

    private void link(StringBuilder e, String hreflang, String dir) {
        e.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(xml(hreflang)).append("\" href=\"")
                .append(xml(url(dir))).append("\"/>");
    }

    private String url(String path) {
        return SitePaths.absolute(site.baseUrl(), path);
    }

    static String xml(String s) {
        // Four addresses per page, and addresses rarely hold any of these: one look, not five.
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
                return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
            }
        }
        return s;
    }
}
