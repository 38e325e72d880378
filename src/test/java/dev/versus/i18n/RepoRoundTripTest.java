package dev.versus.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.model.Site;
import dev.versus.render.site.UrlStyle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip on a copy of the repository's own content: every real shape of translation
 * file (multi-line Japanese blocks, fix maps, notes) survives export and import.
 */
class RepoRoundTripTest {
    @TempDir
    Path dir;

    Path root;
    Path xliff;

    @BeforeEach
    void copyTheRepository() throws IOException {
        root = dir.resolve("site");
        for (String folder : new String[] {"content", "locales", "templates"}) copy(Path.of(folder), root.resolve(folder));
        xliff = dir.resolve("ja.xlf");
        Cli stamp = Cli.run("i18n", "stamp", "--source", root.toString());
        assertThat(stamp.exit).as(stamp.toString()).isZero();
    }

    @Test
    void importingTheUnchangedExportOfEveryFieldChangesNoByte() {
        Map<String, String> before = XliffRoundTripTest.snapshot(root);
        assertThat(Cli.run("i18n", "export", "--locale", "ja", "--out", xliff.toString(), "--source", root.toString()).exit)
                .isZero();

        Cli r = Cli.run("i18n", "import", xliff.toString(), "--source", root.toString());

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.out).startsWith("Imported 0 fields into 0 files");
        assertThat(XliffRoundTripTest.snapshot(root)).isEqualTo(before);
    }

    @Test
    void everyFieldEditedInTheXliffReadsBackAsEdited() throws Exception {
        assertThat(Cli.run("i18n", "export", "--locale", "ja", "--out", xliff.toString(), "--source", root.toString()).exit)
                .isZero();
        Site before = site();
        // Each target gains a line of its own, and single-line ones a quote that YAML must escape.
        Matcher m = Pattern.compile("(<target xml:space=\"preserve\">)([^<]*)(</target>)").matcher(Files.readString(xliff));
        StringBuilder edited = new StringBuilder();
        while (m.find()) {
            String add = m.group(2).contains("\n") ? "\n\n追加の段落です。" : "（'改'）";
            m.appendReplacement(edited, Matcher.quoteReplacement(m.group(1) + m.group(2) + add + m.group(3)));
        }
        m.appendTail(edited);
        Files.writeString(xliff, edited);

        Cli r = Cli.run("i18n", "import", xliff.toString(), "--source", root.toString());

        assertThat(r.exit).as(r.toString()).isZero();
        Site after = site();
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        TranslationStatus.of(before).fields().forEach(f -> expected.put(f.unitId(),
                f.text().value() + (f.text().value().contains("\n") ? "\n\n追加の段落です。" : "（'改'）")));
        TranslationStatus.of(after).fields().forEach(f -> actual.put(f.unitId(), f.text().value()));
        assertThat(actual).isEqualTo(expected);
        assertThat(TranslationStatus.of(after).problems()).isEmpty();
    }

    Site site() throws Exception {
        return new Build(new Build.Options(root, null, null, UrlStyle.PRETTY)).validate();
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
