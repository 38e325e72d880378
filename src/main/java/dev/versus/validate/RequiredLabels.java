package dev.versus.validate;

import dev.versus.model.LabelKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The labels the Java side fills in, each with the placeholders it provides: the keys of
 * {@link LabelKey}, where their readers declare them, and the headings of the default fix audiences. A locale
 * file that lacks one, or uses a placeholder its caller does not provide, is a content error,
 * found at validation instead of as a broken sentence on a page. Labels used only by templates
 * are checked against the default locale instead.
 */
public final class RequiredLabels {
    private static final Map<String, Set<String>> PATTERNS = new LinkedHashMap<>();

    static {
        // The headings of the default audiences, for a family that declares none of its own.
        for (String audience : Vocabulary.DEFAULT_AUDIENCES) plain("fix." + audience);
        // Every label the Java side reads, declared with the placeholders its reader provides.
        for (LabelKey key : LabelKey.values()) PATTERNS.put(key.key(), key.placeholders());
    }

    private RequiredLabels() {}

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
