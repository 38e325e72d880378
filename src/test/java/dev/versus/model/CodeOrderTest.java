package dev.versus.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Codes sort the way a reader counts: part by part, numbers by value. */
class CodeOrderTest {
    @Test
    void numbersSortByValuePartByPart() {
        List<String> codes = new ArrayList<>(List.of("X.1.10", "X.1.9", "552", "421", "X.10.0", "X.2.2", "X.1", "X.1.1"));
        codes.sort(CodeOrder.INSTANCE);
        assertThat(codes).containsExactly("421", "552", "X.1", "X.1.1", "X.1.9", "X.1.10", "X.2.2", "X.10.0");
    }

    @Test
    void equalCodesCompareEqualAndOrderIsAntisymmetric() {
        assertThat(CodeOrder.INSTANCE.compare("X.7.30", "X.7.30")).isZero();
        assertThat(Integer.signum(CodeOrder.INSTANCE.compare("X.7.3", "X.7.30")))
                .isEqualTo(-Integer.signum(CodeOrder.INSTANCE.compare("X.7.30", "X.7.3")));
        assertThat(CodeOrder.INSTANCE.compare("250", "25")).isPositive();
    }

    /** The order compares in place; it must agree with the first version, which split the ids into substrings. */
    @Property(tries = 3000)
    void agreesWithTheSubstringVersion(@ForAll("ids") String a, @ForAll("ids") String b) {
        assertThat(Integer.signum(CodeOrder.INSTANCE.compare(a, b))).isEqualTo(Integer.signum(reference(a, b)));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.of("0", "1", "2", "9", "10", "02", "X", "x", "a", ".", "..", "4", "5", "").list().ofMaxSize(6)
                .map(parts -> String.join("", parts));
    }

    static int reference(String a, String b) {
        int ia = 0;
        int ib = 0;
        while (ia <= a.length() && ib <= b.length()) {
            int ea = a.indexOf('.', ia);
            int eb = b.indexOf('.', ib);
            if (ea < 0) ea = a.length();
            if (eb < 0) eb = b.length();
            String pa = a.substring(ia, ea);
            String pb = b.substring(ib, eb);
            boolean na = !pa.isEmpty() && pa.chars().allMatch(Character::isDigit);
            boolean nb = !pb.isEmpty() && pb.chars().allMatch(Character::isDigit);
            int c = na && nb && pa.length() != pb.length() ? Integer.compare(pa.length(), pb.length()) : pa.compareTo(pb);
            if (c != 0) return c;
            ia = ea + 1;
            ib = eb + 1;
        }
        int c = Boolean.compare(ia <= a.length(), ib <= b.length());
        return c != 0 ? c : a.compareTo(b);
    }
}
