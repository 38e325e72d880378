package dev.versus.render.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A family index names its groups in the family's own words ({@code index.groupedBy}: "Class",
 * "Subject") and shows the fact the family picks beside each code ({@code index.column}); and the
 * root files every browser asks a host for.
 */
class FamilyIndexPageTest {
    @TempDir
    Path dir;

    Path build(TestSite site, String baseUrl) throws Exception {
        Path out = dir.resolve("out");
        new Build(new Build.Options(site.root(), out, baseUrl, UrlStyle.PRETTY)).run();
        return out;
    }

    static Document page(Path out, String path) throws Exception {
        return Jsoup.parse(Files.readString(out.resolve(path), StandardCharsets.UTF_8));
    }

    @Test
    void withoutIndexTheGroupsAreHeadedByTheirNamesAndTheColumnIsTheFirstQuickFact() throws Exception {
        Path out = build(TestSite.create(dir.resolve("site")), null);
        Document en = page(out, "en/smtp/index.html");

        assertThat(en.select("h2#group-4").text()).isEqualTo("Transient Negative Completion");
        assertThat(en.select("nav.jump").attr("aria-label")).isEqualTo("On this page");
        assertThat(en.select(".jump-label")).isEmpty();
    }

    @Test
    void theFamilyNamesItsGroupsInEachLanguageAndPicksTheColumn() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        site.append("content/smtp/_family.yaml", "index:\n  groupedBy: severity\n  column: scope\n");
        Path out = build(site, null);

        Document en = page(out, "en/smtp/index.html");
        assertThat(en.select("nav.jump .jump-label").text()).isEqualTo("Class");
        assertThat(en.select("nav.jump").attr("aria-labelledby")).isEqualTo(en.select(".jump-label").attr("id"));
        assertThat(en.select("h2#group-4").text()).isEqualTo("Class 4: Transient Negative Completion");
        assertThat(en.select("section[aria-labelledby=group-4] thead th").eachText()).containsExactly("Code", "Title", "Affects");
        Document ja = page(out, "ja/smtp/index.html");
        assertThat(ja.select("nav.jump .jump-label").text()).isEqualTo("クラス");
        assertThat(ja.select("h2#group-4").text()).startsWith("クラス 4：");
    }

    @Test
    void faviconIcoIsAtTheRootOfAHostOnlyAndEveryPageLinksTheIconsRelatively() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Path atRoot = build(site, "https://example.org/");
        byte[] ico = Files.readAllBytes(atRoot.resolve("assets/favicon.ico"));
        assertThat(ico).startsWith(0, 0, 1, 0); // an ICO file's header: reserved 0, type 1 (icon)
        assertThat(Files.readAllBytes(atRoot.resolve("favicon.ico"))).isEqualTo(ico);
        assertThat(page(atRoot, "en/smtp/552/index.html").select("link[rel=icon]").eachAttr("href"))
                .containsExactly("../../../assets/favicon.ico", "../../../assets/favicon.svg");

        Path underAPath = build(site, "https://example.org/docs/errors/");
        assertThat(underAPath.resolve("assets/favicon.ico")).exists();
        assertThat(underAPath.resolve("favicon.ico")).doesNotExist();
    }
}
