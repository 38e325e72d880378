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
        // Part by part, in place: this runs for every code lookup and every pair link of a build.
        int ia = 0;
        int ib = 0;
        while (ia <= a.length() && ib <= b.length()) {
            int ea = a.indexOf('.', ia);
            int eb = b.indexOf('.', ib);
            if (ea < 0) ea = a.length();
            if (eb < 0) eb = b.length();
            int c = comparePart(a, ia, ea, b, ib, eb);
            if (c != 0) return c;
            ia = ea + 1;
            ib = eb + 1;
        }
        // One is a prefix of the other part by part: the shorter comes first.
        int c = Boolean.compare(ia <= a.length(), ib <= b.length());
        return c != 0 ? c : a.compareTo(b);
    }

    /** Numbers by value (by length, then digit by digit), anything else as text. */
    private static int comparePart(String a, int sa, int ea, String b, int sb, int eb) {
        if (isNumber(a, sa, ea) && isNumber(b, sb, eb) && ea - sa != eb - sb) return Integer.compare(ea - sa, eb - sb);
        int n = Math.min(ea - sa, eb - sb);
        for (int i = 0; i < n; i++) {
            char x = a.charAt(sa + i);
            char y = b.charAt(sb + i);
            if (x != y) return x - y;
        }
        return (ea - sa) - (eb - sb);
    }

    private static boolean isNumber(String s, int start, int end) {
        if (start == end) return false;
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(s.charAt(i))) return false;
        }
        return true;
    }
}
