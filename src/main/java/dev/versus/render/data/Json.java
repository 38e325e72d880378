package dev.versus.render.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * <p>It writes UTF-8 bytes straight into a buffer of its own, which a writer of many files
 * ({@link #prettyWriter}) keeps from one document to the next: the site's JSON is 6 MB, and
 * building it in a {@link StringBuilder} (two bytes a character once a Japanese text is in it,
 * grown by copies) to copy it into a {@code String} and encode that again cost more than the
 * writing itself.
 */
public final class Json {
    private final boolean pretty;
    private final boolean scriptSafe;
    private byte[] buf;
    private int length;

    private Json(boolean pretty, boolean scriptSafe, int capacity) {
        this.pretty = pretty;
        this.scriptSafe = scriptSafe;
        this.buf = new byte[capacity];
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
        length = 0;
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
        length = 0;
        put('{');
        for (Map.Entry<String, ?> e : first.entrySet()) {
            newline(1);
            string(e.getKey());
            colon();
            value(e.getValue(), 1);
            put(',');
        }
        // The fragment's own entries follow its '{', one level deep as they are here.
        append(b, 1, b.length - 1);
        return end();
    }

    /** Writes {@code value} once, to be embedded in documents of this writer with {@link #document}. */
    public Fragment fragment(Object value) {
        length = 0;
        value(value, 0);
        return new Fragment(Arrays.copyOf(buf, length), pretty, scriptSafe);
    }

    /** The bytes of the last document, UTF-8, up to {@link #length}; overwritten by the next. */
    public byte[] buffer() {
        return buf;
    }

    public int length() {
        return length;
    }

    /** The last document, or what was written, as text. */
    @Override
    public String toString() {
        return new String(buf, 0, length, StandardCharsets.UTF_8);
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
        if (pretty) {
            ensure(2);
            buf[length++] = ':';
            buf[length++] = ' ';
        } else {
            put(':');
        }
    }

    private void newline(int depth) {
        if (!pretty) return;
        ensure(1 + 2 * depth);
        buf[length++] = '\n';
        Arrays.fill(buf, length, length + 2 * depth, (byte) ' ');
        length += 2 * depth;
    }

    /** A fragment at {@code depth}: its bytes, each of its line breaks followed by the depth's indent. */
    private void embed(Fragment f, int depth) {
        check(f);
        byte[] b = f.bytes;
        if (depth == 0 || !pretty) {
            append(b, 0, b.length);
            return;
        }
        int from = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] != '\n') continue;
            append(b, from, i - from);
            newline(depth);
            from = i + 1;
        }
        append(b, from, b.length - from);
    }

    private void check(Fragment f) {
        if (f.pretty != pretty || f.scriptSafe != scriptSafe) {
            throw new IllegalArgumentException("a fragment is embedded by a writer of its own kind");
        }
    }

    private void string(String s) {
        int n = s.length();
        ensure(6 * n + 2); // the most a character takes is an escape, six bytes
        byte[] b = buf;
        int p = length;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F && !(scriptSafe && (c == '<' || c == '>' || c == '&'))) {
                    b[p++] = (byte) c;
                } else {
                    p = escape(c, b, p);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[p++] = (byte) (0xF0 | cp >> 18);
                    b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    p = unicode(c, b, p); // unpaired: kept, escaped, rather than emitted as invalid UTF-8
                }
            } else if (c == '\u2028' || c == '\u2029') {
                p = unicode(c, b, p);
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        b[p++] = '"';
        length = p;
    }

    /** One ASCII character that may not appear as itself: control characters, DEL, quote, backslash, and in script-safe output < > &. */
    private static int escape(char c, byte[] b, int p) {
        char letter = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> 0;
        };
        if (letter == 0) return unicode(c, b, p);
        b[p++] = '\\';
        b[p++] = (byte) letter;
        return p;
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static int unicode(char c, byte[] b, int p) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[c >> 12];
        b[p++] = HEX[c >> 8 & 0xF];
        b[p++] = HEX[c >> 4 & 0xF];
        b[p++] = HEX[c & 0xF];
        return p;
    }

    /** Text known to be ASCII (literals, numbers). */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) buf[length + i] = (byte) s.charAt(i);
        length += n;
    }

    private void put(int b) {
        ensure(1);
        buf[length++] = (byte) b;
    }

    private void append(byte[] b, int from, int count) {
        ensure(count);
        System.arraycopy(b, from, buf, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (buf.length - length < more) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
    }
}
