package dev.versus.validate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The short hash a translation file records for each field: which English text the field was
 * translated from. It is the first {@value #LENGTH} hex digits of the SHA-256 of the English
 * text after {@link #normalize}, so that rewrapping a paragraph or re-indenting a file does not
 * make every translation stale, while any change of words, punctuation or paragraphs does.
 */
public final class SourceHash {
    /** Hex digits written by the tool: 40 bits, ample to notice that a text changed. */
    public static final int LENGTH = 10;
    /** What a recorded hash may look like: a prefix of a SHA-256 in lower-case hex. */
    public static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8,64}");

    private SourceHash() {}

    /** The hash Versus writes for {@code english}. */
    public static String of(String english) {
        return hex(english).substring(0, LENGTH);
    }

    /** True if {@code recorded} (as read from a file, already checked against {@link #FORMAT}) is the hash of {@code english}. */
    public static boolean matches(String recorded, String english) {
        return hex(english).startsWith(recorded);
    }

    /** One digest per thread: looking up the provider on every one of hundreds of fields showed at start-up. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private static String hex(String english) {
        return HexFormat.of().formatHex(SHA_256.get().digest(normalize(english).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The text as hashed: Unicode NFC, line ends as {@code \n}, leading and trailing white space
     * removed, paragraph breaks (one or more blank lines) as one blank line, and every other run
     * of spaces, tabs and line breaks as one space. One pass over the text: every English field
     * is hashed on every build, and the two regular expressions this was first written with
     * (kept in SourceHashTest as the reference) were a visible part of validation.
     */
    public static String normalize(String text) {
        // ASCII is already NFC; the normalizer is slow to warm up and most English fields are ASCII.
        String n = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        String t = n.replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder out = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n') {
                out.append(c);
                i++;
                continue;
            }
            // A run of spaces, tabs and line breaks: a paragraph break if it holds two line breaks.
            int lineBreaks = 0;
            while (i < t.length() && ((c = t.charAt(i)) == ' ' || c == '\t' || c == '\n')) {
                if (c == '\n') lineBreaks++;
                i++;
            }
            out.append(lineBreaks >= 2 ? "\n\n" : " ");
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }
}
