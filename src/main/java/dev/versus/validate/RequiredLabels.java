package dev.versus.validate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The labels the Java side fills in, each with the placeholders it provides. A locale file that
 * lacks one, or uses a placeholder its caller does not provide, is a content error, found at
 * validation instead of as a broken sentence on a page. Labels used only by templates are
 * checked against the default locale instead.
 */
public final class RequiredLabels {
    private static final Map<String, Set<String>> PATTERNS = new LinkedHashMap<>();

    static {
        pattern("pattern.more", "count");
        for (String audience : Vocabulary.AUDIENCES) plain("fix." + audience);
        // Read by the renderer itself (not only by templates), so a locale must have them.
        plain("language", "site.title", "site.tagline", "nav.home", "notFound.title", "notFound.text", "notFound.home",
                "search.none");
        pattern("search.results", "count");
        pattern("search.together", "severity", "effect");
        pattern("search.mismatch", "basic", "enhanced");
        plain("search.compare");
        pattern("link.code", "family", "code", "title");
        pattern("link.pair", "a", "b");
        pattern("link.familyIndex", "family");
        pattern("home.codes", "count");
        pattern("family.pairsCount", "count");
        pattern("family.group", "group", "key", "name");
        pattern("pattern.pageTitle", "family", "a", "aTitle", "aSummary", "b", "bTitle", "bSummary");
        pattern("pattern.codeTitle", "family", "code", "title");
        pattern("pattern.documentTitle", "page", "site");
        pattern("pattern.list2", "first", "second");
        pattern("pattern.listMore", "items", "last");
        plain("pattern.listSeparator");
        pattern("pattern.listOr2", "first", "second");
        pattern("pattern.listOrMore", "items", "last");
        plain("pattern.listOrSeparator");
        pattern("pattern.group2", "first", "second");
        pattern("pattern.groupMore", "items", "last");
        plain("pattern.groupSeparator");
        // The sentences of a comparison page that no fact says; a family may replace any of them
        // with its own (patterns: in _family.yaml), under the same contract.
        String[] pair = {"family", "a", "aTitle", "aSummary", "b", "bTitle", "bSummary"};
        pattern("pattern.intro", pair);
        pattern("pattern.glanceCaption", pair);
        pattern("pattern.diffNone", pair);
        pattern("pattern.chooseServerSame", pair);
        pattern("pattern.chooseSenderNone", pair);
        pattern("pattern.diffMeaning", "code", "title", "summary");
        pattern("pattern.shared", "clauses");
        pattern("pattern.clauses2", "first", "second");
        pattern("pattern.clausesMore", "items", "last");
        plain("pattern.clausesSeparator");
        plain("glance.none", "glance.differs", "glance.fact");
        pattern("pattern.seeComparison", "a", "b");
        pattern("pattern.learnMoreCodes", "code", "title");
    }

    private RequiredLabels() {}

    private static void pattern(String key, String... placeholders) {
        PATTERNS.put(key, new TreeSet<>(Set.of(placeholders)));
    }

    private static void plain(String... keys) {
        for (String k : keys) PATTERNS.put(k, Set.of());
    }

    public static Set<String> keys() {
        return PATTERNS.keySet();
    }

    /** The placeholders {@code key} may use, or null if the key is not filled by Java. */
    public static Set<String> placeholders(String key) {
        return PATTERNS.get(key);
    }
}
