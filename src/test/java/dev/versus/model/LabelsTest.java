package dev.versus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Label patterns: named placeholders, each language's own word order and spacing. */
class LabelsTest {
    static final Labels JA = new Labels("ja", Map.of(
            "pattern.pageTitle", "{family} {a} {aTitle} と {b} {bTitle} の違い",
            "pattern.braces", "{literal} {not a placeholder} {x}"));

    @Test
    void aSpaceBetweenAJapaneseValueAndJapaneseTextGoes() {
        assertThat(JA.format("pattern.pageTitle", Map.of("family", "SMTP", "a", "421", "aTitle", "サービス利用不可",
                "b", "552", "bTitle", "記憶域の割り当て超過")))
                .isEqualTo("SMTP 421 サービス利用不可と 552 記憶域の割り当て超過の違い");
    }

    @Test
    void aSpaceNextToLatinTextStays() {
        assertThat(JA.format("pattern.pageTitle", Map.of("family", "SMTP", "a", "421", "aTitle", "Service Not Available",
                "b", "552", "bTitle", "Exceeded Storage")))
                .isEqualTo("SMTP 421 Service Not Available と 552 Exceeded Storage の違い");
    }

    @Test
    void onlyNamedPlaceholdersAreFilledAndAMissingValueIsABug() {
        assertThat(JA.format("pattern.braces", Map.of("literal", "a", "x", "b"))).isEqualTo("a {not a placeholder} b");
        assertThatThrownBy(() -> JA.format("pattern.braces", Map.of("literal", "a")))
                .hasMessageContaining("uses {x}, which is not provided here");
    }
}
