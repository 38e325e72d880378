package dev.versus.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.model.Labels;
import dev.versus.validate.RequiredLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/LABELS.md lists every label of the built-in theme, with the placeholders each may use: a
 * label added to or removed from locales/en.yaml, or a placeholder Versus starts or stops
 * providing, fails here until the document says so.
 */
class LabelsDocTest {
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\| ([^|]*) \\|");

    @Test
    void labelsMdNamesEveryKeyOfTheThemeWithItsPlaceholders() throws IOException {
        Map<String, String> english = new TreeMap<>();
        flatten("", new Yaml().load(Files.readString(Path.of("locales/en.yaml"))), english);
        english.keySet().removeIf(k -> k.startsWith("site."));
        english.put("site.title", "");
        english.put("site.tagline", "");

        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("docs/LABELS.md")));
        while (m.find()) {
            Set<String> names = new TreeSet<>();
            Matcher p = Pattern.compile("`\\{([A-Za-z0-9]+)\\}`").matcher(m.group(2));
            while (p.find()) names.add(p.group(1));
            documented.put(m.group(1), names);
        }

        assertThat(documented.keySet()).as("keys in docs/LABELS.md against locales/en.yaml (add or remove rows)")
                .containsExactlyElementsOf(english.keySet());
        english.forEach((key, text) -> {
            Set<String> provided = RequiredLabels.placeholders(key);
            Set<String> expected = provided != null ? provided : Labels.placeholders(text);
            assertThat(documented.get(key)).as("placeholders of %s in docs/LABELS.md", key).isEqualTo(expected);
        });
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
        } else {
            out.put(prefix, String.valueOf(node));
        }
    }
}
