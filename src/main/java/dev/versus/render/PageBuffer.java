package dev.versus.render;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One page being rendered, as UTF-8 bytes. Characters from the template are collected and
 * encoded a run at a time ({@code String.getBytes} on a run of ASCII is little more than a
 * copy); fragments that are already encoded (see {@link CachedDirective}) are copied in as
 * they are, so the bytes shared by thousands of pages are encoded once per build, not per page.
 * Not thread-safe: one buffer per page (unlike {@link java.io.StringWriter}, which locks on
 * every write).
 */
final class PageBuffer extends Writer {
    private StringBuilder chars = new StringBuilder(1024);
    private byte[] bytes;
    private int size;

    PageBuffer(int expectedBytes) {
        bytes = new byte[Math.max(256, expectedBytes)];
    }

    @Override
    public void write(int c) {
        chars.append((char) c);
    }

    @Override
    public void write(char[] text, int off, int len) {
        chars.append(text, off, len);
    }

    @Override
    public void write(String text) {
        chars.append(text);
    }

    @Override
    public void write(String text, int off, int len) {
        // Not append(text, off, off + len): that copies a character at a time through charAt,
        // where substring and append(String) are two array copies.
        chars.append(text.substring(off, off + len));
    }

    @Override
    public Writer append(CharSequence text) {
        chars.append(text);
        return this;
    }

    /** Appends bytes that are already UTF-8. */
    void writeUtf8(byte[] utf8) {
        encodeChars();
        put(utf8);
    }

    /** Everything written so far. */
    byte[] toByteArray() {
        encodeChars();
        return Arrays.copyOf(bytes, size);
    }

    private void encodeChars() {
        if (chars.length() == 0) return;
        put(chars.toString().getBytes(StandardCharsets.UTF_8));
        // A fresh builder: once a builder has held a non-Latin-1 character (a Japanese label in
        // the language switcher) it keeps two bytes per character for everything after it.
        chars = new StringBuilder(Math.max(1024, chars.length()));
    }

    private void put(byte[] b) {
        if (size + b.length > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + b.length));
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
