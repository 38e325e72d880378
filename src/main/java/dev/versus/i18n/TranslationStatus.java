package dev.versus.i18n;

import dev.versus.diagnostics.ContentError;
import dev.versus.model.Code;
import dev.versus.model.Family;
import dev.versus.model.Site;
import dev.versus.model.Text;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of every translatable field of every code in every locale but the default: the one
 * source for {@code check}, {@code i18n status}, {@code i18n export} and the build summary.
 */
public final class TranslationStatus {
    private final Site site;
    private final List<FieldStatus> fields;

    private TranslationStatus(Site site, List<FieldStatus> fields) {
        this.site = site;
        this.fields = List.copyOf(fields);
    }

    public static TranslationStatus of(Site site) {
        List<FieldStatus> out = new ArrayList<>();
        for (String locale : site.locales()) {
            if (locale.equals(site.defaultLocale())) continue;
            for (Family family : site.families()) {
                for (Code code : family.codes()) {
                    Map<String, Text> english = code.text(site.defaultLocale()).fields();
                    Map<String, Text> shown = code.text(locale).fields();
                    english.forEach((field, en) -> {
                        Text t = shown.get(field);
                        out.add(new FieldStatus(locale, code, field, state(t, locale), t, en, translationPath(code, locale)));
                    });
                }
            }
        }
        return new TranslationStatus(site, out);
    }

    private static FieldStatus.State state(Text t, String locale) {
        if (!t.lang().equals(locale)) return FieldStatus.State.MISSING;
        return switch (t.freshness()) {
            case CURRENT -> FieldStatus.State.TRANSLATED;
            case STALE -> FieldStatus.State.STALE;
            // A translated text is always CURRENT, STALE or UNSTAMPED; ORIGINAL would be a reader bug,
            // and claiming nothing about it is the safe reading.
            case UNSTAMPED, ORIGINAL -> FieldStatus.State.UNSTAMPED;
        };
    }

    /** The translation file of {@code code} in {@code locale}: {@code content/smtp/421.ja.yaml}. */
    public static String translationPath(Code code, String locale) {
        String path = code.source().path();
        return path.substring(0, path.length() - ".yaml".length()) + "." + locale + ".yaml";
    }

    public Site site() {
        return site;
    }

    /** Every field, by locale, family, code and field order. */
    public List<FieldStatus> fields() {
        return fields;
    }

    public List<FieldStatus> fields(String locale) {
        return fields.stream().filter(f -> f.locale().equals(locale)).toList();
    }

    /** The locales that are translated (all but the default), in site order. */
    public List<String> locales() {
        return site.locales().stream().filter(l -> !l.equals(site.defaultLocale())).toList();
    }

    /** Counts of each state. */
    public record Counts(Map<FieldStatus.State, Integer> byState) {
        public Counts {
            byState = Map.copyOf(byState);
        }

        public int get(FieldStatus.State s) {
            return byState.getOrDefault(s, 0);
        }

        public int total() {
            return byState.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Share of fields translated from the current English, rounded down to 0.1 so that 100.0 means all. */
        public double percentTranslated() {
            return total() == 0 ? 100.0 : Math.floor(get(FieldStatus.State.TRANSLATED) * 1000.0 / total()) / 10.0;
        }
    }

    public static Counts count(List<FieldStatus> fields) {
        Map<FieldStatus.State, Integer> m = new EnumMap<>(FieldStatus.State.class);
        for (FieldStatus.State s : FieldStatus.State.values()) m.put(s, 0);
        for (FieldStatus f : fields) m.merge(f.state(), 1, Integer::sum);
        return new Counts(m);
    }

    /** Counts per family of one locale, in site order. */
    public Map<String, Counts> countsByFamily(String locale) {
        Map<String, Counts> out = new LinkedHashMap<>();
        for (Family family : site.families()) {
            out.put(family.id(), count(fields(locale).stream().filter(f -> f.code().family().equals(family.id())).toList()));
        }
        return out;
    }

    /**
     * Every field that is not translated from the current English, as {@code path:line:column}
     * messages, sorted: stale and unstamped ones at the translation, missing ones at the English.
     */
    public List<ContentError> problems() {
        List<ContentError> out = new ArrayList<>();
        for (FieldStatus f : fields) {
            String message = switch (f.state()) {
                case TRANSLATED -> null;
                case STALE -> "stale " + f.locale() + " translation of '" + f.field() + "': the English ("
                        + f.english().at() + ") changed after it was translated; update it (versus i18n export --locale "
                        + f.locale() + " --only stale)";
                case UNSTAMPED -> "unstamped " + f.locale() + " translation of '" + f.field() + "': the file does not"
                        + " record which English it was made from; if it matches the current English, run versus i18n stamp";
                case MISSING -> "'" + f.field() + "' has no " + f.locale() + " translation; add it to " + f.translation();
            };
            if (message != null) out.add(new ContentError(f.at(), message));
        }
        return out.stream().sorted().toList();
    }
}
