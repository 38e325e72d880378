package dev.versus.render.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.versus.Build;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON data tells, per field, whether a product is looking at a translation or a fallback. */
class JsonTranslationStateTest {
    @TempDir
    Path dir;

    @Test
    void everyTranslatableFieldCarriesItsTranslationState() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Path out = dir.resolve("public");
        new Build(new Build.Options(site.root(), out, null, UrlStyle.PRETTY)).run();
        ObjectMapper json = new ObjectMapper();

        JsonNode en = json.readTree(Files.readString(out.resolve("en/smtp/421.json"))).get("text");
        assertThat(en.get("title").get("translation").asText()).isEqualTo("original");

        JsonNode ja = json.readTree(Files.readString(out.resolve("ja/smtp/421.json"))).get("text");
        // Translated in 421.ja.yaml, which records no source hashes: whether it is current is unknown.
        assertThat(ja.get("title").get("translation").asText()).isEqualTo("unstamped");
        assertThat(ja.get("title").get("lang").asText()).isEqualTo("ja");
        // 452 has no Japanese file at all: every field is the English standing in.
        JsonNode ja452 = json.readTree(Files.readString(out.resolve("ja/smtp/452.json"))).get("text");
        assertThat(ja452.get("summary").get("translation").asText()).isEqualTo("missing");
        assertThat(ja452.get("summary").get("lang").asText()).isEqualTo("en");
    }
}
