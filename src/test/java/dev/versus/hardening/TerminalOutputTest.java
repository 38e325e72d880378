package dev.versus.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.cli.VersusCommand;
import dev.versus.testing.TestSite;
import dev.versus.diagnostics.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * File names and values from content reach the terminal in error messages. An escape sequence
 * there (OSC retitles the terminal, CSI 2J clears the screen) or a bidirectional override
 * (U+202E reverses the rest of the line) must arrive as visible text, never as terminal input:
 * every line goes through {@link TerminalText#visible}.
 */
class TerminalOutputTest {
    static final String OSC_TITLE = "\u001b]0;owned\u0007";
    static final String CLEAR = "\u001b[2J";

    @TempDir
    Path dir;

    String err;
    String out;

    int versus(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = VersusCommand.commandLine(args);
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int exit = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return exit;
    }

    /** No character the terminal would act on, other than the line breaks between lines. */
    static void assertPlainText(String printed) {
        assertThat(printed.codePoints().filter(cp -> cp != '\n' && TerminalText.visible(cp).length() > Character.charCount(cp)))
                .as("characters a terminal acts on in:\n%s", printed).isEmpty();
    }

    @Test
    void visibleShowsControlFormatAndBidiCharactersAsEscapes() {
        assertThat(TerminalText.visible("a" + OSC_TITLE + "b")).isEqualTo("a\\u001b]0;owned\\u0007b");
        assertThat(TerminalText.visible("abc\u202Edef")).isEqualTo("abc\\u202edef");
        assertThat(TerminalText.visible("x\u2066y\u2069\u200b\ufeff")).isEqualTo("x\\u2066y\\u2069\\u200b\\ufeff");
        assertThat(TerminalText.visible("line\nnext\r\t\u0085\u2028")).isEqualTo("line\\nnext\\r\\t\\u0085\\u2028");
        assertThat(TerminalText.visible("half \ud800 of a pair")).isEqualTo("half \\ud800 of a pair");
        assertThat(TerminalText.visible("サービス 😀 §4.2.3 X\\.[0-9]")).isEqualTo("サービス 😀 §4.2.3 X\\.[0-9]");
    }

    @Test
    void escapeSequencesInAFileNameAreShownNotObeyed() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        String name = OSC_TITLE + CLEAR + "450";
        site.write("content/smtp/" + name + ".yaml", TestSite.CODE_421.replace("code: '421'", "code: '450'"));

        for (String command : new String[] {"check", "build"}) {
            int exit = command.equals("check") ? versus("check", "--source", site.root().toString())
                    : versus("build", "--source", site.root().toString(), "--out", dir.resolve("out").toString());
            assertThat(exit).isEqualTo(1);
            assertPlainText(err);
            assertThat(err).contains("content/smtp/\\u001b]0;owned\\u0007\\u001b[2J450.yaml");
        }
    }

    @Test
    void escapeSequencesInAFamilyFolderNameAreShownNotObeyed() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Files.createDirectories(site.path("content/" + CLEAR + "x"));
        site.write("content/" + CLEAR + "x/_family.yaml", TestSite.FAMILY.replace("id: smtp", "id: x"));

        assertThat(versus("check", "--source", site.root().toString())).isEqualTo(1);
        assertPlainText(err);
        assertThat(err).contains("\\u001b[2Jx");
    }

    @Test
    void aRightToLeftOverrideInAValueIsShownAsAnEscape() {
        TestSite site = TestSite.create(dir.resolve("site"));
        site.edit("content/smtp/421.yaml", "scope: connection", "scope: \"galaxy\u202Etxt.exe\"");

        assertThat(versus("check", "--source", site.root().toString())).isEqualTo(1);
        assertPlainText(err);
        assertThat(err).contains("scope 'galaxy\\u202etxt.exe' is not one of");
    }

    @Test
    void theBuildSummaryShowsAnOutputFolderNameAsText() {
        TestSite site = TestSite.create(dir.resolve("site"));
        assertThat(versus("build", "--source", site.root().toString(), "--out", dir.resolve("out" + CLEAR).toString())).isZero();
        assertPlainText(out);
        assertThat(out).contains("out\\u001b[2J");
    }
}
