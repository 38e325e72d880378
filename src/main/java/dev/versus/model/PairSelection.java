package dev.versus.model;

import java.util.Set;

/**
 * Which pairs of a family's codes get a comparison page ({@code pairs:} in {@code _family.yaml},
 * docs/CONTENT-FORMAT.md "Pairs"): {@code all} of them, or exactly {@code slugs} ("421-vs-552",
 * lower code first), which the validator works out from the family's rule ({@code group},
 * {@code related} or an explicit list) plus every pair with a hand-written note.
 *
 * @param rule  as written: all, group, related or list
 * @param slugs null for all pairs
 */
public record PairSelection(String rule, Set<String> slugs) {
    public static final PairSelection ALL = new PairSelection("all", null);

    public PairSelection {
        slugs = slugs == null ? null : Set.copyOf(slugs);
    }

    public boolean all() {
        return slugs == null;
    }
}
