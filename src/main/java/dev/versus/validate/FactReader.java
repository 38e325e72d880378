package dev.versus.validate;

import dev.versus.diagnostics.TerminalText;
import dev.versus.diagnostics.Location;
import dev.versus.diagnostics.Problems;
import dev.versus.load.YamlNode;
import dev.versus.model.CodeSet;
import dev.versus.model.Fact;
import dev.versus.model.FactPatterns;
import dev.versus.model.FactText;
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
 * Reads the facts a family declares ({@code facts:} in {@code _family.yaml}, names and patterns
 * per locale in {@code _family.<locale>.yaml}) and the values codes and groups give them. Checks
 * everything the comparison engine and the pages rely on, so no content can fail the build once
 * {@code check} has passed: every value and form named in every locale, every pattern present in
 * every locale and using only placeholders its fact provides ({@link FactPatterns}), every value
 * one the fact allows.
 */
final class FactReader {
    private static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Set<String> DECLARATION = Set.of("id", "kind", "weight", "glance", "quick", "optional", "family",
            "join", "unlessDiffers", "values", "label", "patterns");
    private static final Set<String> TRANSLATION = Set.of("label", "values", "patterns");
    /** In a value's declaration: the value whose value-specific patterns it borrows, not a form. */
    static final String LIKE = "like";
    /** In a value's declaration: the values it stands for ({@code all}, or a list), not a form. */
    static final String COVERS = "covers";
    /** With {@code covers: all}: the values it does not stand for. */
    static final String EXCEPT = "except";
    /** In a covering value, every locale: its forms said of the rest of what it covers ("any other command"). */
    static final String OTHER = "other";
    static final String ALL = "all";
    private final Map<String, Location> likeAt = new LinkedHashMap<>();
    /** Value → its {@code covers:} and {@code except:} as written (default locale), checked once all values are read. */
    private final Map<String, YamlNode.Entry> coversAt = new LinkedHashMap<>();
    private final Map<String, YamlNode.Entry> exceptAt = new LinkedHashMap<>();
    /** Value → where its {@code other:} is (default locale). */
    private final Map<String, Location> otherAt = new LinkedHashMap<>();

    private final Problems problems;
    private final String defaultLocale;

    FactReader(Problems problems, String defaultLocale) {
        this.problems = problems;
        this.defaultLocale = defaultLocale;
    }

    /** A fact as declared, with its texts per locale filled in as the translations are read. */
    static final class Draft {
        final String id;
        final Fact.Kind kind;
        final List<String> values;
        final int weight;
        final boolean glance;
        final boolean quick;
        final boolean optional;
        final String family;
        final Location at;
        /** Forms each value has in the default locale: value → form → where. */
        final Map<String, Set<String>> forms = new LinkedHashMap<>();
        final Set<String> patterns = new TreeSet<>();
        final Map<String, FactText> texts = new TreeMap<>();
        /** Value → the value whose value-specific patterns it borrows ({@code like:}). */
        final Map<String, String> like = new TreeMap<>();
        /** Value → the values it covers ({@code covers:}, {@code except:}). */
        final Map<String, List<String>> covers = new TreeMap<>();
        /** Value → the forms of its {@code other:} in the default locale. */
        final Map<String, Set<String>> otherForms = new TreeMap<>();
        /** Whether a code's several values are alternatives ({@code join: or}). */
        boolean alternatives;
        /** The fact whose difference, where it also differs, is said instead of this one's ({@code unlessDiffers:}). */
        String unlessDiffers;
        /** The classes code files give this codes fact, checked against the other family's codes. */
        final List<ClassUse> classUses = new ArrayList<>();
        /** The codes without a page code files give this codes fact, checked against the other family's codes. */
        final List<ClassUse> unlistedUses = new ArrayList<>();

        Draft(String id, Fact.Kind kind, List<String> values, int weight, boolean glance, boolean quick, boolean optional,
              String family, Location at) {
            this.id = id;
            this.kind = kind;
            this.values = values;
            this.weight = weight;
            this.glance = glance;
            this.quick = quick;
            this.optional = optional;
            this.family = family;
            this.at = at;
        }

        Fact build() {
            return new Fact(id, kind, values, weight, glance, quick, optional, family, texts, like, covers, alternatives, unlessDiffers);
        }

        /** A fact with no texts, to ask {@link FactPatterns} about its kind and values. */
        Fact shape() {
            return new Fact(id, kind, values, weight, glance, quick, optional, family, Map.of(), like, covers, alternatives, unlessDiffers);
        }

        Set<String> allForms() {
            Set<String> out = new TreeSet<>();
            forms.values().forEach(out::addAll);
            out.add(FactText.VALUE);
            return out;
        }
    }

