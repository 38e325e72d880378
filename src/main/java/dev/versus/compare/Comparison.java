package dev.versus.compare;

import dev.versus.model.Code;
import dev.versus.model.CodeRef;
import dev.versus.model.Fact;
import dev.versus.model.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What two codes share and where they differ, derived from their facts once per pair and
 * independent of language: which sentence pattern says each thing, with typed arguments. The
 * render stage writes it in each locale ({@code render.views.PairSentences}).
 *
 * @param glance      one row per fact shown at a glance, in the family's order
 * @param shared      the clauses ({@code same} patterns) of the facts both codes share, most
 *                    important first; said once, in one sentence
 * @param differences one sentence per fact that differs, most important first; empty when no
 *                    fact differs (the page then says what each code means)
 * @param forServer   what a server should weigh between the two
 * @param forReceiver what to do on receiving each code
 */
public record Comparison(Pair pair, List<Row> glance, List<Statement> shared, List<Statement> differences,
                         List<Statement> forServer, List<Statement> forReceiver) {
    public Comparison {
        glance = List.copyOf(glance);
        shared = List.copyOf(shared);
        differences = List.copyOf(differences);
        forServer = List.copyOf(forServer);
        forReceiver = List.copyOf(forReceiver);
    }

    /** A row of the at-a-glance table: the fact's values for each code (either may be empty). */
    /**
     * A row of the at-a-glance table; for a codes fact, {@code aSets} and {@code bSets} are the
     * codes paired with each code only through a set of theirs, by set ({@link dev.versus.model.Code#bySets}).
     */
    public record Row(Fact fact, List<String> a, List<String> b, boolean differs,
                      java.util.Map<String, List<String>> aSets, java.util.Map<String, List<String>> bSets) {
        public Row(Fact fact, List<String> a, List<String> b, boolean differs) {
            this(fact, a, b, differs, java.util.Map.of(), java.util.Map.of());
        }

        public Row {
            a = List.copyOf(a);
            b = List.copyOf(b);
            aSets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aSets));
            bSets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bSets));
        }
    }

    /**
     * One sentence (or, for {@code shared}, one clause): pattern {@code pattern} of {@code fact},
     * or of the family or locale when {@code fact} is null, filled with {@code args}.
     */
    public record Statement(Fact fact, String pattern, Map<String, Arg> args) {
        public Statement {
            args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
        }
    }

    /** A typed argument of a pattern; the writer turns each into text of its locale. */
    public sealed interface Arg {}

    /** Text already written in the page's language (the first key difference, for the meta description). */
    public record SentenceArg(String text) implements Arg {}

    /** A code, written as a link to its page. */
    public record CodeArg(Code code) implements Arg {}

    /** Both codes of the pair in one piece of advice ("On 221 or 250, ..."): alternatives, joined with "or". */
    public record CodesArg(List<Code> codes) implements Arg {
        public CodesArg {
            codes = List.copyOf(codes);
        }
    }

    /** A code's title in the page's locale. */
    public record TitleArg(Code code) implements Arg {}

    /** A code's summary in the page's locale, as a sentence. */
    /** A code's summary: a sentence of its own, or ({@code clause}) the rest of a sentence ("means that …"). */
    public record SummaryArg(Code code, boolean clause) implements Arg {
        public SummaryArg(Code code) {
            this(code, false);
        }
    }

    /** A family's short name. */
    public record FamilyArg(String family) implements Arg {}

    /**
     * Values of a fact, in one of their forms; several are joined as a list. A value in
     * {@code other} covers values said apart in the same sentence, and is said of the rest of what
     * it covers ("in reply to any other command": {@link dev.versus.model.FactText#other}).
     */
    public record ValuesArg(Fact fact, List<String> values, String form, java.util.Set<String> other) implements Arg {
        public ValuesArg {
            values = List.copyOf(values);
            other = java.util.Set.copyOf(other);
        }

        public ValuesArg(Fact fact, List<String> values, String form) {
            this(fact, values, form, java.util.Set.of());
        }
    }

    /**
     * Codes of another family, the values of codes fact {@code fact}: as links, at most a few and
     * then "N more"; a set of codes ({@link dev.versus.model.CodeSet}: any code, a class such as
     * 5XX) is said with the fact's name for it.
     */
    public record RefsArg(Fact fact, List<CodeRef> refs) implements Arg {
        public RefsArg {
            refs = List.copyOf(refs);
        }
    }
}
