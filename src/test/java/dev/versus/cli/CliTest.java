package dev.versus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.testing.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as a user meets it, through picocli's {@code execute()} with captured output:
 * exit codes (0 success, 1 content or template errors, 2 usage errors), what goes to stdout and
 * stderr, and that a failed build never touches the last good site.
 */
class CliTest {
    @TempDir
    Path dir;

    TestSite site;
    Path out;
    StringWriter stdout;
    StringWriter stderr;

    @BeforeEach
    void writeValidSite() {
        site = TestSite.create(dir.resolve("site"));
        out = dir.resolve("public");
    }

    /** Runs {@code versus args...} as {@link Main} would, capturing stdout and stderr. */
    int versus(String... args) {
        stdout = new StringWriter();
        stderr = new StringWriter();
        CommandLine cl = VersusCommand.commandLine(args);
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args);
    }

    String src() {
        return site.root().toString();
    }

    /** Breaks the site in two files, three errors in all. */
    void breakTheContent() {
        site.edit("content/smtp/421.yaml", "summary:", "sumary:");
        site.edit("content/smtp/552.yaml", "url: https://", "url: http://");
        site.edit("content/smtp/552.yaml", "cause: either", "cause: eiher");
    }

    static final String[] CONTENT_ERRORS = {
        "content/smtp/421.yaml:3:1: 'sumary': unknown field in code file; did you mean 'summary'?",
        "content/smtp/552.yaml:14:8: cause 'eiher' is not one of [sender, receiver, either, none]; did you mean 'either'?",
        "content/smtp/552.yaml:19:10: reference url must be an https:// URL without spaces,"
                + " found 'http://www.rfc-editor.org/rfc/rfc5321#section-4.2.3'",
    };

    /**
     * What the author sees for {@link #breakTheContent()}: each error, then the line it points at
     * with a caret under the column.
     */
    static final String[] CONTENT_REPORT = {
        CONTENT_ERRORS[0],
        "  3 | sumary: The server is closing the connection.",
        "    | ^",
        CONTENT_ERRORS[1],
        "  14 | cause: eiher",
        "     |        ^",
        CONTENT_ERRORS[2],
        "  19 |     url: http://www.rfc-editor.org/rfc/rfc5321#section-4.2.3",
        "     |          ^",
    };

    static String[] concat(String[] lines, String last) {
        String[] all = java.util.Arrays.copyOf(lines, lines.length + 1);
        all[lines.length] = last;
        return all;
    }

    void assertNoStackTrace() {
        assertThat(stderr.toString()).doesNotContain("at dev.versus").doesNotContain("Exception");
        assertThat(stdout.toString()).doesNotContain("at dev.versus").doesNotContain("Exception");
    }

    @Test
    void versionPrintsTheNameAndVersion() {
        assertThat(versus("--version")).isZero();
        assertThat(stdout.toString()).startsWith("versus ");
        assertThat(stderr.toString()).isEmpty();
    }

    @Test
    void helpListsTheCommands() {
        assertThat(versus("--help")).isZero();
        assertThat(stdout.toString()).contains("Usage: versus", "build", "check", "i18n", "serve", "help");
        assertThat(stderr.toString()).isEmpty();
    }

    @Test
    void aMisspeltCommandIsAUsageErrorThatNamesTheRightOne() {
        // Only the command named first is set up (start-up time); a misspelt one must still get the hint.
        assertThat(versus("bild", "--source", src())).isEqualTo(2);
        assertThat(stderr.toString()).contains("'bild'").contains("build");
        assertNoStackTrace();
    }

    @Test
    void anUnknownWordIsAUsageErrorEvenWithHelp() {
        assertThat(versus("bogus", "--help")).isEqualTo(2);
        assertThat(stderr.toString()).contains("'bogus'");
        assertThat(stdout.toString()).doesNotContain("Usage:");
    }

    @Test
    void aCommandsOwnHelpNamesIt() {
        assertThat(versus("build", "--help")).isZero();
        assertThat(stdout.toString()).contains("Usage: versus build");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(versus("check", "--bogus")).isEqualTo(2);
        assertThat(stderr.toString()).startsWith("Unknown option: '--bogus'").contains("Usage: versus check");
        assertNoStackTrace();
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(versus()).isEqualTo(2);
        assertThat(stderr.toString()).startsWith("choose a command: new, build, check, serve, i18n or theme");
    }

    @Test
    void checkOfAValidSiteSaysOk() {
        assertThat(versus("check", "--source", src())).isZero();
        assertThat(stdout.toString().lines())
                .anySatisfy(line -> assertThat(line).startsWith("OK: 1 family, 3 codes, 2 locales (en, ja), no errors"))
                .anySatisfy(line -> assertThat(line).isEqualTo("  smtp: 3 codes, 3 pairs"));
        assertThat(stderr.toString()).isEmpty();
    }

    @Test
    void checkOfABrokenSiteListsEveryErrorThenTheCount() {
        breakTheContent();

        assertThat(versus("check", "--source", src())).isEqualTo(1);
        assertThat(stderr.toString().lines()).containsExactly(concat(CONTENT_REPORT, "check failed: 3 errors"));
        assertNoStackTrace();
    }

    @Test
    void checkOfAFolderThatIsNotASiteSaysWhatIsMissing() {
        assertThat(versus("check", "--source", dir.resolve("nothing-here").toString())).isEqualTo(1);
        assertThat(stderr.toString()).contains("content/site.yaml:1:1: missing site file")
                .contains("is --source pointing at the project folder?");
        assertNoStackTrace();
    }

    @Test
    void buildOfABrokenSiteListsEveryErrorAndWritesNothing() {
        breakTheContent();

        assertThat(versus("build", "--source", src(), "--out", out.toString())).isEqualTo(1);
        assertThat(stderr.toString().lines()).containsExactly(concat(CONTENT_REPORT, "build failed: 3 errors"));
        assertThat(stdout.toString()).isEmpty();
        assertNoStackTrace();
        assertThat(out).doesNotExist();
        assertThat(listing(dir)).containsExactly("site");
    }

    @Test
    void buildWritesEveryPageInEveryLocale() {
        assertThat(versus("build", "--source", src(), "--out", out.toString())).isZero();

        assertThat(stdout.toString())
                .matches("Built \\d+ pages \\(en \\d+, ja \\d+\\): (\\d+) files, \\1 written to \\Q" + out + "\\E in [0-9.]+ s; translations: ja 0 stale, \\d+ missing\\R");
        assertThat(stderr.toString()).isEmpty();
        assertThat(out.resolve("en/smtp/421-vs-552/index.html")).isRegularFile();
        assertThat(out.resolve("en/smtp/421/index.html")).isRegularFile();
        assertThat(out.resolve("ja/smtp/421-vs-552/index.html")).isRegularFile()
                .content().contains("サービス利用不可"); // from 421.ja.yaml
    }

    @Test
    void aBuildThatFailsOnContentLeavesTheLastGoodSiteByteForByte() {
        assertThat(versus("build", "--source", src(), "--out", out.toString())).isZero();
        Map<String, String> before = snapshot(out);
        String page = read(out.resolve("en/smtp/421-vs-552/index.html"));

        breakTheContent();
        assertThat(versus("build", "--source", src(), "--out", out.toString())).isEqualTo(1);

        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(read(out.resolve("en/smtp/421-vs-552/index.html"))).isEqualTo(page);
        assertThat(listing(dir)).as("no staging folder left beside the output").containsExactly(".public.versus-manifest", "public", "site");
        assertNoStackTrace();
    }

    @Test
    void aBuildThatFailsInATemplateLeavesTheLastGoodSiteByteForByte() {
        assertThat(versus("build", "--source", src(), "--out", out.toString())).isZero();
        Map<String, String> before = snapshot(out);

        site.write("templates/code.ftlh", "<p>${nosuchVariable}</p>\n");
        assertThat(versus("build", "--source", src(), "--out", out.toString())).isEqualTo(1);

        assertThat(stderr.toString()).startsWith("templates/code.ftlh:1:");
        assertThat(stderr.toString().lines()).last().asString().matches("build failed: \\d+ errors?");
        assertNoStackTrace();
        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(listing(dir)).as("no staging folder left beside the output").containsExactly(".public.versus-manifest", "public", "site");
    }

    @Test
    void buildRefusesToWriteIntoTheSourceFolder() {
        Map<String, String> before = snapshot(site.root());

        assertThat(versus("build", "--source", src(), "--out", src())).isEqualTo(2);

        assertThat(stderr.toString().lines()).containsExactly(
                "--out: " + site.root().toAbsolutePath().normalize()
                        + " contains the sources; choose a folder of its own, such as public/",
                "build failed: 1 error");
        assertNoStackTrace();
        assertThat(snapshot(site.root())).isEqualTo(before);
    }

    /** Every file and folder under {@code root} with the SHA-256 of its bytes. */
    @Test
    void aRebuildWritesOnlyWhatChangedAndEndsIdenticalToAFreshBuild() {
        assertThat(versus("build", "--source", src(), "--out", out.toString())).isZero();
        assertThat(versus("build", "--source", src(), "--out", out.toString())).isZero();
        assertThat(stdout.toString()).contains(" 0 written to ");

        site.replaceLine("content/smtp/452.yaml", "title:", "title: Renamed Storage Code");
        assertThat(versus("build", "--source", src(), "--out", out.toString())).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(": (\\d+) files, (\\d+) written").matcher(stdout.toString());
        assertThat(m.find()).as(stdout.toString()).isTrue();
        int files = Integer.parseInt(m.group(1));
        int written = Integer.parseInt(m.group(2));
        assertThat(written).as("files rewritten after one title changed").isPositive().isLessThan(files);

        Path fresh = dir.resolve("fresh");
        assertThat(versus("build", "--source", src(), "--out", fresh.toString())).isZero();
        assertThat(snapshot(out)).isEqualTo(snapshot(fresh));
    }

    static Map<String, String> snapshot(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                files.put(rel + (Files.isDirectory(p) ? "/" : ""),
                        Files.isDirectory(p) ? "" : HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return files;
    }

    /** The names in a folder, hidden ones included, sorted. */
    static java.util.List<String> listing(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
