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
        for (String severity : Vocabulary.SEVERITIES) {
            plain("severity." + severity, "severity." + severity + "A", "severity." + severity + "Plural",
                    "severity." + severity + "Effect");
            pattern("pattern.chooseSender." + severity, "code");
        }
        pattern("pattern.chooseSenderNoClass", "a", "b");
        pattern("pattern.more", "count");
        for (String scope : Vocabulary.SCOPES) plain("scope." + scope);
        for (String cause : Vocabulary.CAUSES) if (!cause.equals("none")) plain("cause." + cause);
        for (String audience : Vocabulary.AUDIENCES) plain("fix." + audience);
        // Read by the renderer itself (not only by templates), so a locale must have them.
        plain("language", "site.title", "site.tagline", "nav.home", "notFound.title", "notFound.text", "notFound.home",
                "search.none");
        pattern("search.results", "count");
        pattern("search.together", "severity", "effect");
        pattern("search.mismatch", "basic", "enhanced");
        plain("search.compare");
        pattern("quick.classDecides", "transient", "permanent");
        pattern("link.code", "family", "code", "title");
        pattern("link.pair", "a", "b");
        pattern("link.familyIndex", "family");
        pattern("home.codes", "count");
        pattern("family.pairsCount", "count");
        pattern("pattern.pageTitle", "family", "a", "aTitle", "b", "bTitle");
        pattern("pattern.codeTitle", "family", "code", "title");
        pattern("pattern.documentTitle", "page", "site");
        pattern("pattern.list2", "first", "second");
        pattern("pattern.listMore", "items", "last");
        plain("pattern.listSeparator");
        pattern("pattern.intro", "family", "a", "aTitle", "aClass", "b", "bTitle", "bClass");
        pattern("pattern.introSameClass", "family", "a", "aTitle", "b", "bTitle", "plural");
        pattern("pattern.introNoClass", "family", "a", "aTitle", "aGroup", "b", "bTitle", "bGroup");
        pattern("pattern.shared", "plural", "effect");
        pattern("pattern.sharedGroup", "group");
        pattern("pattern.diffClass", "a", "b", "aClass", "bClass", "aEffect", "bEffect");
        pattern("pattern.diffGroup", "a", "b", "aGroup", "bGroup");
        pattern("pattern.diffScope", "a", "b", "aScope", "bScope");
        pattern("pattern.diffCommands", "a", "b", "aCommands", "bCommands");
        pattern("pattern.diffCommandsShared", "a", "shared", "aOnly");
        pattern("pattern.diffCommandsSharedBoth", "a", "b", "shared", "aOnly", "bOnly");
        pattern("pattern.diffCause", "a", "b", "aCause", "bCause");
        pattern("pattern.diffLinks", "a", "b", "family", "aLinks", "bLinks");
        pattern("pattern.diffLinksOne", "a", "family", "aLinks");
        pattern("pattern.diffNone", "a", "b");
        pattern("pattern.chooseServerRetry", "transient", "permanent");
        plain("pattern.chooseServerSame");
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
