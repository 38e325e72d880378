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
        int ia = 0;
        int ib = 0;
        while (ia <= a.length() && ib <= b.length()) {
            int ea = a.indexOf('.', ia);
            int eb = b.indexOf('.', ib);
            if (ea < 0) ea = a.length();
            if (eb < 0) eb = b.length();
            int c = comparePart(a.substring(ia, ea), b.substring(ib, eb));
            if (c != 0) return c;
            ia = ea + 1;
            ib = eb + 1;
        }
        // One is a prefix of the other part by part: the shorter comes first.
        int c = Boolean.compare(ia <= a.length(), ib <= b.length());
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
