package dev.versus.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.model.Code;
import dev.versus.model.Example;
import dev.versus.model.Site;
import dev.versus.diagnostics.ContentError;
import dev.versus.diagnostics.ContentException;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aliases} and {@code examples} of a code (docs/CONTENT-FORMAT.md): what is read, and each error where it is. */
class AliasesAndExamplesTest {
    static final String RFC = "https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3";

    @TempDir
    Path dir;

    TestSite site;

    @BeforeEach
    void writeValidSite() {
        site = TestSite.create(dir);
    }

    Site validate() throws ContentException {
        return new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate();
    }

    List<String> errors() {
        try {
            validate();
        } catch (ContentException e) {
            return e.errors().stream().map(ContentError::toString).toList();
        }
        throw new AssertionError("expected content errors, but the site is valid");
    }

    static Code code(Site s, String id) {
        return s.families().get(0).codes().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aliasesArePerLanguageAndExamplesOfTheDefaultLanguageShowEverywhere() throws ContentException {
        site.append("content/smtp/552.yaml", """
                aliases: [mailbox full, over quota]
                examples:
                  - text: 552 5.2.2 Mailbox full
                    from: Example MTA
                    source: %s
                """.formatted(RFC));
        site.write("content/smtp/552.ja.yaml", """
                aliases: [容量超過, メールボックスがいっぱい]
                examples:
                  - text: 552 5.2.2 メールボックスがいっぱいです
                    from: 例示サーバー
                    source: %s
                """.formatted(RFC));

        Code c = code(validate(), "552");

        assertThat(c.aliases("en")).containsExactly("mailbox full", "over quota");
        assertThat(c.aliases("ja")).containsExactly("容量超過", "メールボックスがいっぱい");
        assertThat(c.examples("en", "en")).extracting(Example::text).containsExactly("552 5.2.2 Mailbox full");
        assertThat(c.examples("ja", "en")).extracting(Example::lang).containsExactly("en", "ja");
    }

    @Test
    void anExampleMustQuoteTheCodeAndCiteAReferenceOfTheCode() {
        site.append("content/smtp/552.yaml", """
                examples:
                  - text: Mailbox full
                    from: Example MTA
                    source: https://example.org/somewhere
                """);
        int line = site.lineOf("content/smtp/552.yaml", "  - text: Mailbox full");

        assertThat(errors()).containsExactly(
                "content/smtp/552.yaml:" + line + ":11: example does not contain the code 552; quote the reply as the server"
                        + " sent it, code included",
                "content/smtp/552.yaml:" + (line + 2) + ":13: example source 'https://example.org/somewhere' is not one of"
                        + " this code's references; add it under references (title and url) in the code file");
    }

    @Test
    void anAliasListedTwiceOrTooLongIsAnError() {
        site.write("content/smtp/552.ja.yaml", """
                aliases:
                  - 容量超過
                  - 容量超過
                  - %s
                """.formatted("あ".repeat(61)));
        int line = site.lineOf("content/smtp/552.ja.yaml", "aliases:") + 1;

        assertThat(errors()).containsExactly(
                "content/smtp/552.ja.yaml:" + (line + 1) + ":5: alias '容量超過' is listed twice",
                "content/smtp/552.ja.yaml:" + (line + 2) + ":5: alias is 61 characters long; an alias is a short phrase"
                        + " people search for (at most 60); put whole reply texts under examples");
    }

    @Test
    void anExampleWithAnUnknownFieldSaysWhichFieldsAreKnown() {
        site.append("content/smtp/552.yaml", """
                examples:
                  - text: 552 Mailbox full
                    form: Example MTA
                    source: %s
                """.formatted(RFC));

        assertThat(errors()).anySatisfy(e -> assertThat(e).endsWith("'form': unknown field in example; did you mean 'from'?"));
    }
}
