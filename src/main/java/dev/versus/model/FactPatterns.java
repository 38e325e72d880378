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
     * The closed list of pattern names the engine decides on; a name may be followed by values
     * ({@code advice.<value>}, {@code differ.<va>.<vb>}), which are the family's data.
     */
    public enum Name {
        SAME("same"),
        DIFFER("differ"),
        DIFFER_SUBSET("differSubset"),
        DIFFER_OVERLAP("differOverlap"),
        DIFFER_ONE("differOne"),
        ADVICE("advice"),
        SERVER_ADVICE("serverAdvice"),
        /** {@code group.<form>}: values whose form reads as one phrase, said together. */
        GROUP("group"),
        CHOOSE("choose");

        private final String word;

        Name(String word) {
            this.word = word;
        }

        /** As written in a family file. */
        public String word() {
            return word;
        }

        /** This pattern for one value: {@code advice.<value>}. */
        public String forValue(String value) {
            return word + "." + value;
        }

        /** This pattern for a pair of values: {@code differ.<va>.<vb>}. */
        public String forValues(String va, String vb) {
            return word + "." + va + "." + vb;
        }

        /** The name written {@code word}, or null. */
        public static Name of(String word) {
            for (Name n : values()) if (n.word.equals(word)) return n;
            return null;
        }
    }

    /**
     * The placeholders pattern {@code name} of {@code fact} may use, given the forms its values
     * have besides {@code value}; null if a fact of that kind has no such pattern.
     */
    public static Set<String> placeholders(Fact fact, Set<String> forms, String name) {
        Fact.Kind kind = fact.kind();
        boolean listed = kind.listed();
        String rest = null;
        int dot = name.indexOf('.');
        Name base = Name.of(dot > 0 ? name.substring(0, dot) : name);
        if (base == null) return null;
        if (dot > 0) rest = name.substring(dot + 1);
        if (rest != null) {
            boolean valueOk;
            switch (base) {
                case ADVICE, SERVER_ADVICE -> valueOk = listed && fact.values().contains(rest);
                case GROUP -> valueOk = listed && forms.contains(rest) && !rest.equals(FactText.VALUE);
                case DIFFER, CHOOSE -> {
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
            case SAME -> {
                if (rest != null) return null;
                withForms(out, "value", forms, kind);
            }
            case DIFFER -> {
                out.add("a");
                out.add("b");
                withForms(out, "aValue", forms, kind);
                withForms(out, "bValue", forms, kind);
            }
            case DIFFER_SUBSET, DIFFER_OVERLAP -> {
                if ((kind != Fact.Kind.SEVERAL_OF && kind != Fact.Kind.CODES) || rest != null) return null;
                out.add("a");
                out.add("b");
                withForms(out, "shared", forms, kind);
                withForms(out, "aOnly", forms, kind);
                if (base == Name.DIFFER_OVERLAP) withForms(out, "bOnly", forms, kind);
            }
            case DIFFER_ONE -> {
                if (kind != Fact.Kind.CODES || rest != null) return null;
                out.add("a");
                out.add("b");
                out.add("aValue");
            }
            case ADVICE, SERVER_ADVICE -> {
                if (kind == Fact.Kind.CODES) return null;
                out.add("code");
                withForms(out, "value", forms, kind);
            }
            case GROUP -> {
                if (rest == null) return null;
                out.add("items");
                return out;
            }
            case CHOOSE -> {
                if (rest == null) return null;
                out.add("a");
                out.add("b");
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
        Set<Name> s = new LinkedHashSet<>(List.of(Name.SAME, Name.DIFFER));
        if (kind == Fact.Kind.SEVERAL_OF || kind == Fact.Kind.CODES) s.addAll(List.of(Name.DIFFER_SUBSET, Name.DIFFER_OVERLAP));
        if (kind == Fact.Kind.CODES) s.add(Name.DIFFER_ONE);
        if (kind != Fact.Kind.CODES) s.addAll(List.of(Name.ADVICE, Name.SERVER_ADVICE));
        return s.stream().map(Name::word).toList();
    }
}
