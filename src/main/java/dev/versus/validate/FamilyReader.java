package dev.versus.validate;

import dev.versus.diagnostics.TerminalText;
import dev.versus.diagnostics.Location;
import dev.versus.diagnostics.Problems;
import dev.versus.load.RawSources.RawFamily;
import dev.versus.load.RawSources.RawFile;
import dev.versus.load.SourceLoader;
import dev.versus.load.YamlNode;
import dev.versus.model.Code;
import dev.versus.model.CodeRef;
import dev.versus.model.CodeText;
import dev.versus.model.Example;
import dev.versus.model.Family;
import dev.versus.model.Group;
import dev.versus.model.PairSelection;
import dev.versus.model.Reference;
import dev.versus.model.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one family folder: {@code _family.yaml} and its translations, every code file and every
 * code translation. Produces a {@link Draft} whose cross-family links are checked by
 * {@link SiteValidator} before it becomes a {@link Family}.
 */
final class FamilyReader {
    /** A family id, used as a folder of every page address. */
    private static final Pattern FAMILY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** A code, used as a folder of page addresses whatever the family's codePattern allows. */
    private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9]+([._-][A-Za-z0-9]+)*");

    /** A reference's address: https, and nothing that would break out of an href. */
    private static final Pattern REFERENCE_URL = Pattern.compile("https://[^\\s\"<>]+");

    private final Problems problems;
    private final List<String> locales;
    private final String defaultLocale;

    FamilyReader(Problems problems, List<String> locales) {
        this.problems = problems;
        this.locales = locales;
        this.defaultLocale = locales.get(0);
    }

    /** What was read of a family, before cross-family checks. */
    record Draft(String id, Map<String, Text> names, Map<String, Text> titles, Map<String, Text> descriptions, List<Group> groups,
                 List<FactReader.Draft> facts, Map<String, Map<String, Text>> patterns, Map<String, CodeDraft> codes,
                 Map<String, dev.versus.model.PairNote> notes, PairSelection pairs, Family.Index index,
                 List<String> audiences, Map<String, Map<String, Text>> labels, String alternatives) {
        Family build(Map<String, Set<CodeRef>> reverse, Map<String, Map<CodeRef, String>> held) {
            List<Code> built = new ArrayList<>();
            for (CodeDraft c : codes.values()) {
                // The code's own seeAlso first, in the order written (the pairings a reader meets most),
                // then the codes that name it, in code order.
                Set<CodeRef> links = new java.util.LinkedHashSet<>(c.seeAlsoRefs());
                links.addAll(new TreeSet<>(reverse.getOrDefault(id + ":" + c.id(), Set.of())));
                Map<String, List<String>> values = new TreeMap<>(c.facts());
                Map<String, Map<String, List<String>>> bySets = new TreeMap<>();
                // A codes fact lists the codes of its family this code travels with, both ways.
                for (FactReader.Draft f : facts) {
                    if (f.kind != dev.versus.model.Fact.Kind.CODES) continue;
                    // The sets the code file writes (any, 5XX) first, then the codes of seeAlso and of
                    // the codes that name it, but not those a set already holds: "any 5XX code", not
                    // "any 5XX code and 550" (the code page still links every one of them).
                    // Codes without a page of their own (523) come last: the registry names them, no RFC defines them.
                    List<String> written = values.getOrDefault(f.id, List.of());
                    List<String> sets = written.stream().filter(dev.versus.model.CodeSet::isSet).toList();
                    List<String> refs = new ArrayList<>(sets);
                    links.stream().filter(l -> l.family().equals(f.family)).map(l -> l.family() + ":" + l.code())
                            .filter(v -> sets.stream().noneMatch(set -> dev.versus.model.CodeSet.holds(set, v)))
                            .forEach(refs::add);
                    written.stream().filter(dev.versus.model.CodeSet::isUnlisted).forEach(refs::add);
                    // Then the codes whose sets hold this one (X.7.18's 5XX holds 552), in code order,
                    // apart from its own: they go with it as with every code of its class, which
                    // tells no two of them apart; the table says them as such ("as for any 5XX reply").
                    Map<String, List<String>> sets4 = new java.util.LinkedHashMap<>();
                    for (var r : held.getOrDefault(id + ":" + c.id(), Map.of()).entrySet()) {
                        String v = r.getKey().family() + ":" + r.getKey().code();
                        if (r.getKey().family().equals(f.family) && !refs.contains(v)) {
                            sets4.computeIfAbsent(r.getValue(), k -> new ArrayList<>()).add(v);
                        }
                    }
                    if (!sets4.isEmpty()) bySets.put(f.id, sets4);
                    if (!refs.isEmpty()) values.put(f.id, refs);
                }
                built.add(new Code(id, c.id(), c.group(), c.texts(), values,
                        c.related().stream().map(Fields.Item::value).toList(), List.copyOf(links), c.references(),
                        c.location(), c.aliases(), c.examples(), bySets));
            }
            return new Family(id, names, titles, descriptions, groups, facts.stream().map(FactReader.Draft::build).toList(),
                    patterns, built, notes, pairs, index, audiences, labels, alternatives);
        }
    }

    /** One code as read, with the locations of the values that are checked against other files. */
    record CodeDraft(String id, String group, Map<String, CodeText> texts, Map<String, List<String>> facts,
                     List<Fields.Item> related, List<Fields.Item> seeAlso,
                     List<Reference> references, Location location, Map<String, List<String>> aliases,
                     List<Example> examples) {
        List<CodeRef> seeAlsoRefs() {
            return seeAlso.stream().map(s -> {
                int colon = s.value().indexOf(':');
                return new CodeRef(s.value().substring(0, colon), s.value().substring(colon + 1));
            }).toList();
        }
    }

    Draft read(RawFamily raw) {
        if (raw.family() == null) return null;
        Fields f = Fields.of(raw.family().node(), Vocabulary.FAMILY_FIELDS, problems, "family file");
        if (f == null) return null;
        String id = f.text("id");
        if (id != null && !id.equals(raw.folder())) {
            problems.add(f.at("id"), "family id '" + id + "' must equal its folder name '" + raw.folder() + "'");
        } else if (id != null && !FAMILY_ID.matcher(id).matches()) {
            problems.add(f.at("id"), "family id '" + id + "' is part of every page address, so it may contain only"
                    + " lower-case letters, digits and single hyphens between them (like smtp-enhanced); rename the folder");
            id = null;
        }
        String name = f.text("name");
        String title = f.text("title");
        String description = f.text("description");
        com.google.re2j.Pattern codePattern = regex(f, "codePattern", 0);
        com.google.re2j.Pattern groupBy = regex(f, "groupBy", 1);
        FactReader factReader = new FactReader(problems, defaultLocale);
        Set<String> reserved = new TreeSet<>(Vocabulary.CODE_FIELDS);
        reserved.addAll(Vocabulary.GROUP_FIELDS);
        List<FactReader.Draft> facts = factReader.declarations(f, reserved);
        List<GroupDraft> groups = readGroups(f, factReader, facts);
        Map<String, Map<String, Text>> patterns = new TreeMap<>();
        patterns.put(defaultLocale, familyPatterns(f, defaultLocale, null));
        Map<String, Map<String, Text>> labels = new TreeMap<>();
        List<String> audiences = audiences(f, labels);
        labels.get(defaultLocale).putAll(familyLabels(f, defaultLocale, null));
        if (id == null || name == null || title == null || description == null || codePattern == null || groupBy == null) {
            return null;
        }

        Map<String, Text> names = new TreeMap<>();
        Map<String, Text> titles = new TreeMap<>();
        Map<String, Text> descriptions = new TreeMap<>();
        Map<String, Map<String, Text>> groupNames = new TreeMap<>();
        for (String locale : locales) {
            names.put(locale, new Text(name, defaultLocale));
            titles.put(locale, new Text(title, defaultLocale));
            descriptions.put(locale, new Text(description, defaultLocale));
            Map<String, Text> gn = new LinkedHashMap<>();
            groups.forEach(g -> gn.put(g.key(), new Text(g.name(), defaultLocale)));
            groupNames.put(locale, gn);
        }
        for (RawFile tf : raw.familyTranslations()) {
            String locale = tf.stem().substring(SourceLoader.FAMILY_FILE.length() + 1);
            if (!checkLocale(tf, locale)) continue;
            Fields t = Fields.of(tf.node(), Vocabulary.FAMILY_TRANSLATION_FIELDS, problems, "family translation");
            if (t == null) continue;
            String tn = t.optionalText("name");
            if (tn != null) names.put(locale, new Text(tn, locale));
            String tt = t.optionalText("title");
            if (tt != null) titles.put(locale, new Text(tt, locale));
            String td = t.optionalText("description");
            if (td != null) descriptions.put(locale, new Text(td, locale));
            t.textMap("groups", false).forEach((k, v) -> {
                if (groupNames.get(locale).containsKey(k)) groupNames.get(locale).put(k, new Text(v.value(), locale));
                else problems.add(v.location(), "group '" + k + "' does not exist in " + raw.family().path());
            });
            factReader.translation(t, locale, facts, raw.family().path());
            patterns.put(locale, familyPatterns(t, locale, patterns.get(defaultLocale)));
            labels.put(locale, translatedLabels(t, locale, labels.get(defaultLocale), audiences));
        }
        for (String locale : locales) {
            if (locale.equals(defaultLocale)) continue;
            boolean translated = raw.familyTranslations().stream()
                    .anyMatch(tf -> tf.stem().equals(SourceLoader.FAMILY_FILE + "." + locale));
            if (!translated && (!facts.isEmpty() || !patterns.get(defaultLocale).isEmpty() || !labels.get(defaultLocale).isEmpty())) {
                problems.add(Location.fileStart(raw.family().path()), "the family's facts, patterns and labels have no " + locale
                        + " names: add " + raw.folder() + "/" + SourceLoader.FAMILY_FILE + "." + locale + ".yaml");
            }
        }
        List<Group> builtGroups = groups.stream().map(g -> {
            Map<String, Text> localized = new TreeMap<>();
            for (String l : locales) localized.put(l, groupNames.get(l).get(g.key()));
            return new Group(g.key(), localized, g.facts());
        }).toList();

        Map<String, CodeDraft> codes = new TreeMap<>();
        Map<String, Location> seen = new TreeMap<>();
        for (RawFile cf : raw.codes()) {
            CodeDraft c = readCode(cf, codePattern, groupBy, groups, factReader, facts, seen, audiences);
            if (c != null) codes.put(c.id(), c);
        }
        Set<String> codeFiles = new TreeSet<>(raw.codeNames());
        for (RawFile tf : raw.translations()) {
            readTranslation(tf, codes, codeFiles, audiences);
        }
        var notes = new PairNoteReader(problems, locales).read(raw.pairNotes(), codes.keySet(), codeFiles);
        PairSelection pairs = pairs(f, codes, notes.keySet(), codeFiles);
        return new Draft(id, names, titles, descriptions, builtGroups, facts, patterns, codes, notes, pairs, index(f, facts),
                audiences, labels, alternatives(f, facts));
    }

    /**
     * {@code audiences:} of the family file: the readers a code's {@code fix} speaks to, each
     * {@code {id, label}}, in the order pages show them; the English labels go into
     * {@code labels} as {@code fix.<id>}. Without it, {@link Vocabulary#DEFAULT_AUDIENCES},
     * headed by the locale's {@code fix.<id>} labels.
     */
    private List<String> audiences(Fields f, Map<String, Map<String, Text>> labels) {
        Map<String, Text> english = new LinkedHashMap<>();
        labels.put(defaultLocale, english);
        if (!f.contains("audiences")) return Vocabulary.DEFAULT_AUDIENCES;
        List<String> out = new ArrayList<>();
        for (YamlNode n : f.nodes("audiences", true)) {
            Fields a = Fields.of(n, Vocabulary.AUDIENCE_FIELDS, problems, "audience");
            if (a == null) continue;
            String id = a.text("id");
            String label = a.text("label");
            if (id == null) continue;
            if (!AUDIENCE_ID.matcher(id).matches()) {
                problems.add(a.at("id"), "audience id '" + id + "' is a key of fix in code files and of the JSON export:"
                        + " write letters and digits, starting with a letter (like admin)");
            } else if (out.contains(id)) {
                problems.add(a.at("id"), "audience '" + id + "' is declared twice");
            } else {
                out.add(id);
                if (label != null) english.put("fix." + id, new Text(label, defaultLocale));
            }
        }
        if (out.isEmpty()) {
            problems.add(f.at("audiences"), "audiences needs at least one entry ({id: sender, label: If you sent the message});"
                    + " leave it out for the default audiences " + String.join(", ", Vocabulary.DEFAULT_AUDIENCES));
            return Vocabulary.DEFAULT_AUDIENCES;
        }
        return List.copyOf(out);
    }

    /** An audience id: a key of {@code fix} and of the JSON export. */
    private static final Pattern AUDIENCE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /**
     * {@code labels:} of a family file or its translation: locale labels its pages say in its own
     * words ({@link Vocabulary#FAMILY_LABELS}), each with the placeholders the locale's has. A
     * translation must give every label the family file gives ({@code english}).
     */
    private Map<String, Text> familyLabels(Fields f, String locale, Map<String, Text> english) {
        Map<String, Text> out = new TreeMap<>();
        Map<String, Fields.Item> given = f.textMap("labels", false);
        for (var e : given.entrySet()) {
            String key = e.getKey();
            if (!Vocabulary.FAMILY_LABELS.contains(key)) {
                problems.add(e.getValue().location(), "'" + key + "' is not a label a family can say in its own words; it can: "
                        + String.join(", ", Vocabulary.FAMILY_LABELS) + SiteValidator.hint(key, Set.copyOf(Vocabulary.FAMILY_LABELS)));
                continue;
            }
            if (english != null && !english.containsKey(key)) {
                problems.add(e.getValue().location(), "label '" + key + "' is not in the family file; add it there first");
                continue;
            }
            Set<String> allowed = RequiredLabels.placeholders(key);
            Set<String> used = dev.versus.model.Labels.placeholders(e.getValue().value());
            Set<String> unknown = new TreeSet<>(used);
            if (allowed != null) unknown.removeAll(allowed);
            if (!unknown.isEmpty()) {
                problems.add(e.getValue().location(), "label '" + key + "' uses {" + unknown.iterator().next()
                        + "}, which it does not provide; available: "
                        + (allowed == null || allowed.isEmpty() ? "none" : "{" + String.join("}, {", allowed) + "}"));
                continue;
            }
            out.put(key, new Text(e.getValue().value(), locale));
        }
        if (english != null) {
            for (String key : english.keySet()) {
                if (key.startsWith("fix.") || given.containsKey(key)) continue;
                problems.add(f.has("labels") ? f.at("labels") : f.location(), "missing " + locale + " label '" + key
                        + "', which the family file has");
            }
        }
        return out;
    }

    /**
     * A family translation's labels: its audiences' headings ({@code audiences: {id: label}}) and
     * its {@code labels:}, each one the family file has, none missing.
     */
    private Map<String, Text> translatedLabels(Fields t, String locale, Map<String, Text> english, List<String> audiences) {
        Map<String, Text> out = new TreeMap<>(familyLabels(t, locale, english));
        Map<String, Fields.Item> given = t.textMap("audiences", false);
        for (var e : given.entrySet()) {
            if (!english.containsKey("fix." + e.getKey())) {
                Set<String> declared = new TreeSet<>();
                english.keySet().stream().filter(k -> k.startsWith("fix.")).forEach(k -> declared.add(k.substring(4)));
                problems.add(e.getValue().location(), "audience '" + e.getKey() + "' is not declared in the family file"
                        + (declared.isEmpty() ? " (it declares no audiences: the locale's fix." + e.getKey() + " heads them)"
                        : "; it declares " + String.join(", ", declared) + SiteValidator.hint(e.getKey(), declared)));
                continue;
            }
            out.put("fix." + e.getKey(), new Text(e.getValue().value(), locale));
        }
        for (String audience : audiences) {
            if (english.containsKey("fix." + audience) && !given.containsKey(audience)) {
                problems.add(t.has("audiences") ? t.at("audiences") : t.location(), "missing " + locale + " label of audience '"
                        + audience + "', which the family file declares (audiences: {" + audience + ": …})");
            }
        }
        return out;
    }

    /**
     * {@code index:}: how the family's index page names its groups ({@code groupedBy}, a one-of
     * fact whose label says what the groups are) and which fact it shows beside each code
     * ({@code column}). Both optional.
     */
    private Family.Index index(Fields f, List<FactReader.Draft> facts) {
        if (!f.has("index")) return Family.Index.DEFAULT;
        Fields index = Fields.of(f.node("index"), Vocabulary.INDEX_FIELDS, problems, "family index");
        if (index == null) return Family.Index.DEFAULT;
        String groupedBy = indexFact(index, "groupedBy", facts);
        if (groupedBy != null && facts.stream().anyMatch(d -> d.id.equals(groupedBy) && d.kind != dev.versus.model.Fact.Kind.ONE_OF)) {
            problems.add(index.at("groupedBy"), "index.groupedBy names the fact whose values the groups are, so it must"
                    + " be a fact of kind one-of; '" + groupedBy + "' is not");
        }
        String column = indexFact(index, "column", facts);
        if (column != null && facts.stream().anyMatch(d -> d.id.equals(column) && d.kind == dev.versus.model.Fact.Kind.CODES)) {
            problems.add(index.at("column"), "index.column cannot show a fact of kind codes ('" + column
                    + "'): its codes are listed on each code page; name another fact");
        }
        return new Family.Index(groupedBy, column);
    }

    /**
     * {@code alternatives:}: the fact (one-of or several-of) two codes must share a value of before
     * a server is told to weigh one against the other ({@code commands}: codes that answer
     * different commands are never alternatives). Optional.
     */
    private String alternatives(Fields f, List<FactReader.Draft> facts) {
        String id = f.optionalText("alternatives");
        if (id == null) return null;
        FactReader.Draft d = facts.stream().filter(x -> x.id.equals(id)).findFirst().orElse(null);
        if (d == null) {
            Set<String> declared = new TreeSet<>();
            facts.forEach(x -> declared.add(x.id));
            problems.add(f.at("alternatives"), "alternatives '" + id + "' is not a fact of this family"
                    + SiteValidator.hint(id, declared));
            return null;
        }
        if (d.kind != dev.versus.model.Fact.Kind.ONE_OF && d.kind != dev.versus.model.Fact.Kind.SEVERAL_OF) {
            problems.add(f.at("alternatives"), "alternatives names a fact whose values two codes share, so it must be of"
                    + " kind one-of or several-of; '" + id + "' is not");
            return null;
        }
        return id;
    }

    /** A fact named in {@code index:}, or null (with an error if it is not declared). */
    private String indexFact(Fields index, String key, List<FactReader.Draft> facts) {
        String id = index.optionalText(key);
        if (id == null) return null;
        Set<String> declared = new TreeSet<>();
        facts.forEach(d -> declared.add(d.id));
        if (!declared.contains(id)) {
            problems.add(index.at(key), "index." + key + " '" + id + "' is not a fact of this family"
                    + SiteValidator.hint(id, declared));
            return null;
        }
        return id;
    }

    /**
     * {@code pairs:}: which pairs get a comparison page. {@code all} (the default), {@code group}
     * (codes of one group), {@code related} (one of the two names the other in {@code related}),
     * or a list of pairs ({@code 421-vs-552}); pairs with a note ({@code noted}) always.
     */
    private PairSelection pairs(Fields f, Map<String, CodeDraft> codes, Set<String> noted, Set<String> codeFiles) {
        YamlNode n = f.has("pairs") ? f.node("pairs") : null;
        if (n == null) return PairSelection.ALL;
        Set<String> slugs = new TreeSet<>(noted);
        if (n instanceof YamlNode.Sequence) {
            Map<String, Location> seen = new TreeMap<>();
            if (((YamlNode.Sequence) n).items().isEmpty()) {
                problems.add(n.location(), "list at least one pair (421-vs-552), or write pairs: all");
            }
            for (Fields.Item item : f.list("pairs", false)) {
                String[] parts = item.value().split("-vs-", -1);
                if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                    problems.add(item.location(), "pair '" + item.value() + "' must name two codes as <a>-vs-<b>, like 421-vs-552");
                    continue;
                }
                boolean known = true;
                for (String c : parts) {
                    if (!codes.containsKey(c)) {
                        // A code whose file has errors is reported there; only a code with no file is reported here.
                        if (!codeFiles.contains(c)) problems.add(item.location(), "pair '" + item.value() + "' names code "
                                + c + ", which the family does not have" + SiteValidator.hint(c, codes.keySet()));
                        known = false;
                    }
                }
                if (!known) continue;
                if (parts[0].equals(parts[1])) {
                    problems.add(item.location(), "pair '" + item.value() + "' compares a code with itself");
                    continue;
                }
                String slug = dev.versus.model.CodeOrder.INSTANCE.compare(parts[0], parts[1]) < 0
                        ? parts[0] + "-vs-" + parts[1] : parts[1] + "-vs-" + parts[0];
                Location first = seen.putIfAbsent(slug, item.location());
                if (first != null) {
                    problems.add(item.location(), "pair '" + item.value() + "' is listed twice (first at " + first + ")");
                    continue;
                }
                slugs.add(slug);
            }
            return new PairSelection(PairSelection.Rule.LIST, slugs);
        }
        String written = f.text("pairs");
        if (written == null) return PairSelection.ALL;
        PairSelection.Rule rule = PairSelection.Rule.of(written);
        if (rule == null) {
            problems.add(n.location(), "pairs '" + TerminalText.quoted(written) + "' is not one of " + Vocabulary.PAIR_RULES
                    + " or a list of pairs (421-vs-552)" + SiteValidator.hint(written, Set.copyOf(Vocabulary.PAIR_RULES)));
            return PairSelection.ALL;
        }
        if (rule == PairSelection.Rule.ALL) return PairSelection.ALL;
        List<String> ids = new ArrayList<>(codes.keySet());
        ids.sort(dev.versus.model.CodeOrder.INSTANCE);
        for (int i = 0; i < ids.size(); i++) {
            CodeDraft a = codes.get(ids.get(i));
            for (int j = i + 1; j < ids.size(); j++) {
                CodeDraft b = codes.get(ids.get(j));
                boolean in = rule == PairSelection.Rule.GROUP ? a.group().equals(b.group())
                        : names(a, b.id()) || names(b, a.id());
                if (in) slugs.add(a.id() + "-vs-" + b.id());
            }
        }
        return new PairSelection(rule, slugs);
    }

    private static boolean names(CodeDraft c, String other) {
        return c.related().stream().anyMatch(r -> r.value().equals(other));
    }

    /**
     * The family's own sentence patterns ({@code patterns:}), which replace the locale's
     * {@code pattern.<name>} on its pages; each must be a pattern Versus fills, with its
     * placeholders. With {@code english}, a translation: the same names as the default locale.
     */
    private Map<String, Text> familyPatterns(Fields f, String locale, Map<String, Text> english) {
        Map<String, Text> out = new TreeMap<>();
        Map<String, Fields.Item> given = f.textMap("patterns", false);
        for (var e : given.entrySet()) {
            Set<String> allowed = RequiredLabels.placeholders("pattern." + e.getKey());
            if (allowed == null) {
                Set<String> known = new TreeSet<>();
                RequiredLabels.keys().stream().filter(k -> k.startsWith("pattern.")).forEach(k -> known.add(k.substring(8)));
                problems.add(e.getValue().location(), "'" + e.getKey() + "' is not a sentence pattern a family can replace"
                        + SiteValidator.hint(e.getKey(), known));
                continue;
            }
            if (english != null && !english.containsKey(e.getKey())) {
                problems.add(e.getValue().location(), "pattern '" + e.getKey() + "' is not in the family file; add it there first");
                continue;
            }
            boolean ok = true;
            for (String used : dev.versus.model.Labels.placeholders(e.getValue().value())) {
                if (!allowed.contains(used)) {
                    problems.add(e.getValue().location(), "pattern '" + e.getKey() + "' uses {" + used
                            + "}, which it does not provide; available: "
                            + (allowed.isEmpty() ? "none" : "{" + String.join("}, {", allowed) + "}"));
                    ok = false;
                }
            }
            if (ok) out.put(e.getKey(), new Text(e.getValue().value(), locale));
        }
        if (english != null) {
            for (String name : english.keySet()) {
                if (!given.containsKey(name)) {
                    problems.add(f.has("patterns") ? f.at("patterns") : f.location(), "missing " + locale + " pattern '"
                            + name + "', which the family file has");
                }
            }
        }
        return out;
    }

    private record GroupDraft(String key, String name, Map<String, List<String>> facts) {}

    private List<GroupDraft> readGroups(Fields f, FactReader factReader, List<FactReader.Draft> facts) {
        List<GroupDraft> out = new ArrayList<>();
        Set<String> known = new TreeSet<>(Vocabulary.GROUP_FIELDS);
        facts.forEach(d -> known.add(d.id));
        for (YamlNode n : f.nodes("groups", true)) {
            Fields g = Fields.of(n, known, problems, "group");
            if (g == null) continue;
            String key = g.text("key");
            String name = g.text("name");
            Map<String, List<String>> defaults = new TreeMap<>();
            for (FactReader.Draft d : facts) {
                List<String> v = factReader.values(g, d);
                if (v != null) defaults.put(d.id, v);
            }
            if (key != null && out.stream().anyMatch(x -> x.key().equals(key))) {
                problems.add(g.at("key"), "group '" + key + "' is defined twice");
            } else if (key != null && name != null) {
                out.add(new GroupDraft(key, name, defaults));
            }
        }
        return out;
    }

    /**
     * A regular expression written in content ({@code codePattern}, {@code groupBy}), compiled for
     * RE2/J, which matches in time linear in the input: on Java's backtracking engine
     * {@code ((a+)+)+b} against forty {@code a}s ran for minutes. RE2 syntax is Java's without
     * backreferences and lookaround, which a code pattern has no use for.
     */
    private com.google.re2j.Pattern regex(Fields f, String key, int groups) {
        String text = f.text(key);
        if (text == null) return null;
        if (text.length() > REGEX_CHARS) {
            problems.add(f.at(key), key + " is " + text.length() + " characters long, more than the limit of " + REGEX_CHARS
                    + " for a regular expression; a code pattern is short, such as '[2-5][0-9][0-9]'");
            return null;
        }
        try {
            com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(text);
            if (p.groupCount() < groups) {
                problems.add(f.at(key), key + " needs a capture group ( ) around the part that selects the group");
                return null;
            }
            return p;
        } catch (com.google.re2j.PatternSyntaxException e) {
            problems.add(f.at(key), key + " is not a valid regular expression: " + e.getDescription()
                    + (e.getPattern() != null && !e.getPattern().isEmpty() ? " at '" + e.getPattern() + "'" : "")
                    + " (backreferences and lookaround are not supported: patterns are matched in linear time)");
            return null;
        }
    }

    /** Characters in a regular expression from content. */
    static final int REGEX_CHARS = 500;

    private boolean checkLocale(RawFile f, String locale) {
        if (locale.equals(defaultLocale)) {
            problems.add(Location.fileStart(f.path()), "translation into the default locale '" + locale
                    + "'; the default text belongs in the main file");
            return false;
        }
        if (!locales.contains(locale)) {
            problems.add(Location.fileStart(f.path()), "translation for unknown locale '" + locale + "'; site.yaml lists "
                    + locales);
            return false;
        }
        return true;
    }

    private CodeDraft readCode(RawFile file, com.google.re2j.Pattern codePattern, com.google.re2j.Pattern groupBy,
                               List<GroupDraft> groups,
                               FactReader factReader, List<FactReader.Draft> facts, Map<String, Location> seen,
                               List<String> audiences) {
        Set<String> known = new TreeSet<>(Vocabulary.CODE_FIELDS);
        facts.forEach(d -> known.add(d.id));
        Fields f = Fields.of(file.node(), known, problems, "code file");
        if (f == null) return null;
        String code = f.text("code");
        String group = null;
        if (code != null) {
            Location first = seen.putIfAbsent(code, f.at("code"));
            if (first != null) {
                problems.add(f.at("code"), "duplicate code " + code + ": already defined at " + first
                        + "; the code must match the file name, here '" + file.stem() + "'");
                return null;
            }
            if (!codePattern.matcher(code).matches()) {
                problems.add(f.at("code"), "code '" + code + "' does not match the family's codePattern "
                        + codePattern.pattern());
                code = null;
            } else if (!SAFE_CODE.matcher(code).matches() || code.contains("-vs-")) {
                // The family's own pattern may be too permissive ('.*'); this is what keeps a code
                // usable as a folder name in every page address.
                problems.add(f.at("code"), "code '" + code + "' is part of page addresses, so it may contain only letters,"
                        + " digits and single . _ - between them, and not '-vs-'; tighten the family's codePattern");
                code = null;
            } else if (!code.equals(file.stem())) {
                problems.add(f.at("code"), "code '" + code + "' must match its file name; rename "
                        + file.path() + " to " + code + ".yaml or fix the code");
            } else {
                com.google.re2j.Matcher m = groupBy.matcher(code);
                String key = m.find() ? m.group(1) : null;
                if (key == null || groups.stream().noneMatch(g -> g.key().equals(key))) {
                    problems.add(f.at("code"), "code " + code + " falls in group '" + key + "', which the family does not define;"
                            + " known groups: " + groups.stream().map(GroupDraft::key).toList());
                } else {
                    group = key;
                }
            }
        }
        CodeText english = readText(f, defaultLocale, null, audiences);
        // Each fact: the code's own value, else its group's; a fact that is not optional needs one.
        Map<String, List<String>> values = new TreeMap<>();
        boolean factsOk = true;
        String groupKey = group;
        GroupDraft g = groups.stream().filter(x -> x.key().equals(groupKey)).findFirst().orElse(null);
        for (FactReader.Draft d : facts) {
            if (d.kind == null) continue;
            List<String> own = factReader.values(f, d);
            if (d.kind == dev.versus.model.Fact.Kind.CODES) {
                // Only the sets of codes (any, a class) are written; the codes come from seeAlso.
                if (own != null && !own.isEmpty()) values.put(d.id, own);
                continue;
            }
            List<String> v = own != null ? own : g == null ? null : g.facts().get(d.id);
            if (v != null) {
                values.put(d.id, v);
            } else if (!d.optional && g != null) {
                problems.add(f.location(), "code " + code + " has no value for fact '" + d.id + "': write " + d.id
                        + ": in " + file.path() + ", or give group '" + g.key() + "' a default in _family.yaml"
                        + (d.kind.listed() ? " (one of " + d.values + ")" : ""));
                factsOk = false;
            }
        }
        List<Fields.Item> related = f.list("related", true);
        List<Fields.Item> seeAlso = f.list("seeAlso", false);
        List<Reference> references = new ArrayList<>();
        List<YamlNode> refs = f.nodes("references", true);
        if (refs.isEmpty() && f.has("references")) {
            problems.add(f.at("references"), "list at least one reference (the RFC section that defines the code)");
        }
        for (YamlNode n : refs) {
            Fields r = Fields.of(n, Vocabulary.REFERENCE_FIELDS, problems, "reference");
            if (r == null) continue;
            String title = r.text("title");
            String url = r.text("url");
            if (url != null && !REFERENCE_URL.matcher(url).matches()) {
                problems.add(r.at("url"), "reference url must be an https:// URL without spaces, found '" + url + "'");
            } else if (title != null && url != null) {
                references.add(new Reference(title, url));
            }
        }
        Map<String, List<String>> aliases = new TreeMap<>();
        List<String> own = aliases(f);
        if (!own.isEmpty()) aliases.put(defaultLocale, own);
        List<Example> examples = new ArrayList<>(examples(f, defaultLocale, code, references));
        if (code == null || group == null || english == null || !factsOk) return null;
        Map<String, CodeText> texts = new TreeMap<>();
        for (String l : locales) texts.put(l, english);
        return new CodeDraft(code, group, texts, values, related, seeAlso, references, f.location(), aliases, examples);
    }

    /** Longest alias accepted: an alias is a phrase people type or see, not a sentence. */
    static final int MAX_ALIAS = 60;

    /** {@code aliases}: short phrases, each once (compared without case). */
    private List<String> aliases(Fields f) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Fields.Item a : f.list(Vocabulary.ALIASES, false)) {
            String v = a.value().replaceAll("\\s+", " ");
            if (v.length() > MAX_ALIAS) {
                problems.add(a.location(), "alias is " + v.length() + " characters long; an alias is a short phrase people"
                        + " search for (at most " + MAX_ALIAS + "); put whole reply texts under examples");
            } else if (!seen.add(v.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(a.location(), "alias '" + v + "' is listed twice");
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * {@code examples}: real reply texts, each containing the code as servers write it (an X in
     * the code stands for the class digit) and citing one of the code's references.
     */
    private List<Example> examples(Fields f, String locale, String code, List<Reference> references) {
        List<Example> out = new ArrayList<>();
        Pattern mention = code == null ? null : Pattern.compile("(?<![0-9.])"
                + Pattern.quote(code).replace("X", "\\E[0-9]\\Q") + "(?![0-9])");
        Set<String> urls = new TreeSet<>();
        references.forEach(r -> urls.add(r.url()));
        for (YamlNode n : f.nodes(Vocabulary.EXAMPLES, false)) {
            Fields e = Fields.of(n, Vocabulary.EXAMPLE_FIELDS, problems, "example");
            if (e == null) continue;
            String text = e.text("text");
            String from = e.text("from");
            String source = e.text("source");
            boolean ok = text != null && from != null && source != null;
            if (text != null && mention != null && !mention.matcher(text).find()) {
                problems.add(e.at("text"), "example does not contain the code " + code
                        + "; quote the reply as the server sent it, code included");
                ok = false;
            }
            if (source != null && !urls.contains(source)) {
                problems.add(e.at("source"), "example source '" + TerminalText.quoted(source) + "' is not one of this code's references;"
                        + " add it under references (title and url) in the code file");
                ok = false;
            }
            if (ok) out.add(new Example(text.replaceAll("\\s+", " "), from, source, locale, e.at("text")));
        }
        return out;
    }

    /**
     * Reads the text fields of a code or translation file. With {@code fallback} null every
     * required field must be there (the English file); otherwise a missing field keeps the
     * fallback's text, still marked with its own language.
     */
    private CodeText readText(Fields f, String locale, CodeText fallback, List<String> audiences) {
        Text title = text(f, "title", locale, fallback == null ? null : fallback.title());
        Text summary = text(f, "summary", locale, fallback == null ? null : fallback.summary());
        Text description = text(f, "description", locale, fallback == null ? null : fallback.description());
        Text when = text(f, "when", locale, fallback == null ? null : fallback.when());
        String notesText = f.optionalText("notes");
        Text notes = notesText != null ? new Text(notesText, locale, f.at("notes"), Text.Freshness.ORIGINAL)
                : fallback == null ? null : fallback.notes();
        if (notesText != null && fallback != null && fallback.notes() == null) {
            problems.add(f.at("notes"), "'notes' has no English text to translate; add notes to the code file first");
        }
        Text use = optional(f, "use", locale, fallback == null ? null : fallback.use(), fallback != null);
        Map<String, Text> fix = new LinkedHashMap<>();
        Map<String, Fields.Item> given = f.textMap("fix", fallback == null);
        for (var e : given.entrySet()) {
            if (!audiences.contains(e.getKey())) {
                problems.add(e.getValue().location(), "fix '" + e.getKey() + "' is not an audience of this family ("
                        + String.join(", ", audiences) + ")" + SiteValidator.hint(e.getKey(), Set.copyOf(audiences)));
            } else if (fallback != null && !fallback.fix().containsKey(e.getKey())) {
                problems.add(e.getValue().location(), "fix '" + e.getKey() + "' has no English text to translate");
            }
        }
        if (fallback == null && given.isEmpty() && f.has("fix")) {
            problems.add(f.at("fix"), "fix needs at least one of " + String.join(", ", audiences));
        }
        for (String audience : audiences) {
            Fields.Item item = given.get(audience);
            if (item != null) fix.put(audience, new Text(item.value(), locale, item.location(), Text.Freshness.ORIGINAL));
            else if (fallback != null && fallback.fix().containsKey(audience)) fix.put(audience, fallback.fix().get(audience));
        }
        if (title == null || summary == null || description == null || when == null) return null;
        return new CodeText(title, summary, description, when, fix, notes, use);
    }

    /** An optional text field; a translation may not translate a field the English lacks. */
    private Text optional(Fields f, String key, String locale, Text fallback, boolean translation) {
        String v = f.optionalText(key);
        if (v != null && translation && fallback == null) {
            problems.add(f.at(key), "'" + key + "' has no English text to translate; add " + key + " to the code file first");
        }
        return v != null ? new Text(v, locale, f.at(key), Text.Freshness.ORIGINAL) : fallback;
    }

    private Text text(Fields f, String key, String locale, Text fallback) {
        if (fallback != null && !f.contains(key)) return fallback;
        String v = fallback != null ? f.textIfWritten(key) : f.text(key);
        return v == null ? null : new Text(v, locale, f.at(key), Text.Freshness.ORIGINAL);
    }

    private void readTranslation(RawFile file, Map<String, CodeDraft> codes, Set<String> codeFiles, List<String> audiences) {
        String locale = dev.versus.load.SourceLoader.localeSuffix(file.stem());
        String code = file.stem().substring(0, file.stem().length() - locale.length() - 1);
        if (!checkLocale(file, locale)) return;
        CodeDraft draft = codes.get(code);
        if (draft == null && !codeFiles.contains(code)) {
            problems.add(Location.fileStart(file.path()), "translation for unknown code '" + code + "'; there is no "
                    + code + ".yaml in this family" + SiteValidator.hint(code, codeFiles));
            return;
        }
        Fields f = Fields.of(file.node(), Vocabulary.TRANSLATION_FIELDS, problems, "translation file");
        if (f == null) return;
        Map<String, Fields.Item> sources = sourceHashes(f, Vocabulary.translatedFieldIds(audiences));
        if (draft == null) {
            // The code file has errors of its own, already reported; still report this file's own
            // problems now rather than after the code file is fixed.
            for (String key : Vocabulary.TEXT_FIELDS) {
                if (key.equals("fix")) f.textMap(key, false);
                else f.textIfWritten(key);
            }
            return;
        }
        List<String> localAliases = aliases(f);
        if (!localAliases.isEmpty()) draft.aliases().put(locale, localAliases);
        draft.examples().addAll(examples(f, locale, draft.id(), draft.references()));
        CodeText english = draft.texts().get(defaultLocale);
        CodeText translated = readText(f, locale, english, audiences);
        if (translated == null) return;
        Map<String, Text> englishFields = english.fields();
        Map<String, Text> fields = translated.fields();
        sources.forEach((field, hash) -> {
            Text t = fields.get(field);
            if (t == null || !t.lang().equals(locale)) {
                problems.add(hash.location(), "'" + Vocabulary.SOURCE + "." + field + "' records the English of a field this file"
                        + " does not translate; remove the line" + (englishFields.containsKey(field) ? ""
                        : " (the English has no '" + field + "' either)"));
            }
        });
        // Each translated field is compared with the English it was made from (docs/CONTENT-FORMAT.md).
        fields.replaceAll((field, t) -> {
            if (!t.lang().equals(locale)) return t;
            // A field the English lacks is already reported by readText; it has nothing to compare with.
            if (!englishFields.containsKey(field)) return t;
            Fields.Item recorded = sources.get(field);
            if (recorded == null) return t.withFreshness(Text.Freshness.UNSTAMPED);
            return t.withFreshness(SourceHash.matches(recorded.value(), englishFields.get(field).value())
                    ? Text.Freshness.CURRENT : Text.Freshness.STALE);
        });
        Map<String, Text> fix = new LinkedHashMap<>();
        translated.fix().keySet().forEach(a -> fix.put(a, fields.get("fix." + a)));
        draft.texts().put(locale, new CodeText(fields.get("title"), fields.get("summary"), fields.get("description"),
                fields.get("when"), fix, fields.get("notes"), fields.get("use")));
    }

    /** The {@code source} map of a translation file: field id → recorded hash, each checked. */
    private Map<String, Fields.Item> sourceHashes(Fields f, List<String> fieldIds) {
        Map<String, Fields.Item> out = new LinkedHashMap<>();
        f.textMap(Vocabulary.SOURCE, false).forEach((field, hash) -> {
            if (!fieldIds.contains(field)) {
                problems.add(hash.location(), "'" + Vocabulary.SOURCE + "." + field + "' is not a text field; known: "
                        + String.join(", ", fieldIds)
                        + SiteValidator.hint(field, Set.copyOf(fieldIds)));
            } else if (!SourceHash.FORMAT.matcher(hash.value()).matches()) {
                problems.add(hash.location(), "'" + Vocabulary.SOURCE + "." + field + "' must be the hash written by"
                        + " versus i18n (hex digits), found '" + hash.value() + "'; remove the line and run versus i18n stamp");
            } else {
                out.put(field, hash);
            }
        });
        return out;
    }
}
