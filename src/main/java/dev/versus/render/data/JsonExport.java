package dev.versus.render.data;

import dev.versus.model.Code;
import dev.versus.model.CodeRef;
import dev.versus.model.CodeSet;
import dev.versus.model.CodeText;
import dev.versus.model.Fact;
import dev.versus.model.FactText;
import dev.versus.model.Family;
import dev.versus.model.Group;
import dev.versus.model.LabelKey;
import dev.versus.model.Reference;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.render.prose.MarkdownRenderer;
import dev.versus.render.prose.ProseLinker;
import dev.versus.render.site.PageSink;
import dev.versus.render.site.SitePaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The machine-readable copy of the site, for products that show our help text in their own UI:
 * {@code <locale>/<family>/<code>.json} per code and {@code <locale>/<family>/index.json} per
 * family (the family with every code in full), with the same facts and text as the pages.
 *
 * <p>Every text is an object that names its language ({@code {"lang": "en", "text": ...}}), so
 * a product can tell an English fallback on a Japanese page; Markdown fields carry both the
 * source ({@code markdown}) and the rendered {@code html}, whose links are absolute URLs of the
 * published site ({@code baseUrl}) because the HTML is meant to be shown outside it.
 */
public final class JsonExport {
    /** Bumped when a field changes meaning or disappears; new fields do not bump it. */
    public static final String CODE_FORMAT = "versus-code/2";
    public static final String FAMILY_FORMAT = "versus-family/2";

    private final Site site;
    private final MarkdownRenderer markdown;

    public JsonExport(Site site) {
        this.site = site;
        this.markdown = new MarkdownRenderer(new ProseLinker(site));
    }

    /** The path of a code's JSON file relative to the output root. */
    public static String codeFile(String locale, String family, String code) {
        return SitePaths.family(locale, family) + code + ".json";
    }

    /** The path of a family's JSON file relative to the output root. */
    public static String familyFile(String locale, String family) {
        return SitePaths.family(locale, family) + "index.json";
    }

    /** Every JSON file the site has, by path. */
    public static Set<String> files(Site site) {
        Set<String> files = new HashSet<>();
        for (String locale : site.locales()) {
            for (Family f : site.families()) {
                files.add(familyFile(locale, f.id()));
                f.codes().forEach(c -> files.add(codeFile(locale, f.id(), c.id())));
            }
        }
        return files;
    }

    /** Writes every JSON file into {@code sink}; returns how many. */
    public int write(PageSink sink) throws IOException {
        return write(sink, (locale, family) -> true);
    }

