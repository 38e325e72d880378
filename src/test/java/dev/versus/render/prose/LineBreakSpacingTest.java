package dev.versus.render.prose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A line break inside a paragraph: dropped between two wide characters and next to Japanese
 * punctuation, kept everywhere else (a browser shows it as a space), so Japanese and Latin text keep their half-width space
 * however the author wrapped the lines.
 */
class LineBreakSpacingTest {
    static MarkdownRenderer MARKDOWN;

    @BeforeAll
    static void renderer(@TempDir Path dir) throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        MARKDOWN = new MarkdownRenderer(new ProseLinker(
                new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate()));
    }

    /** The rendered HTML without the links the linker adds to RFC mentions (ProseLinksTest covers those). */
    static String render(String md) {
        return MARKDOWN.render(md, "smtp", (family, code) -> "../" + code + "/").strip()
                .replaceAll("<a href=\"[^\"]*\">", "").replace("</a>", "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "two kanji                        | 送信側の\\nサーバー                | <p>送信側のサーバー</p>",
            "Japanese then Latin              | 次のよう\\nRFC 5321 に従います     | <p>次のよう\\nRFC 5321 に従います</p>",
            "Latin then Japanese              | クライアントは HELO\\nを送ります  | <p>クライアントは HELO\\nを送ります</p>",
            "code span then Japanese          | `base64`\\nエンコード              | <p><code>base64</code>\\nエンコード</p>",
            "after Japanese punctuation       | 返します。\\nRFC 5321 では         | <p>返します。RFC 5321 では</p>",
            "before a full-width parenthesis  | RFC 5321\\n（§4.2.3）              | <p>RFC 5321（§4.2.3）</p>",
            "emphasis ending in kanji         | **注意**\\nしてください            | <p><strong>注意</strong>してください</p>",
            "English lines                    | The server\\ncloses it.            | <p>The server\\ncloses it.</p>",
    })
    void aSoftLineBreakJoinsAsTheLanguageNeeds(String name, String markdown, String html) {
        assertThat(render(markdown.replace("\\n", "\n"))).isEqualTo(html.replace("\\n", "\n"));
    }

    @Test
    void theMetaDescriptionJoinsLinesTheSameWay() {
        assertThat(MARKDOWN.firstParagraphText("クライアントは\nHELO を送り、\nサーバーは\n応答します。"))
                .isEqualTo("クライアントは HELO を送り、サーバーは応答します。");
    }
}
