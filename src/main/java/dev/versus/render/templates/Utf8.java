package dev.versus.render.templates;

/**
 * UTF-8 encoding of text into a growing byte array. {@code String.getBytes(UTF_8)} gives the same
 * bytes, but on this JDK its loop for text with characters beyond Latin-1 (every Japanese page,
 * and every English page for its "日本語" link) was never compiled: a profile of warm builds
 * spent a quarter of their time interpreting it. This loop is ordinary code the JIT compiles.
 * Unpaired surrogates become '?', as with {@code getBytes}.
 */
public final class Utf8 {
    private byte[] bytes;
    private int size;
    private char[] chars = new char[1024];

    Utf8(int expectedBytes) {
        bytes = new byte[Math.max(64, expectedBytes)];
    }

    /** The UTF-8 bytes of {@code text}. */
    public static byte[] encode(String text) {
        Utf8 out = new Utf8(text.length() + 16);
        out.append(text);
        return out.toByteArray();
    }

    void append(String text) {
        int n = text.length();
        if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
        text.getChars(0, n, chars, 0);
        append(chars, 0, n);
    }

    void append(char[] text, int off, int len) {
        ensure(3 * len);
        byte[] b = bytes;
        int s = size;
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = text[i];
            if (c < 0x80) {
                b[s++] = (byte) c;
            } else if (c < 0x800) {
                b[s++] = (byte) (0xC0 | c >> 6);
                b[s++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                b[s++] = (byte) (0xE0 | c >> 12);
                b[s++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[s++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
                int cp = Character.toCodePoint(c, text[++i]);
                b[s++] = (byte) (0xF0 | cp >> 18);
                b[s++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[s++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[s++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[s++] = '?';
            }
        }
        size = s;
    }

    /** Appends bytes that are already UTF-8. */
    void appendUtf8(byte[] utf8) {
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    void reset() {
        size = 0;
    }

    /** The buffer itself, valid up to {@link #size()}. */
    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return java.util.Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) bytes = java.util.Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + more));
    }
}
