package dev.versus.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link SourceHash#normalize} is one hand-written pass. The rule was first written with two
 * regular expressions (kept here as the reference); on any text made of words, Japanese, spaces,
 * tabs, line breaks of every kind and other white space, both must give the same text, so no
 * recorded hash changes meaning.
 */
class SourceHashTest {
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("[ \\t]*\\n([ \\t]*\\n)+[ \\t]*");
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n]+");

    /** The first version of {@link SourceHash#normalize}. */
    static String reference(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder out = new StringBuilder(t.length());
        for (String paragraph : PARAGRAPH_BREAK.split(t, -1)) {
            if (out.length() > 0) out.append("\n\n");
            out.append(WHITESPACE.matcher(paragraph).replaceAll(" "));
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> prose() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("mail", "RFC 5321", "§4.2", "a", "応答", "コード", "e\u0301", "é", "-", "."),
                Arbitraries.of(" ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", " \n \t\n ", "\n\r\n", "\u3000", "\u00a0", "\f",
                        "\u2028", "\u000b"));
        return pieces.list().ofMaxSize(30).map(list -> String.join("", list));
    }

    @Property(tries = 3000)
    void theScanNormalizesLikeTheRegularExpressions(@ForAll("prose") String text) {
        assertThat(SourceHash.normalize(text)).isEqualTo(reference(text));
    }

    @Test
    void paragraphsAndWrappingAsDocumented() {
        assertThat(SourceHash.normalize("  One line\n  wrapped\there.\n\n\n  Next  paragraph.\r\n")).isEqualTo(
                "One line wrapped here.\n\nNext paragraph.");
        // Rewrapping does not change the hash; changing a paragraph break does.
        assertThat(SourceHash.of("a b\nc")).isEqualTo(SourceHash.of("a\nb c"));
        assertThat(SourceHash.of("a b\n\nc")).isNotEqualTo(SourceHash.of("a b c"));
    }
}
