package dev.versus.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.i18n.Cli;
import dev.versus.testing.ErrorLines;
import dev.versus.testing.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A locale's glossary: check names every avoided variant in that locale's texts, and nothing else. */
class GlossaryTest {
    static final String GLOSSARY = """
            # Terms of the Japanese site.
            - use: 送信者
              for: the sender
              avoid: [差出人]
              allow: [差出人（From）]
            - use: バッファー
              avoid: [バッファ]
            - use: 受信者 N 人 / 宛先 N 件
              for: counting recipients
              avoid: [件の受信者]
              avoidPattern: ['[0-9]+ ?受信者', '宛先[がを]? ?[0-9]+ ?(?:人|つ)']
            """;

    @TempDir
    Path dir;
    TestSite site;

    @BeforeEach
    void setUp() {
        site = TestSite.create(dir.resolve("site"));
        site.write("locales/glossary/ja.yaml", GLOSSARY);
    }

    Cli versus(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--source");
        all.add(site.root().toString());
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void anAvoidedVariantInATranslationIsAWarningAtItsLineAndColumn() {
        site.replaceLine("content/smtp/421.ja.yaml", "summary:", "summary: 差出人に知らせます。");

        Cli r = versus("check");

        assertThat(r.exit).isZero();
        assertThat(r.out).contains("content/smtp/421.ja.yaml:2:10: warning: '差出人' is not this site's term;"
                + " use '送信者' (the sender); see locales/glossary/");
    }

    @Test
    void strictRefusesIt() {
        site.replaceLine("content/smtp/421.ja.yaml", "summary:", "summary: 差出人に知らせます。");

        Cli r = versus("check", "--strict");

        assertThat(r.exit).isEqualTo(1);
        assertThat(ErrorLines.messages(r.err)).contains("content/smtp/421.ja.yaml:2:10: '差出人' is not this site's"
                + " term; use '送信者' (the sender); see locales/glossary/");
    }

    @Test
    void theTermItselfAnAllowedPhraseAndCommentsAreNotReported() {
        site.replaceLine("content/smtp/421.ja.yaml", "summary:", "summary: 差出人（From）のバッファーです。");
        site.append("content/smtp/421.ja.yaml", "# 差出人 in a comment\n");

        assertThat(versus("check").out).doesNotContainPattern("421\\.ja\\.yaml:[0-9:]+ warning: '(差出人|バッファ)'");
    }

    @Test
    void aliasesQuoteWhatPeopleTypeAndAreNotSearched() {
        site.replaceLine("content/smtp/421.ja.yaml", "summary:", "summary: 差出人に知らせます。");
        site.append("content/smtp/421.ja.yaml", "aliases:\n  - 差出人不明\n");

        Cli r = versus("check");

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.out).contains("421.ja.yaml:2:10: warning: '差出人'")
                .doesNotContain("421.ja.yaml:" + site.lineOf("content/smtp/421.ja.yaml", "  - 差出人不明") + ":");
    }

    @Test
    void pairNotesAndTheLocaleFileAreSearchedButEnglishTextIsNot() {
        site.write("content/smtp/pairs/421-vs-452.md", "The sender (差出人 in Japanese) differs.\n");
        site.write("content/smtp/pairs/421-vs-452.ja.md", "バッファが違います。\n");

        Cli r = versus("check");

        assertThat(r.out).contains("content/smtp/pairs/421-vs-452.ja.md:1:1: warning: 'バッファ'");
        assertThat(r.out).doesNotContain("421-vs-452.md:");
    }

    @Test
    void aPatternNamesWhatItMatchedAtItsColumnAndTheRightFormIsNotReported() {
        site.replaceLine("content/smtp/421.ja.yaml", "summary:",
                "summary: 宛先が 1 つもなく、100 受信者を超えました。宛先 100 件、受信者 100 人は正しい形です。");

        Cli r = versus("check");

        assertThat(r.out).contains(
                "content/smtp/421.ja.yaml:2:10: warning: '宛先が 1 つ' is not this site's term; use '受信者 N 人 / 宛先 N 件'"
                        + " (counting recipients); see locales/glossary/",
                "content/smtp/421.ja.yaml:2:21: warning: '100 受信者' is not this site's term;");
        assertThat(r.out.lines().filter(l -> l.contains("421.ja.yaml:") && l.contains("not this site's term")))
                .as(r.out).hasSize(2);
    }

    @Test
    void anInvalidPatternIsALocatedErrorThatNamesTheLimitOfRe2() {
        site.write("locales/glossary/ja.yaml", "- use: 宛先 N 件\n  avoidPattern: ['(?=件)宛先', '[0-9]']\n");

        Cli r = versus("check");

        assertThat(r.exit).isEqualTo(1);
        assertThat(ErrorLines.messages(r.err)).anyMatch(m -> m.startsWith(
                "locales/glossary/ja.yaml:2:18: '(?=件)宛先' is not a valid regular expression:")
                && m.endsWith("(backreferences and lookaround are not supported: patterns are matched in linear time)"));
    }

    @Test
    void theRepositorysSiteKeepsItsTerminologyAndTranslations() {
        Cli r = Cli.run("check", "--strict", "--source", Path.of("").toAbsolutePath().toString());

        assertThat(r.exit).as(r.err).isZero();
    }

    @Test
    void aMalformedGlossaryIsALocatedError() {
        site.write("locales/glossary/ja.yaml", "- use: 送信者\n  avoid: 差出人\n  note: x\n");

        Cli r = versus("check");

        assertThat(r.exit).isEqualTo(1);
        assertThat(ErrorLines.messages(r.err)).contains(
                "locales/glossary/ja.yaml:2:10: 'avoid' must be a list of texts, found a text",
                "locales/glossary/ja.yaml:3:3: 'note': unknown field in glossary term; known fields: allow, avoid, avoidPattern, for, use");
    }
}
