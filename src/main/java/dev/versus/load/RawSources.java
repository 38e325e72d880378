package dev.versus.load;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything read from the source folder before validation: parsed YAML trees with locations,
 * and the paths of templates and static assets. {@code themeLocales} are the built-in theme's
 * label files, which the site's own {@code locales/} override label by label. Files that failed to parse are absent (their
 * errors are already reported).
 */
public record RawSources(
        Path root,
        YamlNode site,
        List<RawFile> locales,
        List<RawFile> themeLocales,
        List<RawFamily> families,
        Path templates) {

    public RawSources {
        locales = List.copyOf(locales);
        themeLocales = List.copyOf(themeLocales);
        families = List.copyOf(families);
    }

    /** One parsed file; {@code stem} is the name without {@code .yaml} ("421.ja", "_family"). */
    public record RawFile(String path, String stem, YamlNode node) {}

    /**
     * A family folder: its {@code _family.yaml}, its translations, code files and translation files.
     * {@code codeNames} are the stems of every code file in the folder, including files that could
     * not be parsed, so that a link to such a code is not reported a second time as "does not exist".
     * {@code pairNotes} are the Markdown files of its {@code pairs/} folder.
     */
    public record RawFamily(String folder, String path, RawFile family, List<RawFile> familyTranslations,
                            List<RawFile> codes, List<RawFile> translations, List<String> codeNames,
                            List<RawText> pairNotes) {
        public RawFamily {
            pairNotes = List.copyOf(pairNotes);
            familyTranslations = List.copyOf(familyTranslations);
            codes = List.copyOf(codes);
            translations = List.copyOf(translations);
            codeNames = List.copyOf(codeNames);
        }
    }

    /** A Markdown file read as text ({@code pairs/421-vs-552.ja.md} has stem "421-vs-552.ja"). */
    public record RawText(String path, String stem, String text) {}
}
