package dev.versus.model;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every label and sentence pattern the Java side reads from a locale, each with the placeholders
 * its caller provides: the one list {@code validate.RequiredLabels} checks every locale against
 * (a locale that lacks one, or a pattern that uses a placeholder nobody provides, is a content
 * error). Java code outside {@code model} and {@code validate} reads labels only through these
 * constants ({@link Labels#get(LabelKey)}), and {@code ArchitectureTest} holds it to that, so a
 * key that code uses but the check does not know cannot exist. Grouped by the class that reads
 * them. Labels used only by templates are data: they are checked against the default locale.
 * A fix's audience heading ({@code fix.<audience>}) is read through {@link Labels#audience}: which
 * audiences there are is data.
 */
public enum LabelKey {
    // SiteRenderer (every page's frame, the 404 page, homes, family indexes, code and pair titles)
    LANGUAGE("language"),
    SITE_TITLE("site.title"),
    SITE_TAGLINE("site.tagline"),
    NAV_HOME("nav.home"),
    NOT_FOUND_TITLE("notFound.title"),
    NOT_FOUND_TEXT("notFound.text"),
    NOT_FOUND_HOME("notFound.home"),
    HOME_CODES("home.codes", "count"),
    FAMILY_PAIRS_COUNT("family.pairsCount", "count"),
    FAMILY_GROUP("family.group", "group", "key", "name"),
    LINK_PAIR("link.pair", "a", "b"),
    PATTERN_CODE_TITLE("pattern.codeTitle", "family", "code", "title"),
    PATTERN_DOCUMENT_TITLE("pattern.documentTitle", "page", "site"),

    // SearchIndex (the search box's messages; LINK_PAIR too)
    SEARCH_NONE("search.none"),
    SEARCH_RESULTS("search.results", "count"),
    SEARCH_TOGETHER("search.together", "severity", "effect"),
    SEARCH_MISMATCH("search.mismatch", "basic", "enhanced"),
    SEARCH_COMPARE("search.compare"),

    // LearnMoreLinks
    LINK_FAMILY_INDEX("link.familyIndex", "family", "familyTitle"),
    PATTERN_SEE_COMPARISON("pattern.seeComparison", "a", "b"),
    PATTERN_LEARN_MORE_CODES("pattern.learnMoreCodes", "code", "title"),

    // Lists, in PairSentences, CodeViews and QuickAnswers
    PATTERN_LIST2("pattern.list2", "first", "second"),
    PATTERN_LIST_MORE("pattern.listMore", "items", "last"),
    PATTERN_LIST_SEPARATOR("pattern.listSeparator"),
    PATTERN_LIST_OR2("pattern.listOr2", "first", "second"),
    PATTERN_LIST_OR_MORE("pattern.listOrMore", "items", "last"),
    PATTERN_LIST_OR_SEPARATOR("pattern.listOrSeparator"),
    PATTERN_GROUP2("pattern.group2", "first", "second"),
    PATTERN_GROUP_MORE("pattern.groupMore", "items", "last"),
    PATTERN_GROUP_SEPARATOR("pattern.groupSeparator"),

    // PairSentences: the sentences of a comparison page that no fact says; a family may replace
    // any pattern.* of them with its own (patterns: in _family.yaml), under the same contract.
    PATTERN_PAGE_TITLE("pattern.pageTitle", Pair.PLACEHOLDERS),
    PATTERN_PAGE_TITLE_SHORT("pattern.pageTitleShort", Pair.PLACEHOLDERS),
    PATTERN_INTRO("pattern.intro", Pair.PLACEHOLDERS),
    /** The intro when no fact differs: Key differences then gives what each code means. */
    PATTERN_INTRO_SAME("pattern.introSame", Pair.PLACEHOLDERS),
    PATTERN_DESCRIPTION("pattern.description", Pair.PLACEHOLDERS),
    PATTERN_GLANCE_CAPTION("pattern.glanceCaption", Pair.PLACEHOLDERS),
    PATTERN_DIFF_NONE("pattern.diffNone", Pair.PLACEHOLDERS),
    PATTERN_CHOOSE_SERVER_SAME("pattern.chooseServerSame", Pair.PLACEHOLDERS),
    PATTERN_CHOOSE_SENDER_NONE("pattern.chooseSenderNone", Pair.PLACEHOLDERS),
    PATTERN_DIFF_MEANING("pattern.diffMeaning", "code", "title", "summary"),
    PATTERN_SHARED("pattern.shared", "clauses"),
    PATTERN_CLAUSES2("pattern.clauses2", "first", "second"),
    PATTERN_CLAUSES_MORE("pattern.clausesMore", "items", "last"),
    PATTERN_CLAUSES_SEPARATOR("pattern.clausesSeparator"),
    PATTERN_MORE("pattern.more", "count"),
    GLANCE_NONE("glance.none"),
    // Read by pair.ftlh beside the table PairSentences writes, required with it.
    GLANCE_DIFFERS("glance.differs"),
    GLANCE_FACT("glance.fact"),

    // JsonExport: the headings a product shows with the JSON copy of a code
    QUICK_TITLE("quick.title"),
    SECTION_DESCRIPTION("section.description"),
    SECTION_WHEN("section.when"),
    SECTION_FIX("section.fix"),
    CODE_SECTION_NOTES("code.section.notes"),
    CODE_EXAMPLES("code.examples"),
    CODE_RELATED("code.related"),
    CODE_LINKS("code.links"),
    CODE_REFERENCES("code.references");

    /**
     * The placeholders of the comparison page's own sentences: the pair, its codes' titles and
     * summaries (as a sentence, or as a clause to follow "means that": {@code aSummaryClause}),
     * and the first of the key differences as a sentence ({@code difference}).
     */
    private static final class Pair {
        static final String[] PLACEHOLDERS = {"family", "a", "aTitle", "aSummary", "aSummaryClause", "b", "bTitle",
                "bSummary", "bSummaryClause", "difference"};
    }

    private static final String PATTERN_PREFIX = "pattern.";

    private final String key;
    private final Set<String> placeholders;

    LabelKey(String key, String... placeholders) {
        this.key = key;
        this.placeholders = Collections.unmodifiableSet(new TreeSet<>(List.of(placeholders)));
    }

    /** The dotted key in {@code locales/<l>.yaml}. */
    public String key() {
        return key;
    }

    /** The placeholders Java provides when it fills this label; empty for a plain label. */
    public Set<String> placeholders() {
        return placeholders;
    }

    /** For a {@code pattern.<name>} key, the name a family's {@code patterns:} replaces it under; else null. */
    public String patternName() {
        return key.startsWith(PATTERN_PREFIX) ? key.substring(PATTERN_PREFIX.length()) : null;
    }

    @Override
    public String toString() {
        return key;
    }
}
