package dev.versus.render.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Author text is joined into generated sentences whatever its capitalization and punctuation. */
class PairSentencesTest {
    @Test
    void authorTextBecomesAWholeSentence() {
        assertThat(PairSentences.asSentence("the server is closing the connection")).isEqualTo("The server is closing the connection.");
        assertThat(PairSentences.asSentence("  Already whole.  ")).isEqualTo("Already whole.");
        assertThat(PairSentences.asSentence("Is it full?")).isEqualTo("Is it full?");
        assertThat(PairSentences.asSentence("接続を閉じます")).isEqualTo("接続を閉じます。");
        assertThat(PairSentences.asSentence("接続を閉じます。")).isEqualTo("接続を閉じます。");
        assertThat(PairSentences.asSentence("line\n  broken   text")).isEqualTo("Line broken text.");
    }

    /** The loop that replaced {@code replaceAll("\\s+", " ")} does what the regular expression did. */
    @Property(tries = 2000)
    void whiteSpaceCollapsesAsTheRegularExpressionDid(
            @ForAll @StringLength(max = 24) @Chars({'a', 'Z', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00a0', '\u3000', 'あ'}) String s) {
        assertThat(PairSentences.collapseSpaces(s)).isEqualTo(s.replaceAll("\\s+", " "));
    }

    @Test
    void theTextOfGeneratedHtmlDropsTagsThenDecodesEntitiesOnce() {
        assertThat(PairSentences.text("<a href=\"../421/\">421</a> is &lt;b&gt; &amp;amp; &#39;x&#39; &#x41;&nbsp;&quot;"))
                .isEqualTo("421 is <b> &amp; 'x' A\u00a0\"");
        // A "<" up to the next ">" is a tag, whatever it holds; what is no entity stays as written.
        assertThat(PairSentences.text("a < b &c; &#; &#x; &#12x; &am<i>p; <unclosed")).isEqualTo("a p; <unclosed");
        assertThat(PairSentences.text("&c; &#; &#x; &#12x; &am<i>p;")).isEqualTo("&c; &#; &#x; &#12x; &"); // "&am<i>p;" is "&amp;" once its tag is gone
    }

    @Test
    void sentencesAreJoinedWithASpaceOnlyAfterLatinStops() {
        assertThat(PairSentences.joinSentences(List.of("One.", "Two."))).isEqualTo("One. Two.");
        assertThat(PairSentences.joinSentences(List.of("一つ。", "二つ。"))).isEqualTo("一つ。二つ。");
        assertThat(PairSentences.joinSentences(List.of("<a href=\"x\">421</a> は一時的です。", "次。")))
                .isEqualTo("<a href=\"x\">421</a> は一時的です。次。");
    }
}
