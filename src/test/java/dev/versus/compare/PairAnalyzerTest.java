package dev.versus.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.compare.Comparison.Arg;
import dev.versus.compare.Comparison.CodeArg;
import dev.versus.compare.Comparison.CodesArg;
import dev.versus.compare.Comparison.RefsArg;
import dev.versus.compare.Comparison.Statement;
import dev.versus.compare.Comparison.ValuesArg;
import dev.versus.model.Code;
import dev.versus.model.CodeRef;
import dev.versus.model.Fact;
import dev.versus.model.FactText;
import dev.versus.model.Family;
import dev.versus.model.Group;
import dev.versus.model.Pair;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.render.site.UrlStyle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The comparison engine, table-driven: one fact of each kind, two codes' values, and the
 * statements the engine must make (which pattern, which values for which code). Then the same
 * invariants over every pair of the repository's site: a difference is only said of a fact whose
 * values differ, with each code's own values; a shared fact only of values both codes have; no
 * fact is said twice.
 */
class PairAnalyzerTest {
    private static final Fact SEVERITY = fact("severity", Fact.Kind.ONE_OF, 100, List.of("transient", "permanent", "success"),
            List.of("same", "differ", "advice.transient", "choose.transient.permanent", "differ.success.permanent"));
    private static final Fact POINTS = fact("points", Fact.Kind.SEVERAL_OF, 40, List.of("MAIL", "RCPT", "DATA"),
            List.of("same", "differ", "differSubset", "differOverlap"));
    /**
     * Points of a session where ANY stands for every command: not the greeting (CONNECT) nor a
     * later report (DSN), which answer no command (covers: all, except: [CONNECT, DSN]).
     */
    private static final Fact SENT = covering(fact("sent", Fact.Kind.SEVERAL_OF, 40,
            List.of("CONNECT", "MAIL", "RCPT", "DATA", "ANY", "DSN"), List.of("same", "differ", "differSubset", "differOverlap")),
            Map.of("ANY", List.of("MAIL", "RCPT", "DATA")));
    private static final Fact RETRY = fact("retry", Fact.Kind.YES_NO, 60, Fact.YES_NO, List.of("same", "differ"));
    private static final Fact SIZE = fact("limit", Fact.Kind.NUMBER, 10, List.of(), List.of("differ"));
    private static final Fact WITH = new Fact("with", Fact.Kind.CODES, List.of(), 5, true, false, true, "other",
            Map.of("en", new FactText(new Text("Travels with", "en"), Map.of(),
                    Map.of("same", t("s"), "differ", t("d"), "differOne", t("o")))));
    private static final Fact WITH_SHARED = new Fact("with", Fact.Kind.CODES, List.of(), 5, true, false, true, "other",
            Map.of("en", new FactText(new Text("Travels with", "en"), Map.of(),
                    Map.of("same", t("s"), "differ", t("d"), "differOne", t("o"), "differSubset", t("ds"), "differOverlap", t("do")))));

