package dev.versus.i18n;

import dev.versus.render.data.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code versus i18n status}: the translation state per locale and family, as a table or as JSON. */
public final class StatusReport {
    private static final FieldStatus.State[] STATES = FieldStatus.State.values();

    private StatusReport() {}

    /** One table per locale: a row per family and a total, counting fields in each state. */
    public static String table(TranslationStatus status) {
        StringBuilder out = new StringBuilder();
        for (String locale : status.locales()) {
            if (out.length() > 0) out.append('\n');
            out.append("Translation status of ").append(locale).append(" (source: ").append(status.site().defaultLocale())
                    .append(")\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"family", "fields", "translated", "stale", "unstamped", "missing", "done"});
            status.countsByFamily(locale).forEach((family, c) -> rows.add(row(family, c)));
            rows.add(row("all", TranslationStatus.count(status.fields(locale))));
            int[] width = new int[rows.get(0).length];
            for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder(String.format("  %-" + width[0] + "s", r[0]));
                for (int i = 1; i < r.length; i++) line.append(String.format("  %" + width[i] + "s", r[i]));
                out.append(line.toString().stripTrailing()).append('\n');
            }
        }
        return out.toString();
    }

    private static String[] row(String name, TranslationStatus.Counts c) {
        return new String[] {name, String.valueOf(c.total()), String.valueOf(c.get(FieldStatus.State.TRANSLATED)),
            String.valueOf(c.get(FieldStatus.State.STALE)), String.valueOf(c.get(FieldStatus.State.UNSTAMPED)),
            String.valueOf(c.get(FieldStatus.State.MISSING)), percent(c) + "%"};
    }

    private static String percent(TranslationStatus.Counts c) {
        return String.format(Locale.ROOT, "%.1f", c.percentTranslated());
    }

    /**
     * The same counts as JSON, plus every field with its state and location:
     * {@code {"sourceLocale", "locales": [{"locale", "total": {...}, "families": [...], "fields": [...]}]}}.
     */
    public static String json(TranslationStatus status) {
        List<Object> locales = new ArrayList<>();
        for (String locale : status.locales()) {
            List<Object> families = new ArrayList<>();
            status.countsByFamily(locale).forEach((family, c) -> families.add(object("family", family, "counts", counts(c))));
            List<Object> fields = new ArrayList<>();
            for (FieldStatus f : status.fields(locale)) {
                fields.add(object("unit", f.unitId(), "family", f.code().family(), "code", f.code().id(),
                        "field", f.field(), "state", f.state().word(), "at", f.at().toString(),
                        "english", f.english().at().toString(), "file", f.translation()));
            }
            locales.add(object("locale", locale, "total", counts(TranslationStatus.count(status.fields(locale))),
                    "families", families, "fields", fields));
        }
        return Json.compact(object("sourceLocale", status.site().defaultLocale(), "locales", locales));
    }

    private static Map<String, Object> counts(TranslationStatus.Counts c) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("fields", c.total());
        for (FieldStatus.State s : STATES) counts.put(s.word(), c.get(s));
        counts.put("percentTranslated", new BigDecimal(percent(c)));
        return counts;
    }

    /** A JSON object with its keys in the order given: key, value, key, value ... */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return object;
    }
}
