package dev.versus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A site of one's own, in process: {@code new site} writes a site that builds and checks clean
 * with the built-in theme alone, carries its own title, and takes one template, one label and a
 * stylesheet of its own without copying the rest; {@code new code} and {@code theme export}.
 */
class NewSiteTest {
    @TempDir
    Path dir;

    StringWriter stdout;
    StringWriter stderr;

    int versus(String... args) {
        stdout = new StringWriter();
        stderr = new StringWriter();
        CommandLine cl = VersusCommand.commandLine(args);
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args);
    }

    Document page(Path out, String path) throws IOException {
        return Jsoup.parse(Files.readString(out.resolve(path)));
    }

    @Test
    void aNewSiteBuildsAndChecksCleanWithTheBuiltInThemeAndCarriesItsOwnTitle() throws IOException {
        Path site = dir.resolve("s");
        assertThat(versus("new", "site", site.toString())).as(stderr.toString()).isZero();
        assertThat(site.resolve("templates")).doesNotExist();
        assertThat(site.resolve("README.md")).exists();

        assertThat(versus("check", "--strict", "--source", site.toString())).as(stderr.toString()).isZero();
        Path out = dir.resolve("out");
        assertThat(versus("build", "--source", site.toString(), "--out", out.toString())).as(stderr.toString()).isZero();

        Document code = page(out, "en/http/404/index.html");
        assertThat(code.title()).isEqualTo("HTTP 404 Not Found – Example API errors");
        assertThat(code.selectFirst("header .brand").text()).isEqualTo("Example API errors");
        assertThat(code.selectFirst("meta[property=og:site_name]").attr("content")).isEqualTo("Example API errors");
        assertThat(page(out, "en/index.html").selectFirst("meta[name=description]").attr("content"))
                .isEqualTo("What each error of the Example API means, and what to do about it.");
        assertThat(page(out, "404.html").title()).isEqualTo("Page not found – Example API errors");
        assertThat(page(out, "ja/http/404/index.html").title()).isEqualTo("HTTP 404「見つかりません」 | Example API errors");
        // The site's own label wins over the theme's; the theme's assets are published.
        assertThat(code.text()).contains("If you call the API");
        assertThat(out.resolve("assets/style.css")).exists();
        assertThat(out.resolve("assets/search.js")).exists();
        assertThat(page(out, "en/http/404-vs-429/index.html").text()).contains("Retrying helps only with 429");
    }

    @Test
    void aSiteOverridesOneTemplateAndAddsAStylesheetAndHeadContentWithoutCopyingTheRest() throws IOException {
        Path site = dir.resolve("s");
        versus("new", "site", site.toString());
        Files.createDirectories(site.resolve("templates/assets"));
        Files.writeString(site.resolve("templates/home.ftlh"), """
                <#import "layout.ftlh" as l>
                <@l.page p=page><h1>My own home</h1></@l.page>
                """);
        Files.writeString(site.resolve("templates/head.ftlh"), "<meta name=\"generator-note\" content=\"mine\">\n");
        Files.writeString(site.resolve("templates/assets/custom.css"), "body { color: black; }\n");
        Files.writeString(site.resolve("content/site.yaml"),
                Files.readString(site.resolve("content/site.yaml")).replace("# stylesheets:", "stylesheets:"));
        Path out = dir.resolve("out");

        assertThat(versus("build", "--source", site.toString(), "--out", out.toString())).as(stderr.toString()).isZero();

        assertThat(page(out, "en/index.html").selectFirst("h1").text()).isEqualTo("My own home");
        Document code = page(out, "en/http/429/index.html");
        assertThat(code.select("link[rel=stylesheet]").eachAttr("href"))
                .containsExactly("../../../assets/style.css", "../../../assets/custom.css");
        assertThat(code.selectFirst("meta[name=generator-note]")).isNotNull();
        assertThat(out.resolve("assets/custom.css")).hasContent("body { color: black; }");
    }

    @Test
    void newCodeWritesACodeThatValidatesAndTranslationStubs() throws IOException {
        Path site = dir.resolve("s");
        versus("new", "site", site.toString());

        assertThat(versus("new", "code", "http", "503", "--source", site.toString())).as(stderr.toString()).isZero();
        // The fix is written for the family's own audiences (audiences: in _family.yaml), not a fixed list.
        assertThat(Files.readString(site.resolve("content/http/503.yaml")))
                .contains("# Markdown per audience of the family: caller, owner (at least one).\nfix:\n  caller: |\n");
        assertThat(Files.readString(site.resolve("content/http/503.ja.yaml"))).contains("#   caller: |");
        assertThat(Files.readString(site.resolve("content/http/503.ja.yaml"))).contains("# title:");
        assertThat(versus("check", "--source", site.toString())).as(stderr.toString()).isZero();
        assertThat(stdout.toString()).contains("content/http/503.yaml:4:8: warning: 'title' has no ja translation");
        // No text of 503 in Japanese: its Japanese page says so and names the English page canonical.
        Path out = dir.resolve("out");
        assertThat(versus("build", "--source", site.toString(), "--out", out.toString())).as(stderr.toString()).isZero();
        Document ja = page(out, "ja/http/503/index.html");
        assertThat(ja.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://errors.example.com/en/http/503/");
        assertThat(ja.selectFirst("p[role=note]").text()).isEqualTo("このページはまだ翻訳されていないため、英語の原文を表示しています。英語版を読む");
        assertThat(ja.selectFirst("p[role=note] a").attr("href")).isEqualTo("../../../en/http/503/");
        Document translated = page(out, "ja/http/429/index.html");
        assertThat(translated.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://errors.example.com/ja/http/429/");
        assertThat(translated.select("p[role=note]")).isEmpty();

        assertThat(versus("new", "code", "htp", "504", "--source", site.toString())).isEqualTo(1);
        assertThat(stderr.toString()).isEqualTo("versus new code: no family 'htp' (no content/htp/_family.yaml);"
                + " did you mean 'http'?" + System.lineSeparator());
        assertThat(versus("new", "code", "http", "5x3", "--source", site.toString())).isEqualTo(1);
        assertThat(stderr.toString()).contains("code '5x3' does not match the family's codePattern '[1-5][0-9][0-9]'");
    }

    @Test
    void newSiteRefusesAFolderThatIsNotEmpty() throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "mine");

        assertThat(versus("new", "site", dir.toString())).isEqualTo(1);
        assertThat(stderr.toString()).contains("already exists and is not an empty folder");
        assertThat(dir.resolve("content")).doesNotExist();
    }

    @Test
    void themeExportCopiesEveryTemplateAssetAndLabelFile() throws IOException {
        Path theme = dir.resolve("theme");

        assertThat(versus("theme", "export", theme.toString())).as(stderr.toString()).isZero();

        for (String f : new String[] {"templates/layout.ftlh", "templates/head.ftlh", "templates/code.ftlh",
            "templates/assets/style.css", "templates/assets/search.js", "locales/en.yaml", "locales/ja.yaml"}) {
            assertThat(theme.resolve(f)).as(f).exists();
            assertThat(Files.readString(theme.resolve(f))).as(f).isEqualTo(Files.readString(Path.of(f)));
        }
        try (Stream<Path> s = Files.walk(Path.of("templates"))) {
            assertThat(s.filter(Files::isRegularFile).count()).isEqualTo(
                    Files.walk(theme.resolve("templates")).filter(Files::isRegularFile).count());
        }
    }

    @Test
    void checkCatchesWhatANewUserGetsWrongWithWhereAndDidYouMean() throws IOException {
        Path site = dir.resolve("s");
        versus("new", "site", site.toString());
        Files.writeString(site.resolve("content/site.yaml"), Files.readString(site.resolve("content/site.yaml"))
                .replace("description:", "descripton:").replace("# stylesheets: [assets/custom.css]", "stylesheets: [assets/custon.css]"));
        Files.writeString(site.resolve("locales/en.yaml"), Files.readString(site.resolve("locales/en.yaml"))
                .replace("  placeholder:", "  placeholdr:"));
        Files.createDirectories(site.resolve("templates/assets"));
        Files.writeString(site.resolve("templates/assets/custom.css"), "");

        assertThat(versus("check", "--source", site.toString())).isEqualTo(1);
        assertThat(stderr.toString()).contains(
                "content/site.yaml:4:1: 'descripton': unknown field in site file; did you mean 'description'?",
                "content/site.yaml:10:15: stylesheet 'assets/custon.css' has no file; create templates/assets/custon.css;"
                        + " did you mean 'assets/custom.css'?",
                "locales/en.yaml:6:15: label 'search.placeholdr' is used by no template or pattern; did you mean 'search.placeholder'?",
                "check failed: 3 errors");

        Files.writeString(site.resolve("content/site.yaml"), Files.readString(site.resolve("content/site.yaml"))
                .replace("descripton:", "description:").replace("custon", "custom"));
        Files.writeString(site.resolve("locales/en.yaml"), Files.readString(site.resolve("locales/en.yaml")).replace("placeholdr", "placeholder"));
        Files.writeString(site.resolve("templates/code.ftlh"), "<#import \"layot.ftlh\" as l>\n<@l.page p=page></@l.page>\n");

        assertThat(versus("check", "--source", site.toString())).isEqualTo(1);
        assertThat(stderr.toString()).startsWith("templates/code.ftlh:1:1: ").contains("layot.ftlh");
    }

    @Test
    void checkWarnsOfALinkToAnAssetNoFileProvidesAndStrictRefusesIt() throws IOException {
        Path site = dir.resolve("s");
        versus("new", "site", site.toString());
        Files.createDirectories(site.resolve("templates/assets"));
        Files.writeString(site.resolve("templates/assets/analytics.js"), "");
        Files.writeString(site.resolve("templates/head.ftlh"), "<#-- mine -->\n<script src=\"${p.root}assets/analytcs.js\" defer></script>\n");

        assertThat(versus("check", "--source", site.toString())).as(stderr.toString()).isZero();
        assertThat(stdout.toString()).contains("templates/head.ftlh:2:23: warning: 404.html links assets/analytcs.js, which is"
                + " neither in templates/assets/ nor in the built-in theme; create templates/assets/analytcs.js; did you mean"
                + " 'assets/analytics.js'?");
        assertThat(versus("check", "--strict", "--source", site.toString())).isEqualTo(1);
        assertThat(stderr.toString()).contains("templates/head.ftlh:2:23: 404.html links assets/analytcs.js");

        Files.writeString(site.resolve("templates/head.ftlh"), "<script src=\"${p.root}assets/analytics.js\" defer></script>\n");
        assertThat(versus("check", "--strict", "--source", site.toString())).as(stderr.toString()).isZero();
        assertThat(stdout.toString()).doesNotContain("warning");
    }
}