    static Stream<Arguments> cases() {
        return Stream.of(
                // fact, a's values, b's values, expected statements (pattern: values of a | values of b)
                Arguments.of(SEVERITY, List.of("transient"), List.of("transient"), List.of("same transient"), List.of()),
                Arguments.of(SEVERITY, List.of("transient"), List.of("permanent"), List.of(), List.of("differ a=transient b=permanent")),
                // A pattern for one pair of values wins, whichever order the codes come in.
                Arguments.of(SEVERITY, List.of("permanent"), List.of("success"), List.of(),
                        List.of("differ.success.permanent a=success b=permanent")),
                Arguments.of(SEVERITY, List.of(), List.of("permanent"), List.of(), List.of()),
                Arguments.of(POINTS, List.of("MAIL", "RCPT"), List.of("MAIL", "RCPT"), List.of("same MAIL,RCPT"), List.of()),
                Arguments.of(POINTS, List.of("MAIL"), List.of("RCPT", "DATA"), List.of(), List.of("differ a=MAIL b=RCPT,DATA")),
                // The code with more values is {a}, whichever side of the pair it is.
                Arguments.of(POINTS, List.of("MAIL"), List.of("MAIL", "DATA"), List.of(),
                        List.of("differSubset a=B shared=MAIL aOnly=DATA")),
                Arguments.of(POINTS, List.of("MAIL", "RCPT"), List.of("MAIL", "DATA"), List.of(),
                        List.of("differOverlap shared=MAIL aOnly=RCPT bOnly=DATA")),
                // A value that covers others is compared by what it covers (review 10, shapes-en 1, 2, 4):
                // a command one code answers is shared with "any command"; the covering side's own
                // part is "any other command" (~); what it covers is never the other code's alone.
                Arguments.of(SENT, List.of("ANY", "DSN"), List.of("RCPT", "DSN"), List.of(),
                        List.of("differSubset a=A shared=RCPT,DSN aOnly=ANY~")),
                Arguments.of(SENT, List.of("MAIL"), List.of("ANY"), List.of(), List.of("differSubset a=B shared=MAIL aOnly=ANY~")),
                Arguments.of(SENT, List.of("CONNECT", "ANY"), List.of("CONNECT", "DATA", "RCPT"), List.of(),
                        List.of("differSubset a=A shared=CONNECT,RCPT,DATA aOnly=ANY~")),
                Arguments.of(SENT, List.of("CONNECT", "ANY"), List.of("ANY"), List.of(),
                        List.of("differSubset a=A shared=ANY aOnly=CONNECT")),
                Arguments.of(SENT, List.of("CONNECT", "MAIL"), List.of("ANY", "DSN"), List.of(),
                        List.of("differOverlap shared=MAIL aOnly=CONNECT bOnly=ANY~,DSN")),
                // Any command does not cover what answers none: a plain "any command".
                Arguments.of(SENT, List.of("ANY", "DSN"), List.of("DSN"), List.of(), List.of("differSubset a=A shared=DSN aOnly=ANY")),
                Arguments.of(SENT, List.of("CONNECT"), List.of("MAIL", "ANY"), List.of(), List.of("differ a=CONNECT b=ANY")),
                // Both cover the same: shared, said with the value that covers the rest (a command
                // beside "any command" adds nothing), and no difference (review12 en N3).
                Arguments.of(SENT, List.of("MAIL", "ANY"), List.of("ANY"), List.of("same ANY"), List.of()),
                Arguments.of(RETRY, List.of("yes"), List.of("no"), List.of(), List.of("differ a=yes b=no")),
                Arguments.of(SIZE, List.of("10"), List.of("20"), List.of(), List.of("differ a=10 b=20")),
                // A number fact without a same pattern says nothing when equal.
                Arguments.of(SIZE, List.of("10"), List.of("10"), List.of(), List.of()),
                Arguments.of(WITH, List.of("other:X"), List.of(), List.of(), List.of("differOne a=A refs=X")),
                Arguments.of(WITH, List.of("other:X"), List.of("other:Y"), List.of(), List.of("differ refs=X|Y")),
                Arguments.of(WITH, List.of("other:X"), List.of("other:X"), List.of("same refs=X"), List.of()),
                // Sets of codes (CodeSet: any code, a class such as 5XX) are values like codes: a code
                // that may go with any 5XX code is paired with codes, not "the only one without".
                Arguments.of(WITH, List.of(), List.of("other:*5XX"), List.of(), List.of("differOne a=B refs=*5XX")),
                Arguments.of(WITH, List.of("other:*"), List.of("other:X"), List.of(), List.of("differ refs=*|X")),
                Arguments.of(WITH, List.of("other:*4XX", "other:*5XX"), List.of("other:*5XX"), List.of(),
                        List.of("differ refs=*4XX,*5XX|*5XX")),
                Arguments.of(WITH, List.of("other:*5XX"), List.of("other:*5XX"), List.of("same refs=*5XX"), List.of()),
                // Lists that share codes say them once, then what only each has: no contrast of overlapping lists.
                Arguments.of(WITH_SHARED, List.of("other:X", "other:Y"), List.of("other:X", "other:Z"), List.of(),
                        List.of("differOverlap refs=X|Y|Z")),
                Arguments.of(WITH_SHARED, List.of("other:X"), List.of("other:X", "other:Y"), List.of(),
                        List.of("differSubset a=B refs=X|Y")),
                Arguments.of(WITH_SHARED, List.of("other:X"), List.of("other:Y"), List.of(), List.of("differ refs=X|Y")));
    }

