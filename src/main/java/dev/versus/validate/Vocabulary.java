package dev.versus.validate;

import java.util.List;
import java.util.Set;

/** The closed word lists of the content format (see docs/CONTENT-FORMAT.md). */
public final class Vocabulary {
    private Vocabulary() {}

    /**
     * The audiences of {@code fix} of a family that declares none ({@code audiences:} in
     * {@code _family.yaml}), in the order pages show them, each headed by the locale's
     * {@code fix.<audience>} label (docs/CONTENT-FORMAT.md). The only place an audience is named in Java.
     */
    public static final List<String> DEFAULT_AUDIENCES = List.of("sender", "recipient", "admin");
    /** The fields of an audience in {@code _family.yaml}. */
    static final Set<String> AUDIENCE_FIELDS = Set.of("id", "label");
    /**
     * The labels of a locale a family may say in its own words on its pages and in its search
     * answers ({@code labels:} in {@code _family.yaml}): the ones whose theme wording cannot suit
     * every kind of code.
     */
    public static final List<String> FAMILY_LABELS = List.of("section.forServer", "section.forSender", "search.mismatch");

    static final Set<String> SITE_FIELDS = Set.of("title", "description", "baseUrl", "defaultLocale", "locales",
            "stylesheets", "compactPages");
    static final Set<String> FAMILY_FIELDS = Set.of("id", "name", "title", "description", "codePattern",
            "groupBy", "groups", "facts", "patterns", "pairs", "index", "audiences", "labels", "alternatives");
    /** The fields of {@code index:} in a family file (docs/CONTENT-FORMAT.md). */
    static final Set<String> INDEX_FIELDS = Set.of("groupedBy", "column");
    /** The rules of {@code pairs:} in a family file; besides them, a list of pairs. */
    static final List<String> PAIR_RULES = java.util.Arrays.stream(dev.versus.model.PairSelection.Rule.values())
            .map(dev.versus.model.PairSelection.Rule::word).filter(java.util.Objects::nonNull).toList();
    static final Set<String> FAMILY_TRANSLATION_FIELDS = Set.of("name", "title", "description", "groups", "facts",
            "patterns", "audiences", "labels");
    /** The fields of a group besides the facts of its family, which give its codes' defaults. */
    static final Set<String> GROUP_FIELDS = Set.of("key", "name");
    static final Set<String> TEXT_FIELDS = Set.of("title", "summary", "description", "when", "use", "fix", "notes");
    /** The map of a translation file that records which English each field was translated from. */
    public static final String SOURCE = "source";
    /** Per-language search phrases and real reply texts: not translations, so not in {@link #SOURCE}. */
    static final String ALIASES = "aliases";
    static final String EXAMPLES = "examples";
    static final Set<String> EXAMPLE_FIELDS = Set.of("text", "from", "source");
    static final Set<String> TRANSLATION_FIELDS = Set.of("title", "summary", "description", "when", "use", "fix", "notes", SOURCE,
            ALIASES, EXAMPLES);
    /**
     * Ids of the translated fields of a code whose family has {@code audiences}, as keys of
     * {@link #SOURCE}, in the order of the content format.
     */
    public static List<String> translatedFieldIds(java.util.Collection<String> audiences) {
        return java.util.stream.Stream.of(
                List.of("title", "summary", "description", "when", "use"), audiences.stream().map(a -> "fix." + a).toList(),
                List.of("notes")).flatMap(List::stream).toList();
    }
    /** The fields of a code file besides the facts of its family. */
    static final Set<String> CODE_FIELDS = Set.of("code", "title", "summary", "description", "when", "use", "fix", "notes",
            "related", "seeAlso", "references", ALIASES, EXAMPLES);
    static final Set<String> REFERENCE_FIELDS = Set.of("title", "url");
}
