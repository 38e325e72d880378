package dev.versus.render.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The JSON writer: exact escapes, and whatever it writes a real JSON parser reads back unchanged. */
class JsonTest {
    private static final ObjectMapper PARSER = new ObjectMapper();

    @Test
    void escapesWhatJsonRequiresAndWhatOldJavaScriptChokedOn() {
        assertThat(Json.quote("a\"b\\c", false)).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(Json.quote("\n\r\t\b\f\u0000\u001f\u007f", false))
                .isEqualTo("\"\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f\"");
        assertThat(Json.quote("line\u2028para\u2029", false)).isEqualTo("\"line\\u2028para\\u2029\"");
        assertThat(Json.quote("日本語 😀", false)).isEqualTo("\"日本語 😀\"");
        assertThat(Json.quote("lone \ud800 and \udc00", false)).isEqualTo("\"lone \\ud800 and \\udc00\"");
    }

    @Test
    void scriptSafeOutputCannotCloseAScriptOrOpenAComment() {
        String hostile = "</script><script>alert(1)</script><!-- & -->";
        String out = Json.script(Map.of("t", hostile));
        assertThat(out).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .isEqualTo("{\"t\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!-- \\u0026 --\\u003e\"}");
        // Plain JSON files keep markup readable: they are never parsed as HTML.
        assertThat(Json.quote(hostile, false)).isEqualTo("\"" + hostile + "\"");
    }

    @Test
    void writesObjectsInInsertionOrderIndentedOrCompact() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", List.of(true, "x"));
        m.put("n", null);
        m.put("e", Map.of());
        m.put("l", List.of());
        assertThat(Json.script(m)).isEqualTo("{\"b\":1,\"a\":[true,\"x\"],\"n\":null,\"e\":{},\"l\":[]}");
        assertThat(Json.pretty(m)).isEqualTo("""
                {
                  "b": 1,
                  "a": [
                    true,
                    "x"
                  ],
                  "n": null,
                  "e": {},
                  "l": []
                }
                """);
        assertThat(PARSER.readTree(Json.pretty(m))).isEqualTo(PARSER.readTree(Json.script(m)));
    }

    @Test
    void aFragmentIsEmbeddedAsIfItsValueWereWrittenThere() {
        Map<String, Object> code = new LinkedHashMap<>();
        code.put("code", "550");
        code.put("text", Map.of("title", "Mailbox \"unavailable\"\n", "lang", List.of("en", "日本語 😀")));
        code.put("none", Map.of());
        Json writer = Json.prettyWriter();
        Json.Fragment fragment = writer.fragment(code);
        Map<String, Object> family = new LinkedHashMap<>();
        family.put("family", "smtp");
        family.put("codes", List.of(fragment, Map.of("deeper", List.of(fragment))));
        Map<String, Object> written = new LinkedHashMap<>(family);
        written.put("codes", List.of(code, Map.of("deeper", List.of(code))));
        String expected = Json.pretty(written);
        assertThat(writer.document(family).toString()).isEqualTo(expected);
        assertThat(new String(writer.buffer(), 0, writer.length(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(expected);

        // A code's own file: its entry with other entries first.
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("format", "versus-code/2");
        first.put("locale", "en");
        Map<String, Object> file = new LinkedHashMap<>(first);
        file.putAll(code);
        assertThat(writer.document(first, fragment).toString()).isEqualTo(Json.pretty(file));
        assertThat(writer.document(first, writer.fragment(Map.of())).toString()).isEqualTo(Json.pretty(first));
        assertThatThrownBy(() -> writer.document(first, writer.fragment(List.of(1)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesValuesItCannotWriteFaithfully() {
        assertThatThrownBy(() -> Json.script(List.of(1.5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.script(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void anyStringSurvivesARoundTripThroughAJsonParser(@ForAll @StringLength(max = 40) String s) throws Exception {
        roundTrip(s);
    }

    @Property(tries = 300)
    void controlCharactersSeparatorsAndSurrogatesSurviveToo(
            @ForAll @StringLength(max = 20) @CharRange(from = '\u0000', to = '\u0040') @CharRange(from = '\u2026', to = '\u202a')
            @CharRange(from = '\ud7ff', to = '\ue000') String s) throws Exception {
        roundTrip(s);
    }

    private static void roundTrip(String s) throws Exception {
        for (String json : List.of(Json.pretty(Map.of("k", s)), Json.script(Map.of("k", s)))) {
            assertThat(PARSER.readTree(json).get("k").asText()).as(Arrays.toString(s.chars().toArray())).isEqualTo(s);
            assertThat(json).doesNotContain("\u2028").doesNotContain("\u2029");
        }
    }
}