    /**
     * unlessDiffers: a difference another fact says more precisely is not said twice (an enhanced
     * code's subject beside what it concerns, review12 en S3); where that fact agrees or is missing,
     * it is said.
     */
    @Test
    void aDifferenceAnotherFactSaysMorePreciselyIsSaidOnce() {
        Fact about = fact("about", Fact.Kind.SEVERAL_OF, 80, List.of("mailbox", "policy"), List.of("same", "differ"));
        Fact base = fact("subject", Fact.Kind.ONE_OF, 100, List.of("mailbox", "security"), List.of("same", "differ"));
        Fact subject = new Fact(base.id(), base.kind(), base.values(), base.weight(), base.glance(), base.quick(), base.optional(),
                base.family(), base.texts(), base.like(), base.covers(), false, "about");
        java.util.function.BiFunction<Map<String, List<String>>, Map<String, List<String>>, List<String>> diffs = (fa, fb) -> {
            Family f = family(List.of(subject, about), List.of(code("A", fa), code("B", fb)));
            return new PairAnalyzer().analyze(new Pair(f, f.codes().get(0), f.codes().get(1))).differences().stream()
                    .map(s -> s.fact().id()).toList();
        };

        assertThat(diffs.apply(Map.of("subject", List.of("mailbox"), "about", List.of("mailbox")),
                Map.of("subject", List.of("security"), "about", List.of("policy")))).containsExactly("about");
        assertThat(diffs.apply(Map.of("subject", List.of("mailbox"), "about", List.of("mailbox")),
                Map.of("subject", List.of("security"), "about", List.of("mailbox")))).containsExactly("subject");
        assertThat(diffs.apply(Map.of("subject", List.of("mailbox")),
                Map.of("subject", List.of("security"), "about", List.of("policy")))).containsExactly("subject");
    }

