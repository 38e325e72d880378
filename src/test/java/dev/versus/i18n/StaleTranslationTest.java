package dev.versus.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stale detection end to end on the minimal site: 421 has a Japanese translation of its title,
 * summary, description, when and fix.sender; 452 and 552 have none.
 */
class StaleTranslationTest {
    static final String JA = "content/smtp/421.ja.yaml";
    static final String EN = "content/smtp/421.yaml";

    @TempDir
    Path dir;

    TestSite site;

    @BeforeEach
    void writeSite() {
        site = TestSite.create(dir.resolve("site"));
    }

    Cli versus(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--source";
        all[args.length + 1] = site.root().toString();
        return Cli.run(all);
    }

    List<String> warnings(Cli r) {
        return r.out.lines().filter(l -> l.contains(": warning: ")).toList();
    }

    @Test
    void aTranslationThatRecordsNoSourceIsUnstampedNotStale() {
        Cli r = versus("check");

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(warnings(r)).filteredOn(l -> l.startsWith(JA)).containsExactly(
                JA + ":1:8: warning: unstamped ja translation of 'title': the file does not record which English it was"
                        + " made from; if it matches the current English, run versus i18n stamp",
                JA + ":2:10: warning: unstamped ja translation of 'summary': the file does not record which English it"
                        + " was made from; if it matches the current English, run versus i18n stamp",
                JA + ":3:14: warning: unstamped ja translation of 'description': the file does not record which English"
                        + " it was made from; if it matches the current English, run versus i18n stamp",
                JA + ":5:7: warning: unstamped ja translation of 'when': the file does not record which English it was"
                        + " made from; if it matches the current English, run versus i18n stamp",
                JA + ":8:11: warning: unstamped ja translation of 'fix.sender': the file does not record which English"
                        + " it was made from; if it matches the current English, run versus i18n stamp");
        assertThat(r.out).contains("Translations ja: 0 of 16 fields translated, 0 stale, 5 unstamped, 11 missing\n");
    }

