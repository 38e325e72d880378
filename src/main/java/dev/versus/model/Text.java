package dev.versus.model;

/**
 * A piece of prose and the language it is written in. A page in Japanese that falls back to
 * the English text for a missing translation knows to mark that fragment {@code lang="en"}.
 */
public record Text(String value, String lang) {
    public Text {
        java.util.Objects.requireNonNull(value, "value");
        java.util.Objects.requireNonNull(lang, "lang");
    }
}
