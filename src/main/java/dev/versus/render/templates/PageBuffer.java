package dev.versus.render.templates;

import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One page being rendered, as UTF-8 bytes. Characters from the template are collected and
 * encoded a run at a time by the JDK's encoder into a byte buffer kept from page to page (a
 * fresh array of about 100 KB per page, as {@code String.getBytes} makes, was the cost, not the
 * encoding loop); unpaired surrogates become '?', as with {@code getBytes}. Fragments that are already encoded (see
 * {@link CachedDirective}) are copied in as they are, so the bytes shared by thousands of pages
 * are encoded once per build, not per page. Not thread-safe: one buffer per page (unlike
 * {@link java.io.StringWriter}, which locks on every write).
 */
public final class PageBuffer extends Writer {
    private char[] chars;
    private int length;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer bytes;

    /**
     * @param expectedBytes the size to start with; it grows as needed. A page's buffer is large and
     *     kept; a {@code <@cached>} fragment's is made for one table row or section and dropped.
     */
    public PageBuffer(int expectedBytes) {
        int size = Math.max(64, expectedBytes);
        bytes = ByteBuffer.allocate(size);
        chars = new char[Math.min(size, 4096)];
    }

    @Override
    public void write(int c) {
        ensure(1);
        chars[length++] = (char) c;
    }

    @Override
    public void write(char[] text, int off, int len) {
        ensure(len);
        System.arraycopy(text, off, chars, length, len);
        length += len;
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public void write(String text, int off, int len) {
        ensure(len);
        text.getChars(off, off + len, chars, length);
        length += len;
    }

    @Override
    public Writer append(CharSequence text) {
        write(String.valueOf(text));
        return this;
    }

    /** Appends bytes that are already UTF-8. */
    public void writeUtf8(byte[] utf8) {
        writeUtf8(utf8, 0, utf8.length);
    }

    /** Appends {@code count} bytes of {@code utf8} from {@code from}, already UTF-8. */
    public void writeUtf8(byte[] utf8, int from, int count) {
        encodeChars();
        ensureBytes(count);
        bytes.put(utf8, from, count);
    }

    /** Empties the buffer for the next page, keeping its arrays (a thread renders thousands of pages). */
    public PageBuffer reset() {
        length = 0;
        bytes.clear();
        return this;
    }

    /** Everything written so far. */
    public byte[] toByteArray() {
        encodeChars();
        return java.util.Arrays.copyOf(bytes.array(), bytes.position());
    }

    /** Encodes what is still pending; {@link #bytes()} and {@link #size()} then hold the page. */
    public void finish() {
        encodeChars();
    }

    /** The page's bytes so far (call {@link #finish()} first), valid up to {@link #size()} and until the next write. */
    public byte[] bytes() {
        return bytes.array();
    }

    public int size() {
        return bytes.position();
    }

    /** About how large the page is so far, without encoding what is pending: bytes plus pending characters. */
    public int sizeSoFar() {
        return bytes.position() + length;
    }

    /**
     * How many characters the encoder is given at a time. The JDK's UTF-8 encoder copies ASCII
     * with a tight loop of its own, but only up to the first other character of what it is given;
     * everything after that goes through its general character-by-character loop. An English page
     * has its first en dash in the title, so one run per page sent nearly the whole page through
     * the general loop (9.5 % of the rendering threads' JFR samples, 6.9 % in windows). In windows
     * of this size, only the windows that hold a non-ASCII character do; a call costs about as
     * much as a few dozen characters of the general loop.
     */
    private static final int WINDOW = 512;

    /** Encodes the pending characters: a surrogate left unpaired at their end becomes '?'. */
    private void encodeChars() {
        if (length == 0) return;
        CharBuffer in = CharBuffer.wrap(chars, 0, length);
        encoder.reset();
        ensureBytes(length); // most pages are mostly ASCII: one byte a character
        CoderResult r;
        do {
            // A window that ends inside a surrogate pair leaves its first half in the buffer, for the next window.
            int end = Math.min(length, in.position() + WINDOW);
            in.limit(end);
            boolean last = end == length;
            while ((r = encoder.encode(in, bytes, last)).isOverflow()) ensureBytes(3 * (length - in.position()));
            if (r.isError()) throw new IllegalStateException(r.toString()); // not with REPLACE
        } while (in.limit() < length);
        while (encoder.flush(bytes).isOverflow()) ensureBytes(16);
        length = 0;
    }

    private void ensureBytes(int more) {
        if (bytes.remaining() < more) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(2 * bytes.capacity(), bytes.position() + more));
            bytes.flip();
            bytes = bigger.put(bytes);
        }
    }

    private void ensure(int more) {
        if (length + more > chars.length) chars = java.util.Arrays.copyOf(chars, Math.max(2 * chars.length, length + more));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