    @Test
    void stampRecordsTheSourceOfEveryFieldAndTouchesNoOtherLine() {
        Cli r = versus("i18n", "stamp");

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.out).isEqualTo("Stamped 5 fields in 1 files\n");
        assertThat(site.read(JA)).isEqualTo(TestSite.CODE_421_JA + """
                # Written by versus i18n: a hash of the English each field was translated from. Do not edit.
                source:
                  title: %s
                  summary: %s
                  description: %s
                  when: %s
                  fix.sender: %s
                """.formatted(hash("Service Not Available"), hash("The server is closing the connection."),
                hash("The server is shutting down this session (RFC 5321 §4.2.3)."), hash("- The server is overloaded."),
                hash("Nothing to change; your server retries.")));
        assertThat(versus("check").out).contains("Translations ja: 5 of 16 fields translated, 0 stale, 0 unstamped, 11 missing\n");
        assertThat(versus("i18n", "stamp").out).as("a second stamp has nothing to do").isEqualTo("Stamped 0 fields in 0 files\n");
    }

    @Test
    void changingOneEnglishFieldMakesExactlyThatTranslationStale() {
        versus("i18n", "stamp");
        site.replaceLine(EN, "summary:", "summary: The server is closing the connection now.");

        Cli r = versus("check");

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(warnings(r)).filteredOn(l -> l.startsWith(JA)).containsExactly(
                JA + ":2:10: warning: stale ja translation of 'summary': the English (" + EN + ":3:10) changed after it was"
                        + " translated; update it (versus i18n export --locale ja --only stale)");
        assertThat(warnings(r)).noneMatch(l -> l.contains("stale") && !l.startsWith(JA + ":2:10:"));
        assertThat(r.out).contains("Translations ja: 4 of 16 fields translated, 1 stale, 0 unstamped, 11 missing\n");
    }

    @Test
    void aStaleTranslationsPagesSayTheEnglishIsNewerAndLinkToIt() throws Exception {
        versus("i18n", "stamp");
        site.replaceLine(EN, "summary:", "summary: The server is closing the connection now.");
        Path out = dir.resolve("public");

        Cli r = Cli.run("build", "--source", site.root().toString(), "--out", out.toString());

        assertThat(r.exit).as(r.toString()).isZero();
        String notice = "<p class=\"stale\" role=\"note\">この翻訳の作成後に、英語版のページが更新されています。"
                + "<a href=\"../../../en/smtp/421/\">英語版を読む</a></p>";
        assertThat(page(out, "ja/smtp/421/index.html")).contains(notice);
        assertThat(page(out, "ja/smtp/421-vs-452/index.html")).containsOnlyOnce(notice);
        assertThat(page(out, "ja/smtp/452/index.html")).doesNotContain("class=\"stale\"");
        assertThat(page(out, "en/smtp/421/index.html")).doesNotContain("class=\"stale\"");

        versus("i18n", "stamp", "--refresh");
        assertThat(Cli.run("build", "--source", site.root().toString(), "--out", out.toString()).exit).isZero();
        assertThat(page(out, "ja/smtp/421/index.html")).as("current again").doesNotContain("class=\"stale\"");
    }

    static String page(Path out, String path) throws java.io.IOException {
        return java.nio.file.Files.readString(out.resolve(path));
    }

    @Test
    void strictFailsOnStaleFieldsAndNamesThem() {
        site.delete("content/smtp/452.yaml").delete("content/smtp/552.yaml")
                .replaceLine(EN, "related:", "related: []");
        versus("i18n", "stamp");
        assertThat(versus("check", "--strict").exit).as("all translated and current").isZero();
        site.replaceLine(EN, "title:", "title: Service Unavailable");

        Cli r = versus("check", "--strict");

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.lines()).containsExactly(
                JA + ":1:8: stale ja translation of 'title': the English (" + EN + ":2:8) changed after it was translated;"
                        + " update it (versus i18n export --locale ja --only stale)",
                "check --strict failed: 1 error",
                "Translations ja: 4 of 5 fields translated, 1 stale, 0 unstamped, 0 missing");
    }

    @Test
    void rewrappingOrReindentingTheEnglishDoesNotMakeATranslationStale() {
        versus("i18n", "stamp");
        site.edit(EN, "  The server is shutting down this session (RFC 5321 §4.2.3).\n",
                "  The server is shutting down\n  this session   (RFC 5321 §4.2.3).\n\n");

        assertThat(versus("check").out).contains("0 stale");
    }

    @Test
    void stampRefreshDeclaresAStaleFieldCurrentAfterAHandUpdate() {
        versus("i18n", "stamp");
        site.replaceLine(EN, "summary:", "summary: The server is closing the connection now.");
        site.replaceLine(JA, "summary:", "summary: サーバーは今まさに接続を閉じようとしています。");
        assertThat(versus("i18n", "stamp").out).as("stamp alone never hides a stale field").isEqualTo("Stamped 0 fields in 0 files\n");

        Cli r = versus("i18n", "stamp", "--refresh", site.path(JA).toString());

        assertThat(r.out).isEqualTo("Stamped 1 fields in 1 files\n");
        assertThat(versus("check").out).contains("Translations ja: 5 of 16 fields translated, 0 stale");
    }

    @Test
    void sourceRecordsAreChecked() {
        site.append(JA, """
                source:
                  titel: 1596dd2a8a
                  summary: not-a-hash
                  notes: 0cf9cd02a9
                """);

        Cli r = versus("check");

        assertThat(r.exit).isEqualTo(1);
        // The messages; each is followed by its source line and a caret (CliTest shows that form).
        assertThat(dev.versus.testing.ErrorLines.messages(r.err)).containsExactly(
                JA + ":11:10: 'source.titel' is not a text field; known: title, summary, description, when, use, fix.sender,"
                        + " fix.recipient, fix.admin, notes; did you mean 'title'?",
                JA + ":12:12: 'source.summary' must be the hash written by versus i18n (hex digits), found 'not-a-hash';"
                        + " remove the line and run versus i18n stamp",
                JA + ":13:10: 'source.notes' records the English of a field this file does not translate; remove the line"
                        + " (the English has no 'notes' either)",
                "check failed: 3 errors");
    }

    static String hash(String english) {
        return dev.versus.validate.SourceHash.of(english);
    }
}
