package dev.versus.validate;

import dev.versus.diagnostics.TerminalText;
import dev.versus.diagnostics.Location;
import dev.versus.diagnostics.Problems;
import dev.versus.load.RawSources.RawFamily;
import dev.versus.load.RawSources;
import dev.versus.model.CodeRef;
import dev.versus.model.Family;
import dev.versus.model.Labels;
import dev.versus.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The validate stage: checks the raw sources against the content format and builds the
 * immutable {@link Site}. Every problem is reported; the model is returned only when there
 * were none, so later stages never see half-valid content.
 */
public final class SiteValidator {
    private static final String LOCALE_ID = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?";

    private final Problems problems;

    public SiteValidator(Problems problems) {
        this.problems = problems;
    }

    /** The site, or null if any problem was found (all of them are in {@link Problems}). */
    public Site validate(RawSources raw) {
        if (raw.site() == null) return null;
        Fields site = Fields.of(raw.site(), Vocabulary.SITE_FIELDS, problems, "site file");
        if (site == null) return null;
        String title = site.text("title");
        String baseUrl = site.text("baseUrl");
        // No quotes or angle brackets: the URL lands in attributes of every page (escaped, but never needed).
        if (baseUrl != null && !baseUrl.matches("https?://[^\\s/\"'<>\\\\]+(/[^\\s\"'<>\\\\]*)?")) {
            problems.add(site.at("baseUrl"), "baseUrl must be an absolute http(s) URL such as https://example.org/,"
                    + " without spaces, quotes or angle brackets");
        }
        List<String> locales = new ArrayList<>();
        for (Fields.Item item : site.list("locales", true)) {
            if (!item.value().matches(LOCALE_ID)) {
                problems.add(item.location(), "'" + item.value() + "' is not a locale id; use a language code such as en or ja");
            } else if (locales.contains(item.value())) {
                problems.add(item.location(), "locale '" + item.value() + "' is listed twice");
            } else {
                locales.add(item.value());
            }
        }
        if (locales.isEmpty() && site.has("locales")) {
            problems.add(site.at("locales"), "list at least one locale");
        }
        String defaultLocale = site.text("defaultLocale");
        if (defaultLocale != null && !locales.isEmpty() && !locales.contains(defaultLocale)) {
            problems.add(site.at("defaultLocale"), "defaultLocale '" + TerminalText.quoted(defaultLocale) + "' is not one of locales " + locales);
            defaultLocale = null;
        }
        if (defaultLocale == null || locales.isEmpty()) {
            return null; // nothing below can be checked without knowing the locales
        }
        // The default locale comes first: it is the language of the code files themselves.
        locales.remove(defaultLocale);
        locales.add(0, defaultLocale);

        String description = site.optionalText("description");
        List<String> stylesheets = new ArrayList<>();
        for (Fields.Item item : site.list("stylesheets", false)) {
            if (!item.value().matches("assets/[A-Za-z0-9._/-]+\\.css") || item.value().contains("..")) {
                problems.add(item.location(), "stylesheet '" + item.value() + "' must be a .css file under assets/,"
                        + " such as assets/custom.css (its file is templates/assets/custom.css)");
            } else if (!assets(raw.templates()).contains(item.value().substring("assets/".length()))) {
                problems.add(item.location(), "stylesheet '" + item.value() + "' has no file; create templates/"
                        + item.value() + hint(item.value().substring("assets/".length()), assets(raw.templates()))
                        .replace("did you mean '", "did you mean 'assets/"));
            } else {
                stylesheets.add(item.value());
            }
        }
        boolean compactPages = false;
        String compact = site.textIfWritten("compactPages");
        if (compact != null) {
            if (compact.equals("true")) compactPages = true;
            else if (!compact.equals("false")) problems.add(site.at("compactPages"), "compactPages must be true or false, found '"
                    + compact + "'");
        }
        Fields.Item titleItem = title == null ? null : new Fields.Item(title, site.at("title"));
        Fields.Item descriptionItem = description == null ? null : new Fields.Item(description, site.at("description"));
        Map<String, Labels> labels = new LocaleReader(problems).read(raw.locales(), raw.themeLocales(), locales, defaultLocale,
                titleItem, descriptionItem, templateText(raw.templates()));
        // Families are read independently (Problems is thread-safe and sorts what it collects), so
        // on all cores; the drafts stay in folder order.
        List<String> localeList = List.copyOf(locales);
        List<FamilyReader.Draft> drafts = raw.families().parallelStream()
                .map(rf -> new FamilyReader(problems, localeList).read(rf))
                .filter(java.util.Objects::nonNull)
                .toList();
        // Links are checked against the code files that exist, not only the ones that passed: a link
        // to a code whose file has errors is not a second error.
        Map<String, Set<String>> codesByFamily = new TreeMap<>();
        for (RawFamily rf : raw.families()) {
            codesByFamily.put(rf.folder(), new TreeSet<>(rf.codeNames()));
        }
        for (FamilyReader.Draft d : drafts) {
            codesByFamily.computeIfAbsent(d.id(), k -> new TreeSet<>()).addAll(d.codes().keySet());
        }
        Map<String, Set<CodeRef>> reverse = crossCheck(drafts, codesByFamily);
        Map<String, Map<CodeRef, String>> held = heldBySets(drafts, codesByFamily);
        for (FamilyReader.Draft d : drafts) {
            for (FactReader.Draft f : d.facts()) {
                if (f.family != null && (f.family.equals(d.id()) || !codesByFamily.containsKey(f.family))) {
                    problems.add(f.at, "fact '" + f.id + "' lists codes of family '" + f.family + "', which "
                            + (f.family.equals(d.id()) ? "is this family; use 'related' for codes of the same family"
                            : "does not exist" + hint(f.family, codesByFamily.keySet())));
                }
            }
        }
        for (RawFamily rf : raw.families()) {
            // A code's language-neutral address is /<family>/<code>/, beside /<locale>/ and /assets/.
            if (locales.contains(rf.folder()) || rf.folder().equals("assets")) {
                problems.add(Location.fileStart("content/" + rf.folder() + "/_family.yaml"), "family '" + rf.folder()
                        + "' has the name of " + (rf.folder().equals("assets") ? "the assets folder" : "a locale")
                        + ": its codes' language-neutral addresses (/" + rf.folder() + "/<code>/) would be inside "
                        + (rf.folder().equals("assets") ? "it" : "that locale's pages") + "; rename the family's folder");
            }
        }
        if (!problems.isEmpty()) return null;

        List<Family> families = new ArrayList<>();
        for (FamilyReader.Draft d : drafts) {
            families.add(d.build(reverse, held));
        }
        Site built = new Site(title, description, baseUrl, defaultLocale, locales, labels, families, stylesheets,
                compactPages);
        Limits.check(built, problems);
        return problems.isEmpty() ? built : null;
    }

