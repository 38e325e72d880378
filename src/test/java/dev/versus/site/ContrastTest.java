package dev.versus.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.2 AA contrast of the default theme's colours, in the light and the dark scheme, read
 * from {@code templates/assets/style.css}: 4.5:1 for every text colour on every background it
 * is used on, 3:1 for the focus outline and the note border (non-text, 1.4.11). The table is
 * written to {@code target/contrast.txt}.
 */
class ContrastTest {
    static final Path CSS = Path.of("templates/assets/style.css");
    /** Text colours and the backgrounds they appear on. */
    static final List<String> TEXT = List.of("fg", "muted", "link");
    static final List<String> BACKGROUNDS = List.of("bg", "panel");

    @Test
    void everyColourPairMeetsWcagAa() throws IOException {
        String css = Files.readString(CSS, StandardCharsets.UTF_8);
        Map<String, Map<String, String>> schemes = new LinkedHashMap<>();
        schemes.put("light", variables(block(css, ":root {")));
        schemes.put("dark", variables(block(css.substring(css.indexOf("@media (prefers-color-scheme: dark)")), ":root {")));
        List<String> table = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        schemes.forEach((scheme, vars) -> {
            for (String bg : BACKGROUNDS) {
                for (String fg : TEXT) check(scheme, vars, fg, bg, 4.5, table, failures);
                check(scheme, vars, "accent", bg, 3.0, table, failures);
            }
            check(scheme, vars, "muted", "bg", 3.0, table, failures); // the search box's border
        });
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/contrast.txt"), table, StandardCharsets.UTF_8);
        table.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }

    private static void check(String scheme, Map<String, String> vars, String fg, String bg, double min,
                              List<String> table, List<String> failures) {
        double ratio = ratio(vars.get(fg), vars.get(bg));
        String line = String.format(Locale.ROOT, "%-5s --%-6s %s on --%-5s %s: %5.2f:1 (needs %.1f)", scheme, fg,
                vars.get(fg), bg, vars.get(bg), ratio, min);
        table.add(line);
        if (ratio < min) failures.add(line);
    }

    @Test
    void theFormulaMatchesKnownValues() {
        assertThat(ratio("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(ratio("#777777", "#ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
        assertThat(ratio("#ffffff", "#ffffff")).isEqualTo(1.0);
    }

    /** The declarations of the first rule that starts with {@code selector}. */
    static String block(String css, String selector) {
        int start = css.indexOf(selector);
        return css.substring(start + selector.length(), css.indexOf('}', start));
    }

    static Map<String, String> variables(String block) {
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher m = Pattern.compile("--([a-z]+):\\s*(#[0-9a-fA-F]{6})").matcher(block);
        while (m.find()) vars.put(m.group(1), m.group(2));
        return vars;
    }

    /** WCAG contrast ratio of two #rrggbb colours. */
    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
