package dev.versus.model;

import dev.versus.diagnostics.Location;
import java.util.Map;

/**
 * An expert's note on one comparison, written by hand in
 * {@code content/<family>/pairs/<a>-vs-<b>.md}: Markdown per locale, shown in {@code section}
 * ("differences" or "choose"), after the derived text or, with {@code replace}, instead of it.
 */
public record PairNote(String a, String b, String section, boolean replace, Map<String, Text> body, Location source) {
    public static final java.util.List<String> SECTIONS = java.util.List.of("differences", "choose");

    public PairNote {
        body = Map.copyOf(body);
    }

    public String slug() {
        return a + "-vs-" + b;
    }
}
