package dev.versus.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.diagnostics.ContentError;
import dev.versus.diagnostics.ContentException;
import dev.versus.diagnostics.Location;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based: whatever a code file or its translation holds — the real
 * {@code content/smtp/421.yaml} and {@code 421.ja.yaml} with bytes, lines and indentation
 * mutated, YAML-looking soup, random bytes — loading and validating it either succeeds or fails
 * with content errors, each with a location inside the file ({@code path:line:col}, line and
 * column from 1) and a one-line message. Never any other exception.
 */
class MutatedYamlTest {
    static final String CODE = "content/smtp/421.yaml";
    static final String TRANSLATION = "content/smtp/421.ja.yaml";

    private static Path dir;
    private static TestSite site;
    private static byte[] realCode;
    private static byte[] realTranslation;

    @BeforeContainer
    static void writeValidSite() throws IOException {
        dir = Files.createTempDirectory("versus-mutated-yaml-");
        site = TestSite.create(dir.resolve("site"));
        // The real files, with 'related' limited to the codes the test site has, so that the
        // unmutated files are valid and mutations start from valid content.
        String code = Files.readString(Path.of(CODE), StandardCharsets.UTF_8);
        realCode = code.replaceFirst("(?m)^related: .*$", "related: ['452', '552']").getBytes(StandardCharsets.UTF_8);
        realTranslation = Files.readAllBytes(Path.of(TRANSLATION));
    }

