package dev.versus.validate;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.versus.diagnostics.ContentError;
import dev.versus.diagnostics.Location;
import dev.versus.diagnostics.Problems;
import dev.versus.load.SourceLoader;
import dev.versus.load.YamlLoader;
import dev.versus.load.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A locale's terminology ({@code locales/glossary/<locale>.yaml}): the terms the site writes and
 * the variants it avoids. {@link #check} searches every text of that locale (code and family
 * translations, pair notes, the locale's labels and patterns) for an avoided variant and reports
 * each with its line and column, so that one terminology holds across hand-written and generated
 * prose. The search is on the files' text rather than the model, because the model no longer
 * knows where inside a field a word stands.
 */
public final class Glossary {
    static final String FOLDER = "glossary";
    private static final Set<String> ENTRY_FIELDS = Set.of("use", "for", "avoid", "avoidPattern", "allow");
    /** Fields of code files that quote the world rather than speak for the site. */
    private static final List<String> QUOTED_FIELDS = List.of("aliases", "examples");

    /**
     * One term: what to write, what it names, the variants to replace (as text, or as RE2 regular
     * expressions for forms that vary, such as a number with the wrong counter) and the phrases that stay.
     */
    record Term(String use, String meaning, List<String> avoid, List<Pattern> avoidPatterns, List<String> allow) {}

    /** An avoided variant found in a text file. */
    public record Finding(Location location, String variant, Term term) {
        public ContentError asError() {
            return new ContentError(location, "'" + variant + "' is not this site's term; use '" + term.use()
                    + "'" + (term.meaning() == null ? "" : " (" + term.meaning() + ")") + "; see "
                    + SourceLoader.LOCALES + "/" + FOLDER + "/");
        }
    }

    private Glossary() {}

    /**
     * Checks the texts of every locale that has a glossary file.
     *
     * @param defaultLocale the locale whose texts are in files without a locale suffix
     * @param problems where a malformed glossary file is reported
     */
    public static List<Finding> check(Path root, List<String> locales, String defaultLocale, Problems problems) {
        List<Finding> out = new ArrayList<>();
        YamlLoader yaml = new YamlLoader(root);
        for (String locale : locales) {
            Path file = root.resolve(SourceLoader.LOCALES).resolve(FOLDER).resolve(locale + ".yaml");
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) continue;
            List<Term> terms = yaml.load(file, problems).map(n -> read(n, problems)).orElse(List.of());
            if (terms.isEmpty()) continue;
            for (Path text : textsOf(root, locale, locale.equals(defaultLocale))) {
                String content = yaml.readText(text, new Problems());
                if (content != null) search(root.relativize(text).toString().replace('\\', '/'), content, terms, out);
            }
        }
        out.sort((x, y) -> x.location().compareTo(y.location()));
        return out;
    }

    /**
     * The avoided variants of {@code locale}'s glossary under {@code root}, as a search over any text
     * (a built page's visible text, say): for checks of rendered pages, which no source file shows
     * whole. Without a glossary file, finds nothing.
     */
    public static java.util.function.Function<String, List<String>> finder(Path root, String locale) {
        Path file = root.resolve(SourceLoader.LOCALES).resolve(FOLDER).resolve(locale + ".yaml");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return text -> List.of();
        Problems problems = new Problems();
        List<Term> terms = new YamlLoader(root).load(file, problems).map(n -> read(n, problems)).orElse(List.of());
        return text -> {
            List<Finding> found = new ArrayList<>();
            search("page.txt", text, terms, found);
            return found.stream().map(f -> f.variant() + " (use " + f.term().use() + ")").toList();
        };
    }

    private static List<Term> read(YamlNode node, Problems problems) {
        if (!(node instanceof YamlNode.Sequence list)) {
            problems.add(node.location(), "a glossary is a list of terms (- use: ..., avoid: [...]), found " + node.kind());
            return List.of();
        }
        List<Term> terms = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof YamlNode.Mapping m)) {
                problems.add(item.location(), "a glossary term is a map with 'use' and optional 'for', 'avoid', 'avoidPattern', 'allow'");
                continue;
            }
            boolean ok = true;
            for (YamlNode.Entry e : m.entries().values()) {
                if (!ENTRY_FIELDS.contains(e.key())) {
                    problems.add(e.keyLocation(), "'" + e.key() + "': unknown field in glossary term; known fields: allow, avoid, avoidPattern, for, use");
                    ok = false;
                }
            }
            String use = scalar(m, "use", problems);
            if (use == null) {
                problems.add(m.location(), "a glossary term needs 'use': the term the site writes");
                continue;
            }
            List<String> avoid = strings(m, "avoid", problems);
            List<Pattern> avoidPatterns = patterns(m, problems);
            List<String> allow = strings(m, "allow", problems);
            if (ok && avoid != null && avoidPatterns != null && allow != null) {
                terms.add(new Term(use, scalar(m, "for", problems), avoid, avoidPatterns, allow));
            }
        }
        return terms;
    }

    private static String scalar(YamlNode.Mapping m, String key, Problems problems) {
        YamlNode v = m.get(key);
        if (v == null) return null;
        if (v instanceof YamlNode.Scalar s && s.value() != null && !s.value().isBlank()) return s.value();
        problems.add(v.location(), "'" + key + "' must be a text, found " + v.kind());
        return null;
    }

    private static List<String> strings(YamlNode.Mapping m, String key, Problems problems) {
        YamlNode v = m.get(key);
        if (v == null) return List.of();
        if (!(v instanceof YamlNode.Sequence seq)) {
            problems.add(v.location(), "'" + key + "' must be a list of texts, found " + v.kind());
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlNode.Scalar s && s.value() != null && !s.value().isBlank()) out.add(s.value());
            else {
                problems.add(item.location(), "'" + key + "' lists texts, found " + item.kind());
                return null;
            }
        }
        return out;
    }

    /**
     * The regular expressions of {@code avoidPattern}, compiled for RE2/J (linear time, like the
     * families' code patterns); null if one is not valid.
     */
    private static List<Pattern> patterns(YamlNode.Mapping m, Problems problems) {
        YamlNode v = m.get("avoidPattern");
        if (v == null) return List.of();
        if (!(v instanceof YamlNode.Sequence seq)) {
            problems.add(v.location(), "'avoidPattern' must be a list of regular expressions, found " + v.kind());
            return null;
        }
        List<Pattern> out = new ArrayList<>();
        boolean ok = true;
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Scalar s) || s.value() == null || s.value().isEmpty()) {
                problems.add(item.location(), "'avoidPattern' lists regular expressions, found " + item.kind());
                ok = false;
            } else if (s.value().length() > FamilyReader.REGEX_CHARS) {
                problems.add(item.location(), "'avoidPattern' entry is " + s.value().length()
                        + " characters long, more than the limit of " + FamilyReader.REGEX_CHARS + " for a regular expression");
                ok = false;
            } else {
                try {
                    out.add(Pattern.compile(s.value()));
                } catch (PatternSyntaxException e) {
                    problems.add(item.location(), "'" + s.value() + "' is not a valid regular expression: " + e.getDescription()
                            + " (backreferences and lookaround are not supported: patterns are matched in linear time)");
                    ok = false;
                }
            }
        }
        return ok ? out : null;
    }

    /** The files that hold text in {@code locale}: translations (or, for the default locale, originals), pair notes, labels. */
    private static List<Path> textsOf(Path root, String locale, boolean isDefault) {
        List<Path> out = new ArrayList<>();
        Path labels = root.resolve(SourceLoader.LOCALES).resolve(locale + ".yaml");
        if (Files.isRegularFile(labels, LinkOption.NOFOLLOW_LINKS)) out.add(labels);
        Path content = root.resolve(SourceLoader.CONTENT);
        if (!Files.isDirectory(content, LinkOption.NOFOLLOW_LINKS)) return out;
        try (Stream<Path> files = Files.walk(content, 3)) {
            files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getParent().equals(content))
                    .filter(p -> inLocale(p.getFileName().toString(), locale, isDefault))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            // The loader reports unreadable folders; the glossary adds nothing to that.
        }
        return out;
    }

    private static boolean inLocale(String name, String locale, boolean isDefault) {
        String stem;
        if (name.endsWith(".yaml")) stem = name.substring(0, name.length() - 5);
        else if (name.endsWith(".md")) stem = name.substring(0, name.length() - 3);
        else return false;
        String suffix = SourceLoader.localeSuffix(stem);
        return isDefault ? suffix == null : locale.equals(suffix);
    }

    /** Reports each avoided variant outside comments, the term itself and the allowed phrases. */
    static void search(String path, String text, List<Term> terms, List<Finding> out) {
        String[] lines = text.split("\n", -1);
        boolean yaml = path.endsWith(".yaml");
        boolean quoted = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (yaml && line.stripLeading().startsWith("#")) continue;
            // aliases and examples hold what people type and what servers send, not the site's
            // prose: their wording is not the glossary's to choose.
            if (yaml && !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.charAt(0) != '-') {
                quoted = QUOTED_FIELDS.stream().anyMatch(f -> line.startsWith(f + ":"));
            }
            if (quoted) continue;
            for (Term term : terms) {
                for (String variant : term.avoid()) {
                    for (int at = line.indexOf(variant); at >= 0; at = line.indexOf(variant, at + 1)) {
                        if (covered(line, at, variant.length(), term)) continue;
                        out.add(new Finding(new Location(path, i + 1, line.codePointCount(0, at) + 1), variant, term));
                    }
                }
                for (Pattern pattern : term.avoidPatterns()) {
                    Matcher match = pattern.matcher(line);
                    while (match.find()) {
                        int at = match.start();
                        String variant = match.group();
                        if (variant.isEmpty() || covered(line, at, variant.length(), term)) continue;
                        out.add(new Finding(new Location(path, i + 1, line.codePointCount(0, at) + 1), variant, term));
                    }
                }
            }
        }
    }

    /** True if the match lies inside an occurrence of the term itself or of an allowed phrase. */
    private static boolean covered(String line, int at, int length, Term term) {
        List<String> phrases = new ArrayList<>(term.allow());
        phrases.add(term.use());
        for (String phrase : phrases) {
            for (int p = line.indexOf(phrase); p >= 0 && p <= at; p = line.indexOf(phrase, p + 1)) {
                if (p + phrase.length() >= at + length) return true;
            }
        }
        return false;
    }
}
