package dev.versus.render.data;

import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for the data Versus publishes: {@link Map} (written in its iteration
 * order, so a {@link java.util.LinkedHashMap} gives a stable key order), {@link List},
 * {@link String}, {@link Integer}, {@link Long}, {@link java.math.BigDecimal}, {@link Boolean} and
 * null. Output is deterministic. It is the one JSON writer of Versus: the site's data files, the
 * search index and {@code i18n status --json} all use it.
 *
 * <p>Strings are escaped per RFC 8259: quote, backslash and every control character below
 * U+0020; U+2028 and U+2029 as well, which JSON allows raw but older JavaScript did not, and
 * unpaired surrogates (which cannot be encoded in UTF-8). {@link #script} also escapes
 * {@code <}, {@code >} and {@code &}, so the text can sit inside a {@code <script>} element or a
 * script file without ever forming {@code </script>} or {@code <!--}.
 */
public final class Json {
    private final boolean pretty;
    private final boolean scriptSafe;

    private Json(boolean pretty, boolean scriptSafe) {
        this.pretty = pretty;
        this.scriptSafe = scriptSafe;
    }

    /** Indented JSON for {@code .json} files, ending with a newline. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder(4096);
        new Json(true, false).value(value, 0, out);
        return out.append('\n').toString();
    }

    /** Compact JSON on one line, ending with a newline (what {@code versus i18n status --json} prints). */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder(4096);
        new Json(false, false).value(value, 0, out);
        return out.append('\n').toString();
    }

    /** Compact JSON that is also safe to embed in HTML script (see the class comment). */
    public static String script(Object value) {
        StringBuilder out = new StringBuilder(4096);
        new Json(false, true).value(value, 0, out);
        return out.toString();
    }

    /** A JSON string literal, quotes included. */
    public static String quote(String s, boolean scriptSafe) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        new Json(false, scriptSafe).string(s, out);
        return out.toString();
    }

    private void value(Object v, int depth, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            out.append(v);
        } else if (v instanceof java.math.BigDecimal d) {
            out.append(d.toPlainString()); // a decimal as it was rounded, never in exponent form
        } else if (v instanceof Map<?, ?> m) {
            object(m, depth, out);
        } else if (v instanceof List<?> l) {
            array(l, depth, out);
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private void object(Map<?, ?> m, int depth, StringBuilder out) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) throw new IllegalArgumentException("JSON keys are strings: " + e.getKey());
            if (!first) out.append(',');
            first = false;
            newline(depth + 1, out);
            string(key, out);
            out.append(pretty ? ": " : ":");
            value(e.getValue(), depth + 1, out);
        }
        newline(depth, out);
        out.append('}');
    }

    private void array(List<?> l, int depth, StringBuilder out) {
        if (l.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) out.append(',');
            newline(depth + 1, out);
            value(l.get(i), depth + 1, out);
        }
        newline(depth, out);
        out.append(']');
    }

    private void newline(int depth, StringBuilder out) {
        if (!pretty) return;
        out.append('\n');
        for (int i = 0; i < depth; i++) out.append("  ");
    }

    private void string(String s, StringBuilder out) {
        out.append('"');
        // Most text needs no escape at all: copy the runs between escapes in one piece each
        // (substring and append(String) are array copies; append(s, from, to) goes a char at a time).
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isPlain(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (i > run) out.append(s.substring(run, i));
            escape(c, out);
            run = i + 1;
        }
        out.append(run == 0 ? s : s.substring(run)).append('"');
    }

    /** A character written as itself. */
    private boolean isPlain(char c) {
        if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F || c == '\u2028' || c == '\u2029') return false;
        if (c == '<' || c == '>' || c == '&') return !scriptSafe;
        return !Character.isSurrogate(c);
    }

    /** One character that may not appear as itself; see the class comment. */
    private void escape(char c, StringBuilder out) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            // Control characters, DEL, U+2028/U+2029, an unpaired surrogate (kept, escaped, rather than
            // emitted as invalid UTF-8), and in script-safe output < > &.
            default -> unicode(c, out);
        }
    }

    private static void unicode(char c, StringBuilder out) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        for (int i = hex.length(); i < 4; i++) out.append('0');
        out.append(hex);
    }
}
