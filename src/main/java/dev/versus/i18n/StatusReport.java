package dev.versus.i18n;

import java.util.ArrayList;
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
        Json j = new Json();
        j.open('{').key("sourceLocale").value(status.site().defaultLocale()).key("locales").open('[');
        for (String locale : status.locales()) {
            j.open('{').key("locale").value(locale).key("total");
            counts(j, TranslationStatus.count(status.fields(locale)));
            j.key("families").open('[');
            for (Map.Entry<String, TranslationStatus.Counts> e : status.countsByFamily(locale).entrySet()) {
                j.open('{').key("family").value(e.getKey()).key("counts");
                counts(j, e.getValue());
                j.close('}');
            }
            j.close(']').key("fields").open('[');
            for (FieldStatus f : status.fields(locale)) {
                j.open('{').key("unit").value(f.unitId()).key("family").value(f.code().family()).key("code")
                        .value(f.code().id()).key("field").value(f.field()).key("state").value(f.state().word())
                        .key("at").value(f.at().toString()).key("english").value(f.english().at().toString())
                        .key("file").value(f.translation()).close('}');
            }
            j.close(']').close('}');
        }
        return j.close(']').close('}').toString() + "\n";
    }

    private static void counts(Json j, TranslationStatus.Counts c) {
        j.open('{').key("fields").value(c.total());
        for (FieldStatus.State s : STATES) j.key(s.word()).value(c.get(s));
        j.key("percentTranslated").raw(percent(c)).close('}');
    }

    /** A minimal JSON writer: strings escaped per RFC 8259, commas placed by nesting level. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder();
        private final java.util.ArrayDeque<boolean[]> first = new java.util.ArrayDeque<>();
        private boolean afterKey;

        Json open(char c) {
            separate();
            out.append(c);
            first.push(new boolean[] {true});
            return this;
        }

        Json close(char c) {
            first.pop();
            out.append(c);
            return this;
        }

        Json key(String k) {
            separate();
            string(k);
            out.append(':');
            afterKey = true;
            return this;
        }

        Json value(String v) {
            separate();
            string(v);
            return this;
        }

        Json value(int v) {
            return raw(String.valueOf(v));
        }

        Json raw(String v) {
            separate();
            out.append(v);
            return this;
        }

        private void separate() {
            if (afterKey) {
                afterKey = false;
                return;
            }
            if (first.isEmpty()) return;
            boolean[] f = first.peek();
            if (!f[0]) out.append(',');
            f[0] = false;
        }

        private void string(String s) {
            // Escaped as the site's JSON files are (control characters, U+2028 and U+2029 too).
            out.append(dev.versus.render.data.Json.quote(s, false));
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
