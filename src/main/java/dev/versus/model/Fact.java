package dev.versus.model;

import java.util.List;
import java.util.Map;

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
 */
public record Fact(String id, Kind kind, List<String> values, int weight, boolean glance, boolean quick, boolean optional,
                   String family, Map<String, FactText> texts, Map<String, String> like) {

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

    public FactText text(String locale) {
        return texts.get(locale);
    }

    /** A value's place in the declared order, for sorting several values the family's way. */
    public int rank(String value) {
        int i = values.indexOf(value);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
