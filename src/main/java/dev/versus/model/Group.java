package dev.versus.model;

import java.util.Map;

/**
 * A class of codes within a family (SMTP's first digit, an enhanced code's subject).
 * {@code severity} is one of success, intermediate, transient, permanent, or null where the
 * family's groups say nothing about it. Names are per locale.
 */
public record Group(String key, String severity, Map<String, Text> names) {
    public Group {
        names = Map.copyOf(names);
    }

    public Text name(String locale) {
        return names.get(locale);
    }
}
