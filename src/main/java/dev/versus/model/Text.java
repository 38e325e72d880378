package dev.versus.model;

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
     * one is not a word break. The one definition, shared by rendering ({@code Html.isWide}) and
     * the filling of label patterns.
     */
    public static boolean isWide(char c) {
        return c >= '\u2E80' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF' || c >= '\uFF00' && c <= '\uFFEF';
    }
}
