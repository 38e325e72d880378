package dev.versus.model;

import dev.versus.diagnostics.Location;
import java.util.Objects;

/**
 * A piece of prose and the language it is written in. A page in Japanese that falls back to
 * the English text for a missing translation knows to mark that fragment {@code lang="en"}.
 *
 * <p>Texts of codes also know where they were written ({@code at}, null for texts that are not
 * tracked) and, for a translation, whether it was made from the current English
 * ({@link Freshness}); see docs/CONTENT-FORMAT.md, "source: which English each field was translated from".
 */
public record Text(String value, String lang, Location at, Freshness freshness) {
    /** How a text relates to the default-language text it translates. */
    public enum Freshness {
        /** Written in the default language, or a translation whose source Versus does not track. */
        ORIGINAL,
        /** A translation whose recorded source hash matches the current English. */
        CURRENT,
        /** A translation made from an English text that has changed since. */
        STALE,
        /** A translation with no recorded source hash: whether it is current is unknown. */
        UNSTAMPED
    }

    public Text {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(freshness, "freshness");
    }

    /** An untracked text (family names, labels, generated sentences). */
    public Text(String value, String lang) {
        this(value, lang, null, Freshness.ORIGINAL);
    }

    public Text withFreshness(Freshness f) {
        return new Text(value, lang, at, f);
    }

    /**
     * A wide (CJK) character: Japanese text needs no space next to one, and a line break beside
     * one is not a word break. The one definition, shared by rendering ({@code Text.isWide}) and
     * the filling of label patterns.
     */
    public static boolean isWide(char c) {
        return c >= '\u2E80' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF' || c >= '\uFF00' && c <= '\uFFEF';
    }

    /*
     * Patterns space their placeholders for Latin values ("{a} は {aCommands} への応答"). Between
     * a Japanese value and Japanese text that space is not a word break but a gap, and goes; next
     * to Latin text it stays. These say where such a space is, on either side of a value.
     */

    /** {@code text} starts with a space followed by a wide character. */
    public static boolean startsWithGap(CharSequence text) {
        return text.length() > 1 && text.charAt(0) == ' ' && isWide(text.charAt(1));
    }

    /** {@code text} ends with a wide character followed by a space. */
    public static boolean endsWithGap(CharSequence text) {
        int n = text.length();
        return n > 1 && text.charAt(n - 1) == ' ' && isWide(text.charAt(n - 2));
    }
}
