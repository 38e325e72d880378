package dev.versus.render.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.versus.Build;
import dev.versus.diagnostics.ContentException;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-locale search index is a script that assigns a JSON literal: whatever the content says,
 * it must stay one inert string literal (no {@code </script>}, no {@code <!--}, no raw U+2028 or
 * U+2029) and parse back to exactly the text the author wrote.
 */
class SearchIndexTest {
    // Also checks the JSON data and the page of the same hostile text: one build serves all three.
    static final String HOSTILE_TITLE = "</script><script>alert(\"x\")</script> <!-- --> \\ & 'q' \u2028 \u2029 end";
    static final String PREFIX = "var " + SearchIndex.VARIABLE + " = ";

    @TempDir
    Path dir;

    @Test
    void hostileTitlesStayInertAndParseBackExactly() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        // YAML double quotes: \L and \P are U+2028 and U+2029 (control characters are refused by validation).
        site.replaceLine("content/smtp/452.yaml", "title:",
                "title: \"</script><script>alert(\\\"x\\\")</script> <!-- --> \\\\ & 'q' \\L \\P end\"");
        site.replaceLine("content/smtp/421.ja.yaml", "summary:", "summary: \"<!--<script>\u2028です。\"");
        Path out = dir.resolve("public");
        try {
            new Build(new Build.Options(site.root(), out, null, UrlStyle.OFFLINE)).run();
        } catch (ContentException e) {
            throw new AssertionError("the hostile but valid site must build: " + e.errors(), e);
        }

        for (String locale : new String[] {"en", "ja"}) {
            String script = Files.readString(out.resolve(SearchIndex.file(locale)), StandardCharsets.UTF_8);
            String body = script.substring(script.indexOf('\n') + 1);
            assertThat(body).startsWith(PREFIX).endsWith(";\n");
            assertThat(script).doesNotContainIgnoringCase("</script").doesNotContain("<!--")
                    .doesNotContain("\u2028").doesNotContain("\u2029");
            JsonNode index = new ObjectMapper().readTree(body.substring(PREFIX.length(), body.length() - 2));
            assertThat(index.get("lang").asText()).isEqualTo(locale);
            assertThat(index.get("page").asText()).isEqualTo("index.html");
            JsonNode codes = index.get("families").get(0).get("codes");
            assertThat(index.get("families").get(0).get("path").asText()).isEqualTo(locale + "/smtp/");
            assertThat(codes).extracting(c -> c.get("id").asText()).containsExactly("421", "452", "552");
            assertThat(codes.get(1).get("title").asText()).isEqualTo(HOSTILE_TITLE);
            // 452 has no Japanese translation: the ja index says its texts are English.
            assertThat(codes.get(1).path("titleLang").asText(null)).isEqualTo(locale.equals("ja") ? "en" : null);
            assertThat(codes.get(0).path("titleLang").isMissingNode()).isTrue();
        }
        // The same texts in the JSON data: valid JSON, exact text, the fallback's language named.
        JsonNode json = new ObjectMapper().readTree(out.resolve(JsonExport.codeFile("ja", "smtp", "452")).toFile());
        assertThat(json.get("text").get("title").get("text").asText()).isEqualTo(HOSTILE_TITLE);
        assertThat(json.get("text").get("title").get("lang").asText()).isEqualTo("en");
        assertThat(json.get("text").get("description").get("lang").asText()).isEqualTo("en");
        assertThat(new ObjectMapper().readTree(out.resolve(JsonExport.familyFile("ja", "smtp")).toFile())
                .get("codes").get(1).get("text").get("title").get("text").asText()).isEqualTo(HOSTILE_TITLE);
        // And on the page, escaped and marked as English.
        assertThat(Files.readString(out.resolve("ja/smtp/452/index.html"), StandardCharsets.UTF_8))
                .contains("<span lang=\"en\">&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;!-- --&gt;");

        String ja = Files.readString(out.resolve(SearchIndex.file("ja")), StandardCharsets.UTF_8);
        JsonNode jaIndex = new ObjectMapper().readTree(ja.substring(ja.indexOf(PREFIX) + PREFIX.length(), ja.length() - 2));
        assertThat(jaIndex.get("families").get(0).get("codes").get(0).get("summary").asText()).isEqualTo("<!--<script>\u2028です。");
    }
}
