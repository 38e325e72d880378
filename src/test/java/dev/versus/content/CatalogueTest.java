package dev.versus.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.i18n.TranslationStatus;
import dev.versus.model.Code;
import dev.versus.model.CodeText;
import dev.versus.model.Family;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.render.site.UrlStyle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository's own catalogue (content/): complete, valid and fully translated. The
 * validator already refuses unknown classes, dangling links, non-https references and empty
 * fields; these tests pin what the catalogue itself must contain.
 */
class CatalogueTest {
    /** Real SMTP commands (RFC 5321 and extensions: BURL is RFC 4468's) plus the session points the format names. */
    private static final Set<String> SMTP_COMMANDS = Set.of("EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "VRFY",
            "EXPN", "HELP", "NOOP", "QUIT", "STARTTLS", "AUTH", "BDAT", "BURL", "ETRN",
            "CONNECT", "END-OF-DATA", "ANY", "DSN");

    private static Site site;

    @BeforeAll
    static void validateRepositoryContent() throws Exception {
        site = new Build(new Build.Options(Path.of("."), null, null, UrlStyle.PRETTY)).validate();
    }

    @Test
    void smtpFamilyHasEveryReplyCodeOfRfc5321AndTheExtensions() {
        assertThat(ids("smtp")).containsAll(List.of("211", "214", "220", "221", "250", "251", "252", "354",
                "421", "450", "451", "452", "455", "500", "501", "502", "503", "504", "550", "551", "552", "553",
                "554", "555", "235", "334", "432", "454", "530", "534", "535", "538", "521", "556"));
    }

    @Test
    void enhancedFamilyHasEveryCodeOfTheIanaRegistry() {
        List<String> expected = new ArrayList<>(List.of("X.0.0"));
        int[] lastDetail = {0, 10, 4, 6, 7, 6, 10, 30};
        for (int subject = 1; subject <= 7; subject++) {
            for (int detail = 0; detail <= lastDetail[subject]; detail++) expected.add("X." + subject + "." + detail);
        }
        assertThat(ids("smtp-enhanced")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void commandVocabulariesNameOnlyRealSmtpCommands() {
        for (Family f : site.families()) {
            // The repository's families declare the points of the session as the fact 'commands'.
            assertThat(f.fact("commands").values()).as(f.id()).isSubsetOf(SMTP_COMMANDS);
        }
    }

    @Test
    void everyTextFieldIsTranslatedIntoJapanese() {
        assertThat(TranslationStatus.of(site).problems())
                .as("every Japanese field translated from the current English; after updating a translation by hand,"
                        + " run versus i18n stamp --refresh FILE")
                .isEmpty();
        List<String> untranslated = new ArrayList<>();
        for (Family f : site.families()) {
            for (Code c : f.codes()) {
                CodeText en = c.text("en");
                CodeText ja = c.text("ja");
                check(untranslated, c, "description", en.description(), ja.description());
                check(untranslated, c, "when", en.when(), ja.when());
                check(untranslated, c, "summary", en.summary(), ja.summary());
                en.fix().forEach((k, v) -> check(untranslated, c, "fix." + k, v, ja.fix().get(k)));
            }
        }
        assertThat(untranslated).as("Japanese fields identical to the English text").isEmpty();
    }

    @Test
    void familiesAndClassesAreLocalized() {
        for (Family f : site.families()) {
            assertThat(f.titles().get("ja").lang()).as(f.id() + " title").isEqualTo("ja");
            f.groups().forEach(g -> assertThat(g.name("ja").lang()).as(f.id() + " group " + g.key()).isEqualTo("ja"));
        }
    }

    @Test
    void everyCodeCitesAtLeastOneRfcSection() {
        for (Family f : site.families()) {
            for (Code c : f.codes()) {
                assertThat(c.references()).as(c.id()).anySatisfy(r -> assertThat(r.url()).startsWith("https://"));
            }
        }
    }

    private static void check(List<String> out, Code c, String field, Text en, Text ja) {
        if (ja == null || !ja.lang().equals("ja") || ja.value().equals(en.value())) out.add(c.family() + " " + c.id() + " " + field);
    }

    private static List<String> ids(String family) {
        return site.family(family).codes().stream().map(Code::id).toList();
    }
}