    /** The declarations of {@code facts:} in the family file, in order, with their default-locale texts. */
    List<Draft> declarations(Fields family, Set<String> reserved) {
        List<Draft> out = new ArrayList<>();
        Map<Draft, Location> unlessDiffersAt = new LinkedHashMap<>();
        for (YamlNode n : family.nodes("facts", false)) {
            Fields f = Fields.of(n, DECLARATION, problems, "fact");
            if (f == null) continue;
            String id = f.text("id");
            String kindText = f.text("kind");
            Fact.Kind kind = kindText == null ? null : Fact.Kind.of(kindText);
            if (kindText != null && kind == null) {
                List<String> kinds = java.util.Arrays.stream(Fact.Kind.values()).map(Fact.Kind::written).toList();
                problems.add(f.at("kind"), "fact kind '" + TerminalText.quoted(kindText) + "' is not one of " + kinds
                        + SiteValidator.hint(kindText, Set.copyOf(kinds)));
            }
            if (id != null && !ID.matcher(id).matches()) {
                problems.add(f.at("id"), "fact id '" + id + "' must be a letter followed by letters and digits (like"
                        + " severity or retrySafe): it names a field of every code file");
                id = null;
            } else if (id != null && reserved.contains(id)) {
                problems.add(f.at("id"), "fact id '" + id + "' is already a field of code files; choose another id");
                id = null;
            } else if (id != null && declared(out, id)) {
                problems.add(f.at("id"), "fact '" + id + "' is declared twice");
                id = null;
            }
            int weight = number(f, "weight");
            boolean glance = yesNo(f, "glance");
            boolean quick = yesNo(f, "quick");
            boolean optional = yesNo(f, "optional");
            String fam = kind == Fact.Kind.CODES ? f.text("family") : f.optionalText("family");
            if (fam != null && kind != Fact.Kind.CODES && kind != null) {
                problems.add(f.at("family"), "'family' is only for facts of kind codes");
            }
            if (quick && kind == Fact.Kind.CODES) {
                problems.add(f.at("quick"), "a fact of kind codes is not shown in the quick answer (its codes are"
                        + " listed as links on the code page); remove quick");
            }
            List<String> values = new ArrayList<>();
            Map<String, Map<String, Text>> valueTexts = new LinkedHashMap<>();
            Map<String, Set<String>> forms = new LinkedHashMap<>();
            Map<String, String> like = new TreeMap<>();
            Map<String, Map<String, Text>> otherTexts = new TreeMap<>();
            Map<String, List<String>> covers = new TreeMap<>();
            coversAt.clear();
            exceptAt.clear();
            otherAt.clear();
            if (kind != null && kind.listed()) {
                readValues(f, defaultLocale, null, valueTexts, forms, like, otherTexts);
                values.addAll(valueTexts.keySet());
                checkLike(f, like, values);
                covers(kind, values, covers, otherTexts, valueTexts);
                if (kind == Fact.Kind.YES_NO && !values.isEmpty() && !new TreeSet<>(values).equals(new TreeSet<>(Fact.YES_NO))) {
                    problems.add(f.at("values"), "a yes-no fact has exactly the values yes and no");
                }
                if (values.isEmpty() && f.has("values")) problems.add(f.at("values"), "list at least one value");
                else if (!f.contains("values")) problems.add(f.location(), "missing required field 'values' in fact (a "
                        + kind.written() + " fact lists the values it allows, each with its name)");
            } else if (kind == Fact.Kind.CODES && f.contains("values")) {
                // A codes fact lists codes, not values; its values name the sets of codes a code
                // file may give instead of listing them: any code, or a class such as 5XX.
                readValues(f, defaultLocale, null, valueTexts, forms, like, otherTexts);
                covers(kind, List.of(), covers, otherTexts, valueTexts);
                codeSetLabels(f, valueTexts);
                values.addAll(valueTexts.keySet());
                checkLike(f, like, values);
            } else if (kind != null && f.contains("values")) {
                problems.add(f.at("values"), "a " + kind.written() + " fact has no list of values");
            }
            String label = f.text("label");
            if (id == null) continue;
            // A fact with an unknown kind is still declared: its code fields and translations are
            // not reported again (one mistake, one error); the kind's error stops the build.
            Draft d = new Draft(id, kind, values, weight, glance, quick, optional, fam, f.location());
            d.alternatives = join(f, kind);
            d.unlessDiffers = f.optionalText("unlessDiffers");
            if (d.unlessDiffers != null) unlessDiffersAt.put(d, f.at("unlessDiffers"));
            out.add(d);
            if (kind == null || label == null) continue;
            d.forms.putAll(forms);
            d.like.putAll(like);
            d.covers.putAll(covers);
            otherTexts.forEach((v, fs) -> d.otherForms.put(v, new TreeSet<>(fs.keySet())));
            Map<String, Text> patterns = readPatterns(f, d, defaultLocale, null);
            d.texts.put(defaultLocale, new FactText(new Text(label, defaultLocale), valueTexts, patterns, otherTexts));
        }
        // unlessDiffers names another fact of the same family, once all are declared.
        unlessDiffersAt.forEach((d, at) -> {
            if (d.unlessDiffers.equals(d.id) || !declared(out, d.unlessDiffers)) {
                problems.add(at, "unlessDiffers names '" + TerminalText.quoted(d.unlessDiffers) + "', which is not another fact of this"
                        + " family" + SiteValidator.hint(d.unlessDiffers, new java.util.TreeSet<>(out.stream().map(x -> x.id)
                        .filter(java.util.Objects::nonNull).filter(x -> !x.equals(d.id)).toList())));
                d.unlessDiffers = null;
            }
        });
        return out;
    }

