package dev.versus.validate;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" suggestions for misspelled field names, codes and labels. */
public final class Suggest {
    private Suggest() {}

    /**
     * The candidate closest to {@code word} if it is close enough to be a likely typo. Two
     * swapped neighbours count as one slip ({@code titel} → {@code title}); among equally close
     * candidates the one reached without a swap wins, then the first in order.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        String lower = word.toLowerCase();
        return candidates.stream()
                .filter(c -> distance(lower, c.toLowerCase()) <= limit)
                .min(Comparator.comparingInt((String c) -> distance(word, c))
                        .thenComparingInt(c -> editDistance(word, c, false))
                        .thenComparing(c -> c));
    }

    /** Edits (insert, delete, replace, or swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        return editDistance(a, b, true);
    }

    /** Levenshtein distance, with adjacent transpositions as one edit if {@code swaps} (optimal string alignment). */
    private static int editDistance(String a, String b, boolean swaps) {
        int[] before = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (swaps && i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1);
                }
            }
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
