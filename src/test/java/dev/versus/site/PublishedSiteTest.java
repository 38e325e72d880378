package dev.versus.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.testing.RepoSite;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The repository's own site as it is published and as it is handed over offline: every link and
 * resource resolves to a generated file, every page is reachable from the root, every page has
 * its metadata and its accessible skeleton, and the sitemap lists exactly the pages.
 *
 * <p>Slow (every page of two builds crawled): in {@code mvn verify -Pslow}.
 */
@Tag("slow")
class PublishedSiteTest {
    static final String BASE = "https://versus.example.org/";
    static final List<String> LOCALES = List.of("en", "ja");
    static final Pattern HEADING = Pattern.compile("<h([1-6])[ >]");

    static SiteCrawler published;

    @BeforeAll
    static void crawl() {
        published = new SiteCrawler(RepoSite.output(), false, "/");
    }

    /**
     * Content pages: every page but the redirects of reversed comparisons, the 404 page and the
     * codes' language-neutral entries (none indexed: each says noindex).
     */
    static Map<String, String> contentPages(SiteCrawler site) {
        return site.pages.entrySet().stream()
                .filter(e -> !SiteCrawler.isRedirect(e.getValue()) && !e.getKey().equals("404.html")
                        && !e.getValue().contains("<meta name=\"robots\" content=\"noindex\">"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static void assertEveryLinkResolvesAndEveryPageIsReachable(SiteCrawler site) {
        assertThat(site.pages).as("pages of the built site").hasSizeGreaterThan(1000);
        List<String> broken = site.brokenLinks();
        assertThat(broken.stream().limit(30).toList())
                .as("links that lead nowhere (%d of them; the first 30 shown)", broken.size()).isEmpty();
        Set<String> reached = site.reachableFrom("index.html");
        List<String> unreachable = contentPages(site).keySet().stream().filter(p -> !reached.contains(p)).sorted().toList();
        assertThat(unreachable).as("pages no link leads to from index.html").isEmpty();
    }

    @Test
    void everyLinkResolvesAndEveryPageIsReachable() {
        assertEveryLinkResolvesAndEveryPageIsReachable(published);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Offline {
        SiteCrawler offline;

        @BeforeAll
        void crawl() {
            offline = new SiteCrawler(RepoSite.offline(), true, "/");
        }

        @Test
        void everyLinkNamesAFileThatExistsAndEveryPageIsReachable() {
            // The crawler refuses a link to a folder in offline mode: file:// has no index page.
            assertEveryLinkResolvesAndEveryPageIsReachable(offline);
        }

        @Test
        void hasTheSameFilesAsThePublishedSite() {
            assertThat(offline.files).isEqualTo(published.files);
        }

        @Test
        void theSearchIndexLinksToFiles() throws Exception {
            String index = Files.readString(RepoSite.offline().resolve("assets/search-index.en.js"), StandardCharsets.UTF_8);
            assertThat(index).contains("\"page\":\"index.html\"");
            assertThat(Files.readString(RepoSite.output().resolve("assets/search-index.en.js"), StandardCharsets.UTF_8))
                    .contains("\"page\":\"\"");
        }
    }

    @Test
    void everyContentPageHasItsMetadataAndAnAccessibleSkeleton() {
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        contentPages(published).entrySet().parallelStream().forEach(e -> {
            String page = e.getKey();
            String whole = e.getValue();
            // The head and the start of the body hold everything but the headings: search only there.
            String html = whole.substring(0, whole.indexOf("<main id=\"main\">") + 20);
            String lang = page.contains("/") ? page.substring(0, page.indexOf('/')) : "en";
            List<String> missing = new ArrayList<>();
            String dir = page.substring(0, page.length() - "index.html".length());
            expect(missing, html, "<html lang=\"" + lang + "\">");
            expect(missing, html, "<link rel=\"canonical\" href=\"" + BASE + dir + "\">");
            for (String l : LOCALES) {
                String alt = dir.isEmpty() ? l + "/" : l + dir.substring(dir.indexOf('/'));
                expect(missing, html, "<link rel=\"alternate\" hreflang=\"" + l + "\" href=\"" + BASE + alt + "\">");
            }
            String xDefault = dir.isEmpty() || dir.indexOf('/') == dir.length() - 1 ? "" : "en" + dir.substring(dir.indexOf('/'));
            expect(missing, html, "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + BASE + xDefault + "\">");
            expect(missing, html, "<meta property=\"og:url\" content=\"" + BASE + dir + "\">");
            // A description says something: 20 characters in English, 10 in Japanese, where one
            // character carries more ("宛先アドレスの構文が正しくありません。" is 19).
            String least = dir.startsWith("ja/") ? "{10,}" : "{20,}";
            if (!Pattern.compile("<meta name=\"description\" content=\"[^\"]" + least + "\">").matcher(html).find()) missing.add("meta description");
            if (!Pattern.compile("<meta property=\"og:title\" content=\"[^\"]+\">").matcher(html).find()) missing.add("og:title");
            if (!Pattern.compile("<meta property=\"og:description\" content=\"[^\"]" + least + "\">").matcher(html).find()) missing.add("og:description");
            // Landmarks, skip link first, one h1, no heading level skipped on the way down.
            expect(missing, html, "<body>\n<a class=\"skip\" href=\"#main\">");
            expect(missing, html, "<header class=\"site\">");
            expect(missing, html, "<main id=\"main\">");
            if (!whole.contains("</main>\n<footer class=\"site\">")) missing.add("footer");
            expect(missing, html, "<form class=\"search\" role=\"search\"");
            expect(missing, html, "assets/search-index." + lang + ".js\" defer></script>");
            Matcher h = HEADING.matcher(whole);
            int previous = 0;
            int h1 = 0;
            while (h.find()) {
                int level = Integer.parseInt(h.group(1));
                if (level == 1) h1++;
                if (level > previous + 1) missing.add("h" + level + " after h" + previous);
                previous = level;
            }
            if (h1 != 1) missing.add(h1 + " h1 elements");
            if (!missing.isEmpty()) problems.add(page + ": " + missing);
        });
        assertThat(problems.stream().sorted().limit(20).toList()).as("%d pages with problems", problems.size()).isEmpty();
    }

    private static void expect(List<String> missing, String html, String text) {
        if (!html.contains(text)) missing.add(text);
    }

    @Test
    void theSitemapListsEveryPageWithItsLanguageAlternates() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(
                Files.readAllBytes(RepoSite.output().resolve("sitemap.xml"))));
        String sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        String xhtml = "http://www.w3.org/1999/xhtml";
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("urlset");
        NodeList urls = doc.getElementsByTagNameNS(sm, "url");
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            String loc = url.getElementsByTagNameNS(sm, "loc").item(0).getTextContent();
            assertThat(loc).startsWith(BASE).endsWith("/");
            listed.add(loc.substring(BASE.length()) + "index.html");
            NodeList links = url.getElementsByTagNameNS(xhtml, "link");
            List<String> langs = new ArrayList<>();
            for (int j = 0; j < links.getLength(); j++) {
                Element link = (Element) links.item(j);
                assertThat(link.getAttribute("rel")).isEqualTo("alternate");
                langs.add(link.getAttribute("hreflang"));
                String href = link.getAttribute("href");
                assertThat(published.files).as("alternate of " + loc).contains(href.substring(BASE.length()) + "index.html");
            }
            assertThat(langs).as(loc).containsExactly("en", "ja", "x-default");
        }
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(contentPages(published).keySet());
    }

    @Test
    void robotsPointsToTheSitemapAndThe404PageLeadsHome() throws Exception {
        assertThat(Files.readString(RepoSite.output().resolve("robots.txt")))
                .isEqualTo("User-agent: *\nAllow: /\n\nSitemap: " + BASE + "sitemap.xml\n");
        String notFound = published.pages.get("404.html");
        assertThat(notFound).contains("<html lang=\"en\">", "<meta name=\"robots\" content=\"noindex\">",
                        "<link rel=\"stylesheet\" href=\"/assets/style.css\">",
                        "<a href=\"/en/\" hreflang=\"en\" lang=\"en\">English home page</a>",
                        "<a href=\"/ja/\" hreflang=\"ja\" lang=\"ja\">日本語のホームページ</a>")
                .doesNotContain("rel=\"canonical\"");
        // Offline there is no server: the page opens from the root folder and links relatively.
        assertThat(Files.readString(RepoSite.offline().resolve("404.html")))
                .contains("<link rel=\"stylesheet\" href=\"assets/style.css\">", "<a href=\"ja/index.html\"");
    }
}
