package dev.versus.render.templates;

import java.io.Writer;

/**
 * One page being rendered, as UTF-8 bytes. Characters from the template are collected and
 * encoded a run at a time ({@link Utf8}); fragments that are already encoded (see
 * {@link CachedDirective}) are copied in as they are, so the bytes shared by thousands of pages
 * are encoded once per build, not per page. Not thread-safe: one buffer per page (unlike
 * {@link java.io.StringWriter}, which locks on every write).
 */
public final class PageBuffer extends Writer {
    private char[] chars = new char[4096];
    private int length;
    private final Utf8 bytes;

    public PageBuffer(int expectedBytes) {
        bytes = new Utf8(expectedBytes);
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
    void writeUtf8(byte[] utf8) {
        encodeChars();
        bytes.appendUtf8(utf8);
    }

    /** Empties the buffer for the next page, keeping its arrays (a thread renders thousands of pages). */
    public PageBuffer reset() {
        length = 0;
        bytes.reset();
        return this;
    }

    /** Everything written so far. */
    public byte[] toByteArray() {
        encodeChars();
        return bytes.toByteArray();
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
        return bytes.size();
    }

    /** About how large the page is so far, without encoding what is pending: bytes plus pending characters. */
    public int sizeSoFar() {
        return bytes.size() + length;
    }

    private void encodeChars() {
        bytes.append(chars, 0, length);
        length = 0;
    }

    private void ensure(int more) {
        if (length + more > chars.length) chars = java.util.Arrays.copyOf(chars, Math.max(2 * chars.length, length + more));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
