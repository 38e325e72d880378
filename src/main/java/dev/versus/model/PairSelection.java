package dev.versus.model;

import java.util.Set;

/**
 * Which pairs of a family's codes get a comparison page ({@code pairs:} in {@code _family.yaml},
 * docs/CONTENT-FORMAT.md "Pairs"): {@code all} of them, or exactly {@code slugs} ("421-vs-552",
 * lower code first), which the validator works out from the family's rule ({@code group},
 * {@code related} or an explicit list) plus every pair with a hand-written note.
 *
 * @param rule  which rule the family wrote
 * @param slugs null for all pairs
 */
public record PairSelection(Rule rule, Set<String> slugs) {
    public static final PairSelection ALL = new PairSelection(Rule.ALL, null);

    /** The rules of {@code pairs:}: a word, or {@link #LIST} for a list of pairs. */
    public enum Rule {
        ALL("all"),
        GROUP("group"),
        RELATED("related"),
        LIST(null);

        private final String word;

        Rule(String word) {
            this.word = word;
        }

        /** As written in a family file; null for a list. */
        public String word() {
            return word;
        }

        /** The rule written {@code word}, or null. */
        public static Rule of(String word) {
            for (Rule r : values()) if (r.word != null && r.word.equals(word)) return r;
            return null;
        }
    }

    public PairSelection {
        slugs = slugs == null ? null : Set.copyOf(slugs);
    }

    public boolean all() {
        return slugs == null;
    }
}
