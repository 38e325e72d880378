package dev.versus.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prose of one code in one locale. Every field is a {@link Text}, so a field that has no
 * translation yet carries the English text and says so. {@code fix} is keyed by audience, in the
 * order of its family's audiences; {@code notes} and {@code use} (when a server should
 * send the code) may be null.
 */
public record CodeText(Text title, Text summary, Text description, Text when, Map<String, Text> fix, Text notes, Text use) {
    public CodeText {
        fix = Collections.unmodifiableMap(new LinkedHashMap<>(fix));
    }

    /**
     * Every text field by its id as written in a translation's {@code source} map ({@code title},
     * {@code summary}, {@code description}, {@code when}, {@code use}, {@code fix.<audience>}, {@code notes}),
     * in the order of the content format.
     */
    public Map<String, Text> fields() {
        Map<String, Text> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("summary", summary);
        m.put("description", description);
        m.put("when", when);
        if (use != null) m.put("use", use);
        fix.forEach((k, v) -> m.put("fix." + k, v));
        if (notes != null) m.put("notes", notes);
        return m;
    }

    /** True if no field is written in {@code locale}: the whole text is the English fallback. */
    public boolean untranslated(String locale) {
        return fields().values().stream().noneMatch(t -> t.lang().equals(locale));
    }

    /** True if any field is a translation of an English text that has changed since. */
    public boolean stale() {
        return fields().values().stream().anyMatch(t -> t.freshness() == Text.Freshness.STALE);
    }
}
