package dev.versus.validate;

import java.util.List;
import java.util.Set;

/** The closed word lists of the content format (see docs/CONTENT-FORMAT.md). */
public final class Vocabulary {
    private Vocabulary() {}

    public static final List<String> SEVERITIES = List.of("success", "intermediate", "transient", "permanent");
    /** From the widest to the narrowest, the order difference sentences compare them in. */
    public static final List<String> SCOPES = List.of("connection", "session", "transaction", "recipient", "message", "command");
    public static final List<String> CAUSES = List.of("sender", "receiver", "either", "none");
    /** Audiences of {@code fix}, in the order pages show them. */
    public static final List<String> AUDIENCES = List.of("sender", "recipient", "admin");

    static final Set<String> SITE_FIELDS = Set.of("title", "description", "baseUrl", "defaultLocale", "locales",
            "stylesheets", "compactPages");
    static final Set<String> FAMILY_FIELDS = Set.of("id", "name", "title", "description", "codePattern",
            "groupBy", "groups", "commands");
    static final Set<String> FAMILY_TRANSLATION_FIELDS = Set.of("name", "title", "description", "groups", "commands");
    static final Set<String> GROUP_FIELDS = Set.of("key", "name", "severity");
    static final Set<String> TEXT_FIELDS = Set.of("title", "summary", "description", "when", "use", "fix", "notes");
    /** The map of a translation file that records which English each field was translated from. */
    public static final String SOURCE = "source";
    /** Per-language search phrases and real reply texts: not translations, so not in {@link #SOURCE}. */
    static final String ALIASES = "aliases";
    static final String EXAMPLES = "examples";
    static final Set<String> EXAMPLE_FIELDS = Set.of("text", "from", "source");
    static final Set<String> TRANSLATION_FIELDS = Set.of("title", "summary", "description", "when", "use", "fix", "notes", SOURCE,
            ALIASES, EXAMPLES);
    /** Ids of the translated fields, as keys of {@link #SOURCE}, in the order of the content format. */
    public static final List<String> TRANSLATED_FIELD_IDS = java.util.stream.Stream.of(
            List.of("title", "summary", "description", "when", "use"), AUDIENCES.stream().map(a -> "fix." + a).toList(),
            List.of("notes")).flatMap(List::stream).toList();
    static final Set<String> CODE_FIELDS = Set.of("code", "title", "summary", "description", "when", "use", "fix", "notes",
            "scope", "cause", "commands", "related", "seeAlso", "references", ALIASES, EXAMPLES);
    static final Set<String> REFERENCE_FIELDS = Set.of("title", "url");
}