    /**
     * The labels of a codes fact's sets: only {@code any} and {@code class}; every form of
     * {@code class} says which class with {@code {class}}, and {@code any} has no placeholder.
     */
    private void codeSetLabels(Fields f, Map<String, Map<String, Text>> valueTexts) {
        YamlNode n = f.node("values");
        for (var it = valueTexts.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Location at = n instanceof YamlNode.Mapping m && m.entries().get(e.getKey()) != null
                    ? m.entries().get(e.getKey()).keyLocation() : f.at("values");
            if (e.getKey().equals(CodeSet.HELD)) {
                // The codes another code's set brings: {codes}, and the set ({class}) if it says it.
                for (var form : e.getValue().entrySet()) {
                    Set<String> used = new TreeSet<>(dev.versus.model.Labels.placeholders(form.getValue().value()));
                    if (!Set.of(CodeSet.CLASS_PLACEHOLDER, CodeSet.CODES_PLACEHOLDER).containsAll(used) || !used.contains(CodeSet.CODES_PLACEHOLDER)) {
                        problems.add(at, "form '" + form.getKey() + "' of value '" + CodeSet.HELD + "' must name the codes with {"
                                + CodeSet.CODES_PLACEHOLDER + "} (and may name the class with {" + CodeSet.CLASS_PLACEHOLDER + "}), found '"
                                + TerminalText.quoted(form.getValue().value()) + "'");
                    }
                }
                if (!e.getValue().containsKey(CodeSet.HELD_ALONE)) {
                    problems.add(at, "value '" + CodeSet.HELD + "' needs a form '" + CodeSet.HELD_ALONE
                            + "' beside 'value', said when the code has no pairings of its own");
                }
                continue;
            }
            if (!e.getKey().equals(CodeSet.ANY) && !e.getKey().equals(CodeSet.CLASS) && !e.getKey().equals(CodeSet.UNLISTED)) {
                problems.add(at, "value '" + e.getKey() + "' of a codes fact must be " + CodeSet.ANY + " (the name of \"any code\"), "
                        + CodeSet.CLASS + " (the name of \"any code of a class\", with {" + CodeSet.CLASS_PLACEHOLDER + "}) or "
                        + CodeSet.UNLISTED + " (the name of a code the family has no page for, with {" + CodeSet.CODE_PLACEHOLDER + "})");
                it.remove();
                continue;
            }
            for (var form : e.getValue().entrySet()) {
                Set<String> used = new TreeSet<>(dev.versus.model.Labels.placeholders(form.getValue().value()));
                String placeholder = e.getKey().equals(CodeSet.CLASS) ? CodeSet.CLASS_PLACEHOLDER
                        : e.getKey().equals(CodeSet.UNLISTED) ? CodeSet.CODE_PLACEHOLDER : null;
                Set<String> allowed = placeholder == null ? Set.of() : Set.of(placeholder);
                if (!allowed.containsAll(used) || (placeholder != null && used.isEmpty())) {
                    problems.add(at, "form '" + form.getKey() + "' of value '" + e.getKey() + "' "
                            + (placeholder != null ? "must name the " + (placeholder.equals(CodeSet.CODE_PLACEHOLDER) ? "code" : "class")
                            + " with {" + placeholder + "} and nothing else" : "takes no placeholder") + ", found '"
                            + TerminalText.quoted(form.getValue().value()) + "'");
                }
            }
        }
    }

    private static boolean declared(List<Draft> facts, String id) {
        return facts.stream().anyMatch(d -> d.id.equals(id));
    }

