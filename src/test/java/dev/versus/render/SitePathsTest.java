package dev.versus.render;

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
}