    /**
     * Checks {@code related} and {@code seeAlso} against the codes that exist, and returns the
     * reverse of every {@code seeAlso} link so both sides of a link show it.
     */
    private Map<String, Set<CodeRef>> crossCheck(List<FamilyReader.Draft> drafts, Map<String, Set<String>> codes) {
        Map<String, Set<CodeRef>> reverse = new TreeMap<>();
        for (FamilyReader.Draft d : drafts) {
            // A class a code gives a codes fact (5XX) must hold at least one code of that family.
            for (FactReader.Draft fact : d.facts()) {
                Set<String> theirs = fact.family == null ? null : codes.get(fact.family);
                if (theirs == null) continue;
                for (FactReader.ClassUse use : fact.classUses) {
                    String set = dev.versus.model.CodeSet.of(fact.family, use.written());
                    if (theirs.stream().noneMatch(code -> dev.versus.model.CodeSet.covers(set, code))) {
                        problems.add(use.at(), "class '" + use.written() + "' holds no code of family " + fact.family
                                + " (a class is the first characters of its codes, then X for each remaining one, like 5XX)");
                    }
                }
                for (FactReader.ClassUse use : fact.unlistedUses) {
                    if (theirs.contains(use.written())) {
                        problems.add(use.at(), "'" + use.written() + "' is a code of family " + fact.family + ", which has a page for it:"
                                + " list it in seeAlso as '" + fact.family + ":" + use.written() + "' instead");
                    }
                }
            }
            for (FamilyReader.CodeDraft c : d.codes().values()) {
                for (Fields.Item r : c.related()) {
                    if (r.value().equals(c.id())) {
                        problems.add(r.location(), "code " + c.id() + " lists itself in 'related'");
                    } else if (!codes.get(d.id()).contains(r.value())) {
                        Set<String> others = new TreeSet<>(codes.get(d.id()));
                        others.remove(c.id()); // a code is never related to itself, so never suggest it
                        problems.add(r.location(), "related code '" + r.value() + "' does not exist in family "
                                + d.id() + hint(r.value(), others));
                    }
                }
                for (Fields.Item s : c.seeAlso()) {
                    int colon = s.value().indexOf(':');
                    if (colon < 0) {
                        problems.add(s.location(), "seeAlso entry '" + s.value() + "' must be written family:code, e.g. "
                                + codes.keySet().stream().filter(f -> !f.equals(d.id())).findFirst().orElse("smtp") + ":421");
                        continue;
                    }
                    String fam = s.value().substring(0, colon);
                    String code = s.value().substring(colon + 1);
                    if (fam.equals(d.id())) {
                        problems.add(s.location(), "seeAlso '" + s.value() + "' names this code's own family; seeAlso is for"
                                + " codes of other families, so list " + code + " under 'related' instead");
                    } else if (!codes.containsKey(fam)) {
                        problems.add(s.location(), "seeAlso names family '" + fam + "', which does not exist"
                                + hint(fam, codes.keySet()));
                    } else if (!codes.get(fam).contains(code)) {
                        problems.add(s.location(), "seeAlso code '" + code + "' does not exist in family " + fam
                                + hint(code, codes.get(fam)));
                    } else {
                        reverse.computeIfAbsent(fam + ":" + code, k -> new TreeSet<>()).add(new CodeRef(d.id(), c.id()));
                    }
                }
            }
        }
        return reverse;
    }

