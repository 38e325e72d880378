package dev.versus.validate;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" suggestions for misspelled field names, codes and labels. */
final class Suggest {
    private Suggest() {}

    /** The candidate closest to {@code word} if it is close enough to be a likely typo. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        return candidates.stream()
                .filter(c -> distance(word.toLowerCase(), c.toLowerCase()) <= limit)
                .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c));
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
