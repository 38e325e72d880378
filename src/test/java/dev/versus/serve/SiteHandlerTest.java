package dev.versus.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How request paths become files of the site, what is refused, and what serve adds to pages. */
class SiteHandlerTest {

    @ParameterizedTest
    @CsvSource({
        "/, index.html",
        "/en/, en/index.html",
        "/en/smtp/421/, en/smtp/421/index.html",
        "/en/smtp/421, en/smtp/421",
        "/assets/style.css, assets/style.css",
        "/en/smtp-enhanced/X.1.10/, en/smtp-enhanced/X.1.10/index.html",
        "/en/smtp/%34%32%31/, en/smtp/421/index.html",
        "/ja/%E6%97%A5/, ja/日/index.html",
    })
    void pathsOfTheSite(String request, String file) {
        assertThat(SiteHandler.fileFor(request)).isEqualTo(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/..", "/../", "/../etc/passwd", "/en/../../x", "/en/..", "/./", "/en/./smtp/",
        "/%2e%2e/x", "/%2E%2E/x", "/.%2e/x", "/%2e./x", "/%2e", "/en/%2e%2e/%2e%2e/x",
        "/a%2fb", "/..%2f..%2fx", "/%2F", "/a%5cb", "/..%5c..%5cx", "/%5C", "/a\\b",
        "/x%00", "/%00/", "/en/smtp/421/index.html%00.css", "/a%0d%0aSet-Cookie:x", "/%7f",
        "//x", "/en//smtp/", "/%c0%ae%c0%ae/x", "/%ff", "/%", "/%2", "/%zz", "/é", "relative", "",
    })
    void pathsThatAreRefused(String request) {
        assertThat(SiteHandler.fileFor(request)).isNull();
    }

    @Test
    void aVeryLongPathIsRefused() {
        assertThat(SiteHandler.fileFor("/" + "a".repeat(5000))).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "en/index.html, text/html; charset=utf-8",
        "assets/style.css, text/css; charset=utf-8",
        "assets/app.js, text/javascript; charset=utf-8",
        "search.json, application/json; charset=utf-8",
        "sitemap.xml, application/xml; charset=utf-8",
        "robots.txt, text/plain; charset=utf-8",
        "assets/logo.svg, image/svg+xml; charset=utf-8",
        "assets/logo.PNG, image/png",
        "en/smtp/421, application/octet-stream",
    })
    void contentTypes(String file, String type) {
        assertThat(SiteHandler.contentType(file)).isEqualTo(type);
    }

    @Test
    void theScriptGoesBeforeTheLastBodyEnd() {
        String page = "<html><body><p>&lt;/body&gt; in text</p></body></html>";
        assertThat(new String(SiteHandler.withLiveReload(page.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("<html><body><p>&lt;/body&gt; in text</p>" + LiveReload.TAG + "\n</body></html>");
        assertThat(new String(SiteHandler.withLiveReload("<p>no body".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("<p>no body" + LiveReload.TAG + "\n");
    }

    @Test
    void changedFilesBecomeThePageAddressesToReload() {
        assertThat(DevServer.addresses(List.of("index.html", "en/smtp/421/index.html", "en/404.html")))
                .containsExactly("/", "/en/smtp/421/", "/en/404.html");
        assertThat(DevServer.addresses(List.of("en/smtp/421/index.html", "assets/style.css"))).containsExactly("*");
        assertThat(DevServer.addresses(List.of("en/smtp/421.json", "sitemap.xml", "robots.txt"))).isEmpty();
    }

    @Test
    void aBuiltSiteNeverContainsTheLiveReloadScript(@TempDir Path dir) throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Path out = dir.resolve("public");
        new Build(new Build.Options(site.root(), out, null, UrlStyle.PRETTY)).run();
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).hasSizeGreaterThan(10);
            for (Path f : all) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.toString()).doesNotContain("__versus").doesNotContain("live-reload")
                        .doesNotContain("EventSource");
            }
        }
    }
}
