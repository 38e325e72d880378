package dev.versus.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.TestSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code versus serve} renders only the pages a change affects. Each test makes one kind of
 * change and checks two things: the pages in memory are byte for byte those of a fresh full
 * build of the changed sources (a page left stale is a bug), and, where it matters, that far
 * fewer pages than the whole site were rendered.
 */
class IncrementalBuildTest {
    @TempDir
    Path dir;

    TestSite site;
    SiteMemory memory;
    IncrementalBuild builder;

    @BeforeEach
    void buildOnce() {
        site = TestSite.create(dir.resolve("site"));
        memory = new SiteMemory();
        builder = new IncrementalBuild(site.root(), memory);
        assertThat(builder.run(null).errors()).isEmpty();
        builder.writeData();
    }

    /** Rebuilds after a change to {@code paths} (relative to the site). */
    IncrementalBuild.Outcome rebuild(String... paths) {
        List<Path> changed = new ArrayList<>();
        for (String p : paths) changed.add(site.path(p));
        IncrementalBuild.Outcome o = builder.run(changed);
        Set<String> data = builder.writeData();
        return new IncrementalBuild.Outcome(o.errors(), union(o.changed(), data), o.rendered(), o.everything(),
                o.loadNanos(), o.renderNanos());
    }

    /** The memory holds exactly what a full build of the current sources makes. */
    void assertSameAsFullBuild() {
        SiteMemory fresh = new SiteMemory();
        IncrementalBuild full = new IncrementalBuild(site.root(), fresh);
        assertThat(full.run(null).errors()).isEmpty();
        full.writeData();
        assertThat(contents(memory)).isEqualTo(contents(fresh));
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    static Map<String, String> contents(SiteMemory m) {
        Map<String, String> out = new TreeMap<>();
        for (String p : m.paths()) out.put(p, new String(m.get(p), java.nio.charset.StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void theFirstBuildIsTheSiteThatBuildWrites() throws Exception {
        Path out = dir.resolve("public");
        new Build(new Build.Options(site.root(), out, null, UrlStyle.PRETTY)).run();
        Map<String, String> built = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(f).toString().replace('\\', '/');
                // Bytes as Latin-1 text, one char per byte: exact for the binary assets (favicon.ico) too.
                // Every file of the output (the manifest is beside it) is one serve holds.
                built.put(rel, new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        Map<String, String> served = new TreeMap<>();
        for (String p : memory.paths()) served.put(p, new String(memory.get(p), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(served).isEqualTo(built);
    }

    @Test
    void aDescriptionRendersTheCodeAndItsComparisonsOnly() {
        site.edit("content/smtp/552.yaml", "it would exceed a storage allocation", "it would exceed a quota");
        IncrementalBuild.Outcome o = rebuild("content/smtp/552.yaml");
        assertThat(o.errors()).isEmpty();
        // 552's page and its two comparisons, in English and in Japanese (which falls back to
        // English), and the 404 page, which every build renders.
        assertThat(o.rendered()).isEqualTo(6 + 1);
        assertThat(o.changed()).contains("en/smtp/552/index.html", "en/smtp/421-vs-552/index.html",
                "ja/smtp/452-vs-552/index.html").doesNotContain("en/smtp/421-vs-452/index.html");
        assertThat(new String(memory.get("en/smtp/421-vs-552/index.html"))).contains("exceed a quota");
        assertSameAsFullBuild();
    }

    @Test
    void anEnglishTextThatJapaneseTranslatesRendersTheEnglishPagesOnly() {
        site.edit("content/smtp/421.yaml", "- The server is overloaded.", "- The server is restarting.");
        IncrementalBuild.Outcome o = rebuild("content/smtp/421.yaml");
        assertThat(o.rendered()).isEqualTo(3 + 1);
        assertThat(o.changed()).containsExactlyInAnyOrder("en/smtp/421/index.html", "en/smtp/421-vs-452/index.html",
                "en/smtp/421-vs-552/index.html", "en/smtp/421.json", "en/smtp/index.json",
                "assets/search-index.en.js"); // the index's key phrases come from the text
        assertSameAsFullBuild();
    }

    @Test
    void aTranslationRendersItsLocaleOnly() {
        site.edit("content/smtp/421.ja.yaml", "サーバーが過負荷です。", "サーバーが混雑しています。");
        assertThat(rebuild("content/smtp/421.ja.yaml").changed())
                .contains("ja/smtp/421/index.html", "ja/smtp/421-vs-452/index.html")
                .noneMatch(p -> p.startsWith("en/"));
        assertSameAsFullBuild();
    }

    @Test
    void aTitleRendersEveryListThatShowsIt() {
        site.edit("content/smtp/421.yaml", "title: Service Not Available", "title: Service Closing");
        IncrementalBuild.Outcome o = rebuild("content/smtp/421.yaml");
        assertThat(o.changed()).contains("en/smtp/index.html", "en/smtp/552/index.html", "en/smtp/452/index.html");
        assertSameAsFullBuild();
    }

    @Test
    void aSummaryAndARelatedListChange() {
        site.edit("content/smtp/452.yaml", "The server is short of storage for now.", "Storage is short.");
        site.edit("content/smtp/452.yaml", "related: ['552', '421']", "related: ['552']");
        rebuild("content/smtp/452.yaml");
        assertSameAsFullBuild();
    }

    @Test
    void whichPairsHavePagesFollowsTheFamilyAndTheRelatedLists() {
        // Within a group: 421-vs-552 and 452-vs-552 go, with every link to them.
        site.append("content/smtp/_family.yaml", "pairs: group\n");
        rebuild("content/smtp/_family.yaml");
        assertSameAsFullBuild();
        assertThat(memory.paths()).doesNotContain("en/smtp/421-vs-552/index.html").contains("en/smtp/421-vs-452/index.html");

        // By related: a code that stops naming another takes their comparison with it.
        site.edit("content/smtp/_family.yaml", "pairs: group", "pairs: related");
        rebuild("content/smtp/_family.yaml");
        assertSameAsFullBuild();
        site.edit("content/smtp/452.yaml", "related: ['552', '421']", "related: ['552']");
        site.edit("content/smtp/421.yaml", "related: ['452']", "related: []");
        rebuild("content/smtp/452.yaml", "content/smtp/421.yaml");
        assertSameAsFullBuild();
        assertThat(memory.paths()).doesNotContain("en/smtp/421-vs-452/index.html").contains("en/smtp/452-vs-552/index.html");
    }

    @Test
    void codesOfAnotherFamilyThatTravelWithACode() throws IOException {
        site.write("content/smtp-enhanced/_family.yaml", Files.readString(Path.of("content/smtp-enhanced/_family.yaml")));
        site.write("content/smtp-enhanced/_family.ja.yaml", Files.readString(Path.of("content/smtp-enhanced/_family.ja.yaml")));
        String code = TestSite.CODE_552.replace("code: '552'", "code: 'X.2.2'").replace("related: ['452']", "related: []")
                .replace("commands: [MAIL, RCPT, END-OF-DATA]", "commands: [RCPT, END-OF-DATA]\nabout: [storage]\nseeAlso: ['smtp:552']");
        site.write("content/smtp-enhanced/X.2.2.yaml", code);
        site.write("content/smtp-enhanced/X.2.3.yaml", code.replace("'X.2.2'", "'X.2.3'").replace("'smtp:552'", "'smtp:421'"));
        assertThat(rebuild("content/smtp-enhanced").errors()).isEmpty();
        assertSameAsFullBuild();
        // Shown in the list of codes X.2.2 travels with, in the other family.
        site.edit("content/smtp/552.yaml", "title: Exceeded Storage Allocation", "title: Storage Exceeded");
        assertThat(rebuild("content/smtp/552.yaml").changed()).contains("en/smtp-enhanced/X.2.2/index.html");
        assertSameAsFullBuild();
        // A link written on one side changes the other side's facts.
        site.edit("content/smtp-enhanced/X.2.2.yaml", "seeAlso: ['smtp:552']", "seeAlso: ['smtp:452']");
        // (Comparison pages show the link only through a codes fact, which this test family does not declare.)
        assertThat(rebuild("content/smtp-enhanced/X.2.2.yaml").changed()).contains("en/smtp/552/index.html",
                "ja/smtp/452/index.html");
        assertSameAsFullBuild();
    }

    @Test
    void aNewCodeAddsItsPagesAndLinksItsMentions() {
        // 552 mentions 550 before 550 exists: plain text until the code appears, then a link.
        site.edit("content/smtp/552.yaml", "it would exceed a storage allocation", "unlike 550, it would exceed a storage allocation");
        rebuild("content/smtp/552.yaml");
        assertThat(new String(memory.get("en/smtp/552/index.html"))).doesNotContain("href=\"../550/\"");
        site.write("content/smtp/550.yaml", TestSite.CODE_552.replace("'552'", "'550'")
                .replace("Exceeded Storage Allocation", "Mailbox Unavailable").replace("related: ['452']", "related: []"));
        IncrementalBuild.Outcome o = rebuild("content/smtp/550.yaml");
        assertThat(o.changed()).contains("en/smtp/550/index.html", "ja/smtp/550-vs-552/index.html",
                "en/smtp/552-vs-550/index.html");
        assertThat(new String(memory.get("en/smtp/552/index.html"))).contains("href=\"../550/\"");
        assertSameAsFullBuild();
    }

    @Test
    void aDeletedCodeRemovesItsPages() {
        site.edit("content/smtp/421.yaml", "related: ['452']", "related: []");
        site.edit("content/smtp/552.yaml", "related: ['452']", "related: []");
        site.delete("content/smtp/452.yaml");
        IncrementalBuild.Outcome o = rebuild("content/smtp/421.yaml", "content/smtp/552.yaml", "content/smtp/452.yaml");
        assertThat(o.errors()).isEmpty();
        assertThat(memory.paths()).noneMatch(p -> p.contains("452"));
        assertThat(o.changed()).contains("en/smtp/452/index.html", "ja/smtp/421-vs-452/index.html", "en/smtp/452-vs-421/index.html");
        assertSameAsFullBuild();
    }

    @Test
    void aLabelRendersThePagesOfItsLocale() {
        site.edit("locales/ja.yaml", "footer: 各ページに記載した RFC", "footer: 各ページの RFC");
        IncrementalBuild.Outcome o = rebuild("locales/ja.yaml");
        assertThat(o.changed()).contains("ja/smtp/421/index.html").noneMatch(p -> p.startsWith("en/"));
        assertSameAsFullBuild();
    }

    @Test
    void aLanguageNameRendersEveryPage() {
        site.edit("locales/ja.yaml", "language: 日本語", "language: にほんご");
        rebuild("locales/ja.yaml");
        assertSameAsFullBuild();
    }

    @Test
    void aPageTemplateRendersItsPagesAndTheLayoutRendersAll() {
        site.edit("templates/code.ftlh", "<article class=\"code\">", "<article class=\"code\" data-x=\"1\">");
        IncrementalBuild.Outcome o = rebuild("templates/code.ftlh");
        assertThat(o.rendered()).isEqualTo(2 * 3 + 1);
        assertSameAsFullBuild();
        site.edit("templates/layout.ftlh", "<main id=\"main\">", "<main id=\"main\" data-x=\"2\">");
        assertThat(rebuild("templates/layout.ftlh").everything()).isTrue();
        assertSameAsFullBuild();
    }

    @Test
    void theFamilyDescriptionAPairNoteAndAStylesheet() {
        site.edit("content/smtp/_family.yaml", "starts with a three-digit code", "starts with three digits");
        rebuild("content/smtp/_family.yaml");
        assertSameAsFullBuild();
        site.write("content/smtp/pairs/421-vs-552.md", "---\nsection: differences\n---\nA 421 ends the session; see 452.\n");
        IncrementalBuild.Outcome o = rebuild("content/smtp/pairs/421-vs-552.md");
        assertThat(o.errors()).isEmpty();
        // The pair now has a note, so it heads "Compare with" on both codes' pages.
        assertThat(o.changed()).containsExactlyInAnyOrder("en/smtp/421-vs-552/index.html", "ja/smtp/421-vs-552/index.html",
                "en/smtp/421/index.html", "ja/smtp/421/index.html", "en/smtp/552/index.html", "ja/smtp/552/index.html");
        assertSameAsFullBuild();
        site.append("templates/assets/style.css", "/* changed */\n");
        assertThat(rebuild("templates/assets/style.css").changed()).containsExactly("assets/style.css");
        assertSameAsFullBuild();
    }

    @Test
    void deletedAndRenamedAssetsAndNotesLeaveMemoryAsBuildWouldWriteIt() throws IOException {
        site.write("templates/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        assertThat(rebuild("templates/assets/logo.svg").changed()).containsExactly("assets/logo.svg");
        assertSameAsFullBuild();
        // Renamed into a new folder: the old address goes, the new one comes.
        java.nio.file.Files.createDirectories(site.path("templates/assets/img"));
        java.nio.file.Files.move(site.path("templates/assets/logo.svg"), site.path("templates/assets/img/mark.svg"));
        assertThat(rebuild("templates/assets/logo.svg", "templates/assets/img", "templates/assets/img/mark.svg").changed())
                .containsExactlyInAnyOrder("assets/logo.svg", "assets/img/mark.svg");
        assertThat(memory.has("assets/logo.svg")).isFalse();
        assertSameAsFullBuild();
        site.delete("templates/assets/img/mark.svg");
        assertThat(rebuild("templates/assets/img/mark.svg").changed()).containsExactly("assets/img/mark.svg");
        assertSameAsFullBuild();
        // A pair note renamed to another pair: one comparison loses it, the other gains it.
        site.write("content/smtp/pairs/421-vs-552.md", "A 421 ends the session; see 452.\n");
        rebuild("content/smtp/pairs/421-vs-552.md");
        java.nio.file.Files.move(site.path("content/smtp/pairs/421-vs-552.md"), site.path("content/smtp/pairs/421-vs-452.md"));
        rebuild("content/smtp/pairs/421-vs-552.md", "content/smtp/pairs/421-vs-452.md");
        assertSameAsFullBuild();
        // A code file renamed (and its code with it): the old pages go, the new ones come.
        site.write("content/smtp/554.yaml", site.read("content/smtp/552.yaml").replace("code: '552'", "code: '554'"));
        site.delete("content/smtp/552.yaml");
        site.edit("content/smtp/452.yaml", "related: ['552', '421']", "related: ['554', '421']");
        assertThat(rebuild("content/smtp/552.yaml", "content/smtp/554.yaml", "content/smtp/452.yaml").errors()).isEmpty();
        assertThat(memory.has("en/smtp/552/index.html")).isFalse();
        assertSameAsFullBuild();
    }

    @Test
    void aFailedBuildKeepsTheLastGoodSiteAndWhatItSkippedIsRenderedOnceFixed() {
        Map<String, String> good = contents(memory);
        site.edit("content/smtp/421.yaml", "summary:", "summary");
        IncrementalBuild.Outcome broken = rebuild("content/smtp/421.yaml");
        assertThat(broken.errors()).isNotEmpty().allMatch(e -> e.matches("content/smtp/421\\.yaml:\\d+:\\d+: .+"));
        assertThat(memory.errors()).isEqualTo(broken.errors());
        // A template changes while the content is broken...
        site.edit("templates/pair.ftlh", "<article class=\"pair\">", "<article class=\"pair\" data-x=\"3\">");
        assertThat(rebuild("templates/pair.ftlh").errors()).isNotEmpty();
        assertThat(contents(memory)).isEqualTo(good);
        // ...and the fix renders what both changes affect.
        site.edit("content/smtp/421.yaml", "summary The", "summary: The");
        assertThat(rebuild("content/smtp/421.yaml").errors()).isEmpty();
        assertThat(memory.errors()).isEmpty();
        assertSameAsFullBuild();
    }

    @Test
    void aTemplateErrorIsReportedWithItsPositionAndFixed() {
        site.edit("templates/pair.ftlh", "<h1>${page.title}</h1>", "<h1>${page.titel}</h1>");
        IncrementalBuild.Outcome o = rebuild("templates/pair.ftlh");
        assertThat(o.errors()).singleElement().asString().startsWith("templates/pair.ftlh:").contains("page.titel");
        site.edit("templates/pair.ftlh", "<h1>${page.titel}</h1>", "<h1>${page.title}</h1>");
        assertThat(rebuild("templates/pair.ftlh").errors()).isEmpty();
        assertSameAsFullBuild();
    }

    @Test
    void unrelatedFilesRenderNothing() {
        try {
            Files.writeString(site.path("content/notes.txt"), "not a source");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IncrementalBuild.Outcome o = rebuild("content/notes.txt");
        assertThat(o.rendered()).isEqualTo(1);
        assertThat(o.changed()).isEmpty();
    }
}
