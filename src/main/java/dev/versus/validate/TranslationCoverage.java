package dev.versus.validate;

import dev.versus.model.Code;
import dev.versus.model.CodeText;
import dev.versus.model.Family;
import dev.versus.model.Site;
import dev.versus.model.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists every text that a locale shows in the default language because its translation is
 * missing: one entry per code, field and locale. {@code check} prints them; {@code --strict}
 * makes them errors.
 */
public final class TranslationCoverage {
    private TranslationCoverage() {}

    public static List<ContentError> missing(Site site) {
        List<ContentError> out = new ArrayList<>();
        for (String locale : site.locales()) {
            if (locale.equals(site.defaultLocale())) continue;
            for (Family family : site.families()) {
                for (Code code : family.codes()) {
                    for (var field : fields(code.text(locale)).entrySet()) {
                        if (!field.getValue().lang().equals(locale)) {
                            String file = code.source().path().replaceAll("\\.yaml$", "." + locale + ".yaml");
                            out.add(new ContentError(code.source(), "'" + field.getKey() + "' has no " + locale
                                    + " translation; add it to " + file));
                        }
                    }
                }
            }
        }
        return out.stream().sorted().toList();
    }

    private static Map<String, Text> fields(CodeText t) {
        Map<String, Text> m = new LinkedHashMap<>();
        m.put("title", t.title());
        m.put("summary", t.summary());
        m.put("description", t.description());
        m.put("when", t.when());
        t.fix().forEach((k, v) -> m.put("fix." + k, v));
        if (t.notes() != null) m.put("notes", t.notes());
        return m;
    }
}