    /** The {@code facts:} map of a family translation: fact id → label, values, patterns. */
    void translation(Fields t, String locale, List<Draft> facts, String familyPath) {
        Map<String, YamlNode> given = new LinkedHashMap<>();
        YamlNode node = t.has("facts") ? t.node("facts") : null;
        if (node != null && !(node instanceof YamlNode.Mapping)) {
            problems.add(node.location(), "field 'facts' must be a map of fact ids, found " + node.kind());
            node = null;
        }
        Map<String, Location> keys = new LinkedHashMap<>();
        if (node instanceof YamlNode.Mapping m) {
            for (YamlNode.Entry e : m.entries().values()) {
                if (facts.stream().noneMatch(d -> d.id.equals(e.key()))) {
                    problems.add(e.keyLocation(), "fact '" + e.key() + "' is not declared in " + familyPath
                            + SiteValidator.hint(e.key(), facts.stream().map(d -> d.id).collect(java.util.stream.Collectors.toSet())));
                } else {
                    given.put(e.key(), e.value());
                    keys.put(e.key(), e.keyLocation());
                }
            }
        }
        for (Draft d : facts) {
            if (d.kind == null) continue;
            YamlNode n = given.get(d.id);
            if (n == null) {
                problems.add(node != null ? node.location() : t.location(), "fact '" + d.id + "' has no " + locale
                        + " names: add facts." + d.id + " with its label" + (!d.values.isEmpty() ? ", values" : "")
                        + (d.patterns.isEmpty() ? "" : " and patterns"));
                continue;
            }
            Fields f = Fields.of(n, TRANSLATION, problems, "fact translation");
            if (f == null) continue;
            String label = f.text("label");
            Map<String, Map<String, Text>> valueTexts = new LinkedHashMap<>();
            Map<String, Map<String, Text>> otherTexts = new TreeMap<>();
            if (d.kind.listed() || !d.values.isEmpty()) readValues(f, locale, d, valueTexts, null, null, otherTexts);
            if (d.kind == Fact.Kind.CODES) codeSetLabels(f, valueTexts);
            Map<String, Text> patterns = readPatterns(f, d, locale, d.patterns);
            if (label != null) d.texts.put(locale, new FactText(new Text(label, locale), valueTexts, patterns, otherTexts));
        }
    }

