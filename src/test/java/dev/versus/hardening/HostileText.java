package dev.versus.hardening;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of text an attacker (or a careless paste) could put into a content field: Markdown
 * syntax, raw HTML, script and event-handler payloads, unsafe URL schemes and their disguises,
 * template syntax, and random characters around them.
 */
final class HostileText {
    private HostileText() {}

    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>", "<script", "</script>", "<SCRIPT SRC=//evil.example/x.js>", "<scr<script>ipt>",
            "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
            "<a href=\"javascript:alert(1)\">x</a>", "<iframe src=javascript:alert(1)>", "<body onload=alert(1)>",
            "<details open ontoggle=alert(1)>", "<math><mtext><script>", "<style>*{x:expression(alert(1))}</style>",
            "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">", "<base href=javascript:/>",
            "\" onmouseover=\"alert(1)", "' onfocus='alert(1)' autofocus='", "\"><script>alert(1)</script>",
            "onclick=alert(1)", " onerror=alert(1) ", "<!--", "-->", "<![CDATA[", "]]>", "<?xml ?>", "</textarea>",
            "</title>", "</a>", "<a>", "<b>", "<p>", "</p>", "<div>", "<", ">", "/>",
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "&#106;avascript:alert(1)",
            "jav&#x61;script:alert(1)", "javascript&colon;alert(1)", "data:text/html,<script>alert(1)</script>",
            "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+", "vbscript:msgbox(1)", "file:///etc/passwd",
            "&lt;", "&amp;", "&", "&#0;", "&#x3C;", "%3Cscript%3E", "\\", "\\<script>", "`<script>`", "```\n<script>\n```\n",
            "${7*7}", "{{7*7}}", "<#assign x=1>", "[#assign x=1]", "<@x/>", "#{x}",
            "421", "452", "552", "X.2.2", "RFC 5321 §4.2.3", "RFC 5321", "§", "日本語の文。", "\u00a0", "\u200b");

    static final List<String> MARKDOWN = List.of(
            "\n", "\n\n", "  \n", "    ", "\t", "> ", "- ", "* ", "1. ", "# ", "## ", "---\n", "***", "*", "_", "**", "__",
            "`", "``", "[", "]", "(", ")", "![", "](", "[x]", "[x]: ", "\n[r]: ", "[r]", "<", ">", "\"", "'", "=", " ",
            "|", "|---|", "~~~\n", "    <script>alert(1)</script>\n", "x", "text", "alert(1)");

    static final List<String> URLS = List.of(
            "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "<javascript:alert(1)>",
            "jav&#x61;script:alert(1)", "&#106;avascript:alert(1)", "javascript&colon;alert(1)", "java&#9;script:alert(1)",
            "&#10;javascript:alert(1)", "javascript%3Aalert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x",
            "livescript:x", "file:///etc/passwd", "//evil.example/x", "https://example.org/\" onmouseover=\"alert(1)",
            "https://example.org/", "http://example.org/?a=<script>", "mailto:a@example.org", "../421/", "#x", "",
            "<>", "x\" onclick=\"alert(1)");

    /** Markdown made of syntax, payloads and random characters, up to a few hundred characters. */
    static Arbitrary<String> markdown() {
        Arbitrary<String> link = Combinators.combine(Arbitraries.of(PAYLOADS), Arbitraries.of(URLS),
                        Arbitraries.of("[%s](%s)", "![%s](%s)", "[%s](%s \"%s\")", "<%2$s>", "[%s][r]\n\n[r]: %s\n",
                                "[%s](<%s>)", "<a href=\"%2$s\">%1$s</a>"))
                .as((text, url, form) -> String.format(form, text, url, text));
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(PAYLOADS)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(MARKDOWN)),
                net.jqwik.api.Tuple.of(3, link),
                net.jqwik.api.Tuple.of(2, plainCharacters().ofMinLength(1).ofMaxLength(6)));
        return piece.list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    /** Printable characters from ASCII, Latin-1, general punctuation and Japanese. */
    static net.jqwik.api.arbitraries.StringArbitrary plainCharacters() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u00ff')
                .withCharRange('\u2010', '\u2027').withCharRange('\u3000', '\u30ff');
    }

    /** {@code s} as a YAML double-quoted scalar that reads back as exactly {@code s}. */
    static String yamlQuoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (cp < 0x20 || cp >= 0x7F && cp <= 0xA0 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF
                            || cp >= 0xD800 && cp <= 0xDFFF) {
                        b.append(String.format("\\u%04X", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }
}