    /**
     * The other side of the sets of codes a codes fact names (CodeSet: any, 5XX): for each code a
     * set holds, the codes that name the set. X.7.18 goes with any 5XX code (RFC 7293 §15.3), so
     * 552 goes with X.7.18, and no page may say that X.7.18 is not paired with it.
     */
    private static Map<String, Map<CodeRef, String>> heldBySets(List<FamilyReader.Draft> drafts, Map<String, Set<String>> codes) {
        Map<String, Map<CodeRef, String>> held = new TreeMap<>();
        for (FamilyReader.Draft d : drafts) {
            for (FactReader.Draft fact : d.facts()) {
                if (fact.kind != dev.versus.model.Fact.Kind.CODES || !codes.containsKey(fact.family)) continue;
                for (FamilyReader.CodeDraft c : d.codes().values()) {
                    for (String set : c.facts().getOrDefault(fact.id, List.of())) {
                        if (!dev.versus.model.CodeSet.isSet(set)) continue;
                        for (String code : codes.get(fact.family)) {
                            if (dev.versus.model.CodeSet.covers(set, code)) {
                                held.computeIfAbsent(fact.family + ":" + code, k -> new TreeMap<>())
                                        .putIfAbsent(new CodeRef(d.id(), c.id()), dev.versus.model.CodeSet.written(set));
                            }
                        }
                    }
                }
            }
        }
        return held;
    }

    /** The asset paths a build publishes under assets/: the theme's and the site's. */
    private static Set<String> assets(java.nio.file.Path templates) {
        try {
            return dev.versus.load.Theme.assets(templates).keySet();
        } catch (java.io.IOException e) {
            return Set.of();
        }
    }

    /** The text of the site's own templates, in which a label key of its own may be named. */
    private String templateText(java.nio.file.Path templates) {
        if (!java.nio.file.Files.isDirectory(templates)) return "";
        StringBuilder out = new StringBuilder();
        try (var files = java.nio.file.Files.walk(templates)) {
            for (var f : files.filter(p -> p.toString().endsWith(".ftlh") || p.toString().endsWith(".js")).sorted().toList()) {
                if (java.nio.file.Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    out.append(java.nio.file.Files.readString(f)).append('\n');
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // Unreadable templates fail the render with their own error; no label is the worse for it.
        }
        return out.toString();
    }

    static String hint(String value, Set<String> candidates) {
        return Suggest.closest(value, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }
}
