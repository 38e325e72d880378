package dev.versus.model;

import java.util.List;
import java.util.Map;

/**
 * A class of codes within a family (SMTP's first digit, an enhanced code's subject), with the
 * values of facts its codes share unless a code says otherwise ({@code facts}: fact id → values).
 * Names are per locale.
 */
public record Group(String key, Map<String, Text> names, Map<String, List<String>> facts) {
    public Group {
        names = Map.copyOf(names);
        java.util.Map<String, List<String>> f = new java.util.TreeMap<>();
        facts.forEach((k, v) -> f.put(k, List.copyOf(v)));
        facts = java.util.Collections.unmodifiableMap(f);
    }

    public Text name(String locale) {
        return names.get(locale);
    }
}
