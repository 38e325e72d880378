package dev.versus.validate;

import dev.versus.diagnostics.TerminalText;
import dev.versus.diagnostics.Location;
import dev.versus.diagnostics.Problems;
import dev.versus.load.RawSources.RawText;
import dev.versus.load.SourceLoader;
import dev.versus.load.YamlLoader;
import dev.versus.load.YamlNode;
import dev.versus.model.CodeOrder;
import dev.versus.model.PairNote;
import dev.versus.model.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a family's hand-written pair notes ({@code pairs/<a>-vs-<b>.md} and translations). A note
 * may start with a front matter block ({@code ---} lines) setting {@code section} and
 * {@code replace}. A note naming a code that does not exist is an error.
 */
final class PairNoteReader {
    private static final Set<String> FRONT_MATTER_FIELDS = Set.of("section", "replace");

    private final Problems problems;
    private final List<String> locales;

    PairNoteReader(Problems problems, List<String> locales) {
        this.problems = problems;
        this.locales = locales;
    }

    /**
     * @param codes the codes that validated
     * @param codeFiles every code with a file, valid or not: a note about a code whose file has
     *     errors is not reported again as naming a code that does not exist (the file's own errors
     *     are the ones to fix)
     */
    Map<String, PairNote> read(List<RawText> files, Set<String> codes, Set<String> codeFiles) {
        Map<String, PairNote> notes = new TreeMap<>();
        // English notes first: translations attach to them.
        for (boolean translations : new boolean[] {false, true}) {
            for (RawText file : files) {
                String locale = SourceLoader.localeSuffix(file.stem());
                if ((locale != null) != translations) continue;
                String slug = locale == null ? file.stem() : file.stem().substring(0, file.stem().length() - locale.length() - 1);
                readOne(file, slug, locale, codes, codeFiles, notes);
            }
        }
        return notes;
    }

    private void readOne(RawText file, String slug, String locale, Set<String> codes, Set<String> codeFiles,
                         Map<String, PairNote> notes) {
        Location at = Location.fileStart(file.path());
        String[] parts = slug.split("-vs-", -1);
        if (parts.length != 2) {
            problems.add(at, "a pair note is named <a>-vs-<b>.md (or <a>-vs-<b>.<locale>.md), e.g. 421-vs-552.md");
            return;
        }
        boolean ok = true;
        for (String code : parts) {
            if (codes.contains(code)) continue;
            ok = false;
            if (!codeFiles.contains(code)) {
                problems.add(at, "pair note names code '" + code + "', which does not exist in this family"
                        + SiteValidator.hint(code, codeFiles));
            }
        }
        if (!ok) return;
        if (CodeOrder.INSTANCE.compare(parts[0], parts[1]) >= 0) {
            problems.add(at, "name the note " + parts[1] + "-vs-" + parts[0] + ".md: the lower code comes first, as in the page's address");
            return;
        }
        String lang = locale == null ? locales.get(0) : locale;
        if (!locales.contains(lang) || (locale != null && locale.equals(locales.get(0)))) {
            problems.add(at, "pair note for unknown locale '" + lang + "'; site.yaml lists " + locales
                    + " and the default-locale note has no suffix");
            return;
        }
        Body body = split(file, at);
        if (body == null) return;
        if (body.markdown().isBlank()) {
            problems.add(at, "pair note is empty; write the note or delete the file");
            return;
        }
        String tooLong = Limits.fieldTooLong("the pair note", body.markdown());
        if (tooLong != null) {
            problems.add(at, tooLong);
            return;
        }
        PairNote english = notes.get(slug);
        if (locale == null) {
            Map<String, Text> texts = new LinkedHashMap<>();
            for (String l : locales) texts.put(l, new Text(body.markdown(), lang));
            notes.put(slug, new PairNote(parts[0], parts[1], body.section(), body.replace(), texts, at));
        } else if (english == null) {
            problems.add(at, "translation of a pair note without the note itself; add " + slug + ".md first");
        } else {
            if (body.hasFrontMatter()) {
                problems.add(at, "front matter belongs in " + slug + ".md only; translations hold just the text");
            }
            Map<String, Text> texts = new LinkedHashMap<>(english.body());
            texts.put(locale, new Text(body.markdown(), locale));
            notes.put(slug, new PairNote(english.a(), english.b(), english.section(), english.replace(), texts, english.source()));
        }
    }

    private record Body(String section, boolean replace, String markdown, boolean hasFrontMatter) {}

    /** Splits an optional {@code ---} front matter block from the Markdown body. */
    private Body split(RawText file, Location at) {
        String text = file.text().replace("\r\n", "\n");
        if (!text.startsWith("---\n")) return new Body("differences", false, text.strip(), false);
        int end = text.indexOf("\n---\n", 3);
        if (end < 0 && text.endsWith("\n---")) end = text.length() - 4;
        if (end < 0) {
            problems.add(at, "front matter started with --- is not closed by a --- line");
            return null;
        }
        // A leading newline keeps SnakeYAML's line numbers equal to the file's.
        String yaml = "\n" + text.substring(4, end + 1);
        YamlNode node = YamlLoader.parse(yaml, file.path(), problems).orElse(null);
        if (node == null) return null;
        Fields f = Fields.of(node, FRONT_MATTER_FIELDS, problems, "pair note front matter");
        if (f == null) return null;
        String section = f.optionalText("section");
        if (section == null) section = "differences";
        if (!PairNote.SECTIONS.contains(section)) {
            problems.add(f.at("section"), "section '" + TerminalText.quoted(section) + "' is not one of " + PairNote.SECTIONS);
            return null;
        }
        String replace = f.optionalText("replace");
        if (replace != null && !replace.equals("true") && !replace.equals("false")) {
            problems.add(f.at("replace"), "replace must be true or false");
            return null;
        }
        String body = end + 5 <= text.length() ? text.substring(end + 5) : "";
        return new Body(section, "true".equals(replace), body.strip(), true);
    }
}
