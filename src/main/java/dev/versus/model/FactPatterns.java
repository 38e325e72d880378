package dev.versus.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contract between a fact's sentence patterns and the comparison engine: which pattern
 * names a fact of each kind may have, and which placeholders each provides. The validator
 * checks the family files against it and the engine fills exactly these, so a pattern that
 * passed {@code check} can always be filled.
 *
 * <p>Pattern names: {@code same} (a clause about both codes, joined into the shared
 * sentence), {@code differ} (one sentence; {@code differ.<va>.<vb>} for one pair of values),
 * {@code differSubset} and {@code differOverlap} (several-of facts whose values partly agree),
 * {@code differOne} (codes facts where only one side has codes), {@code advice} and
 * {@code serverAdvice} (one sentence about one code, for whoever receives it and for whoever
 * writes a server; {@code .<value>} for one value) and {@code choose.<va>.<vb>} (what a server
 * should weigh between a code with value va and one with vb), and {@code group.<form>}: how
 * values whose form reads as this pattern around their plain name are said together
 * ("in reply to {items}": "in reply to MAIL" and "in reply to RCPT" become "in reply to MAIL or RCPT").
 */
public final class FactPatterns {
    private FactPatterns() {}

    /**
     * The placeholders pattern {@code name} of {@code fact} may use, given the forms its values
     * have besides {@code value}; null if a fact of that kind has no such pattern.
     */
    public static Set<String> placeholders(Fact fact, Set<String> forms, String name) {
        Fact.Kind kind = fact.kind();
        boolean listed = kind.listed();
        String base = name;
        String rest = null;
        int dot = name.indexOf('.');
        if (dot > 0) {
            base = name.substring(0, dot);
            rest = name.substring(dot + 1);
        }
        if (rest != null) {
            boolean valueOk;
            switch (base) {
                case "advice", "serverAdvice" -> valueOk = listed && fact.values().contains(rest);
                case "group" -> valueOk = listed && forms.contains(rest) && !rest.equals(FactText.VALUE);
                case "differ", "choose" -> {
                    int d = rest.indexOf('.');
                    valueOk = (kind == Fact.Kind.ONE_OF || kind == Fact.Kind.YES_NO) && d > 0
                            && fact.values().contains(rest.substring(0, d)) && fact.values().contains(rest.substring(d + 1))
                            && !rest.substring(0, d).equals(rest.substring(d + 1));
                }
                default -> valueOk = false;
            }
            if (!valueOk) return null;
        }
        Set<String> out = new TreeSet<>();
        switch (base) {
            case "same" -> {
                if (rest != null) return null;
                withForms(out, "value", forms, kind);
            }
            case "differ" -> {
                out.add("a");
                out.add("b");
                withForms(out, "aValue", forms, kind);
                withForms(out, "bValue", forms, kind);
            }
            case "differSubset", "differOverlap" -> {
                if (kind != Fact.Kind.SEVERAL_OF || rest != null) return null;
                out.add("a");
                out.add("b");
                withForms(out, "shared", forms, kind);
                withForms(out, "aOnly", forms, kind);
                if (base.equals("differOverlap")) withForms(out, "bOnly", forms, kind);
            }
            case "differOne" -> {
                if (kind != Fact.Kind.CODES || rest != null) return null;
                out.add("a");
                out.add("b");
                out.add("aValue");
            }
            case "advice", "serverAdvice" -> {
                if (kind == Fact.Kind.CODES) return null;
                out.add("code");
                withForms(out, "value", forms, kind);
            }
            case "group" -> {
                if (rest == null) return null;
                out.add("items");
                return out;
            }
            case "choose" -> {
                if (rest == null) return null;
                out.add("a");
                out.add("b");
            }
            default -> {
                return null;
            }
        }
        if (kind == Fact.Kind.CODES) out.add("family");
        return out;
    }

    /** {@code value} stands for the value's plain name; {@code aValue} with form {@code effect} is {@code aEffect}. */
    private static void withForms(Set<String> out, String slot, Set<String> forms, Fact.Kind kind) {
        out.add(slot);
        if (!kind.listed()) return;
        for (String form : forms) {
            if (form.equals(FactText.VALUE)) continue;
            out.add(placeholder(slot, form));
        }
    }

    /** The placeholder for form {@code form} in slot {@code slot}: value + effect = effect, aValue + effect = aEffect. */
    public static String placeholder(String slot, String form) {
        if (form.equals(FactText.VALUE)) return slot;
        String prefix = slot.endsWith("Value") ? slot.substring(0, slot.length() - "Value".length())
                : slot.equals("value") ? "" : slot;
        return prefix.isEmpty() ? form : prefix + Character.toUpperCase(form.charAt(0)) + form.substring(1);
    }

    /** The pattern names every fact of this kind may have (value-specific ones not listed). */
    public static List<String> names(Fact.Kind kind) {
        Set<String> s = new LinkedHashSet<>(List.of("same", "differ"));
        if (kind == Fact.Kind.SEVERAL_OF) s.addAll(List.of("differSubset", "differOverlap"));
        if (kind == Fact.Kind.CODES) s.add("differOne");
        if (kind != Fact.Kind.CODES) s.addAll(List.of("advice", "serverAdvice"));
        return List.copyOf(s);
    }
}