    /**
     * Writes the JSON files of the families and locales that {@code select} accepts ({@code
     * versus serve} writes those a change affects); returns how many.
     */
    public int write(PageSink sink, BiPredicate<String, String> select) throws IOException {
        int files = 0;
        Json json = Json.prettyWriter();
        for (String locale : site.locales()) {
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("format", CODE_FORMAT);
            head.put("locale", locale);
            for (Family family : site.families()) {
                if (!select.test(locale, family.id())) continue;
                List<Object> codes = new ArrayList<>();
                for (Code code : family.codes()) {
                    // Written once, as the code's entry in the family's file, which its own file
                    // repeats with the format and locale first.
                    Json.Fragment c = json.fragment(code(locale, family, code));
                    codes.add(c);
                    json.document(head, c);
                    sink.write(codeFile(locale, family.id(), code.id()), json.buffer(), json.length());
                    files++;
                }
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("format", FAMILY_FORMAT);
                f.put("locale", locale);
                f.put("family", family.id());
                f.put("name", text(family.names().get(locale)));
                f.put("title", text(family.titles().get(locale)));
                f.put("description", prose(locale, family.id(), null, family.descriptions().get(locale)));
                f.put("url", url(SitePaths.family(locale, family.id())));
                List<Object> groups = new ArrayList<>();
                for (Group g : family.groups()) {
                    Map<String, Object> group = new LinkedHashMap<>();
                    group.put("key", g.key());
                    group.put("name", text(g.name(locale)));
                    Map<String, Object> defaults = new LinkedHashMap<>();
                    for (Fact fact : family.facts()) {
                        List<String> v = g.facts().get(fact.id());
                        if (v != null) defaults.put(fact.id(), factValues(locale, fact, v));
                    }
                    group.put("facts", defaults);
                    groups.add(group);
                }
                f.put("groups", groups);
                List<Object> facts = new ArrayList<>();
                for (Fact fact : family.facts()) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("id", fact.id());
                    one.put("kind", fact.kind().written());
                    one.put("label", text(fact.text(locale).label()));
                    if (fact.kind().listed()) {
                        List<Object> values = new ArrayList<>();
                        for (String v : fact.values()) values.add(idLabel(v, text(fact.text(locale).form(v, FactText.VALUE))));
                        one.put("values", values);
                    }
                    if (fact.family() != null) one.put("family", fact.family());
                    facts.add(one);
                }
                f.put("facts", facts);
                f.put("codes", codes);
                json.document(f);
                sink.write(familyFile(locale, family.id()), json.buffer(), json.length());
                files++;
            }
        }
        return files;
    }

    /** One code in one locale: the content of its JSON file and of its entry in the family's. */
    private Map<String, Object> code(String locale, Family family, Code code) {
        CodeText t = code.text(locale);
        Group group = family.groupOf(code);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", family.id());
        m.put("code", code.id());
        m.put("url", url(SitePaths.code(locale, code)));
        m.put("json", url(codeFile(locale, family.id(), code.id())));
        // The language-neutral address (it goes to the reader's language) and the help pane's page.
        m.put("entry", url(SitePaths.entry(family.id(), code.id())));
        if (site.compactPages()) m.put("compact", url(SitePaths.code(locale, code) + SitePaths.COMPACT_FILE));
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("key", group.key());
        g.put("name", text(group.name(locale)));
        m.put("group", g);
        Map<String, Object> facts = new LinkedHashMap<>();
        for (Fact fact : family.facts()) {
            List<String> v = code.fact(fact.id());
            // Codes of other families are also in travelsWith, with their titles and addresses; a
            // codes fact says which of them the comparisons use, and the sets of codes it names
            // without listing them (any code, a class such as 5XX: id and label).
            if (fact.kind() == Fact.Kind.CODES) {
                // Then, as before, the codes paired with it only through a set of theirs (X.7.18's
                // 5XX holds 552), each marked with that set as bySet ("5XX"): they go with every code of it.
                List<Object> all = new ArrayList<>(codeValues(locale, fact, v));
                for (var e : code.bySets(fact.id()).entrySet()) {
                    for (Object o : codeValues(locale, fact, e.getValue())) {
                        @SuppressWarnings("unchecked") Map<String, Object> link = (Map<String, Object>) o;
                        link.put("bySet", e.getKey());
                        all.add(link);
                    }
                }
                if (!all.isEmpty()) facts.put(fact.id(), all);
                continue;
            }
            if (v.isEmpty() && fact.optional()) continue;
            facts.put(fact.id(), factValues(locale, fact, v));
        }
        m.put("facts", facts);
        List<Object> related = new ArrayList<>();
        for (String r : code.related()) related.add(codeLink(locale, family.id(), r));
        m.put("related", related);
        List<Object> travelsWith = new ArrayList<>();
        for (CodeRef ref : code.links()) travelsWith.add(codeLink(locale, ref.family(), ref.code()));
        m.put("travelsWith", travelsWith);
        List<Object> references = new ArrayList<>();
        for (Reference r : code.references()) {
            Map<String, Object> ref = new LinkedHashMap<>();
            // Reference titles are written once, in the default language.
            ref.put("title", text(new Text(r.title(), site.defaultLocale())));
            ref.put("url", r.url());
            references.add(ref);
        }
        m.put("references", references);
        // Search phrases of this locale (its own list, not a translation) and the real reply
        // texts shown in it, each with its language and the reference it was read in.
        m.put("aliases", new ArrayList<Object>(code.aliases(locale)));
        List<Object> examples = new ArrayList<>();
        for (dev.versus.model.Example e : code.examples(locale, site.defaultLocale())) {
            Map<String, Object> ex = new LinkedHashMap<>();
            ex.put("text", text(new Text(e.text(), e.lang())));
            ex.put("from", e.from());
            ex.put("source", e.url());
            examples.add(ex);
        }
        m.put("examples", examples);
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("title", translated(text(t.title()), t.title(), locale));
        text.put("summary", translated(text(t.summary()), t.summary(), locale));
        text.put("description", translated(prose(locale, family.id(), code.id(), t.description()), t.description(), locale));
        text.put("when", translated(prose(locale, family.id(), code.id(), t.when()), t.when(), locale));
        if (t.use() != null) text.put("use", translated(text(t.use()), t.use(), locale));
        Map<String, Object> fix = new LinkedHashMap<>();
        t.fix().forEach((audience, f) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("audience", idLabel(audience, text(new Text(site.labels(locale, family).audience(audience), locale))));
            one.putAll(translated(prose(locale, family.id(), code.id(), f), f, locale));
            fix.put(audience, one);
        });
        text.put("fix", fix);
        if (t.notes() != null) {
            text.put("notes", translated(prose(locale, family.id(), code.id(), t.notes()), t.notes(), locale));
        }
        m.put("text", text);
        // The quick answer of the page, for an app's own view: which of the facts above it shows
        // (the family's quick facts the code has), then the first sentence of each audience's fix.
        Map<String, Object> quick = new LinkedHashMap<>();
        List<Object> quickFacts = new ArrayList<>();
        for (Fact fact : family.facts()) {
            if (fact.quick() && fact.kind() != Fact.Kind.CODES && !code.fact(fact.id()).isEmpty()) quickFacts.add(fact.id());
        }
        quick.put("facts", quickFacts);
        Map<String, Object> quickFix = new LinkedHashMap<>();
        t.fix().forEach((audience, f) -> quickFix.put(audience,
                text(new Text(dev.versus.render.prose.FirstSentence.of(f.value()), f.lang()))));
        quick.put("fix", quickFix);
        m.put("quick", quick);
        // The headings the page shows over these fields, in this locale: an app that lays out
        // its own view of the code uses the site's words.
        Map<String, Object> headings = new LinkedHashMap<>();
        headings.put("quick", label(locale, LabelKey.QUICK_TITLE));
        headings.put("description", label(locale, LabelKey.SECTION_DESCRIPTION));
        headings.put("when", label(locale, LabelKey.SECTION_WHEN));
        headings.put("fix", label(locale, LabelKey.SECTION_FIX));
        headings.put("notes", label(locale, LabelKey.CODE_SECTION_NOTES));
        headings.put("examples", label(locale, LabelKey.CODE_EXAMPLES));
        headings.put("related", label(locale, LabelKey.CODE_RELATED));
        headings.put("travelsWith", label(locale, LabelKey.CODE_LINKS));
        headings.put("references", label(locale, LabelKey.CODE_REFERENCES));
        m.put("headings", headings);
        return m;
    }

    private Map<String, Object> codeLink(String locale, String family, String id) {
        Code other = site.family(family).code(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", family);
        m.put("code", id);
        m.put("title", text(other.text(locale).title()));
        m.put("url", url(SitePaths.code(locale, family, id)));
        return m;
    }

    /** A codes fact's values: each code as a link, each set of codes (any, 5XX) and each code without a page as id and label. */
    private List<Object> codeValues(String locale, Fact fact, List<String> values) {
        List<Object> out = new ArrayList<>();
        for (String v : values) {
            int colon = v.indexOf(':');
            if (CodeSet.isUnlisted(v)) {
                // A code the family has no page for: id and label, no address.
                Text name = fact.text(locale).form(CodeSet.UNLISTED, FactText.VALUE);
                String code = CodeSet.unlistedCode(v);
                out.add(idLabel(code, text(new Text(name.value().replace("{" + CodeSet.CODE_PLACEHOLDER + "}", code), name.lang()))));
                continue;
            }
            if (!CodeSet.isSet(v)) {
                out.add(codeLink(locale, v.substring(0, colon), v.substring(colon + 1)));
                continue;
            }
            String cls = CodeSet.classOf(v);
            Text name = fact.text(locale).form(CodeSet.labelOf(v), FactText.VALUE);
            String label = cls == null ? name.value() : name.value().replace("{" + CodeSet.CLASS_PLACEHOLDER + "}", CodeSet.shown(cls));
            out.add(idLabel(CodeSet.written(v), text(new Text(label, name.lang()))));
        }
        return out;
    }

    /**
     * A fact's values for a code or group: a list of id and label for several-of, one for the
     * others (a number is its own label).
     */
    private Map<String, Object> factValue(String locale, Fact fact, String v) {
        if (fact.kind() == Fact.Kind.NUMBER) return idLabel(v, text(new Text(v, locale)));
        return idLabel(v, text(fact.text(locale).form(v, FactText.VALUE)));
    }

    private Object factValues(String locale, Fact fact, List<String> values) {
        if (fact.kind() == Fact.Kind.SEVERAL_OF) {
            List<Object> out = new ArrayList<>();
            for (String v : values) out.add(factValue(locale, fact, v));
            return out;
        }
        return values.isEmpty() ? null : factValue(locale, fact, values.get(0));
    }

    /** A UI label of the locale: always in the locale's own language. */
    private Map<String, Object> label(String locale, LabelKey key) {
        return text(new Text(site.labels(locale).get(key), locale));
    }

    private static Map<String, Object> idLabel(String id, Map<String, Object> label) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("label", label);
        return m;
    }

    /**
     * Adds a translatable field's state, so a product embedding the text can choose the English
     * instead: "original" (the default language), "current", "stale" or "unstamped" for a
     * translation, "missing" where the English stands in for it.
     */
    private Map<String, Object> translated(Map<String, Object> m, Text t, String locale) {
        String state;
        if (locale.equals(site.defaultLocale())) state = "original";
        else if (!t.lang().equals(locale)) state = "missing";
        else state = t.freshness().name().toLowerCase(java.util.Locale.ROOT);
        m.put("translation", state);
        return m;
    }

    private static Map<String, Object> text(Text t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", t.lang());
        m.put("text", t.value());
        return m;
    }

    /** Markdown with its rendering; code mentions link to the published pages, a code's mention of itself stays text. */
    private Map<String, Object> prose(String locale, String family, String self, Text t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", t.lang());
        m.put("markdown", t.value());
        m.put("html", markdown.render(t.value(), family, (fam, id) -> {
            if (fam.equals(family) && id.equals(self)) return null;
            var f = site.family(fam);
            return f == null || f.code(id) == null ? null : url(SitePaths.code(locale, fam, id));
        }));
        return m;
    }

    private String url(String path) {
        return SitePaths.absolute(site.baseUrl(), path);
    }
}
