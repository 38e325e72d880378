package dev.versus.render.prose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the Markdown of content fields to HTML. Raw HTML in content is escaped, not passed
 * through, and unsafe link schemes are dropped ({@code sanitizeUrls}): content is text, never
 * markup or script. Mentions of codes and RFC sections become links. Thread-safe: the parser
 * and renderer are built once and immutable.
 */
public final class MarkdownRenderer {
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).build();
    private final ProseLinker linker;

    /**
     * "RFC 7505" at the end of a line and "§4.1" at the start of the next are one mention: joined
     * before parsing, or the line break would split them into two text nodes and the link would
     * lose its section.
     */
    private static final java.util.regex.Pattern RFC_SECTION_ACROSS_LINES =
            java.util.regex.Pattern.compile("(RFC ?[0-9]{1,5})[ \\t]*\\r?\\n[ \\t>]*§");

    public MarkdownRenderer(ProseLinker linker) {
        this.linker = linker;
    }

    /**
     * @param family the family of the page, preferred for code mentions
     * @param codeHref the relative link to a code's page, or null to leave a mention unlinked
     */
    public String render(String markdown, String family, BiFunction<String, String, String> codeHref) {
        // Most texts have no section sign, and the expression needs one: no need to scan them with it.
        Node document = parser.parse(markdown.indexOf('§') < 0 ? markdown : RFC_SECTION_ACROSS_LINES.matcher(markdown).replaceAll("$1 §"));
        List<Text> texts = new ArrayList<>();
        List<SoftLineBreak> breaks = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            private int linkDepth;

            @Override
            public void visit(SoftLineBreak softBreak) {
                breaks.add(softBreak);
            }

            @Override
            public void visit(Text text) {
                if (linkDepth == 0) texts.add(text);
            }

            @Override
            public void visit(Link link) {
                // Text that is already a link stays as the author wrote it, if its target is safe.
                // Its children are still visited: an image inside a link ([![x](javascript:...)](...))
                // needs its own target checked.
                if (!isSafeUrl(link.getDestination())) link.setDestination("");
                linkDepth++;
                visitChildren(link);
                linkDepth--;
            }

            @Override
            public void visit(Image image) {
                if (!isSafeUrl(image.getDestination())) image.setDestination("");
                visitChildren(image);
            }
        });
        for (SoftLineBreak softBreak : breaks) {
            if (betweenWideCharacters(softBreak)) softBreak.unlink();
        }
        for (Text text : texts) {
            linkMentions(text, family, codeHref);
        }
        return renderer.render(document);
    }

    /**
     * The first paragraph of {@code markdown} as plain text, for a meta description: emphasis and
     * links reduced to their text, lines joined as the page joins them ({@link #joinsWithoutSpace}).
     */
    public String firstParagraphText(String markdown) {
        Node block = parser.parse(markdown).getFirstChild();
        while (block != null && !(block instanceof Paragraph)) block = block.getNext();
        if (block == null) return "";
        StringBuilder out = new StringBuilder();
        block.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak softBreak) {
                out.append('\n');
            }

            @Override
            public void visit(HardLineBreak hardBreak) {
                out.append('\n');
            }
        });
        StringBuilder joined = new StringBuilder(out.length());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c != '\n') {
                joined.append(c);
            } else if (!joinsWithoutSpace(i > 0 ? out.charAt(i - 1) : 0, i + 1 < out.length() ? out.charAt(i + 1) : 0)) {
                joined.append(' ');
            }
        }
        return joined.toString().strip();
    }

    /**
     * A line break inside a Japanese paragraph is not a space: browsers would show one between
     * two kanji. So a break is dropped between two wide (CJK) characters and next to Japanese
     * punctuation, and is a space otherwise, which keeps the site's rule of a half-width space
     * between Japanese and Latin letters or digits ("クライアントは HELO", "base64 エンコード").
     */
    private static boolean betweenWideCharacters(SoftLineBreak softBreak) {
        return joinsWithoutSpace(lastChar(softBreak.getPrevious()), firstChar(softBreak.getNext()));
    }

    /** The rule above for the characters on either side of a line break (0 where there is none). */
    static boolean joinsWithoutSpace(char before, char after) {
        return isJapanesePunctuation(before) || isJapanesePunctuation(after)
                || dev.versus.model.Text.isWide(before) && dev.versus.model.Text.isWide(after);
    }

    /**
     * CJK symbols and punctuation (、。「」), the katakana middle dot (・) and the full-width forms of
     * ASCII punctuation (（）：). Public so that the checks of built pages apply the same rule.
     */
    public static boolean isJapanesePunctuation(char c) {
        return c >= '\u3000' && c <= '\u303F' || c == '\u30FB' || c >= '\uFF01' && c <= '\uFF0F' || c >= '\uFF1A' && c <= '\uFF20'
                || c >= '\uFF3B' && c <= '\uFF40' || c >= '\uFF5B' && c <= '\uFF65';
    }

    /** The last character a node shows: its own text, or its last child's (emphasis, links). */
    private static char lastChar(Node node) {
        for (Node n = node; n != null; n = n.getLastChild()) {
            String literal = n instanceof Text t ? t.getLiteral() : n instanceof Code c ? c.getLiteral() : null;
            if (literal != null) return literal.isEmpty() ? 0 : literal.charAt(literal.length() - 1);
        }
        return 0;
    }

    private static char firstChar(Node node) {
        for (Node n = node; n != null; n = n.getFirstChild()) {
            String literal = n instanceof Text t ? t.getLiteral() : n instanceof Code c ? c.getLiteral() : null;
            if (literal != null) return literal.isEmpty() ? 0 : literal.charAt(0);
        }
        return 0;
    }

    /**
     * Allow-list of link targets: web and mail links and relative paths. Anything with another
     * scheme ({@code javascript:}, {@code data:}, {@code vbscript:} ...) is dropped.
     */
    static boolean isSafeUrl(String url) {
        String u = url.strip().toLowerCase(java.util.Locale.ROOT);
        int colon = u.indexOf(':');
        int firstDelimiter = u.length();
        for (char ch : new char[] {'/', '?', '#'}) {
            int i = u.indexOf(ch);
            if (i >= 0) firstDelimiter = Math.min(firstDelimiter, i);
        }
        if (colon < 0 || colon > firstDelimiter) return !u.chars().anyMatch(c -> c < 0x20);
        String scheme = u.substring(0, colon);
        return scheme.equals("https") || scheme.equals("http") || scheme.equals("mailto");
    }

    /** Splits one text node around its mentions, inserting a link node for each. */
    private void linkMentions(Text text, String family, BiFunction<String, String, String> codeHref) {
        String literal = text.getLiteral();
        List<Node> parts = new ArrayList<>();
        int[] last = {0};
        linker.forEachMention(literal, family, codeHref, (start, end, href) -> {
            if (start > last[0]) parts.add(new Text(literal.substring(last[0], start)));
            Link link = new Link(href, null);
            link.appendChild(new Text(literal.substring(start, end)));
            parts.add(link);
            last[0] = end;
        });
        if (parts.isEmpty()) return;
        if (last[0] < literal.length()) parts.add(new Text(literal.substring(last[0])));
        for (Node part : parts) text.insertBefore(part);
        text.unlink();
    }
}
