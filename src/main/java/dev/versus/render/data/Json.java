package dev.versus.render.data;

import dev.versus.render.templates.PageBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for the data Versus publishes: {@link Map} (written in its iteration
 * order, so a {@link java.util.LinkedHashMap} gives a stable key order), {@link List},
 * {@link String}, {@link Integer}, {@link Long}, {@link java.math.BigDecimal}, {@link Boolean},
 * null, and {@link Fragment}s it wrote before. Output is deterministic. It is the one JSON writer
 * of Versus: the site's data files, the search index and {@code i18n status --json} all use it.
 *
 * <p>Strings are escaped per RFC 8259: quote, backslash and every control character below
 * U+0020; U+2028 and U+2029 as well, which JSON allows raw but older JavaScript did not, and
 * unpaired surrogates (which cannot be encoded in UTF-8). {@link #script} also escapes
 * {@code <}, {@code >} and {@code &}, so the text can sit inside a {@code <script>} element or a
 * script file without ever forming {@code </script>} or {@code <!--}.
 *
 * <p>It writes into a {@link PageBuffer}, which encodes UTF-8 with the JDK's encoder into a
 * buffer of its own; a writer of many files ({@link #prettyWriter}) keeps it from one document to
 * the next: the site's JSON is 6 MB, and building it in a {@link StringBuilder} (grown by copies)
 * to copy it into a {@code String} and encode that again cost more than the writing itself.
 */
public final class Json {
    private final boolean pretty;
    private final boolean scriptSafe;
    private final PageBuffer out;

    private Json(boolean pretty, boolean scriptSafe, int capacity) {
        this.pretty = pretty;
        this.scriptSafe = scriptSafe;
        this.out = new PageBuffer(capacity);
    }

    /** Indented JSON for {@code .json} files, ending with a newline. */
    public static String pretty(Object value) {
        return new Json(true, false, 4096).document(value).toString();
    }

    /** Compact JSON on one line, ending with a newline (what {@code versus i18n status --json} prints). */
    public static String compact(Object value) {
        return new Json(false, false, 4096).document(value).toString();
    }

    /** Compact JSON that is also safe to embed in HTML script (see the class comment). */
    public static String script(Object value) {
        Json json = new Json(false, true, 4096);
        json.value(value, 0);
        return json.toString();
    }

    /** A JSON string literal, quotes included. */
    public static String quote(String s, boolean scriptSafe) {
        Json json = new Json(false, scriptSafe, s.length() + 2);
        json.string(s);
        return json.toString();
    }

    /**
     * A writer of documents as {@link #pretty} writes them, into a buffer it keeps: {@link #buffer}
     * and {@link #length} hold the last one until the next. Not thread-safe.
     */
    public static Json prettyWriter() {
        return new Json(true, false, 1 << 16);
    }

    /** Writes {@code value} as a whole document (ending with a newline), in place of the last one. */
    public Json document(Object value) {
        out.reset();
        value(value, 0);
        return end();
    }

    /**
     * Writes, as a whole document, the object {@code object} (a fragment of an object) with the
     * entries of {@code first} before its own, in place of the last document: a code's file is
     * its entry of the family's file with the format and locale first, and is written from it.
     */
    public Json document(Map<String, ?> first, Fragment object) {
        check(object);
        byte[] b = object.bytes;
        if (b.length < 2 || b[0] != '{') throw new IllegalArgumentException("not an object: " + object);
        if (b.length == 2) return document(first); // {}
        out.reset();
        put('{');
        for (Map.Entry<String, ?> e : first.entrySet()) {
            newline(1);
            string(e.getKey());
            colon();
            value(e.getValue(), 1);
            put(',');
        }
        // The fragment's own entries follow its '{', one level deep as they are here.
        out.writeUtf8(b, 1, b.length - 1);
        return end();
    }

    /** Writes {@code value} once, to be embedded in documents of this writer with {@link #document}. */
    public Fragment fragment(Object value) {
        out.reset();
        value(value, 0);
        return new Fragment(out.toByteArray(), pretty, scriptSafe);
    }

    /** The bytes of the last document, UTF-8, up to {@link #length}; overwritten by the next. */
    public byte[] buffer() {
        out.finish();
        return out.bytes();
    }

    public int length() {
        out.finish();
        return out.size();
    }

    /** The last document, or what was written, as text. */
    @Override
    public String toString() {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * A value this writer wrote once, embedded as it is in the documents that hold it (the
     * family's file holds each of its codes, which also have files of their own). Written at the
     * outermost level: where it is embedded deeper, each line break gets that level's indent (a
     * line break in written JSON is always layout: one in a string is escaped).
     */
    public static final class Fragment {
        private final byte[] bytes;
        private final boolean pretty;
        private final boolean scriptSafe;

        private Fragment(byte[] bytes, boolean pretty, boolean scriptSafe) {
            this.bytes = bytes;
            this.pretty = pretty;
            this.scriptSafe = scriptSafe;
        }

        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Json end() {
        if (!scriptSafe) put('\n');
        return this;
    }

    private void value(Object v, int depth) {
        if (v == null) {
            ascii("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Map<?, ?> m) {
            object(m, depth);
        } else if (v instanceof List<?> l) {
            array(l, depth);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            ascii(v.toString());
        } else if (v instanceof java.math.BigDecimal d) {
            ascii(d.toPlainString()); // a decimal as it was rounded, never in exponent form
        } else if (v instanceof Fragment f) {
            embed(f, depth);
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private void object(Map<?, ?> m, int depth) {
        if (m.isEmpty()) {
            ascii("{}");
            return;
        }
        put('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) throw new IllegalArgumentException("JSON keys are strings: " + e.getKey());
            if (!first) put(',');
            first = false;
            newline(depth + 1);
            string(key);
            colon();
            value(e.getValue(), depth + 1);
        }
        newline(depth);
        put('}');
    }

    private void array(List<?> l, int depth) {
        if (l.isEmpty()) {
            ascii("[]");
            return;
        }
        put('[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) put(',');
            newline(depth + 1);
            value(l.get(i), depth + 1);
        }
        newline(depth);
        put(']');
    }

    private void colon() {
        out.write(pretty ? ": " : ":");
    }

    private void newline(int depth) {
        if (!pretty) return;
        out.write('\n');
        for (int i = 0; i < depth; i++) out.write("  ");
    }

    /** A fragment at {@code depth}: its bytes, each of its line breaks followed by the depth's indent. */
    private void embed(Fragment f, int depth) {
        check(f);
        byte[] b = f.bytes;
        if (depth == 0 || !pretty) {
            out.writeUtf8(b);
            return;
        }
        int from = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] != '\n') continue;
            out.writeUtf8(b, from, i - from);
            newline(depth);
            from = i + 1;
        }
        out.writeUtf8(b, from, b.length - from);
    }

    private void check(Fragment f) {
        if (f.pretty != pretty || f.scriptSafe != scriptSafe) {
            throw new IllegalArgumentException("a fragment is embedded by a writer of its own kind");
        }
    }

    private void string(String s) {
        out.write('"');
        // Most text needs no escape at all: the runs between escapes are written in one piece each.
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isPlain(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (i > run) out.write(s, run, i - run);
            escape(c);
            run = i + 1;
        }
        out.write(s, run, s.length() - run);
        out.write('"');
    }

    /** A character written as itself. */
    private boolean isPlain(char c) {
        if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F || c == '\u2028' || c == '\u2029') return false;
        if (c == '<' || c == '>' || c == '&') return !scriptSafe;
        return !Character.isSurrogate(c);
    }

    /** One character that may not appear as itself; see the class comment. */
    private void escape(char c) {
        switch (c) {
            case '"' -> out.write("\\\"");
            case '\\' -> out.write("\\\\");
            case '\n' -> out.write("\\n");
            case '\r' -> out.write("\\r");
            case '\t' -> out.write("\\t");
            case '\b' -> out.write("\\b");
            case '\f' -> out.write("\\f");
            // Control characters, DEL, U+2028/U+2029, an unpaired surrogate (kept, escaped, rather than
            // emitted as invalid UTF-8), and in script-safe output < > &.
            default -> unicode(c);
        }
    }

    private void unicode(char c) {
        out.write("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) out.write(HEX.charAt(c >> shift & 0xF));
    }

    private static final String HEX = "0123456789abcdef";

    /** Text known to be ASCII (literals, numbers). */
    private void ascii(String s) {
        out.write(s);
    }

    private void put(char c) {
        out.write(c);
    }
}
