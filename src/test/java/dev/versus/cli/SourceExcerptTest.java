package dev.versus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.diagnostics.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source line under an error, with the caret under the column the error names. */
class SourceExcerptTest {
    @TempDir
    Path root;

    SourceExcerpt write(String text) throws IOException {
        Files.createDirectories(root.resolve("content"));
        Files.writeString(root.resolve("content/a.yaml"), text, StandardCharsets.UTF_8);
        return new SourceExcerpt(root);
    }

    @Test
    void theLineAndACaretUnderTheColumn() throws IOException {
        SourceExcerpt e = write("code: '421'\nscope: galaxy\n");

        assertThat(e.of(new Location("content/a.yaml", 2, 8))).containsExactly(
                "  2 | scope: galaxy",
                "    |        ^");
    }

    @Test
    void wideCharactersTakeTwoColumns() throws IOException {
        SourceExcerpt e = write("title: サービス: 追加\n");

        // The second colon is column 12: "title: " and four katakana, each two columns wide.
        assertThat(e.of(new Location("content/a.yaml", 1, 12))).containsExactly(
                "  1 | title: サービス: 追加",
                "    |                ^");
    }

    @Test
    void controlAndFormatCharactersAreShownAsTheirEscapes() throws IOException {
        SourceExcerpt e = write("scope: a\u001b[31m\u202eb\tc\n");

        // The caret stays under the character of column 12 ('b'), after two six-column escapes.
        assertThat(e.of(new Location("content/a.yaml", 1, 9))).containsExactly(
                "  1 | scope: a\\u001b[31m\\u202eb c",
                "    |         ^");
        assertThat(e.of(new Location("content/a.yaml", 1, 15))).containsExactly(
                "  1 | scope: a\\u001b[31m\\u202eb c",
                "    | " + " ".repeat("scope: a\\u001b[31m\\u202e".length()) + "^");
    }

    @Test
    void aLongLineIsCutToAWindowAroundTheCaret() throws IOException {
        String line = "description: " + "word ".repeat(60) + "HERE" + " tail".repeat(40);
        SourceExcerpt e = write(line + "\n");
        int column = line.indexOf("HERE") + 1;

        var lines = e.of(new Location("content/a.yaml", 1, column));
        assertThat(lines.get(0)).startsWith("  1 | …").endsWith("…").contains("HERE");
        assertThat(lines.get(0).length()).isLessThanOrEqualTo("  1 | ".length() + SourceExcerpt.WIDTH + 2);
        assertThat(lines.get(1).indexOf('^')).isEqualTo(lines.get(0).indexOf("HERE"));
    }

    @Test
    void noExcerptForAWholeFileALineTooFarOrAFileThatCountsLinesDifferently() throws IOException {
        SourceExcerpt e = write("code: '421'\nscope: galaxy\n");
        assertThat(e.of(new Location("content/a.yaml", 1, 1))).as("1:1 stands for the whole file").isEmpty();
        assertThat(e.of(new Location("content/a.yaml", 9, 1))).isEmpty();
        assertThat(e.of(new Location("content/a.yaml", 2, 40))).as("beyond the end of the line").isEmpty();
        assertThat(e.of(new Location("content/missing.yaml", 2, 3))).isEmpty();
        assertThat(e.of(new Location("../outside.yaml", 2, 3))).isEmpty();

        SourceExcerpt nel = write("code: '421'\u0085scope: galaxy\n");
        assertThat(nel.of(new Location("content/a.yaml", 2, 8))).as("YAML breaks lines at NEL, Java does not").isEmpty();
    }
}
