package dev.versus.render.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.model.Site;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sitemap of the minimal test site, whole and split into parts under a sitemap index. */
class SitemapTest {
    @TempDir
    Path dir;

    Site site() throws Exception {
        TestSite t = TestSite.create(dir.resolve("site"));
        t.edit("content/site.yaml", "baseUrl: https://versus.example.org/", "baseUrl: https://example.org/a&b/");
        return new Build(new Build.Options(t.root(), dir.resolve("out"), null, UrlStyle.PRETTY)).validate();
    }

    static Map<String, String> write(Sitemap sitemap) throws Exception {
        Map<String, String> files = new TreeMap<>();
        sitemap.write((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.UTF_8)));
        return files;
    }

    static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void listsTheRootHomesFamiliesCodesAndComparisonsEscapedForXml() throws Exception {
        Map<String, String> files = write(new Sitemap(site()));
        // Under a path (/a&b/) there is no robots.txt: crawlers would never read it there.
        assertThat(files).containsOnlyKeys("sitemap.xml");
        String xml = files.get("sitemap.xml");
        // root + per locale: home, family, 3 codes, 3 pairs
        assertThat(count(xml, "<url>")).isEqualTo(1 + 2 * (1 + 1 + 3 + 3));
        assertThat(xml).contains("<url><loc>https://example.org/a&amp;b/ja/smtp/421-vs-552/</loc>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/a&amp;b/en/smtp/421-vs-552/\"/>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"ja\" href=\"https://example.org/a&amp;b/ja/smtp/421-vs-552/\"/>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/a&amp;b/en/smtp/421-vs-552/\"/></url>");
        assertThat(xml).doesNotContain("552-vs-421").doesNotContain("404");
        assertThat(Sitemap.robotsLine("https://example.org/a&b/")).isEqualTo("Sitemap: https://example.org/a&b/sitemap.xml");
    }

    @Test
    void robotsTxtIsWrittenOnlyForASiteAtTheRootOfItsHost() throws Exception {
        Map<String, String> files = write(new Sitemap(site().withBaseUrl("https://example.org/")));
        assertThat(files.get("robots.txt")).isEqualTo("User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n");
        assertThat(Sitemap.robotsLine("https://example.org")).isNull();
        assertThat(Sitemap.robotsLine("https://example.org/docs")).isEqualTo("Sitemap: https://example.org/docs/sitemap.xml");
    }

    @Test
    void aLargeSiteGetsASitemapIndex() throws Exception {
        Map<String, String> files = write(new Sitemap(site(), 5));
        assertThat(files).containsOnlyKeys("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap-4.xml");
        assertThat(files.get("sitemap.xml")).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex ")
                .contains("<sitemap><loc>https://example.org/a&amp;b/sitemap-4.xml</loc></sitemap>");
        assertThat(count(files.get("sitemap-1.xml"), "<url>")).isEqualTo(5);
        assertThat(count(files.get("sitemap-4.xml"), "<url>")).isEqualTo(2);
    }
}
