package dev.versus.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.diagnostics.ContentError;
import dev.versus.diagnostics.ContentException;
import dev.versus.render.site.UrlStyle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sets of codes a codes fact names instead of a list (docs/CONTENT-FORMAT.md, "Sets of codes":
 * {@code travelsWith: [any]}, {@code ['5XX']}): every mistake is a located error, on a copy of the
 * repository's site (the only one with two families that name each other's codes).
 */
class CodeSetErrorsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void copyTheRepositorysSite() throws IOException {
        for (String folder : List.of("content", "locales", "templates")) {
            Path from = Path.of(folder);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path p : files.toList()) {
                    Path to = dir.resolve(p.toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                }
            }
        }
    }

    List<String> errors() {
        try {
            new Build(new Build.Options(dir, null, null, UrlStyle.PRETTY)).validate();
        } catch (ContentException e) {
            return e.errors().stream().map(ContentError::toString).toList();
        }
        throw new AssertionError("expected content errors, but the site is valid");
    }

    void edit(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
    }

    int lineOf(String file, String prefix) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i + 1;
        throw new AssertionError(prefix + " not in " + file);
    }

    @Test
    void theCopyIsValid() throws ContentException {
        assertThat(new Build(new Build.Options(dir, null, null, UrlStyle.PRETTY)).validate().family("smtp-enhanced")
                .code("X.0.0").fact("travelsWith")).containsExactly("smtp:*2XX", "smtp:*4XX", "smtp:*5XX");
    }

    @Test
    void aCodeWithAPageIsNotWrittenHereItGoesInSeeAlso() throws IOException {
        edit("content/smtp-enhanced/X.7.18.yaml", "travelsWith: ['5XX']", "travelsWith: ['550']");
        int line = lineOf("content/smtp-enhanced/X.7.18.yaml", "travelsWith:");

        assertThat(errors()).containsExactly("content/smtp-enhanced/X.7.18.yaml:" + line + ":15: '550' is a code of family"
                + " smtp, which has a page for it: list it in seeAlso as 'smtp:550' instead");
    }

    @Test
    void aCodeWithoutAPageIsWrittenHereAndSaidWithoutALink() throws ContentException {
        // RFC 5248 Table 1 pairs X.7.10 with 523, which no RFC defines: the site has no page for it.
        var site = new Build(new Build.Options(dir, null, null, UrlStyle.PRETTY)).validate();
        assertThat(site.family("smtp-enhanced").code("X.7.10").fact("travelsWith")).containsExactly("smtp:~523");
        // After the codes with pages, in the order seeAlso gives them.
        assertThat(site.family("smtp-enhanced").code("X.7.1").fact("travelsWith"))
                .containsExactly("smtp:550", "smtp:551", "smtp:451", "smtp:454", "smtp:502", "smtp:503", "smtp:~533");
    }

    @Test
    void anythingElseIsNoValue() throws IOException {
        edit("content/smtp-enhanced/X.7.18.yaml", "travelsWith: ['5XX']", "travelsWith: ['5xx']");
        int line = lineOf("content/smtp-enhanced/X.7.18.yaml", "travelsWith:");

        assertThat(errors()).containsExactly("content/smtp-enhanced/X.7.18.yaml:" + line + ":15: '5xx' is not a value of"
                + " fact 'travelsWith': write any (any code of family smtp), a class such as 5XX (the first digits, then X"
                + " for each digit that may be anything) or a code family smtp has no page for; the codes it has pages for go in seeAlso");
    }

    @Test
    void aCodeWithoutAPageNeedsItsNameInTheFamilyFile() throws IOException {
        edit("content/smtp-enhanced/_family.ja.yaml", "        value: '{code}（レジストリのみ）'", "        value: 'レジストリのみ'");
        int line = lineOf("content/smtp-enhanced/_family.ja.yaml", "      unlisted:");

        assertThat(errors()).containsExactly("content/smtp-enhanced/_family.ja.yaml:" + line + ":7: form 'value' of value"
                + " 'unlisted' must name the code with {code} and nothing else, found 'レジストリのみ'");
    }

    @Test
    void aClassThatHoldsNoCodeOfTheOtherFamily() throws IOException {
        edit("content/smtp-enhanced/X.7.18.yaml", "travelsWith: ['5XX']", "travelsWith: ['6XX']");
        int line = lineOf("content/smtp-enhanced/X.7.18.yaml", "travelsWith:");

        assertThat(errors()).containsExactly("content/smtp-enhanced/X.7.18.yaml:" + line + ":15: class '6XX' holds no code"
                + " of family smtp (a class is the first characters of its codes, then X for each remaining one, like 5XX)");
    }

    @Test
    void anyCoversEveryClass() throws IOException {
        edit("content/smtp-enhanced/X.0.0.yaml", "travelsWith: ['2XX', '4XX', '5XX']", "travelsWith: [any, '5XX']");
        int line = lineOf("content/smtp-enhanced/X.0.0.yaml", "travelsWith:");

        assertThat(errors()).containsExactly("content/smtp-enhanced/X.0.0.yaml:" + line + ":20: '5XX' is already covered by"
                + " 'any' in the same list; remove it");
    }

    @Test
    void aSetWithoutItsNameInTheFamilyFile() throws IOException {
        edit("content/smtp-enhanced/X.0.0.yaml", "travelsWith: ['2XX', '4XX', '5XX']", "travelsWith: [any]");
        edit("content/smtp-enhanced/_family.yaml", "      any:\n        value: Any reply code\n        phrase: reply codes of any class\n", "");
        edit("content/smtp-enhanced/_family.ja.yaml", "      any:\n        value: 任意の応答コード\n        phrase: クラスを問わず任意の応答コード\n", "");
        int line = lineOf("content/smtp-enhanced/X.0.0.yaml", "travelsWith:");

        assertThat(errors()).containsExactly("content/smtp-enhanced/X.0.0.yaml:" + line + ":15: fact 'travelsWith' has no name"
                + " for 'any': add values.any to its declaration in the family file");
    }

    @Test
    void aSetsNameMissingInALocale() throws IOException {
        edit("content/smtp-enhanced/_family.ja.yaml", "      class:\n        value: 任意の {class} 応答コード\n        phrase: '{class} のいずれか'\n", "");
        int line = lineOf("content/smtp-enhanced/_family.ja.yaml", "      any:");

        assertThat(errors()).containsExactly("content/smtp-enhanced/_family.ja.yaml:" + line + ":7: value 'class' of fact"
                + " 'travelsWith' has no ja name");
    }

    @Test
    void aClassNameMustSayWhichClass() throws IOException {
        edit("content/smtp-enhanced/_family.ja.yaml", "        value: 任意の {class} 応答コード", "        value: 任意の応答コード");
        int line = lineOf("content/smtp-enhanced/_family.ja.yaml", "      class:");

        assertThat(errors()).containsExactly("content/smtp-enhanced/_family.ja.yaml:" + line + ":7: form 'value' of value"
                + " 'class' must name the class with {class} and nothing else, found '任意の応答コード'");
    }

    @Test
    void aCodesFactNamesOnlyAnyAndClass() throws IOException {
        edit("content/smtp-enhanced/_family.yaml", "      any:\n        value: Any reply code", "      some:\n        value: Some codes\n      any:\n        value: Any reply code");
        int line = lineOf("content/smtp-enhanced/_family.yaml", "      some:");

        assertThat(errors()).contains("content/smtp-enhanced/_family.yaml:" + line + ":7: value 'some' of a codes fact must be"
                + " any (the name of \"any code\"), class (the name of \"any code of a class\", with {class}) or unlisted (the name"
                + " of a code the family has no page for, with {code})");
    }

    // The two ways a family file says how facts read together (docs/CONTENT-FORMAT.md, "Facts").

    @Test
    void joinIsAndOrOr() throws IOException {
        edit("content/smtp-enhanced/_family.yaml", "    join: or\n", "    join: maybe\n");
        int line = lineOf("content/smtp-enhanced/_family.yaml", "    join: maybe");

        // Both facts that say it (about, actor) are reported, in one run.
        assertThat(errors()).hasSize(2).first().isEqualTo("content/smtp-enhanced/_family.yaml:" + line + ":11: join must be 'and'"
                + " (a code has all its values) or 'or' (its values are alternatives), found 'maybe'");
    }

    @Test
    void unlessDiffersNamesAnotherFact() throws IOException {
        edit("content/smtp-enhanced/_family.yaml", "    unlessDiffers: about", "    unlessDiffers: abut");
        int line = lineOf("content/smtp-enhanced/_family.yaml", "    unlessDiffers: abut");

        assertThat(errors()).singleElement().asString().startsWith("content/smtp-enhanced/_family.yaml:" + line
                + ":20: unlessDiffers names 'abut', which is not another fact of this family").contains("about");
    }
}
