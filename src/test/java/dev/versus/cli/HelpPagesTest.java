package dev.versus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.versus.testing.PageSafety;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Help pages that apps link to, on the site {@code new site} writes: each code's
 * language-neutral address ({@code /<family>/<code>/}) lists the code's page in every language
 * for assets/language.js and for readers without script, and is not indexed; with
 * {@code compactPages: true} each code page has a compact copy for a help pane beside it
 * ({@code compact.html}) that names the page canonical; the JSON of a code carries the headings
 * of its sections in its language, its quick answer and both addresses.
 */
class HelpPagesTest {
    @TempDir
    Path dir;

    StringWriter stderr;

    int versus(String... args) {
        stderr = new StringWriter();
        CommandLine cl = VersusCommand.commandLine(args);
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args);
    }

    Path newSite(boolean compact) throws IOException {
        Path site = dir.resolve("s");
        assertThat(versus("new", "site", site.toString())).as(stderr.toString()).isZero();
        if (compact) Files.writeString(site.resolve("content/site.yaml"), "compactPages: true\n",
                java.nio.file.StandardOpenOption.APPEND);
        return site;
    }

    Path build(Path site, String... more) {
        Path out = dir.resolve("out" + more.length);
        String[] args = Stream.concat(Stream.of("build", "--source", site.toString(), "--out", out.toString()),
                Stream.of(more)).toArray(String[]::new);
        assertThat(versus(args)).as(stderr.toString()).isZero();
        return out;
    }

    static Document page(Path out, String path) throws IOException {
        return Jsoup.parse(Files.readString(out.resolve(path)));
    }

    @Test
    void aCodesLanguageNeutralAddressListsItsPageInEveryLanguageAndIsNotIndexed() throws IOException {
        Path out = build(newSite(false));

        Document entry = page(out, "http/404/index.html");
        assertThat(entry.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(entry.select("link[rel=canonical]")).isEmpty();
        assertThat(entry.selectFirst("nav.entry-languages").attr("data-default")).isEqualTo("en");
        assertThat(entry.select("nav.entry-languages a").eachAttr("href")).containsExactly("../../en/http/404/", "../../ja/http/404/");
        assertThat(entry.select("nav.entry-languages a").eachAttr("hreflang")).containsExactly("en", "ja");
        assertThat(entry.select("nav.entry-languages li").eachText())
                .containsExactly("English HTTP 404 Not Found", "日本語 HTTP 404「見つかりません」");
        assertThat(entry.selectFirst("script").attr("src")).isEqualTo("../../assets/language.js");
        assertThat(out.resolve("assets/language.js")).exists();
        assertThat(PageSafety.problemsIn(out)).isEmpty();

        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        assertThat(sitemap).contains("<loc>https://errors.example.com/en/http/404/</loc>")
                .doesNotContain("<loc>https://errors.example.com/http/404/</loc>").doesNotContain("compact");
        // Without compactPages, no compact copies.
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("compact.html"))).isEmpty();
        }
    }

    @Test
    void offlineTheEntryLinksNameFiles() throws IOException {
        Path out = build(newSite(true), "--offline");
        assertThat(page(out, "http/404/index.html").select("nav.entry-languages a").eachAttr("href"))
                .containsExactly("../../en/http/404/index.html", "../../ja/http/404/index.html");
        assertThat(page(out, "http/404/compact.html").select("nav.entry-languages a").eachAttr("href"))
                .containsExactly("../../en/http/404/compact.html", "../../ja/http/404/compact.html");
        assertThat(page(out, "en/http/404/compact.html").selectFirst("p.full-page a").attr("href")).isEqualTo("index.html");
    }

    @Test
    void aCompactPageHasTheFactsAndTheFixWithoutTheSitesFrameAndNamesThePageCanonical() throws IOException {
        Path out = build(newSite(true));

        for (String lang : new String[] {"en", "ja"}) {
            Document full = page(out, lang + "/http/429/index.html");
            Document compact = page(out, lang + "/http/429/compact.html");
            assertThat(compact.select("header, footer, form, nav, .crumbs, script")).as(lang).isEmpty();
            assertThat(compact.selectFirst("link[rel=canonical]").attr("href"))
                    .isEqualTo("https://errors.example.com/" + lang + "/http/429/");
            assertThat(compact.selectFirst("meta[name=robots]")).isNull();
            assertThat(compact.title()).isEqualTo(full.title());
            assertThat(compact.selectFirst("body").hasClass("compact")).isTrue();
            for (String part : new String[] {"h1", "section.quick", "dl.facts", "#description", "#when", "#fix"}) {
                Element a = full.selectFirst("article " + part);
                Element b = compact.selectFirst("article " + part);
                assertThat(b).as(lang + " " + part).isNotNull();
                if (!part.equals("section.quick")) assertThat(b.text()).as(lang + " " + part).isEqualTo(a.text());
            }
            assertThat(compact.selectFirst("section#fix, section[aria-labelledby=fix]").text())
                    .isEqualTo(full.selectFirst("section[aria-labelledby=fix]").text());
            assertThat(compact.selectFirst("p.full-page a").attr("href")).isEqualTo("./");
        }
        assertThat(page(out, "ja/http/429/compact.html").selectFirst("p.full-page a").text()).isEqualTo("詳細ページを開く");
    }

    @Test
    void aCompactPageTakesTheSitesHeadHookAsEveryPageDoes() throws IOException {
        Path site = newSite(true);
        Files.createDirectories(site.resolve("templates"));
        Files.writeString(site.resolve("templates/head.ftlh"), "<meta name=\"page-lang\" content=\"${p.lang}\">\n");
        Path out = build(site);
        assertThat(page(out, "ja/http/429/compact.html").selectFirst("meta[name=page-lang]").attr("content")).isEqualTo("ja");
        assertThat(page(out, "ja/http/429/index.html").selectFirst("meta[name=page-lang]").attr("content")).isEqualTo("ja");
        assertThat(page(out, "http/429/compact.html").select("nav.entry-languages a").eachAttr("href"))
                .containsExactly("../../en/http/429/compact.html", "../../ja/http/429/compact.html");
        assertThat(Files.readString(out.resolve("sitemap.xml"))).doesNotContain("compact");
        assertThat(PageSafety.problemsIn(out)).isEmpty();
    }

    @Test
    void theJsonOfACodeCarriesItsSectionHeadingsInItsLanguageAndItsAddresses() throws IOException {
        Path out = build(newSite(true));
        ObjectMapper json = new ObjectMapper();

        JsonNode en = json.readTree(out.resolve("en/http/404.json").toFile());
        JsonNode ja = json.readTree(out.resolve("ja/http/404.json").toFile());
        assertThat(en.at("/headings/fix/text").asText()).isEqualTo("How to fix it");
        assertThat(en.at("/headings/fix/lang").asText()).isEqualTo("en");
        assertThat(ja.at("/headings/fix/lang").asText()).isEqualTo("ja");
        assertThat(ja.at("/headings/fix/text").asText()).isEqualTo(
                page(out, "ja/http/404/index.html").selectFirst("h2#fix").text());
        assertThat(ja.at("/headings/quick/text").asText()).isEqualTo(
                page(out, "ja/http/404/index.html").selectFirst("h2#quick").text());
        // The quick answer: which facts it shows (their labels and values are under "facts"), and
        // each audience's fix in one sentence, as the page shows them, in each language.
        JsonNode ja429 = json.readTree(out.resolve("ja/http/429.json").toFile());
        assertThat(ja429.at("/quick/facts").toString()).isEqualTo("[\"outcome\",\"retry\"]");
        assertThat(ja429.at("/facts/retry/label/text").asText()).isEqualTo("時間をおけば可");
        Document page429 = page(out, "ja/http/429/index.html");
        assertThat(page429.select("section.quick li span").first().text()).isEqualTo(ja429.at("/quick/fix/caller/text").asText());
        assertThat(ja429.at("/quick/fix/caller/lang").asText()).isEqualTo("ja");
        assertThat(page429.select("section.quick dd").text()).contains(ja429.at("/facts/retry/label/text").asText());
        assertThat(en.at("/entry").asText()).isEqualTo("https://errors.example.com/http/404/");
        assertThat(ja.at("/compact").asText()).isEqualTo("https://errors.example.com/ja/http/404/compact.html");
    }

    @Test
    void aFamilyCannotHaveTheNameOfALocaleWhoseAddressesItsEntriesWouldTake() throws IOException {
        Path site = newSite(false);
        Files.move(site.resolve("content/http"), site.resolve("content/ja"));
        Path family = site.resolve("content/ja/_family.yaml");
        Files.writeString(family, Files.readString(family).replace("id: http", "id: ja"));

        assertThat(versus("check", "--source", site.toString())).isNotZero();
        assertThat(stderr.toString()).contains("content/ja/_family.yaml:1:1: family 'ja' has the name of a locale:"
                + " its codes' language-neutral addresses (/ja/<code>/) would be inside that locale's pages;"
                + " rename the family's folder");
    }
}