    @Test
    void aCellShowsTheValueThatCoversTheOthersAlone() {
        Comparison c = new PairAnalyzer().analyze(pair(SENT, List.of("MAIL", "RCPT", "ANY"), List.of("CONNECT", "ANY")));

        assertThat(c.glance()).singleElement().satisfies(r -> {
            assertThat(r.a()).containsExactly("ANY");
            assertThat(r.b()).containsExactly("CONNECT", "ANY");
            assertThat(r.differs()).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void oneFact(Fact fact, List<String> a, List<String> b, List<String> shared, List<String> differences) {
        Comparison c = new PairAnalyzer().analyze(pair(fact, a, b));

        assertThat(c.shared().stream().map(PairAnalyzerTest::describe).toList()).isEqualTo(shared);
        assertThat(c.differences().stream().map(PairAnalyzerTest::describe).toList()).isEqualTo(differences);
        // The table marks a row whenever its two cells differ, "—" against a value included (two
        // editors read such an unmarked row as "no difference"); a sentence says a difference only
        // where both codes have a value, or for codes of the other family.
        // Values that cover others are compared by what they cover: "MAIL, any command" and "any
        // command" are the same cell (review12 en N3).
        assertThat(c.glance()).singleElement().satisfies(r -> assertThat(r.differs())
                .isEqualTo(!new HashSet<>(fact.expand(a)).equals(new HashSet<>(fact.expand(b)))));
        if (!a.isEmpty() && !b.isEmpty() && !fact.expand(a).equals(fact.expand(b))) assertThat(differences).isNotEmpty();
        assertThat(contradictions(c)).isEmpty();
    }

    @Test
    void codesPairedOnlyThroughAnotherCodesSetAreNoDifference() {
        // A (like 538) has its own X and, as any 5XX code, G and H through their 5XX; B (like 211)
        // has only G through its 2XX. The table shows both apart; no sentence names G or H, and
        // "only A is paired with codes" is not said of a B that has some through a set.
        Code a = new Code("f", "A", "g", Map.of(), Map.of("with", List.of("other:X")), List.of(), List.of(), List.of(), null,
                Map.of(), List.of(), Map.of("with", Map.of("5XX", List.of("other:G", "other:H"))));
        Code b = new Code("f", "B", "g", Map.of(), Map.of(), List.of(), List.of(), List.of(), null,
                Map.of(), List.of(), Map.of("with", Map.of("2XX", List.of("other:G"))));
        Code c = new Code("f", "C", "g", Map.of(), Map.of("with", List.of("other:Y")), List.of(), List.of(), List.of(), null,
                Map.of(), List.of(), Map.of("with", Map.of("5XX", List.of("other:G", "other:H"))));
        Family f = family(List.of(WITH_SHARED), List.of(a, b, c));
        Comparison ab = new PairAnalyzer().analyze(new Pair(f, a, b));
        assertThat(ab.differences()).isEmpty();
        assertThat(ab.glance()).singleElement().satisfies(r -> {
            assertThat(r.differs()).isTrue();
            assertThat(r.aSets()).containsEntry("5XX", List.of("other:G", "other:H"));
            assertThat(r.bSets()).containsEntry("2XX", List.of("other:G"));
        });
        Comparison ac = new PairAnalyzer().analyze(new Pair(f, a, c));
        assertThat(ac.differences().stream().map(PairAnalyzerTest::describe).toList()).containsExactly("differ refs=X|Y");
    }

    @Test
    void differencesComeMostImportantFirst() {
        Family f = family(List.of(POINTS, SEVERITY, RETRY), List.of(
                code("A", Map.of("points", List.of("MAIL"), "severity", List.of("transient"), "retry", List.of("yes"))),
                code("B", Map.of("points", List.of("RCPT"), "severity", List.of("permanent"), "retry", List.of("no")))));
        Comparison c = new PairAnalyzer().analyze(new Pair(f, f.codes().get(0), f.codes().get(1)));

        assertThat(c.differences()).extracting(s -> s.fact().id()).containsExactly("severity", "retry", "points");
        // The glance table keeps the family's order.
        assertThat(c.glance()).extracting(r -> r.fact().id()).containsExactly("points", "severity", "retry");
    }

    @Test
    void adviceAndChoiceFollowTheValues() {
        Family f = family(List.of(SEVERITY), List.of(code("A", Map.of("severity", List.of("permanent"))),
                code("B", Map.of("severity", List.of("transient")))));
        Comparison c = new PairAnalyzer().analyze(new Pair(f, f.codes().get(0), f.codes().get(1)));

        assertThat(c.forReceiver()).extracting(Statement::pattern).containsExactly("advice.transient");
        assertThat(((CodeArg) c.forReceiver().get(0).args().get("code")).code().id()).isEqualTo("B");
        // choose.transient.permanent names the temporary code {a}, even though it is the pair's b.
        assertThat(c.forServer()).extracting(Statement::pattern).containsExactly("choose.transient.permanent");
        assertThat(((CodeArg) c.forServer().get(0).args().get("a")).code().id()).isEqualTo("B");
    }

    /** A value declared like another (552's returnAfterData like return) borrows its choose and advice patterns. */
    @Test
    void aValueLikeAnotherBorrowsItsValueSpecificPatterns() {
        Fact base = fact("severity", Fact.Kind.ONE_OF, 100, List.of("transient", "permanent", "closing"),
                List.of("advice.transient", "choose.transient.permanent"));
        Fact withLike = new Fact(base.id(), base.kind(), base.values(), base.weight(), true, false, true, null, base.texts(),
                Map.of("closing", "transient"));
        Family f = family(List.of(withLike), List.of(code("A", Map.of("severity", List.of("permanent"))),
                code("B", Map.of("severity", List.of("closing")))));
        Comparison c = new PairAnalyzer().analyze(new Pair(f, f.codes().get(0), f.codes().get(1)));

        assertThat(c.forServer()).extracting(Statement::pattern).containsExactly("choose.transient.permanent");
        assertThat(((CodeArg) c.forServer().get(0).args().get("a")).code().id()).isEqualTo("B");
        assertThat(c.forReceiver()).extracting(Statement::pattern).containsExactly("advice.transient");
        // Without the declaration, neither pattern applies to the value.
        Family plain = family(List.of(base), f.codes());
        Comparison none = new PairAnalyzer().analyze(new Pair(plain, plain.codes().get(0), plain.codes().get(1)));
        assertThat(none.forServer()).isEmpty();
        assertThat(none.forReceiver()).isEmpty();
    }

    @Test
    void theSameAdviceForBothCodesIsSaidOnce() {
        Family f = family(List.of(SEVERITY), List.of(code("A", Map.of("severity", List.of("transient"))),
                code("B", Map.of("severity", List.of("transient")))));
        Comparison c = new PairAnalyzer().analyze(new Pair(f, f.codes().get(0), f.codes().get(1)));

        assertThat(c.forReceiver()).singleElement().satisfies(s ->
                assertThat(((CodesArg) s.args().get("code")).codes()).extracting(Code::id).containsExactly("A", "B"));
    }

    /** 459 (ETRN) against 521 (greeting): a server never chooses between codes that answer different commands. */
    @Test
    void codesThatShareNoValueOfTheAlternativesFactAreNotWeighedAgainstEachOther() {
        List<Code> codes = List.of(code("A", Map.of("severity", List.of("permanent"), "points", List.of("MAIL"))),
                code("B", Map.of("severity", List.of("transient"), "points", List.of("RCPT"))));
        Family apart = new Family("f", Map.of(), Map.of(), Map.of(), List.of(new Group("g", Map.of(), Map.of())),
                List.of(SEVERITY, POINTS), Map.of(), codes, Map.of(), null, null, List.of("sender"), Map.of(), "points");
        assertThat(new PairAnalyzer().analyze(new Pair(apart, apart.codes().get(0), apart.codes().get(1))).forServer()).isEmpty();

        List<Code> sharing = List.of(code("A", Map.of("severity", List.of("permanent"), "points", List.of("MAIL", "RCPT"))),
                code("B", Map.of("severity", List.of("transient"), "points", List.of("RCPT"))));
        Family together = new Family("f", Map.of(), Map.of(), Map.of(), List.of(new Group("g", Map.of(), Map.of())),
                List.of(SEVERITY, POINTS), Map.of(), sharing, Map.of(), null, null, List.of("sender"), Map.of(), "points");
        assertThat(new PairAnalyzer().analyze(new Pair(together, together.codes().get(0), together.codes().get(1))).forServer())
                .extracting(Statement::pattern).containsExactly("choose.transient.permanent");
    }

    @Test
    void atMostTwoSharedFactsAreSaid() {
        Fact x = fact("x", Fact.Kind.YES_NO, 1, Fact.YES_NO, List.of("same"));
        Family f = family(List.of(SEVERITY, RETRY, POINTS, x), List.of(
                code("A", Map.of("severity", List.of("transient"), "retry", List.of("no"), "points", List.of("MAIL"), "x", List.of("yes"))),
                code("B", Map.of("severity", List.of("transient"), "retry", List.of("no"), "points", List.of("MAIL"), "x", List.of("yes")))));
        Comparison c = new PairAnalyzer().analyze(new Pair(f, f.codes().get(0), f.codes().get(1)));

        assertThat(c.shared()).extracting(s -> s.fact().id()).containsExactly("severity", "retry");
        assertThat(c.differences()).isEmpty();
    }

    /**
     * Over every pair of the repository's site: no statement contradicts a fact of either code,
     * and no fact is stated twice (once shared, once as a difference, or twice either way).
     */
    @Test
    void noStatementContradictsAFactOfEitherCodeOnTheRepositorysSite() throws Exception {
        Site site = new Build(new Build.Options(Path.of("."), null, null, UrlStyle.PRETTY)).validate();
        PairAnalyzer analyzer = new PairAnalyzer();
        List<String> problems = new ArrayList<>();
        int pairs = 0;
        for (Family f : site.families()) {
            for (Pair p : f.pairs()) {
                pairs++;
                problems.addAll(contradictions(analyzer.analyze(p)));
            }
        }
        assertThat(pairs).isGreaterThan(3000);
        assertThat(problems).as("statements that contradict a fact, or a fact stated twice").isEmpty();
    }

    /**
     * A set of codes a code file names (RFC 5248 Table 1 gives X.0.0 "Any", RFC 7293 §15.3 gives
     * X.7.18 "5XX") is what the engine compares, not the example codes it holds: X.0.0 is not
     * said to go with 221 and 250 only, nor X.7.18 with 550 only, and a code whose class holds
     * another's codes is no "only one paired with codes".
     */
    @Test
    void aSetOfCodesIsComparedInsteadOfTheCodesItHolds() throws Exception {
        Site site = new Build(new Build.Options(Path.of("."), null, null, UrlStyle.PRETTY)).validate();
        Family enhanced = site.family("smtp-enhanced");
        PairAnalyzer analyzer = new PairAnalyzer();

        Statement x00 = pairing(analyzer.analyze(pairOf(enhanced, "X.0.0", "X.3.0")));
        assertThat(x00.pattern()).isEqualTo("differ");
        assertThat(values(x00.args().get("aValue"))).containsExactly("smtp:*2XX", "smtp:*4XX", "smtp:*5XX");
        Statement rrvs = pairing(analyzer.analyze(pairOf(enhanced, "X.7.16", "X.7.18")));
        // Both go with any 5XX reply; only X.7.16 also with any 4XX (RFC 6710 §10, RFC 7293 §15.3).
        assertThat(rrvs.pattern()).isEqualTo("differSubset");
        assertThat(values(rrvs.args().get("shared"))).containsExactly("smtp:*5XX");
        assertThat(values(rrvs.args().get("aOnly"))).containsExactly("smtp:*4XX");
        Statement one = pairing(analyzer.analyze(pairOf(enhanced, "X.7.5", "X.7.19")));
        assertThat(one.pattern()).isEqualTo("differOne");
        assertThat(code(one.args().get("a")).id()).isEqualTo("X.7.19");
        // The concrete codes stay links of the code page (221 and 250 name X.0.0 in their seeAlso).
        assertThat(enhanced.code("X.0.0").links()).contains(new CodeRef("smtp", "221"), new CodeRef("smtp", "250"));
        // The other side: a basic code goes with every code whose set holds it, kept apart from its
        // own pairings (X.7.18 goes with 553 as with any 5XX reply), so 553's own are X.6.7 and X.6.8.
        Family smtp = site.family("smtp");
        assertThat(smtp.code("553").fact("travelsWith")).startsWith("smtp-enhanced:X.6.7", "smtp-enhanced:X.6.8")
                .doesNotContain("smtp-enhanced:X.0.0", "smtp-enhanced:X.7.18");
        assertThat(smtp.code("553").bySets("travelsWith").get("5XX"))
                .contains("smtp-enhanced:X.0.0", "smtp-enhanced:X.7.15", "smtp-enhanced:X.7.16", "smtp-enhanced:X.7.18");
        assertThat(smtp.code("452").bySets("travelsWith").get("4XX")).contains("smtp-enhanced:X.0.0", "smtp-enhanced:X.7.15")
                .doesNotContain("smtp-enhanced:X.7.18");
        assertThat(smtp.code("354").fact("travelsWith")).as("3xx replies carry none (RFC 2034 §4)").isEmpty();
        assertThat(smtp.code("354").bySets("travelsWith")).isEmpty();
        Statement both = pairing(analyzer.analyze(pairOf(smtp, "251", "252")));
        assertThat(both.pattern()).as("251 and 252 share X.5.0").isEqualTo("differOverlap");
    }

    private static Pair pairOf(Family f, String a, String b) {
        return f.pairs().stream().filter(p -> p.a().id().equals(a) && p.b().id().equals(b)).findFirst().orElseThrow();
    }

    private static Statement pairing(Comparison c) {
        return c.differences().stream().filter(s -> s.fact().kind() == Fact.Kind.CODES).findFirst().orElseThrow();
    }

    @Test
    void aClassHoldsTheCodesOfItsLengthThatStartWithItsDigits() {
        String fiveXX = dev.versus.model.CodeSet.of("smtp", "5XX");
        assertThat(dev.versus.model.CodeSet.holds(fiveXX, "smtp:550")).isTrue();
        assertThat(dev.versus.model.CodeSet.holds(fiveXX, "smtp:450")).isFalse();
        assertThat(dev.versus.model.CodeSet.holds(fiveXX, "smtp:5500")).isFalse();
        assertThat(dev.versus.model.CodeSet.holds(fiveXX, "http:550")).as("another family's code").isFalse();
        assertThat(dev.versus.model.CodeSet.holds(dev.versus.model.CodeSet.of("smtp", "55X"), "smtp:552")).isTrue();
        assertThat(dev.versus.model.CodeSet.holds(dev.versus.model.CodeSet.of("smtp", "any"), "smtp:221")).isTrue();
        assertThat(dev.versus.model.CodeSet.isClass("5XX")).isTrue();
        assertThat(dev.versus.model.CodeSet.isClass("550")).isFalse();
        assertThat(dev.versus.model.CodeSet.isClass("XXX")).as("no class digit: write any").isFalse();
    }

    @Test
    void theInvariantCheckFindsAContradictionAndARepeat() {
        Family f = family(List.of(SEVERITY), List.of(code("A", Map.of("severity", List.of("transient"))),
                code("B", Map.of("severity", List.of("permanent")))));
        Pair p = new Pair(f, f.codes().get(0), f.codes().get(1));
        Map<String, Arg> wrong = new LinkedHashMap<>();
        wrong.put("a", new CodeArg(p.a()));
        wrong.put("b", new CodeArg(p.b()));
        wrong.put("aValue", new ValuesArg(SEVERITY, List.of("permanent"), FactText.VALUE));
        wrong.put("bValue", new ValuesArg(SEVERITY, List.of("permanent"), FactText.VALUE));
        Statement bad = new Statement(SEVERITY, "differ", wrong);
        Map<String, Arg> same = Map.of("value", new ValuesArg(SEVERITY, List.of("transient"), FactText.VALUE));
        Comparison c = new Comparison(p, List.of(), List.of(new Statement(SEVERITY, "same", same)), List.of(bad), List.of(), List.of());

        assertThat(contradictions(c)).containsExactly(
                "A-vs-B: severity is said to be shared, but A has [transient] and B [permanent]",
                "A-vs-B: severity 'differ' gives A [permanent], but it has [transient]",
                "A-vs-B: severity is stated 2 times");
    }

    /** What is wrong with a comparison's statements, measured against the codes' facts. */
    static List<String> contradictions(Comparison c) {
        List<String> out = new ArrayList<>();
        Code a = c.pair().a();
        Code b = c.pair().b();
        String page = c.pair().slug() + ": ";
        for (Statement s : c.shared()) {
            String id = s.fact().id();
            boolean same = a.fact(id).equals(b.fact(id)) || s.fact().kind() == Fact.Kind.SEVERAL_OF
                    && new HashSet<>(s.fact().expand(a.fact(id))).equals(new HashSet<>(s.fact().expand(b.fact(id))));
            if (!same || a.fact(id).isEmpty()) {
                out.add(page + id + " is said to be shared, but " + a.id() + " has " + a.fact(id) + " and " + b.id() + " "
                        + b.fact(id));
            }
        }
        for (Statement s : c.differences()) {
            String id = s.fact().id();
            Code first = code(s.args().get("a"));
            Code second = code(s.args().get("b"));
            check(out, page, s, first, s.args().get("aValue"));
            check(out, page, s, second, s.args().get("bValue"));
            // What a code covers (a value and those it stands for: "any command" covers MAIL) is
            // what it is said of: shared is what both cover, and all of it; each side's own part
            // is what only it covers, and all of it; a value part of which the other code covers is
            // said of the rest ("any other command"), and no value is the other code's alone.
            Fact fact = s.fact();
            List<String> fa = first == null ? List.of() : fact.expand(first.fact(id));
            List<String> fb = second == null ? List.of() : fact.expand(second.fact(id));
            List<String> shared = values(s.args().get("shared"));
            if (shared != null) {
                List<String> both = fa.stream().filter(fb::contains).toList();
                if (!both.containsAll(shared)) out.add(page + id + " '" + s.pattern() + "' calls " + shared + " shared, but they are not");
                else if (fact.kind() == Fact.Kind.CODES ? !new java.util.HashSet<>(shared).equals(new java.util.HashSet<>(both))
                        : !fact.expand(shared).equals(both)) {
                    out.add(page + id + " '" + s.pattern() + "' calls " + shared + " shared, but both cover " + fact.minimal(both));
                }
            }
            List<String> only = values(s.args().get("aOnly"));
            if (only != null) onlyOf(out, page, s, first, fa, fb, shared, only, s.args().get("aOnly"));
            List<String> bOnly = values(s.args().get("bOnly"));
            if (bOnly != null) onlyOf(out, page, s, second, fb, fa, shared, bOnly, s.args().get("bOnly"));
            if (fact.kind() == Fact.Kind.SEVERAL_OF && shared == null && first != null && second != null
                    && fa.stream().anyMatch(fb::contains) && has(fact, "differSubset")) {
                out.add(page + id + " '" + s.pattern() + "' says " + first.id() + " and " + second.id() + " apart, but both cover "
                        + fact.minimal(fa.stream().filter(fb::contains).toList()));
            }
            if (a.fact(id).equals(b.fact(id))) out.add(page + id + " '" + s.pattern() + "' said of values that are the same");
        }
        Map<String, Integer> times = new LinkedHashMap<>();
        Stream.concat(c.shared().stream(), c.differences().stream()).forEach(s -> times.merge(s.fact().id(), 1, Integer::sum));
        times.forEach((id, n) -> {
            if (n > 1) out.add(page + id + " is stated " + n + " times");
        });
        return out;
    }

    /** One code's own part ({@code aOnly}, {@code bOnly}): what only it covers, all of it, said as the rest where due. */
    private static void onlyOf(List<String> out, String page, Statement s, Code code, List<String> own, List<String> other,
                               List<String> shared, List<String> only, Arg arg) {
        Fact fact = s.fact();
        String id = fact.id();
        java.util.Set<String> rest = arg instanceof ValuesArg v ? v.other() : java.util.Set.of();
        List<String> alone = own.stream().filter(x -> !other.contains(x)).toList();
        List<String> said = new ArrayList<>(shared == null ? List.of() : shared);
        said.addAll(only);
        // Codes: a list in no order; and a code the other one has through a set of theirs (any
        // 5XX reply goes with X.7.18) is no part of this one's own (Code.bySets).
        boolean codes = fact.kind() == Fact.Kind.CODES;
        Code otherCode = code == code(s.args().get("a")) ? code(s.args().get("b")) : code(s.args().get("a"));
        java.util.Set<String> otherHeld = new java.util.HashSet<>();
        if (codes && otherCode != null) otherCode.bySets(id).values().forEach(otherHeld::addAll);
        List<String> ownSaid = codes ? own.stream().filter(x -> !otherHeld.contains(x) || said.contains(x)).toList() : own;
        if (!own.containsAll(only) || only.stream().anyMatch(other::contains) || only.stream().anyMatch(otherHeld::contains)) {
            out.add(page + id + " '" + s.pattern() + "' gives " + code.id() + " alone " + only);
        } else if (codes ? !new java.util.HashSet<>(said).equals(new java.util.HashSet<>(ownSaid))
                : !fact.expand(said).equals(fact.expand(own))) {
            out.add(page + id + " '" + s.pattern() + "' gives " + code.id() + " alone " + only + ", but it alone covers "
                    + fact.minimal(alone));
        }
        for (String x : only) {
            boolean partly = fact.covered(x).stream().anyMatch(other::contains);
            if (partly != rest.contains(x)) {
                out.add(page + id + " '" + s.pattern() + "' says " + x + " of " + code.id() + (partly ? " whole, but the other code"
                        + " covers some of it" : " as the rest of what it covers, but the other code covers none of it"));
            }
        }
    }

    private static boolean has(Fact fact, String pattern) {
        return fact.texts().values().stream().anyMatch(t -> t.patterns().containsKey(pattern));
    }

    private static void check(List<String> out, String page, Statement s, Code code, Arg arg) {
        List<String> said = values(arg);
        if (said == null || code == null) return;
        List<String> has = code.fact(s.fact().id());
        // A several-of sentence says a code sent in reply to any command without the commands that
        // covers ("in reply to any command", not "in reply to EHLO, AUTH, or any command"): the
        // values it says are the code's, folded so (PairAnalyzer.said); the table lists them all.
        boolean folded = s.fact().kind() == Fact.Kind.SEVERAL_OF && said.equals(s.fact().minimal(has));
        if (!said.equals(has) && !folded) {
            out.add(page + s.fact().id() + " '" + s.pattern() + "' gives " + code.id() + " " + said + ", but it has " + has);
        }
    }

    private static Code code(Arg arg) {
        return arg instanceof CodeArg c ? c.code() : null;
    }

    private static List<String> values(Arg arg) {
        if (arg instanceof ValuesArg v) return v.values();
        if (arg instanceof RefsArg r) return r.refs().stream().map(x -> x.family() + ":" + x.code()).toList();
        return null;
    }

    // ---- building a family in code

    private static Text t(String s) {
        return new Text(s, "en");
    }

    private static Fact fact(String id, Fact.Kind kind, int weight, List<String> values, List<String> patterns) {
        Map<String, Map<String, Text>> names = new LinkedHashMap<>();
        for (String v : values) names.put(v, Map.of(FactText.VALUE, t(v)));
        Map<String, Text> p = new LinkedHashMap<>();
        for (String name : patterns) p.put(name, t(name));
        return new Fact(id, kind, values, weight, true, false, true, null, Map.of("en", new FactText(t(id), names, p)));
    }

    /** {@code fact} with values that cover others (covers: in a family file). */
    private static Fact covering(Fact fact, Map<String, List<String>> covers) {
        return new Fact(fact.id(), fact.kind(), fact.values(), fact.weight(), fact.glance(), fact.quick(), fact.optional(),
                fact.family(), fact.texts(), fact.like(), covers);
    }

    private static Pair pair(Fact fact, List<String> a, List<String> b) {
        Family f = family(List.of(fact), List.of(code("A", a.isEmpty() ? Map.of() : Map.of(fact.id(), a)),
                code("B", b.isEmpty() ? Map.of() : Map.of(fact.id(), b))));
        return new Pair(f, f.codes().get(0), f.codes().get(1));
    }

    private static Code code(String id, Map<String, List<String>> facts) {
        return new Code("f", id, "g", Map.of(), facts, List.of(), List.of(), List.of(), null, Map.of(), List.of());
    }

    private static Family family(List<Fact> facts, List<Code> codes) {
        return new Family("f", Map.of(), Map.of(), Map.of(), List.of(new Group("g", Map.of(), Map.of())), facts, Map.of(),
                codes, Map.of(), null, null, List.of("sender"), Map.of());
    }

    /** A statement as one line: pattern, then the codes and values it names. */
    private static String describe(Statement s) {
        List<String> parts = new ArrayList<>(List.of(s.pattern()));
        Set<String> seenCodes = new HashSet<>();
        s.args().forEach((name, arg) -> {
            if (arg instanceof ValuesArg v && v.form().equals(FactText.VALUE)) {
                // ~: said of the rest of what it covers ("any other command").
                parts.add((name.equals("value") ? "" : name.replace("Value", "") + "=") + String.join(",",
                        v.values().stream().map(x -> v.other().contains(x) ? x + "~" : x).toList()));
            }
            if (arg instanceof RefsArg r && seenCodes.add("refs")) {
                List<RefsArg> all = s.args().values().stream().filter(x -> x instanceof RefsArg).map(x -> (RefsArg) x).toList();
                parts.add("refs=" + String.join("|", all.stream().map(x -> String.join(",", x.refs().stream().map(CodeRef::code).toList())).toList()));
            }
        });
        if (s.pattern().equals("differSubset") || s.pattern().equals("differOne")) {
            parts.add(1, "a=" + ((CodeArg) s.args().get("a")).code().id());
        }
        return String.join(" ", parts);
    }
}
