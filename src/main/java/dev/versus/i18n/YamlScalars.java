package dev.versus.i18n;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a text as a YAML scalar the way a person would: plain when that reads back as the same
 * text, a literal block ({@code |}) for several lines, quotes only when needed. Everything written
 * is read back by {@link TranslationFileEditor} before it is saved, so a wrong choice here is
 * caught, never written.
 */
final class YamlScalars {
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlScalars() {}

    /**
     * The scalar as it follows {@code "key: "}. A block scalar's lines are indented by
     * {@code indent} spaces and joined with {@code eol}; the result never ends with a line break.
     */
    static String render(String value, int indent, String eol) {
        if (value.contains("\n") && blockSafe(value)) return literalBlock(value, indent, eol);
        if (!value.contains("\n") && plainSafe(value)) return value;
        if (!value.contains("\n") && printable(value)) return "'" + value.replace("'", "''") + "'";
        return doubleQuoted(value);
    }

    private static String literalBlock(String value, int indent, String eol) {
        String pad = " ".repeat(indent);
        StringBuilder out = new StringBuilder("|");
        for (String line : value.split("\n", -1)) {
            out.append(eol);
            if (!line.isEmpty()) out.append(pad).append(line);
        }
        return out.toString();
    }

    /**
     * A plain literal block ({@code |}, clipped, indentation detected) reads back as the same text
     * when the text is printable, starts and ends with a visible character and no line starts
     * with a tab.
     */
    private static boolean blockSafe(String value) {
        if (!printable(value) || value.isEmpty() || !value.equals(value.strip())) return false;
        for (String line : value.split("\n", -1)) {
            if (line.startsWith("\t")) return false;
        }
        return true;
    }

    static boolean plainSafe(String v) {
        if (v.isEmpty() || !printable(v) || v.contains("\t")) return false;
        if (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))) return false;
        if (INDICATORS.indexOf(v.charAt(0)) >= 0) return false;
        if (v.contains(": ") || v.contains(" #") || v.endsWith(":")) return false;
        // true, 12, null, 2024-01-01 ... would not read back as the same text.
        return new Resolver().resolve(NodeId.scalar, v, true).equals(Tag.STR);
    }

    /**
     * Printable in YAML 1.1 and free of what SnakeYAML reads as a line break (NEL, LS, PS) or
     * drops (a byte order mark); carriage returns are not expected (import normalizes them).
     */
    static boolean printable(String v) {
        return v.codePoints().allMatch(c -> c == '\t' || c == '\n' || (c >= 0x20 && c <= 0x7E)
                || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || (c >= 0x10000 && c <= 0x10FFFF));
    }

    static String doubleQuoted(String v) {
        StringBuilder out = new StringBuilder("\"");
        v.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 0x85 -> out.append("\\N");
                case 0x2028 -> out.append("\\L");
                case 0x2029 -> out.append("\\P");
                default -> {
                    if (c != '\t' && printable(new String(Character.toChars(c)))) out.appendCodePoint(c);
                    else if (c <= 0xFFFF) out.append(String.format("\\u%04X", c));
                    else out.append(String.format("\\U%08X", c));
                }
            }
        });
        return out.append('"').toString();
    }
}