    /**
     * Reads {@code values}: value id → its plain name, or a map of forms with {@code value} among
     * them. With {@code declared}, the values and forms must be those of the default locale.
     */
    private void readValues(Fields f, String locale, Draft declared, Map<String, Map<String, Text>> out,
                            Map<String, Set<String>> forms, Map<String, String> like, Map<String, Map<String, Text>> others) {
        YamlNode n = f.has("values") ? f.node("values") : null;
        if (n == null) {
            if (declared != null) problems.add(f.location(), "missing required field 'values' in fact translation (the "
                    + locale + " name of each of " + declared.values + ")");
            return;
        }
        if (!(n instanceof YamlNode.Mapping m)) {
            problems.add(n.location(), "field 'values' must be a map of value → name, found " + n.kind());
            return;
        }
        for (YamlNode.Entry e : m.entries().values()) {
            if (declared == null && !ID.matcher(e.key()).matches() && !e.key().matches("[A-Z][A-Z0-9-]*")) {
                problems.add(e.keyLocation(), "value '" + e.key() + "' must be letters and digits (like transient or"
                        + " MAIL): code files write it");
                continue;
            }
            if (declared != null && !declared.values.contains(e.key())) {
                problems.add(e.keyLocation(), "value '" + e.key() + "' is not a value of fact '" + declared.id + "'"
                        + SiteValidator.hint(e.key(), Set.copyOf(declared.values)));
                continue;
            }
            Map<String, Text> one = new LinkedHashMap<>();
            if (e.value() instanceof YamlNode.Scalar s && s.value() != null && !s.value().isBlank()) {
                one.put(FactText.VALUE, new Text(s.value().strip(), locale));
            } else if (e.value() instanceof YamlNode.Mapping vm) {
                for (YamlNode.Entry fe : vm.entries().values()) {
                    if (fe.key().equals(LIKE) && declared == null && fe.value() instanceof YamlNode.Scalar s
                            && s.value() != null && !s.value().isBlank()) {
                        // Not a form: the value whose value-specific patterns this one borrows.
                        like.put(e.key(), s.value().strip());
                        likeAt.put(e.key(), fe.value().location());
                    } else if (fe.key().equals(LIKE) && declared != null) {
                        problems.add(fe.keyLocation(), "'like' belongs in " + defaultLocale + " declaration of the value, not in a"
                                + " translation: which value's patterns a value borrows is the same in every locale");
                    } else if ((fe.key().equals(COVERS) || fe.key().equals(EXCEPT)) && declared == null) {
                        // Not a form: which values this one stands for, checked once all are read.
                        (fe.key().equals(COVERS) ? coversAt : exceptAt).put(e.key(), fe);
                    } else if (fe.key().equals(COVERS) || fe.key().equals(EXCEPT)) {
                        problems.add(fe.keyLocation(), "'" + fe.key() + "' belongs in " + defaultLocale + " declaration of the value,"
                                + " not in a translation: which values a value covers is the same in every locale");
                    } else if (fe.key().equals(OTHER)) {
                        // Not a form: how the value is said of the rest of what it covers.
                        Map<String, Text> rest = otherForms(fe, e.key(), locale);
                        if (rest != null) others.put(e.key(), rest);
                        if (declared == null) otherAt.put(e.key(), fe.keyLocation());
                    } else if (!ID.matcher(fe.key()).matches()) {
                        problems.add(fe.keyLocation(), "form '" + fe.key() + "' must be a letter followed by letters and digits");
                    } else if (fe.value() instanceof YamlNode.Scalar s && s.value() != null && !s.value().isBlank()) {
                        one.put(fe.key(), new Text(s.value().strip(), locale));
                    } else {
                        problems.add(fe.value().location(), "form '" + fe.key() + "' of value '" + e.key()
                                + "' must be a non-empty text, found " + fe.value().kind());
                    }
                }
                if (!one.containsKey(FactText.VALUE)) {
                    problems.add(e.keyLocation(), "value '" + e.key() + "' needs its plain name as 'value:'");
                }
            } else {
                problems.add(e.value().location(), "value '" + e.key() + "' must be its name, or a map of forms with"
                        + " 'value:', found " + e.value().kind());
                continue;
            }
            if (declared != null) {
                Set<String> otherExpected = declared.otherForms.get(e.key());
                Map<String, Text> rest = others.get(e.key());
                if (otherExpected != null && rest == null) {
                    problems.add(e.keyLocation(), "value '" + e.key() + "' of fact '" + declared.id + "' has no " + locale
                            + " 'other:' forms, which " + defaultLocale + " has (how it is said of the rest of what it covers)");
                } else if (otherExpected == null && rest != null) {
                    problems.add(e.keyLocation(), "value '" + e.key() + "' of fact '" + declared.id + "' has 'other:' in " + locale
                            + " but not in " + defaultLocale + "; add it there first (with the values it covers)");
                    others.remove(e.key());
                } else if (rest != null && !rest.keySet().equals(otherExpected)) {
                    problems.add(e.keyLocation(), "the 'other:' forms of value '" + e.key() + "' are " + rest.keySet() + " in "
                            + locale + " but " + otherExpected + " in " + defaultLocale);
                }
                Set<String> expected = declared.forms.getOrDefault(e.key(), Set.of());
                for (String form : expected) {
                    if (!one.containsKey(form)) problems.add(e.keyLocation(), "value '" + e.key() + "' of fact '"
                            + declared.id + "' has no " + locale + " form '" + form + "', which " + defaultLocale + " has");
                }
                for (String form : one.keySet()) {
                    if (!expected.contains(form)) problems.add(e.keyLocation(), "value '" + e.key() + "' of fact '"
                            + declared.id + "' has a form '" + form + "' that " + defaultLocale + " does not have");
                }
            } else {
                forms.put(e.key(), new TreeSet<>(one.keySet()));
            }
            out.put(e.key(), one);
        }
        if (declared != null) {
            for (String v : declared.values) {
                if (!out.containsKey(v) && m.entries().get(v) == null) {
                    problems.add(n.location(), "value '" + v + "' of fact '" + declared.id + "' has no " + locale + " name");
                }
            }
        } else {
            // Every value of a fact has the same forms, so any pattern can be filled for any value.
            Set<String> all = new TreeSet<>();
            forms.values().forEach(all::addAll);
            forms.forEach((v, fs) -> {
                for (String form : all) {
                    if (!fs.contains(form)) {
                        problems.add(m.entries().get(v).keyLocation(), "value '" + v + "' has no form '" + form
                                + "', which other values of this fact have; every value needs the same forms");
                    }
                }
            });
        }
    }

    /** The forms under a value's {@code other:}: a map of forms, as the value's own. */
    private Map<String, Text> otherForms(YamlNode.Entry fe, String value, String locale) {
        if (!(fe.value() instanceof YamlNode.Mapping m) || m.entries().isEmpty()) {
            problems.add(fe.value().location(), "'other' of value '" + value + "' must be a map of forms (value:, and each"
                    + " other form the value has), found " + fe.value().kind());
            return null;
        }
        Map<String, Text> out = new TreeMap<>();
        for (YamlNode.Entry oe : m.entries().values()) {
            if (oe.value() instanceof YamlNode.Scalar s && s.value() != null && !s.value().isBlank()) {
                out.put(oe.key(), new Text(s.value().strip(), locale));
            } else {
                problems.add(oe.value().location(), "form '" + oe.key() + "' of 'other' of value '" + value
                        + "' must be a non-empty text, found " + oe.value().kind());
            }
        }
        return out;
    }

