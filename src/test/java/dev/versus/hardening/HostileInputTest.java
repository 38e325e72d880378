package dev.versus.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.cli.VersusCommand;
import dev.versus.testing.FolderSnapshot;
import dev.versus.testing.PageSafety;
import dev.versus.testing.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The corpus of hostile and broken inputs in {@code src/test/resources/hostile/}, one file per
 * attack. Each file is dropped into the valid {@link TestSite} after a first build, and the site
 * is built again into the same output folder:
 * <ul>
 *   <li>a file that must be refused gives exactly the error lines it lists, exit code 1, no
 *       stack trace, and the previous output byte for byte as it was;</li>
 *   <li>a file that is valid content (payloads in text) builds, and no page holds script,
 *       event handlers or unsafe links from it; its payloads show as the text they are.</li>
 * </ul>
 *
 * <p>The file's leading {@code #} comment says what it attacks (first line) and how to test it:
 * <pre>
 * # to: content/smtp/450.yaml          where the file goes (repeatable)
 * # symlink: content/smtp/450.yaml     a symbolic link there to the file kept outside the site
 * # copy: content/smtp-enhanced/_family.yaml   also copy this file from the repository
 * # edit: PATH | FROM | TO             also change one text in a file of the site
 * # line: PATH | PREFIX | LINE         also replace the one line starting with PREFIX
 * # pad-to: 1100000                    pad the file with comment lines to this many bytes
 * # error: LINE                        an exact error line, in order (none: the build succeeds)
 * # within-ms: 2000                    the failing build must take less than this
 * # shows: PAGE | TEXT                 the page's visible text contains TEXT literally
 * # attr: PAGE | CSS | NAME | VALUE    the element's attribute NAME (or "#text") is exactly VALUE
 * </pre>
 */
class HostileInputTest {
    static final Path CORPUS = Path.of("src/test/resources/hostile");

    @TempDir
    Path dir;

    StringWriter stdout;
    StringWriter stderr;

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileFileIsRefusedOrRenderedHarmlessAndNeverDamagesTheLastGoodSite(String name) throws IOException {
        Attack attack = Attack.read(CORPUS.resolve(name));
        TestSite site = TestSite.create(dir.resolve("site"));
        Path out = dir.resolve("public");
        assertThat(build(site, out)).as("the valid site builds").isZero();
        Map<String, String> before = FolderSnapshot.of(out);

        attack.applyTo(site, dir.resolve("outside"));
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        int exit = build(site, out);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocatedMiB = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) >> 20;

        assertThat(stderr.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(stdout.toString()).doesNotContain("Exception");
        if (attack.errors.isEmpty()) {
            assertThat(exit).as("exit code; stderr: %s", stderr).isZero();
            assertThat(stderr.toString()).isEmpty();
            assertThat(PageSafety.problemsIn(out)).as("script, handlers or unsafe links in the pages").isEmpty();
            for (String[] shows : attack.shows) {
                assertThat(page(out, shows[0]).text()).as("visible text of %s", shows[0]).contains(shows[1]);
            }
            for (String[] attr : attack.attrs) {
                Element e = page(out, attr[0]).selectFirst(attr[1]);
                assertThat(e).as("%s in %s", attr[1], attr[0]).isNotNull();
                assertThat(attr[2].equals("#text") ? e.text() : e.attr(attr[2])).as("%s of %s", attr[2], attr[1])
                        .isEqualTo(attr[3]);
            }
        } else {
            List<String> expected = new ArrayList<>(attack.errors);
            expected.add("build failed: " + attack.errors.size() + (attack.errors.size() == 1 ? " error" : " errors"));
            // The source line shown under an error is the hostile text itself: it must reach the
            // terminal as text, without control or format characters (escapes, bidi overrides).
            List<String> excerpts = dev.versus.testing.ErrorLines.excerpts(stderr.toString());
            assertThat(excerpts).allSatisfy(line -> assertThat(line.codePoints().filter(cp -> {
                int type = Character.getType(cp);
                return type == Character.CONTROL || type == Character.FORMAT;
            }).count()).as("control or format characters in %s", line).isZero());
            assertThat(dev.versus.testing.ErrorLines.messages(stderr.toString())).containsExactlyElementsOf(expected);
            assertThat(exit).isEqualTo(1);
            assertThat(stdout.toString()).isEmpty();
            assertThat(FolderSnapshot.of(out)).as("the last good site, byte for byte").isEqualTo(before);
            assertThat(FolderSnapshot.listing(dir)).as("no staging folder left beside the output")
                    .allMatch(n -> !n.startsWith(".") || n.equals(".public.versus-manifest"));
        }
        if (attack.withinMillis > 0) {
            System.out.printf("%s: build %s in %d ms, %d MiB allocated on the building thread%n", name,
                    exit == 0 ? "succeeded" : "failed", millis, allocatedMiB);
            assertThat(millis).as("time of the build in ms").isLessThan(attack.withinMillis);
            assertThat(allocatedMiB).as("MiB allocated by the build").isLessThan(256);
        }
    }

