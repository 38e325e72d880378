package dev.versus.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Links between pages are the shortest relative paths, written per URL style. */
class SitePathsTest {
    @Test
    void relativePathsClimbOnlyAsFarAsNeeded() {
        assertThat(SitePaths.relative("en/smtp/421/", "en/smtp/452/")).isEqualTo("../452/");
        assertThat(SitePaths.relative("en/smtp/421/", "en/smtp-enhanced/X.2.2/")).isEqualTo("../../smtp-enhanced/X.2.2/");
        assertThat(SitePaths.relative("en/smtp/421-vs-552/", "ja/smtp/421-vs-552/")).isEqualTo("../../../ja/smtp/421-vs-552/");
        assertThat(SitePaths.relative("en/smtp/", "en/smtp/421/")).isEqualTo("421/");
        assertThat(SitePaths.relative("", "en/")).isEqualTo("en/");
        assertThat(SitePaths.relative("en/", "")).isEqualTo("../");
        assertThat(SitePaths.relative("en/smtp/", "en/smtp/")).isEqualTo("");
        // "smtp" is a prefix of "smtp-enhanced" but not the same folder.
        assertThat(SitePaths.relative("en/smtp/", "en/smtp-enhanced/")).isEqualTo("../smtp-enhanced/");
    }

    @Test
    void offlineLinksNameTheFile() {
        assertThat(new SitePaths(UrlStyle.OFFLINE).link("en/smtp/421/", "en/smtp/452/")).isEqualTo("../452/index.html");
        assertThat(new SitePaths(UrlStyle.OFFLINE).link("en/smtp/", "en/smtp/")).isEqualTo("index.html");
        assertThat(new SitePaths(UrlStyle.PRETTY).link("en/smtp/", "en/smtp/")).isEqualTo("./");
    }

    @Test
    void alternatesAndXDefault() {
        assertThat(SitePaths.alternate("en/smtp/421-vs-552/", "ja")).isEqualTo("ja/smtp/421-vs-552/");
        assertThat(SitePaths.alternate("ja/", "en")).isEqualTo("en/");
        assertThat(SitePaths.alternate("", "ja")).as("the language picker's Japanese version is the Japanese home").isEqualTo("ja/");
        // The picker serves readers of no listed language on the root and the homes; elsewhere the default locale does.
        assertThat(SitePaths.xDefault("", "en")).isEqualTo("");
        assertThat(SitePaths.xDefault("ja/", "en")).isEqualTo("");
        assertThat(SitePaths.xDefault("ja/smtp/", "en")).isEqualTo("en/smtp/");
        assertThat(SitePaths.xDefault("ja/smtp/421/", "en")).isEqualTo("en/smtp/421/");
    }

    @Test
    void basePathOfABaseUrl() {
        assertThat(SitePaths.basePath("https://versus.example.org/")).isEqualTo("/");
        assertThat(SitePaths.basePath("https://versus.example.org")).isEqualTo("/");
        assertThat(SitePaths.basePath("https://example.org/docs")).isEqualTo("/docs/");
        assertThat(SitePaths.basePath("https://example.org/docs/codes/?x=1#y")).isEqualTo("/docs/codes/");
        assertThat(SitePaths.absolute("https://example.org/docs", "en/smtp/")).isEqualTo("https://example.org/docs/en/smtp/");
    }

    @Test
    void offlinePagesEndInTheFileName() {
        assertThat(UrlStyle.OFFLINE.pageSuffix()).isEqualTo("index.html");
        assertThat(UrlStyle.PRETTY.pageSuffix()).isEmpty();
    }
}