    @AfterContainer
    static void deleteSite() {
        // Best effort: a failed property may still be shrinking in the background.
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    @Property(tries = 300)
    void aMutatedRealFileIsValidOrHasLocatedContentErrors(@ForAll boolean translation,
                                                          @ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = translation ? realTranslation : realCode;
        for (Mutation m : mutations) bytes = m.apply(bytes);
        site.writeBytes(CODE, translation ? realCode : bytes);
        site.writeBytes(TRANSLATION, translation ? bytes : realTranslation);

        validateExpectingOnlyLocatedErrors();
    }

    @Property(tries = 150)
    void yamlLookingSoupIsValidOrHasLocatedContentErrors(@ForAll("soup") String text) {
        site.writeBytes(CODE, text.getBytes(StandardCharsets.UTF_8));
        site.writeBytes(TRANSLATION, realTranslation);

        validateExpectingOnlyLocatedErrors();
    }

    @Property(tries = 100)
    void randomBytesAreLocatedContentErrors(@ForAll @Size(max = 400) byte[] bytes) {
        site.writeBytes(CODE, realCode);
        site.writeBytes(TRANSLATION, bytes);

        validateExpectingOnlyLocatedErrors();
    }

    private static void validateExpectingOnlyLocatedErrors() {
        try {
            new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate();
        } catch (ContentException e) {
            assertThat(e.errors()).isNotEmpty();
            for (ContentError error : e.errors()) assertLocated(error, site.root());
        }
    }

    /** The error points into a file of the site (line and column from 1) with a one-line message. */
    static void assertLocated(ContentError error, Path root) {
        Location at = error.location();
        assertThat(at).as("location of %s", error.message()).isNotNull();
        assertThat(at.path()).as("path of %s", error).isNotBlank().doesNotStartWith("/").doesNotContain("\\");
        assertThat(at.line()).as("line of %s", error).isGreaterThanOrEqualTo(1);
        assertThat(at.column()).as("column of %s", error).isGreaterThanOrEqualTo(1);
        // One line each, and nothing a terminal would act on (a tab from a key is harmless).
        assertThat(error.message()).as("message of %s", error).isNotBlank()
                .doesNotContainPattern("[\\x00-\\x08\\x0A-\\x1F\\x7F\\x85\\u2028\\u2029]");
        Path file = root.resolve(at.path());
        if (Files.isRegularFile(file)) {
            try {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                // YAML counts \r, \n, \r\n, U+0085, U+2028 and U+2029 as line breaks.
                long lines = text.split("\r\n|[\r\n\u0085\u2028\u2029]", -1).length;
                assertThat((long) at.line()).as("line of %s in a file of %d lines", error, lines).isLessThanOrEqualTo(lines);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    // ---- generators ----

    /** Pieces of YAML syntax, tags, escapes and odd characters that mutations insert. */
    static final List<String> TOKENS = List.of(
            "&a ", "*a", "&a [*a]", "!!str ", "!!java.io.File ", "!!javax.script.ScriptEngineManager ", "!x ", "!<tag:x> ",
            "!!binary ", "!!set ", "!!omap ", "%YAML 1.1\n", "%TAG !j! tag:yaml.org,2002:java.lang.\n", "---\n", "...\n",
            ": ", ":", "- ", "-", "? ", "[", "]", "{", "}", ",", "\"", "'", "|", "|-", ">", ">+", "#", " #", "<<: ", "<<: *a",
            "~", "null", "yes", "0x1F", "1e3", "2001-12-14", ".inf", "\t", "\n", "\n  ", "\r", "\r\n", "\u0085", "\u2028",
            "\uFEFF", "\u0000", "\u0007", "\u001B[2J", "\"\\0\"", "\"\\x07\"", "\"\\e\"", "\"\\u0000\"", "\"\\", "\\",
            "code: '421'\n", "title: x\n", "fix:\n  sender: x\n", "summary:\n", "  - x\n", "related: [", "x.2.2", "../",
            "日本語", "\u00e9", "\ud83d\ude00");

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<Mutation> mutation = Arbitraries.oneOf(
                Combinators.combine(at, Arbitraries.bytes()).as(FlipByte::new),
                Combinators.combine(at, Arbitraries.of(TOKENS)).as(Insert::new),
                Combinators.combine(at, Arbitraries.integers().between(1, 40)).as(DeleteBytes::new),
                at.map(DeleteLine::new),
                at.map(DuplicateLine::new),
                Combinators.combine(at, at).as(SwapLines::new),
                Combinators.combine(at, Arbitraries.of("", " ", "  ", "    ", "\t", " \t")).as(Indent::new),
                at.map(Truncate::new));
        return mutation.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.oneOf(Arbitraries.of(TOKENS), HostileText.plainCharacters().ofMaxLength(8),
                        Arbitraries.strings().ofMaxLength(4))
                .list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    /** One change to a file's bytes; positions are fractions of the length, so they shrink well. */
    sealed interface Mutation {
        byte[] apply(byte[] in);
    }

    record FlipByte(double at, byte value) implements Mutation {
        public byte[] apply(byte[] in) {
            if (in.length == 0) return in;
            byte[] out = in.clone();
            out[index(at, in.length - 1)] = value;
            return out;
        }
    }

    record Insert(double at, String token) implements Mutation {
        public byte[] apply(byte[] in) {
            int i = index(at, in.length);
            byte[] t = token.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[in.length + t.length];
            System.arraycopy(in, 0, out, 0, i);
            System.arraycopy(t, 0, out, i, t.length);
            System.arraycopy(in, i, out, i + t.length, in.length - i);
            return out;
        }
    }

    record DeleteBytes(double at, int count) implements Mutation {
        public byte[] apply(byte[] in) {
            int i = index(at, in.length);
            int end = Math.min(in.length, i + count);
            byte[] out = new byte[in.length - (end - i)];
            System.arraycopy(in, 0, out, 0, i);
            System.arraycopy(in, end, out, i, in.length - end);
            return out;
        }
    }

    record Truncate(double at) implements Mutation {
        public byte[] apply(byte[] in) {
            return Arrays.copyOf(in, index(at, in.length));
        }
    }

    record DeleteLine(double at) implements Mutation {
        public byte[] apply(byte[] in) {
            List<String> lines = lines(in);
            if (!lines.isEmpty()) lines.remove(index(at, lines.size() - 1));
            return join(lines);
        }
    }

    record DuplicateLine(double at) implements Mutation {
        public byte[] apply(byte[] in) {
            List<String> lines = lines(in);
            if (!lines.isEmpty()) {
                int i = index(at, lines.size() - 1);
                lines.add(i, lines.get(i));
            }
            return join(lines);
        }
    }

    record SwapLines(double a, double b) implements Mutation {
        public byte[] apply(byte[] in) {
            List<String> lines = lines(in);
            if (lines.size() > 1) java.util.Collections.swap(lines, index(a, lines.size() - 1), index(b, lines.size() - 1));
            return join(lines);
        }
    }

    /** Replaces a line's leading whitespace, breaking or changing the indentation YAML reads structure from. */
    record Indent(double at, String indent) implements Mutation {
        public byte[] apply(byte[] in) {
            List<String> lines = lines(in);
            if (!lines.isEmpty()) {
                int i = index(at, lines.size() - 1);
                lines.set(i, indent + lines.get(i).stripLeading());
            }
            return join(lines);
        }
    }

    private static int index(double at, int max) {
        return (int) Math.min(max, Math.floor(at * (max + 1)));
    }

    /** Lines of the file; bytes that are not UTF-8 pass through unchanged (ISO-8859-1 maps bytes to chars 1:1). */
    private static List<String> lines(byte[] in) {
        return new ArrayList<>(Arrays.asList(new String(in, StandardCharsets.ISO_8859_1).split("\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }
}
