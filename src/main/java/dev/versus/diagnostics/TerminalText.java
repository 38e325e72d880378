package dev.versus.diagnostics;

/**
 * The one way text from content or from file names reaches a terminal. A file name or a value may
 * hold an escape sequence (ESC, OSC: retitle the terminal, clear the screen, forge a line) or a
 * bidirectional override (U+202E turns the rest of the line around); printed raw, the terminal
 * obeys them. Here every such character is shown as the escape that writes it ({@code \u001b},
 * {@code \u202e}, {@code \n}), so the reader sees that it is there and the terminal does nothing.
 */
public final class TerminalText {
    private TerminalText() {}

    /** {@code s} with every control, format, line or paragraph separator and lone surrogate shown as an escape. */
    public static String visible(String s) {
        if (s == null) return "null";
        for (int i = 0; i < s.length(); i++) {
            if (!shownAsIs(s.charAt(i)) || Character.isSurrogate(s.charAt(i))) return escape(s, i);
        }
        return s;
    }

    /**
     * A value from content as an error message quotes it: {@link #visible} and cut to 60 characters.
     * A value written in the wrong place may be a whole paragraph (a description pasted under a
     * fact), and the message must stay one readable line that still shows where the value starts.
     */
    public static String quoted(String s) {
        String v = visible(s);
        return v.codePointCount(0, v.length()) <= 60 ? v : v.substring(0, v.offsetByCodePoints(0, 59)) + "…";
    }

    /** One code point as it is shown: itself, or its escape. */
    public static String visible(int cp) {
        return cp < 0x10000 && (!shownAsIs((char) cp) || Character.isSurrogate((char) cp))
                || cp >= 0x10000 && !shownAsIs(cp) ? escaped(cp) : Character.toString(cp);
    }

    private static String escape(String s, int from) {
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, from);
        for (int i = from; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            b.append(visible(cp));
        }
        return b.toString();
    }

    private static boolean shownAsIs(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> false;
            default -> true;
        };
    }

    private static String escaped(int cp) {
        return switch (cp) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
        };
    }
}
