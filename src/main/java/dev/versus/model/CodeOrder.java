package dev.versus.model;

import java.util.Comparator;

/**
 * Orders codes the way a reader expects: numbers by value, part by part ("X.1.9" before
 * "X.1.10", "421" before "552"). It decides which code of a pair comes first in its URL.
 */
public final class CodeOrder implements Comparator<String> {
    public static final CodeOrder INSTANCE = new CodeOrder();

    private CodeOrder() {}

    @Override
    public int compare(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = comparePart(pa[i], pb[i]);
            if (c != 0) return c;
        }
        int c = Integer.compare(pa.length, pb.length);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int comparePart(String a, String b) {
        boolean na = !a.isEmpty() && a.chars().allMatch(Character::isDigit);
        boolean nb = !b.isEmpty() && b.chars().allMatch(Character::isDigit);
        if (na && nb) {
            int c = Integer.compare(a.length(), b.length());
            return c != 0 ? c : a.compareTo(b);
        }
        return a.compareTo(b);
    }
}