    /**
     * Reads the {@code covers:} and {@code except:} the values of a fact declare: {@code all} (every
     * value that covers none itself, but those named in {@code except}) or a list of the fact's
     * values. Only a several-of fact's values cover others, a covering value is covered by none,
     * and it says in {@code other:} how it is said of the rest of what it covers.
     */
    private void covers(Fact.Kind kind, List<String> values, Map<String, List<String>> out,
                        Map<String, Map<String, Text>> others, Map<String, Map<String, Text>> valueTexts) {
        for (var e : exceptAt.entrySet()) {
            if (!coversAt.containsKey(e.getKey())) {
                problems.add(e.getValue().keyLocation(), "'except' of value '" + e.getKey() + "' goes with 'covers: all',"
                        + " which it does not have");
            }
        }
        Set<String> covering = coversAt.keySet();
        for (var e : coversAt.entrySet()) {
            String value = e.getKey();
            YamlNode.Entry c = e.getValue();
            if (kind != Fact.Kind.SEVERAL_OF) {
                problems.add(c.keyLocation(), "'covers' is only for the values of a several-of fact (a code has one value of a "
                        + kind.written() + " fact)");
                continue;
            }
            List<String> covered = new ArrayList<>();
            if (c.value() instanceof YamlNode.Scalar sc && ALL.equals(sc.value())) {
                List<String> except = new ArrayList<>();
                YamlNode.Entry x = exceptAt.get(value);
                if (x != null) except = valueList(x, value, values, Set.of());
                for (String v : values) if (!v.equals(value) && !covering.contains(v) && !except.contains(v)) covered.add(v);
            } else if (c.value() instanceof YamlNode.Sequence) {
                if (exceptAt.containsKey(value)) {
                    problems.add(exceptAt.get(value).keyLocation(), "'except' goes with 'covers: all'; a list names only the"
                            + " values it covers");
                }
                covered = valueList(c, value, values, covering);
            } else {
                problems.add(c.value().location(), "'covers' of value '" + value + "' must be " + ALL + " or a list of values"
                        + " of this fact, found " + (c.value() instanceof YamlNode.Scalar sc ? "'" + TerminalText.quoted(
                        String.valueOf(sc.value())) + "'" : c.value().kind()));
                continue;
            }
            if (covered.isEmpty()) {
                problems.add(c.keyLocation(), "value '" + value + "' covers no other value; remove 'covers'");
                continue;
            }
            out.put(value, covered);
            Map<String, Text> rest = others.get(value);
            Set<String> forms = new TreeSet<>(valueTexts.getOrDefault(value, Map.of()).keySet());
            if (rest == null) {
                problems.add(c.keyLocation(), "value '" + value + "' covers other values, so it needs 'other:': its forms " + forms
                        + " said of the rest of what it covers, once some of that is said apart (\"any other command\")");
            } else if (!rest.keySet().equals(forms)) {
                problems.add(otherAt.getOrDefault(value, c.keyLocation()), "the 'other:' forms of value '" + value
                        + "' must be its own forms " + forms + ", found " + rest.keySet());
            }
        }
        for (String v : List.copyOf(others.keySet())) {
            if (!out.containsKey(v)) {
                if (!coversAt.containsKey(v)) {
                    problems.add(otherAt.get(v), "value '" + v + "' has 'other:' but covers no values; remove it or add 'covers'");
                }
                others.remove(v);
            }
        }
    }

