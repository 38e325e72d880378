package dev.versus.model;

import java.util.Map;

/**
 * A fact in one locale: the name of its row ({@code label}), each allowed value's forms (form
 * name → text; the form {@code value} is the value's plain name, others such as {@code effect}
 * are what sentences need) and the sentence patterns that compare two codes on it
 * ({@code same}, {@code differ}, ...; see docs/CONTENT-FORMAT.md), and for a value that covers
 * others ({@link Fact#covers}) its forms said of the rest of what it covers ({@code other:} "any
 * other command"), once some of it has been said apart.
 */
public record FactText(Text label, Map<String, Map<String, Text>> values, Map<String, Text> patterns,
                       Map<String, Map<String, Text>> others) {
    /** The form every value has: its plain name, as shown in the at-a-glance table. */
    public static final String VALUE = "value";

    public FactText {
        values = Map.copyOf(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> Map.copyOf(e.getValue()))));
        patterns = Map.copyOf(patterns);
        others = Map.copyOf(others.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> Map.copyOf(e.getValue()))));
    }

    public FactText(Text label, Map<String, Map<String, Text>> values, Map<String, Text> patterns) {
        this(label, values, patterns, Map.of());
    }

    /** One form of a covering value said of the rest of what it covers ("in reply to any other command"), or null. */
    public Text other(String value, String form) {
        Map<String, Text> forms = others.get(value);
        return forms == null ? null : forms.get(form);
    }

    /** One form of one value, or null. */
    public Text form(String value, String form) {
        Map<String, Text> forms = values.get(value);
        return forms == null ? null : forms.get(form);
    }

    public Text pattern(String name) {
        return patterns.get(name);
    }
}
