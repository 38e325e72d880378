package dev.versus.compare;

import dev.versus.compare.Comparison.Arg;
import dev.versus.compare.Comparison.CodeArg;
import dev.versus.compare.Comparison.FamilyArg;
import dev.versus.compare.Comparison.RefsArg;
import dev.versus.compare.Comparison.Row;
import dev.versus.compare.Comparison.Statement;
import dev.versus.compare.Comparison.ValuesArg;
import dev.versus.model.Code;
import dev.versus.model.CodeRef;
import dev.versus.model.Fact;
import dev.versus.model.FactPatterns;
import dev.versus.model.FactPatterns.Name;
import dev.versus.model.FactText;
import dev.versus.model.Family;
import dev.versus.model.Pair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The comparison engine: compares two codes fact by fact, for any family and any fact the
 * family declares, and says which pattern states each result. Only what holds for both codes
 * is said: a fact one code has no value for is neither shared nor a difference. Thread-safe;
 * it keeps only what it reads off each family once (see {@link FamilyFacts}).
 */
public final class PairAnalyzer {
    /** Shared facts named in the shared sentence, which is said once and briefly; the table shows the rest. */
    static final int MAX_SHARED = 2;

    /**
     * What every pair of a family needs and is the same for all of them, made once per family
     * (thousands of pairs each): its facts by weight and each fact's forms. By identity: the
     * model is immutable, and a record's own hashCode would walk the whole family.
     */
    private final Map<Family, FamilyFacts> families = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** @param forms fact id → the forms of its values ({@link #forms}) */
    private record FamilyFacts(List<Fact> byWeight, Map<String, Set<String>> forms) {
        static FamilyFacts of(Family family) {
            // Most important first; equal weights in the family's order (a stable sort).
            List<Fact> byWeight = new ArrayList<>(family.facts());
            byWeight.sort(Comparator.comparingInt(Fact::weight).reversed());
            Map<String, Set<String>> forms = new java.util.HashMap<>();
            for (Fact f : family.facts()) forms.put(f.id(), java.util.Collections.unmodifiableSet(PairAnalyzer.forms(f)));
            return new FamilyFacts(List.copyOf(byWeight), forms);
        }
    }

    public Comparison analyze(Pair pair) {
        Family family = pair.family();
        Code a = pair.a();
        Code b = pair.b();
        List<Row> glance = new ArrayList<>();
        List<Statement> shared = new ArrayList<>();
        List<Statement> differences = new ArrayList<>();
        List<Statement> forServer = new ArrayList<>();
        List<Statement> forReceiver = new ArrayList<>();
        FamilyFacts facts = families.computeIfAbsent(family, FamilyFacts::of);
        List<Fact> byWeight = facts.byWeight();
        // Two codes are weighed against each other only where one could stand for the other: when
        // they share a value of the family's alternatives fact (for SMTP, a command they answer).
        boolean alternatives = family.alternatives() == null
                || a.fact(family.alternatives()).stream().anyMatch(b.fact(family.alternatives())::contains);
        for (Fact fact : family.facts()) {
            List<String> va = a.fact(fact.id());
            List<String> vb = b.fact(fact.id());
            // The table marks every row whose two cells differ, an empty cell ("—": no one must act,
            // no command) included: a reader comparing "—" with "The sender" sees a difference, and a
            // row left unmarked would say there is none. The sentences below still say nothing of
            // an empty side, which has no value to name.
            // A codes fact's cells also hold the codes paired with each code through a set of
            // theirs; the sentences leave those out (they go with every code of the class).
            // A value that stands for others ("any command") is what the cell shows, not the values
            // it covers beside it ("EHLO, AUTH, any command"), and two cells that cover the same
            // values do not differ, as no sentence would say they do.
            boolean differs = !fact.sameCoverage(va, vb) || !a.bySets(fact.id()).equals(b.bySets(fact.id()));
            if (fact.glance()) {
                boolean covering = !fact.covers().isEmpty();
                glance.add(new Row(fact, covering ? fact.minimal(va) : va, covering ? fact.minimal(vb) : vb, differs,
                        a.bySets(fact.id()), b.bySets(fact.id())));
            }
        }
        for (Fact fact : byWeight) {
            List<String> va = a.fact(fact.id());
            List<String> vb = b.fact(fact.id());
            Set<String> forms = facts.forms().get(fact.id());
            if (va.isEmpty() && vb.isEmpty()) continue;
            if (fact.sameCoverage(va, vb)) {
                if (has(fact, Name.SAME) && shared.size() < MAX_SHARED) {
                    Map<String, Arg> args = new LinkedHashMap<>();
                    values(args, fact, "value", va.equals(vb) ? va : fact.minimal(va), forms);
                    shared.add(new Statement(fact, Name.SAME.word(), args));
                }
            } else if (fact.kind() == Fact.Kind.CODES) {
                codes(fact, a, b, va, vb, differences);
            } else if (!va.isEmpty() && !vb.isEmpty() && !saidMorePrecisely(family, fact, a, b)) {
                differ(fact, a, b, va, vb, forms, differences);
            }
            if (alternatives && !va.isEmpty() && !vb.isEmpty() && !va.equals(vb)) choose(fact, a, b, va, vb, forServer);
        }
        for (Fact fact : byWeight) {
            advice(fact, a, b, Name.SERVER_ADVICE, facts.forms().get(fact.id()), forServer);
            advice(fact, a, b, Name.ADVICE, facts.forms().get(fact.id()), forReceiver);
        }
        return new Comparison(pair, glance, shared, differences, forServer, forReceiver);
    }

    /**
     * Whether the fact that {@code fact} names in {@code unlessDiffers} differs too, with a value on
     * both sides: its sentence says the difference more precisely, and this one would repeat it.
     */
    private static boolean saidMorePrecisely(Family family, Fact fact, Code a, Code b) {
        if (fact.unlessDiffers() == null) return false;
        Fact other = family.fact(fact.unlessDiffers());
        List<String> oa = a.fact(other.id());
        List<String> ob = b.fact(other.id());
        return !oa.isEmpty() && !ob.isEmpty() && !other.sameCoverage(oa, ob);
    }

    private static void differ(Fact fact, Code a, Code b, List<String> va, List<String> vb, Set<String> forms,
                               List<Statement> out) {
        Map<String, Arg> args = new LinkedHashMap<>();
        args.put("a", new CodeArg(a));
        args.put("b", new CodeArg(b));
        boolean several = fact.kind() == Fact.Kind.SEVERAL_OF;
        if (several) {
            // What each code covers is compared, not the values as written: a value may stand for
            // others (covers: in the family file; "any command" for MAIL, RCPT, ...). Shared is
            // what both cover, said with the fewest values; each side's own part is what only it
            // covers, and a value part of which is shared is said of the rest ("any other command").
            List<String> ea = fact.expand(va);
            List<String> eb = fact.expand(vb);
            List<String> both = new ArrayList<>();
            List<String> onlyA = new ArrayList<>();
            List<String> onlyB = new ArrayList<>();
            for (String v : ea) (eb.contains(v) ? both : onlyA).add(v);
            for (String v : eb) if (!ea.contains(v)) onlyB.add(v);
            List<String> common = fact.minimal(both);
            List<String> aOnly = fact.minimal(onlyA);
            List<String> bOnly = fact.minimal(onlyB);
            // The two cover the same (MAIL and any command against any command): no sentence says a
            // difference that is none (the table lists every value).
            if (aOnly.isEmpty() && bOnly.isEmpty()) return;
            if (!common.isEmpty() && has(fact, Name.DIFFER_SUBSET) && (aOnly.isEmpty() || bOnly.isEmpty())) {
                // The code with more values is {a}: "both answer X, but only {a} answers Y".
                boolean aMore = bOnly.isEmpty();
                args.put("a", new CodeArg(aMore ? a : b));
                args.put("b", new CodeArg(aMore ? b : a));
                values(args, fact, "shared", common, Set.of(), forms);
                values(args, fact, "aOnly", aMore ? aOnly : bOnly, rest(fact, aMore ? aOnly : bOnly, aMore ? eb : ea), forms);
                out.add(new Statement(fact, Name.DIFFER_SUBSET.word(), args));
                return;
            }
            if (!common.isEmpty() && has(fact, Name.DIFFER_OVERLAP)) {
                values(args, fact, "shared", common, Set.of(), forms);
                values(args, fact, "aOnly", aOnly, rest(fact, aOnly, eb), forms);
                values(args, fact, "bOnly", bOnly, rest(fact, bOnly, ea), forms);
                out.add(new Statement(fact, Name.DIFFER_OVERLAP.word(), args));
                return;
            }
        }
        if (va.size() == 1 && vb.size() == 1) {
            // A pattern for this pair of values, written for either order.
            for (boolean swap : new boolean[] {false, true}) {
                String specific = specific(fact, Name.DIFFER, (swap ? vb : va).get(0), (swap ? va : vb).get(0));
                if (specific != null) {
                    args.put("a", new CodeArg(swap ? b : a));
                    args.put("b", new CodeArg(swap ? a : b));
                    values(args, fact, "aValue", swap ? vb : va, forms);
                    values(args, fact, "bValue", swap ? va : vb, forms);
                    out.add(new Statement(fact, specific, args));
                    return;
                }
            }
        }
        // "In reply to AUTH or any command" names a value another covers: said without it.
        values(args, fact, "aValue", several ? fact.minimal(va) : va, forms);
        values(args, fact, "bValue", several ? fact.minimal(vb) : vb, forms);
        if (has(fact, Name.DIFFER)) out.add(new Statement(fact, Name.DIFFER.word(), args));
    }

    /**
     * The values of {@code only} that cover some of {@code other}'s: part of what they stand for
     * was said as shared, so they are said of the rest ("any other command").
     */
    private static Set<String> rest(Fact fact, List<String> only, List<String> other) {
        Set<String> out = new TreeSet<>();
        for (String v : only) if (fact.covered(v).stream().anyMatch(other::contains)) out.add(v);
        return out;
    }

    private static void codes(Fact fact, Code a, Code b, List<String> va, List<String> vb, List<Statement> out) {
        Map<String, Arg> args = new LinkedHashMap<>();
        args.put("family", new FamilyArg(fact.family()));
        if (va.isEmpty() || vb.isEmpty()) {
            if (!has(fact, Name.DIFFER_ONE)) return;
            // "Only A is paired with codes" is false of a B that has codes through their sets
            // (any 2XX reply goes with X.0.0): the table shows that, no sentence contrasts it.
            if (!(va.isEmpty() ? a : b).bySets(fact.id()).isEmpty()) return;
            args.put("a", new CodeArg(va.isEmpty() ? b : a));
            args.put("b", new CodeArg(va.isEmpty() ? a : b));
            args.put("aValue", new RefsArg(fact, refs(va.isEmpty() ? vb : va)));
            out.add(new Statement(fact, Name.DIFFER_ONE.word(), args));
            return;
        }
        // Codes both lists hold are said once, as shared, then what only each has: lists that
        // overlap are no contrast ("both are paired with X.5.1; only 500 also with X.5.6").
        // A code one side has of its own and the other through a set (250 names X.0.0, 550 has it
        // as any 5XX reply) is no difference either.
        Set<String> aHeld = held(a, fact);
        Set<String> bHeld = held(b, fact);
        List<String> common = va.stream().filter(vb::contains).toList();
        List<String> aOnly = va.stream().filter(v -> !vb.contains(v) && !bHeld.contains(v)).toList();
        List<String> bOnly = vb.stream().filter(v -> !va.contains(v) && !aHeld.contains(v)).toList();
        if (aOnly.isEmpty() && bOnly.isEmpty()) return;
        if (!common.isEmpty() && has(fact, Name.DIFFER_SUBSET) && (aOnly.isEmpty() || bOnly.isEmpty())) {
            boolean aMore = bOnly.isEmpty();
            args.put("a", new CodeArg(aMore ? a : b));
            args.put("b", new CodeArg(aMore ? b : a));
            args.put("shared", new RefsArg(fact, refs(common)));
            args.put("aOnly", new RefsArg(fact, refs(aMore ? aOnly : bOnly)));
            out.add(new Statement(fact, Name.DIFFER_SUBSET.word(), args));
            return;
        }
        if (!common.isEmpty() && has(fact, Name.DIFFER_OVERLAP)) {
            args.put("a", new CodeArg(a));
            args.put("b", new CodeArg(b));
            args.put("shared", new RefsArg(fact, refs(common)));
            args.put("aOnly", new RefsArg(fact, refs(aOnly)));
            args.put("bOnly", new RefsArg(fact, refs(bOnly)));
            out.add(new Statement(fact, Name.DIFFER_OVERLAP.word(), args));
            return;
        }
        if (!has(fact, Name.DIFFER)) return;
        args.put("a", new CodeArg(a));
        args.put("b", new CodeArg(b));
        args.put("aValue", new RefsArg(fact, refs(va)));
        args.put("bValue", new RefsArg(fact, refs(vb)));
        out.add(new Statement(fact, Name.DIFFER.word(), args));
    }

    /** The codes paired with {@code c} only through a set of theirs, for codes fact {@code fact}. */
    private static Set<String> held(Code c, Fact fact) {
        Set<String> out = new java.util.HashSet<>();
        c.bySets(fact.id()).values().forEach(out::addAll);
        return out;
    }

    private static void choose(Fact fact, Code a, Code b, List<String> va, List<String> vb, List<Statement> out) {
        if (va.size() != 1 || vb.size() != 1) return;
        for (boolean swap : new boolean[] {false, true}) {
            String name = specific(fact, Name.CHOOSE, (swap ? vb : va).get(0), (swap ? va : vb).get(0));
            if (name != null) {
                Map<String, Arg> args = new LinkedHashMap<>();
                args.put("a", new CodeArg(swap ? b : a));
                args.put("b", new CodeArg(swap ? a : b));
                out.add(new Statement(fact, name, args));
                return;
            }
        }
    }

    /**
     * One sentence per code, from the pattern for its value (or the fact's general one); when
     * both codes get the same sentence it is said once, of both.
     */
    private static void advice(Fact fact, Code a, Code b, Name kind, Set<String> forms, List<Statement> out) {
        if (fact.kind() == Fact.Kind.CODES) return;
        String na = adviceName(fact, a, kind);
        String nb = adviceName(fact, b, kind);
        if (na != null && na.equals(nb) && a.fact(fact.id()).equals(b.fact(fact.id()))) {
            Map<String, Arg> args = new LinkedHashMap<>();
            args.put("code", new Comparison.CodesArg(List.of(a, b)));
            values(args, fact, "value", a.fact(fact.id()), forms);
            out.add(new Statement(fact, na, args));
            return;
        }
        for (Code c : List.of(a, b)) {
            String name = c == a ? na : nb;
            if (name == null) continue;
            Map<String, Arg> args = new LinkedHashMap<>();
            args.put("code", new CodeArg(c));
            values(args, fact, "value", c.fact(fact.id()), forms);
            out.add(new Statement(fact, name, args));
        }
    }

    private static String adviceName(Fact fact, Code c, Name kind) {
        List<String> v = c.fact(fact.id());
        if (v.isEmpty()) return null;
        if (v.size() == 1) {
            for (String x : fact.patternValues(v.get(0))) if (has(fact, kind.forValue(x))) return kind.forValue(x);
        }
        return has(fact, kind) ? kind.word() : null;
    }

    /**
     * The pattern {@code name.<va>.<vb>} the fact has for this pair of values, in this order: the
     * values' own, else one written for a value they are declared like (a value that behaves like
     * another borrows its patterns); null if there is none.
     */
    private static String specific(Fact fact, Name name, String va, String vb) {
        for (String x : fact.patternValues(va)) {
            for (String y : fact.patternValues(vb)) {
                if (!x.equals(y) && has(fact, name.forValues(x, y))) return name.forValues(x, y);
            }
        }
        return null;
    }

    /** The value slot and one slot per form: value, effect; aValue, aEffect; shared, sharedEffect. */
    private static void values(Map<String, Arg> args, Fact fact, String slot, List<String> values, Set<String> forms) {
        values(args, fact, slot, values, Set.of(), forms);
    }

    /** As above, the values in {@code rest} said of the rest of what they cover. */
    private static void values(Map<String, Arg> args, Fact fact, String slot, List<String> values, Set<String> rest,
                               Set<String> forms) {
        if (fact.kind() == Fact.Kind.CODES) {
            args.put(slot, new RefsArg(fact, refs(values)));
            args.put("family", new FamilyArg(fact.family()));
            return;
        }
        args.put(slot, new ValuesArg(fact, values, FactText.VALUE, rest));
        for (String form : forms) {
            if (!form.equals(FactText.VALUE)) args.put(FactPatterns.placeholder(slot, form), new ValuesArg(fact, values, form, rest));
        }
    }

    private static List<CodeRef> refs(List<String> values) {
        return values.stream().map(v -> {
            int colon = v.indexOf(':');
            return new CodeRef(v.substring(0, colon), v.substring(colon + 1));
        }).toList();
    }

    /** Patterns are the same set in every locale (the validator sees to it): ask any one. */
    private static boolean has(Fact fact, Name pattern) {
        return has(fact, pattern.word());
    }

    private static boolean has(Fact fact, String pattern) {
        for (FactText t : fact.texts().values()) return t.patterns().containsKey(pattern);
        return false;
    }

    /** The forms of the fact's values, the same in every locale. */
    static Set<String> forms(Fact fact) {
        Set<String> out = new TreeSet<>();
        for (FactText t : fact.texts().values()) {
            t.values().values().forEach(f -> out.addAll(f.keySet()));
            break;
        }
        return out;
    }
}
