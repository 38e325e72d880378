package dev.versus.i18n;

import dev.versus.diagnostics.Location;
import dev.versus.model.Code;
import dev.versus.model.Text;

/**
 * One text field of one code in one locale and the state of its translation.
 *
 * @param text        what the locale shows: the translation, or the English fallback when missing
 * @param english     the current English text of the field
 * @param translation the translation file of the code in this locale (it may not exist yet)
 */
public record FieldStatus(String locale, Code code, String field, State state, Text text, Text english,
                          String translation) {

    /** The states of a translated field, each counted and reported separately. */
    public enum State {
        /** Translated from the current English. */
        TRANSLATED,
        /** Translated from an English text that has changed since. */
        STALE,
        /** Translated, but the file does not record from which English: freshness unknown. */
        UNSTAMPED,
        /** Not translated: the page shows the English, marked {@code lang="en"}. */
        MISSING;

        /** The word used on the command line and in reports ("stale"). */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where to look: the translation for a translated field, the English for a missing one. */
    public Location at() {
        return state == State.MISSING ? english.at() : text.at();
    }

    /**
     * The field's identity across files and tools: {@code <family>:<code>:<field>}, which is the
     * translation file plus the field, written so that it is a valid XLIFF id (an XML NMTOKEN).
     */
    public String unitId() {
        return unitId(code.family(), code.id(), field);
    }

    public static String unitId(String family, String code, String field) {
        return family + ":" + code + ":" + field;
    }
}