    int build(TestSite site, Path out) {
        stdout = new StringWriter();
        stderr = new StringWriter();
        CommandLine cl = VersusCommand.commandLine();
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute("build", "--source", site.root().toString(), "--out", out.toString());
    }

    static Document page(Path out, String page) {
        try {
            return Jsoup.parse(Files.readString(out.resolve(page), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One corpus file and what its header says to do with it. */
    static final class Attack {
        final byte[] bytes;
        final List<String> to = new ArrayList<>();
        final List<String> symlinks = new ArrayList<>();
        final List<String> copies = new ArrayList<>();
        final List<String[]> edits = new ArrayList<>();
        final List<String[]> lines = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<String[]> shows = new ArrayList<>();
        final List<String[]> attrs = new ArrayList<>();
        int padTo;
        long withinMillis;

        private Attack(byte[] bytes) {
            this.bytes = bytes;
        }

        static Attack read(Path file) throws IOException {
            Attack a = new Attack(Files.readAllBytes(file));
            // Only the header is read as text; what follows may be anything, bad bytes included.
            String text = new String(a.bytes, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            List<String> header = text.lines().takeWhile(l -> l.startsWith("#")).toList();
            assertThat(header).as("%s starts with a comment saying what it attacks", file).isNotEmpty();
            assertThat(header.get(0)).as("first line of %s", file).matches("# [A-Z].*");
            for (String line : header) {
                int colon = line.indexOf(": ");
                String key = colon < 0 ? "" : line.substring(2, colon);
                String value = colon < 0 ? "" : line.substring(colon + 2);
                switch (key) {
                    case "to" -> a.to.add(value);
                    case "symlink" -> a.symlinks.add(value);
                    case "copy" -> a.copies.add(value);
                    case "edit" -> a.edits.add(split(value, 3, line));
                    case "line" -> a.lines.add(split(value, 3, line));
                    case "pad-to" -> a.padTo = Integer.parseInt(value);
                    case "error" -> a.errors.add(value);
                    case "within-ms" -> a.withinMillis = Long.parseLong(value);
                    case "shows" -> a.shows.add(split(value, 2, line));
                    case "attr" -> a.attrs.add(split(value, 4, line));
                    default -> { } // the description
                }
            }
            assertThat(a.to.size() + a.symlinks.size() + a.edits.size() + a.lines.size())
                    .as("%s says where it goes (# to:, # symlink:, # edit: or # line:)", file).isPositive();
            return a;
        }

        private static String[] split(String value, int parts, String line) {
            String[] p = value.split(" \\| ", parts);
            if (p.length != parts) throw new IllegalArgumentException("expected " + parts + " parts separated by ' | ': " + line);
            return p;
        }

        void applyTo(TestSite site, Path outside) throws IOException {
            byte[] content = bytes;
            if (padTo > 0) {
                byte[] padded = Arrays.copyOf(content, padTo);
                byte[] filler = ("#" + "x".repeat(78) + "\n").getBytes(StandardCharsets.US_ASCII);
                for (int i = content.length; i < padTo; i++) padded[i] = filler[(i - content.length) % filler.length];
                padded[padTo - 1] = '\n';
                content = padded;
            }
            Path project = Path.of("").toAbsolutePath();
            for (String copy : copies) site.writeBytes(copy, Files.readAllBytes(project.resolve(copy)));
            for (String[] edit : edits) site.edit(edit[0], edit[1], edit[2]);
            for (String[] line : lines) site.replaceLine(line[0], line[1], line[2]);
            for (String path : to) site.writeBytes(path, content);
            for (String path : symlinks) {
                Path target = outside.resolve(path);
                Files.createDirectories(target.getParent());
                Files.write(target, content);
                Path link = site.path(path);
                Files.deleteIfExists(link);
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, target);
            }
        }
    }
}
