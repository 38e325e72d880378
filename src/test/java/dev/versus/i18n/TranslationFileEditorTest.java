package dev.versus.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Surgical edits of translation files: the edited field (and its source hash) change, every
 * other byte stays. Each test gives the file before and the exact file after.
 */
class TranslationFileEditorTest {
    static final String FILE = """
            # Reviewed by K. Tanaka, 2025-05.
            title: サービス利用不可   # short
            summary: サーバーが接続を閉じようとしています。
            description: |
              一行目です。
              二行目です。

            when: |
              - 過負荷です。
            fix:
              sender: |
                直すことはありません。
              admin: 再試行してください。
            """;

    static String edit(String text, String... fieldValuePairs) throws TranslationEditException {
        TranslationFileEditor e = TranslationFileEditor.of("content/smtp/421.ja.yaml", text);
        for (int i = 0; i < fieldValuePairs.length; i += 2) {
            String field = fieldValuePairs[i];
            if (field.startsWith("#")) e.setHash(field.substring(1), fieldValuePairs[i + 1]);
            else e.setText(field, fieldValuePairs[i + 1]);
        }
        return e.result();
    }

    @Test
    void replacingAPlainTitleKeepsItsCommentAndEveryOtherLine() throws Exception {
        assertThat(edit(FILE, "title", "サービスを提供できません"))
                .isEqualTo(FILE.replace("title: サービス利用不可   # short", "title: サービスを提供できません   # short"));
    }

    @Test
    void replacingABlockWithMoreLinesKeepsTheBlankLineAfterIt() throws Exception {
        assertThat(edit(FILE, "description", "新しい一行目です。\n\n- 項目\n  - 入れ子"))
                .isEqualTo(FILE.replace("  一行目です。\n  二行目です。\n", "  新しい一行目です。\n\n  - 項目\n    - 入れ子\n"));
    }

    @Test
    void aBlockBecomesOneLineAndALineBecomesABlock() throws Exception {
        assertThat(edit(FILE, "when", "過負荷です。", "fix.admin", "再試行してください。\n間隔を空けます。"))
                .isEqualTo(FILE.replace("when: |\n  - 過負荷です。\n", "when: 過負荷です。\n")
                        .replace("  admin: 再試行してください。\n", "  admin: |\n    再試行してください。\n    間隔を空けます。\n"));
    }

    @Test
    void textThatPlainYamlWouldMisreadIsQuoted() throws Exception {
        assertThat(edit(FILE, "title", "注意: 'a' #1")).contains("title: '注意: ''a'' #1'   # short\n");
        assertThat(edit(FILE, "title", "true")).contains("title: 'true'   # short\n");
        assertThat(edit(FILE, "title", "- 箇条")).contains("title: '- 箇条'   # short\n");
        assertThat(edit(FILE, "title", "改行\u2028区切り")).contains("title: \"改行\\L区切り\"   # short\n");
    }

    @Test
    void quotedValuesAreReplacedUpToTheirClosingQuote() throws Exception {
        String text = "title: 'it''s # not a comment'  # comment\nsummary: \"a \\\" b\"\n";
        assertThat(edit(text, "title", "新", "summary", "要約"))
                .isEqualTo("title: 新  # comment\nsummary: 要約\n");
    }

    @Test
    void aMissingFieldIsInsertedWhereTheContentFormatPutsIt() throws Exception {
        assertThat(edit(FILE, "notes", "注記です。", "fix.recipient", "受信者は何もしません。"))
                .isEqualTo(FILE.replace("  admin: 再試行してください。\n",
                        "  recipient: 受信者は何もしません。\n  admin: 再試行してください。\nnotes: 注記です。\n"));
    }

    @Test
    void aNewSourceMapGoesAtTheEndWithItsComment() throws Exception {
        assertThat(edit(FILE, "#title", "1596dd2a8a", "#fix.sender", "cc59906c54"))
                .isEqualTo(FILE + """
                        # Written by versus i18n: a hash of the English each field was translated from. Do not edit.
                        source:
                          title: 1596dd2a8a
                          fix.sender: cc59906c54
                        """);
    }

    @Test
    void anExistingSourceMapIsUpdatedInPlace() throws Exception {
        String stamped = FILE + "source:\n  title: 1596dd2a8a\n  fix.admin: fa4bb7a44d\n";
        assertThat(edit(stamped, "#title", "abcdef0123", "#summary", "1234567890"))
                .as("a hash of digits only would read as a number: it is quoted")
                .isEqualTo(FILE + "source:\n  title: abcdef0123\n  summary: '1234567890'\n  fix.admin: fa4bb7a44d\n");
    }

    @Test
    void aNewFileIsWrittenInTheContentFormatsOrder() throws Exception {
        assertThat(edit("", "summary", "要約です。", "title", "題", "fix.admin", "一行目\n二行目", "#title", "1596dd2a8a"))
                .isEqualTo("""
                        title: 題
                        summary: 要約です。
                        fix:
                          admin: |
                            一行目
                            二行目
                        # Written by versus i18n: a hash of the English each field was translated from. Do not edit.
                        source:
                          title: 1596dd2a8a
                        """);
    }

    @Test
    void windowsLineEndsAByteOrderMarkAndAMissingFinalLineBreakAreKept() throws Exception {
        String text = "\uFEFFtitle: 題\r\nsummary: |\r\n  要約\r\n  です。";
        assertThat(edit(text, "summary", "新しい\n要約", "#title", "1596dd2a8a"))
                .isEqualTo("\uFEFFtitle: 題\r\nsummary: |\r\n  新しい\r\n  要約\r\n"
                        + "# Written by versus i18n: a hash of the English each field was translated from. Do not edit.\r\n"
                        + "source:\r\n  title: 1596dd2a8a\r\n");
    }

    @Test
    void anUnchangedValueChangesNothing() throws Exception {
        TranslationFileEditor e = TranslationFileEditor.of("x.ja.yaml", FILE);
        e.setText("description", "一行目です。\n二行目です。");
        assertThat(e.changed()).isFalse();
        assertThat(e.result()).isEqualTo(FILE);
    }

    @Test
    void aFlowMapIsRefusedRatherThanRewritten() throws Exception {
        String text = "title: 題\nfix: {sender: 送信者}\n";
        assertThatThrownBy(() -> edit(text, "fix.admin", "管理者"))
                .isInstanceOf(TranslationEditException.class)
                .hasMessage("content/smtp/421.ja.yaml:2:6: 'fix' is written as { }; write it as one entry per line"
                        + " so that Versus can edit it");
    }
}
