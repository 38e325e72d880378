package dev.versus.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
