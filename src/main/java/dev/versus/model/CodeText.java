package dev.versus.model;

import java.util.Map;

/**
 * The prose of one code in one locale. Every field is a {@link Text}, so a field that has no
 * translation yet carries the English text and says so. {@code fix} is keyed by audience
 * (sender, recipient, admin) in a fixed order; {@code notes} may be null.
 */
public record CodeText(Text title, Text summary, Text description, Text when, Map<String, Text> fix, Text notes) {
    public CodeText {
        fix = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fix));
    }
}
