package dev.versus.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fact a family declares about its codes (docs/CONTENT-FORMAT.md, "Facts"): what kind of
 * value it takes, which values it allows (in order), how much a difference in it matters
 * ({@code weight}), whether it is a row of the at-a-glance table ({@code glance}) and of the quick
 * answer at the top of each code page ({@code quick}), and how each locale names it,
 * its values and the sentences that compare two codes on it. Nothing in Java knows a fact by name.
 *
 * @param values  the allowed values, in the order they are listed and compared; empty for
 *                numbers and codes
 * @param family  for {@link Kind#CODES}, the family whose codes it lists; otherwise null
 * @param texts   locale → names and patterns
 * @param like    value → the value whose value-specific patterns ({@code choose.<va>.<vb>},
 *                {@code differ.<va>.<vb>}, {@code advice.<value>}) it uses where it has none of its
 *                own ({@code like:} in the value's declaration), so a pattern is written once
 * @param covers  value → the other values it stands for ({@code covers:} and {@code except:} in
 *                the value's declaration), in the fact's order: a code with "any command" is
 *                sent in reply to MAIL too, so the engine compares what each code covers, not
 *                the values as written
 * @param alternatives whether a code's several values are alternatives ({@code join: or}): X.5.1
 *                concerns the order of commands <em>or</em> a command not implemented (RFC 3463
 *                §3.6), one of them in each reply; sentences join them with "or", not "and"
 * @param unlessDiffers the id of a fact that says a difference in this one more precisely
 *                ({@code unlessDiffers:}), or null: where both differ, only that one's sentence is
 *                said (an enhanced code's subject, "reports on the mailbox", says less than what it
 *                concerns, "concerns the mailbox"); the table keeps both rows
 */
public record Fact(String id, Kind kind, List<String> values, int weight, boolean glance, boolean quick, boolean optional,
                   String family, Map<String, FactText> texts, Map<String, String> like, Map<String, List<String>> covers,
                   boolean alternatives, String unlessDiffers) {

    /** The kinds of value a fact can take, as written in {@code _family.yaml}. */
    public enum Kind {
        ONE_OF("one-of"), SEVERAL_OF("several-of"), YES_NO("yes-no"), NUMBER("number"), CODES("codes");

        private final String written;

        Kind(String written) {
            this.written = written;
        }

        public String written() {
            return written;
        }

        /** The kind written {@code s}, or null. */
        public static Kind of(String s) {
            for (Kind k : values()) if (k.written.equals(s)) return k;
            return null;
        }

        /** Whether its values come from a list the family declares (and so have labels). */
        public boolean listed() {
            return this == ONE_OF || this == SEVERAL_OF || this == YES_NO;
        }
    }

    /** The two values of a {@link Kind#YES_NO} fact. */
    public static final List<String> YES_NO = List.of("yes", "no");

    public Fact {
        values = List.copyOf(values);
        texts = Map.copyOf(texts);
        like = Map.copyOf(like);
        covers = Map.copyOf(covers.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    /** A fact whose several values are said together ({@code join: and}, the default). */
    public Fact(String id, Kind kind, List<String> values, int weight, boolean glance, boolean quick, boolean optional,
                String family, Map<String, FactText> texts, Map<String, String> like, Map<String, List<String>> covers) {
        this(id, kind, values, weight, glance, quick, optional, family, texts, like, covers, false, null);
    }

    /** A fact none of whose values covers others. */
    public Fact(String id, Kind kind, List<String> values, int weight, boolean glance, boolean quick, boolean optional,
                String family, Map<String, FactText> texts, Map<String, String> like) {
        this(id, kind, values, weight, glance, quick, optional, family, texts, like, Map.of());
    }

    /** A fact none of whose values borrows another's patterns. */
    public Fact(String id, Kind kind, List<String> values, int weight, boolean glance, boolean quick, boolean optional,
                String family, Map<String, FactText> texts) {
        this(id, kind, values, weight, glance, quick, optional, family, texts, Map.of());
    }

    /**
     * The values whose value-specific patterns stand for {@code value}, most specific first:
     * the value itself, then the value it is declared like (if any).
     */
    public List<String> patternValues(String value) {
        String other = like.get(value);
        return other == null ? List.of(value) : List.of(value, other);
    }

    /** The values {@code value} stands for besides itself (empty for most values). */
    public List<String> covered(String value) {
        return covers.getOrDefault(value, List.of());
    }

    /** Whether {@code value} is one of {@code values} or covered by one of them. */
    public boolean covers(List<String> values, String value) {
        if (values.contains(value)) return true;
        for (String v : values) if (covered(v).contains(value)) return true;
        return false;
    }

    /** {@code values} with every value they cover, in the fact's order: what a code with these values is said of. */
    public List<String> expand(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : this.values) if (covers(values, v)) out.add(v);
        for (String v : values) out.add(v); // a value the fact does not list (none after check) is kept
        return new ArrayList<>(out);
    }

    /**
     * Whether two lists of values, different as written, cover the same values: "MAIL, any
     * command" and "any command". Only values that cover others can make them so.
     */
    public boolean sameCoverage(List<String> a, List<String> b) {
        // expand lists what it covers in the fact's order, so equal coverage is equal lists.
        return a.equals(b) || (!covers.isEmpty() && expand(a).equals(expand(b)));
    }

    /**
     * {@code values} without those another of them covers, in their order: "in reply to any
     * command", not "in reply to MAIL, RCPT, or any command".
     */
    public List<String> minimal(List<String> values) {
        // Loops, not streams: every comparison of a several-of fact calls this, and a stream's
        // set-up costs more than these few values (under the launcher's C1-only JIT).
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) if (!coveredByAnother(values, v)) out.add(v);
        return java.util.Collections.unmodifiableList(out);
    }

    private boolean coveredByAnother(List<String> values, String v) {
        for (String u : values) if (!u.equals(v) && covered(u).contains(v)) return true;
        return false;
    }

    public FactText text(String locale) {
        return texts.get(locale);
    }

    /** A value's place in the declared order, for sorting several values the family's way. */
    public int rank(String value) {
        int i = values.indexOf(value);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
