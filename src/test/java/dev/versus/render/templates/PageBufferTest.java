package dev.versus.render.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A page buffer encodes pages into a buffer it keeps; the bytes must be exactly those of {@code String.getBytes(UTF_8)}. */
class PageBufferTest {
    @Property(tries = 2000)
    void encodesLikeGetBytes(@ForAll("text") String text) {
        PageBuffer page = new PageBuffer(8);
        page.write(text);
        assertThat(page.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        page.reset().write(text + text);
        page.finish();
        assertThat(java.util.Arrays.copyOf(page.bytes(), page.size())).isEqualTo((text + text).getBytes(StandardCharsets.UTF_8));
    }

    /** Long runs are encoded a window at a time; a window may end anywhere, inside a surrogate pair too. */
    @Property(tries = 300)
    void encodesLongRunsLikeGetBytes(@ForAll("longText") String text) {
        PageBuffer page = new PageBuffer(8);
        page.write(text);
        assertThat(page.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void aSurrogatePairOnAWindowsEdgeStaysOneCharacter() {
        for (int at = 500; at < 1040; at++) {
            for (String tail : new String[] {"\uD83D\uDE00 and more", "\uD83D", "\uD83Dx", "\uDE00x"}) {
                String text = "a".repeat(at) + tail + "–".repeat(at % 7);
                PageBuffer page = new PageBuffer(8);
                page.write(text);
                assertThat(page.toByteArray()).as("at %d", at).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Property(tries = 500)
    void aPageBufferGivesTheBytesOfAllItWasGivenInOrder(@ForAll("text") String a, @ForAll("text") String b,
                                                       @ForAll("text") String c) {
        PageBuffer page = new PageBuffer(8);
        page.write(a);
        page.writeUtf8(b.getBytes(StandardCharsets.UTF_8));
        page.write(c.toCharArray(), 0, c.length());
        page.write(a, 0, a.length() / 2);
        page.write('x');
        // Ready-made bytes end a run of characters: each run is encoded on its own, as getBytes would.
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        expected.writeBytes(a.getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(b.getBytes(StandardCharsets.UTF_8));
        expected.writeBytes((c + a.substring(0, a.length() / 2) + "x").getBytes(StandardCharsets.UTF_8));
        assertThat(page.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Provide
    Arbitrary<String> longText() {
        return Arbitraries.strings().withChars("ab <§日\u2028\uD83D\uDE00\uD800").ofMinLength(300).ofMaxLength(3000);
    }

    @Provide
    Arbitrary<String> text() {
        // ASCII, Latin-1 (§), three-byte (日本語, U+2028), four-byte (emoji) and unpaired surrogates.
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().withChars("a§é日本語\u2028\uD83D\uDE00\uD800\uDC00<&").ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(200));
    }
}