    /** The values named in {@code covers:} or {@code except:}: each a value of the fact, and no covering one. */
    private List<String> valueList(YamlNode.Entry at, String owner, List<String> values, Set<String> covering) {
        List<String> out = new ArrayList<>();
        if (!(at.value() instanceof YamlNode.Sequence seq)) {
            problems.add(at.value().location(), "'" + at.key() + "' of value '" + owner + "' must be a list of values of this"
                    + " fact, found " + at.value().kind());
            return out;
        }
        for (YamlNode item : seq.items()) {
            String v = item instanceof YamlNode.Scalar s ? s.value() : null;
            if (v == null) {
                problems.add(item.location(), "'" + at.key() + "' lists values of this fact, found " + item.kind());
            } else if (!values.contains(v)) {
                problems.add(item.location(), "'" + TerminalText.quoted(v) + "' in '" + at.key() + "' of value '" + owner
                        + "' is not a value of this fact" + SiteValidator.hint(v, Set.copyOf(values)));
            } else if (v.equals(owner)) {
                problems.add(item.location(), "value '" + owner + "' cannot " + (at.key().equals(COVERS) ? "cover" : "except")
                        + " itself");
            } else if (covering.contains(v)) {
                problems.add(item.location(), "value '" + owner + "' cannot cover '" + v + "', which covers values itself;"
                        + " name the values directly");
            } else if (out.contains(v)) {
                problems.add(item.location(), "'" + v + "' is listed twice");
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** Each {@code like:} names another value of the same fact, one that borrows from none itself. */
    private void checkLike(Fields f, Map<String, String> like, List<String> values) {
        for (var e : Map.copyOf(like).entrySet()) {
            Location at = likeAt.getOrDefault(e.getKey(), f.location());
            String target = e.getValue();
            String problem = null;
            if (target.equals(e.getKey())) problem = "value '" + e.getKey() + "' cannot be like itself";
            else if (!values.contains(target)) problem = "value '" + e.getKey() + "' is like '" + TerminalText.quoted(target)
                    + "', which is not a value of this fact" + SiteValidator.hint(target, Set.copyOf(values));
            else if (like.containsKey(target)) problem = "value '" + e.getKey() + "' is like '" + target + "', which is itself like '"
                    + like.get(target) + "'; name '" + like.get(target) + "' directly";
            if (problem != null) {
                problems.add(at, problem);
                like.remove(e.getKey());
            }
        }
    }

    /** Reads {@code patterns}, checking names and placeholders; with {@code expected}, the same names as the default locale. */
    private Map<String, Text> readPatterns(Fields f, Draft d, String locale, Set<String> expected) {
        Map<String, Text> out = new TreeMap<>();
        Map<String, Fields.Item> given = f.textMap("patterns", false);
        Fact shape = d.shape();
        Set<String> forms = d.allForms();
        for (var e : given.entrySet()) {
            Set<String> allowed = FactPatterns.placeholders(shape, forms, e.getKey());
            if (allowed == null) {
                problems.add(e.getValue().location(), "'" + e.getKey() + "' is not a pattern a " + d.kind.written()
                        + " fact has; known: " + String.join(", ", FactPatterns.names(d.kind))
                        + SiteValidator.hint(e.getKey(), Set.copyOf(FactPatterns.names(d.kind))));
                continue;
            }
            // Declared, even if its placeholders are wrong: translations are not told it is missing.
            if (expected == null) d.patterns.add(e.getKey());
            if (expected != null && !expected.contains(e.getKey())) {
                problems.add(e.getValue().location(), "pattern '" + e.getKey() + "' of fact '" + d.id + "' is not in the "
                        + defaultLocale + " family file; add it there first");
                continue;
            }
            boolean ok = true;
            for (String used : dev.versus.model.Labels.placeholders(e.getValue().value())) {
                if (!allowed.contains(used)) {
                    problems.add(e.getValue().location(), "pattern '" + e.getKey() + "' of fact '" + d.id + "' uses {" + used
                            + "}, which it does not provide; available: {" + String.join("}, {", allowed) + "}");
                    ok = false;
                }
            }
            if (ok) out.put(e.getKey(), new Text(e.getValue().value(), locale));
        }
        if (expected != null) {
            for (String name : expected) {
                if (!given.containsKey(name)) {
                    problems.add(f.has("patterns") ? f.at("patterns") : f.location(), "fact '" + d.id + "' has no " + locale
                            + " pattern '" + name + "', which " + defaultLocale + " has");
                }
            }
        }
        return out;
    }

    private int number(Fields f, String key) {
        String v = f.text(key);
        if (v == null) return 0;
        if (!v.matches("[0-9]{1,6}")) {
            problems.add(f.at(key), key + " must be a whole number (0 to 999999), found '" + TerminalText.quoted(v) + "'");
            return 0;
        }
        return Integer.parseInt(v);
    }

    private boolean yesNo(Fields f, String key) {
        String v = f.optionalText(key);
        if (v == null) return false;
        if (!v.equals("true") && !v.equals("false")) {
            problems.add(f.at(key), key + " must be true or false, found '" + TerminalText.quoted(v) + "'");
            return false;
        }
        return v.equals("true");
    }

    /**
     * {@code join:} of a several-of fact: {@code and} (the default: a code has all its values, "sent
     * in reply to MAIL and RCPT") or {@code or} (its values are alternatives, one of them in each
     * reply: "concerns the order of the commands or a command the server does not implement").
     */
    private boolean join(Fields f, Fact.Kind kind) {
        String v = f.optionalText("join");
        if (v == null) return false;
        if (kind != null && kind != Fact.Kind.SEVERAL_OF) {
            problems.add(f.at("join"), "'join' is only for facts of kind several-of (how a code's several values are said)");
            return false;
        }
        if (!v.equals("and") && !v.equals("or")) {
            problems.add(f.at("join"), "join must be 'and' (a code has all its values) or 'or' (its values are"
                    + " alternatives), found '" + TerminalText.quoted(v) + "'");
            return false;
        }
        return v.equals("or");
    }

    /** A class a code file gives a codes fact, to check against the other family's codes once all are read. */
    record ClassUse(Location at, String written) {}

    /**
     * What a code file writes under a codes fact: the sets of the other family's codes it travels
     * with that are not a list ({@code any}, or a class such as {@code 5XX}); the codes themselves
     * come from {@code seeAlso}. Each written value needs its label ({@code values.any},
     * {@code values.class}) in the fact's declaration. Stored as {@link CodeSet} values.
     */
    private List<String> codeSets(Fields f, Draft d) {
        List<String> out = new ArrayList<>();
        List<Fields.Item> items = f.list(d.id, false);
        boolean any = items.stream().anyMatch(i -> i.value().equals(CodeSet.ANY));
        for (Fields.Item item : items) {
            String v = item.value();
            String label = v.equals(CodeSet.ANY) ? CodeSet.ANY : CodeSet.isClass(v) ? CodeSet.CLASS
                    : v.matches("[0-9][0-9A-Za-z.]*") && !v.matches(".*[xX]") ? CodeSet.UNLISTED : null;
            if (label == null) {
                problems.add(item.location(), "'" + TerminalText.quoted(v) + "' is not a value of fact '" + d.id + "': write "
                        + CodeSet.ANY + " (any code of family " + d.family + "), a class such as 5XX (the first digits, then"
                        + " X for each digit that may be anything) or a code family " + d.family + " has no page for; the codes"
                        + " it has pages for go in seeAlso");
            } else if (!d.values.contains(label)) {
                problems.add(item.location(), "fact '" + d.id + "' has no name for " + (label.equals(CodeSet.ANY) ? "'any'"
                        : "a class such as '" + TerminalText.quoted(v) + "'") + ": add values." + label + " to its declaration in"
                        + " the family file");
            } else if (any && !v.equals(CodeSet.ANY)) {
                problems.add(item.location(), "'" + v + "' is already covered by 'any' in the same list; remove it");
            } else if (out.contains(CodeSet.of(d.family, v)) || out.contains(CodeSet.unlisted(d.family, v))) {
                problems.add(item.location(), "'" + v + "' is listed twice");
            } else if (label.equals(CodeSet.UNLISTED)) {
                d.unlistedUses.add(new ClassUse(item.location(), v));
                out.add(CodeSet.unlisted(d.family, v));
            } else {
                if (label.equals(CodeSet.CLASS)) d.classUses.add(new ClassUse(item.location(), v));
                out.add(CodeSet.of(d.family, v));
            }
        }
        return out;
    }

    /**
     * The values a code file or group gives fact {@code d}, checked against what it allows, in
     * the fact's order; null if the field is not written.
     */
    List<String> values(Fields f, Draft d) {
        if (!f.contains(d.id) || d.kind == null) return null;
        if (d.kind == Fact.Kind.CODES) return codeSets(f, d);
        if (d.kind == Fact.Kind.SEVERAL_OF) {
            List<String> out = new ArrayList<>();
            for (Fields.Item item : f.list(d.id, false)) {
                if (!d.values.contains(item.value())) {
                    problems.add(item.location(), "'" + item.value() + "' is not a value of fact '" + d.id + "' (allowed: "
                            + String.join(", ", d.values) + ")" + SiteValidator.hint(item.value(), Set.copyOf(d.values)));
                } else if (out.contains(item.value())) {
                    problems.add(item.location(), "'" + item.value() + "' is listed twice");
                } else {
                    out.add(item.value());
                }
            }
            out.sort((x, y) -> Integer.compare(d.values.indexOf(x), d.values.indexOf(y)));
            return out;
        }
        String v = f.text(d.id);
        if (v == null) return List.of();
        if (d.kind == Fact.Kind.NUMBER) {
            if (!v.matches("-?[0-9]{1,15}")) {
                problems.add(f.at(d.id), d.id + " must be a whole number, found '" + TerminalText.quoted(v) + "'");
                return List.of();
            }
            return List.of(v);
        }
        if (!d.values.contains(v)) {
            problems.add(f.at(d.id), d.id + " '" + TerminalText.quoted(v) + "' is not one of " + d.values + SiteValidator.hint(v, Set.copyOf(d.values)));
            return List.of();
        }
        return List.of(v);
    }
}
