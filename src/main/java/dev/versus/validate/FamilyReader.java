package dev.versus.validate;

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
                 Map<String, Map<String, Text>> commandLabels, Map<String, CodeDraft> codes,
                 Map<String, dev.versus.model.PairNote> notes) {
        Family build(Map<String, Set<CodeRef>> reverse) {
            List<Code> built = new ArrayList<>();
            for (CodeDraft c : codes.values()) {
                Set<CodeRef> links = new TreeSet<>(c.seeAlsoRefs());
                links.addAll(reverse.getOrDefault(id + ":" + c.id(), Set.of()));
                built.add(new Code(id, c.id(), c.group(), c.texts(), c.scope(), c.cause(), c.commands(),
                        c.related().stream().map(Fields.Item::value).toList(), List.copyOf(links), c.references(),
                        c.location(), c.aliases(), c.examples()));
            }
            return new Family(id, names, titles, descriptions, groups, commandLabels, built, notes);
        }
    }

    /** One code as read, with the locations of the values that are checked against other files. */
    record CodeDraft(String id, String group, Map<String, CodeText> texts, String scope, String cause,
                     List<String> commands, List<Fields.Item> related, List<Fields.Item> seeAlso,
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
        List<GroupDraft> groups = readGroups(f);
        Map<String, Fields.Item> commands = f.textMap("commands", true);
        if (id == null || name == null || title == null || description == null || codePattern == null || groupBy == null) {
            return null;
        }

        Map<String, Text> names = new TreeMap<>();
        Map<String, Text> titles = new TreeMap<>();
        Map<String, Text> descriptions = new TreeMap<>();
        Map<String, Map<String, Text>> groupNames = new TreeMap<>();
        Map<String, Map<String, Text>> commandLabels = new TreeMap<>();
        for (String locale : locales) {
            names.put(locale, new Text(name, defaultLocale));
            titles.put(locale, new Text(title, defaultLocale));
            descriptions.put(locale, new Text(description, defaultLocale));
            Map<String, Text> cl = new LinkedHashMap<>();
            commands.forEach((k, v) -> cl.put(k, new Text(v.value(), defaultLocale)));
            commandLabels.put(locale, cl);
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
            t.textMap("commands", false).forEach((k, v) -> {
                if (commandLabels.get(locale).containsKey(k)) commandLabels.get(locale).put(k, new Text(v.value(), locale));
                else problems.add(v.location(), "command '" + k + "' does not exist in " + raw.family().path());
            });
        }
        List<Group> builtGroups = groups.stream().map(g -> {
            Map<String, Text> localized = new TreeMap<>();
            for (String l : locales) localized.put(l, groupNames.get(l).get(g.key()));
            return new Group(g.key(), g.severity(), localized);
        }).toList();

        Map<String, CodeDraft> codes = new TreeMap<>();
        Map<String, Location> seen = new TreeMap<>();
        for (RawFile cf : raw.codes()) {
            CodeDraft c = readCode(cf, codePattern, groupBy, groups, commands.keySet(), seen);
            if (c != null) codes.put(c.id(), c);
        }
        Set<String> codeFiles = new TreeSet<>(raw.codeNames());
        for (RawFile tf : raw.translations()) {
            readTranslation(tf, codes, codeFiles);
        }
        var notes = new PairNoteReader(problems, locales).read(raw.pairNotes(), codes.keySet(), codeFiles);
        return new Draft(id, names, titles, descriptions, builtGroups, commandLabels, codes, notes);
    }

    private record GroupDraft(String key, String name, String severity) {}

    private List<GroupDraft> readGroups(Fields f) {
        List<GroupDraft> out = new ArrayList<>();
        for (YamlNode n : f.nodes("groups", true)) {
            Fields g = Fields.of(n, Vocabulary.GROUP_FIELDS, problems, "group");
            if (g == null) continue;
            String key = g.text("key");
            String name = g.text("name");
            String severity = g.optionalText("severity");
            if (severity != null && !Vocabulary.SEVERITIES.contains(severity)) {
                problems.add(g.at("severity"), "severity '" + severity + "' is not one of " + Vocabulary.SEVERITIES
                        + SiteValidator.hint(severity, Set.copyOf(Vocabulary.SEVERITIES)));
                severity = null;
            }
            if (key != null && out.stream().anyMatch(x -> x.key().equals(key))) {
                problems.add(g.at("key"), "group '" + key + "' is defined twice");
            } else if (key != null && name != null) {
                out.add(new GroupDraft(key, name, severity));
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
                               Set<String> commandIds, Map<String, Location> seen) {
        Fields f = Fields.of(file.node(), Vocabulary.CODE_FIELDS, problems, "code file");
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
        CodeText english = readText(f, defaultLocale, null);
        String scope = word(f, "scope", Vocabulary.SCOPES);
        String cause = word(f, "cause", Vocabulary.CAUSES);
        List<String> commands = new ArrayList<>();
        for (Fields.Item c : f.list("commands", true)) {
            if (!commandIds.contains(c.value())) {
                problems.add(c.location(), "'" + c.value() + "' is not a command of this family (known: "
                        + String.join(", ", commandIds) + ")" + SiteValidator.hint(c.value(), commandIds));
            } else if (commands.contains(c.value())) {
                problems.add(c.location(), "command '" + c.value() + "' is listed twice");
            } else {
                commands.add(c.value());
            }
        }
        // Session order, whatever order the author wrote them in.
        List<String> order = List.copyOf(commandIds);
        commands.sort((x, y) -> Integer.compare(order.indexOf(x), order.indexOf(y)));
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
        if (code == null || group == null || english == null || scope == null || cause == null) return null;
        Map<String, CodeText> texts = new TreeMap<>();
        for (String l : locales) texts.put(l, english);
        return new CodeDraft(code, group, texts, scope, cause, commands, related, seeAlso, references, f.location(),
                aliases, examples);
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
                problems.add(e.at("source"), "example source '" + source + "' is not one of this code's references;"
                        + " add it under references (title and url) in the code file");
                ok = false;
            }
            if (ok) out.add(new Example(text.replaceAll("\\s+", " "), from, source, locale, e.at("text")));
        }
        return out;
    }

    private String word(Fields f, String key, List<String> allowed) {
        String v = f.text(key);
        if (v != null && !allowed.contains(v)) {
            problems.add(f.at(key), key + " '" + v + "' is not one of " + allowed
                    + SiteValidator.hint(v, Set.copyOf(allowed)));
            return null;
        }
        return v;
    }

    /**
     * Reads the text fields of a code or translation file. With {@code fallback} null every
     * required field must be there (the English file); otherwise a missing field keeps the
     * fallback's text, still marked with its own language.
     */
    private CodeText readText(Fields f, String locale, CodeText fallback) {
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
            if (!Vocabulary.AUDIENCES.contains(e.getKey())) {
                problems.add(e.getValue().location(), "fix '" + e.getKey() + "' is not one of " + Vocabulary.AUDIENCES
                        + SiteValidator.hint(e.getKey(), Set.copyOf(Vocabulary.AUDIENCES)));
            } else if (fallback != null && !fallback.fix().containsKey(e.getKey())) {
                problems.add(e.getValue().location(), "fix '" + e.getKey() + "' has no English text to translate");
            }
        }
        if (fallback == null && given.isEmpty() && f.has("fix")) {
            problems.add(f.at("fix"), "fix needs at least one of " + Vocabulary.AUDIENCES);
        }
        for (String audience : Vocabulary.AUDIENCES) {
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

    private void readTranslation(RawFile file, Map<String, CodeDraft> codes, Set<String> codeFiles) {
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
        Map<String, Fields.Item> sources = sourceHashes(f);
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
        CodeText translated = readText(f, locale, english);
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
    private Map<String, Fields.Item> sourceHashes(Fields f) {
        Map<String, Fields.Item> out = new LinkedHashMap<>();
        f.textMap(Vocabulary.SOURCE, false).forEach((field, hash) -> {
            if (!Vocabulary.TRANSLATED_FIELD_IDS.contains(field)) {
                problems.add(hash.location(), "'" + Vocabulary.SOURCE + "." + field + "' is not a text field; known: "
                        + String.join(", ", Vocabulary.TRANSLATED_FIELD_IDS)
                        + SiteValidator.hint(field, Set.copyOf(Vocabulary.TRANSLATED_FIELD_IDS)));
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
