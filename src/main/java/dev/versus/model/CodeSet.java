package dev.versus.model;

/**
 * The values of a {@link Fact.Kind#CODES} fact, each {@code family:entry}: a code of that family
 * ({@code smtp:550}), or a set of its codes the content names without listing them, for
 * pairings a registry gives as "Any" or as a class ("5XX", RFC 7293 §15.3):
 * <ul>
 *   <li>{@code family:*} (written {@code any}): any code of the family;</li>
 *   <li>{@code family:*5XX} (written {@code 5XX}): any code of the family as long as that one, that
 *       starts with the characters before the trailing {@code X}s.</li>
 * </ul>
 * A code never contains {@code *} (its page address would not allow it), so the forms cannot be
 * confused. Generic: nothing here knows a family.
 * <p>
 * A value may also be a code the registry names that the family has no page for, because no
 * specification defines it (the IANA registry pairs X.7.10 with 523, which no RFC defines, RFC 5248
 * Table 1): {@code family:~523}, written {@code '523'}. It is one code, not a set; a page says it
 * without a link, in the fact's {@code values.unlisted} form, so that no sentence claims the
 * registry pairs a code with nothing.
 */
public final class CodeSet {
    private CodeSet() {}

    /** How a code file writes "any code of the family". */
    public static final String ANY = "any";
    /** The label key of a fact's class values: its {@code values.class} names every class, with {@code {class}}. */
    public static final String CLASS = "class";
    /**
     * The label key, on the side that receives codes through another code's set, of those codes:
     * form {@code value} follows the code's own pairings ("Also, as for any {class} reply:
     * {codes}"), {@code alone} stands when it has none, {@code any} (optional) names an "any" set.
     */
    public static final String HELD = "held";
    /** The placeholder a held label uses for the codes. */
    public static final String CODES_PLACEHOLDER = "codes";
    /** The forms of the held label. */
    public static final String HELD_ALONE = "alone";

    /** The label key of a code the family has no page for: its {@code values.unlisted} names it, with {@code {code}}. */
    public static final String UNLISTED = "unlisted";
    /** The placeholder an unlisted label uses for the code. */
    public static final String CODE_PLACEHOLDER = "code";

    /** The stored value for {@code code}, a code of {@code family} that has no page. */
    public static String unlisted(String family, String code) {
        return family + ":~" + code;
    }

    /** Whether a stored value is a code its family has no page for. */
    public static boolean isUnlisted(String value) {
        int colon = value.indexOf(':');
        return colon >= 0 && value.startsWith("~", colon + 1);
    }

    /** The code as written ("523") of an unlisted value. */
    public static String unlistedCode(String value) {
        return value.substring(value.indexOf(':') + 2);
    }

    /** The placeholder a class label uses for the class as written ("5XX"). */
    public static final String CLASS_PLACEHOLDER = "class";

    private static final java.util.regex.Pattern CLASS_WRITTEN = java.util.regex.Pattern.compile("[0-9A-WYZa-z]+X+");

    /** Whether {@code written} is a class as a code file writes it: leading characters, then one or more X. */
    public static boolean isClass(String written) {
        return CLASS_WRITTEN.matcher(written).matches();
    }

    /** The stored value for {@code written} ({@code any} or a class) of {@code family}. */
    public static String of(String family, String written) {
        return family + ":*" + (written.equals(ANY) ? "" : written);
    }

    /** Whether a stored value is a set of codes rather than one code. */
    public static boolean isSet(String value) {
        int colon = value.indexOf(':');
        return colon >= 0 && value.startsWith("*", colon + 1);
    }

    /** The label key of a set value: {@link #ANY} or {@link #CLASS}. */
    public static String labelOf(String value) {
        return classOf(value) == null ? ANY : CLASS;
    }

    /** The class as written ("5XX") of a set value, or null for "any". */
    public static String classOf(String value) {
        String entry = value.substring(value.indexOf(':') + 2);
        return entry.isEmpty() ? null : entry;
    }

    /**
     * A class as pages say it: the code file's 5XX as the prose of RFC 5321 and of the site writes
     * it, 5xx, so that a table cell and the sentence beside it agree.
     */
    public static String shown(String written) {
        int x = written.length();
        while (x > 0 && written.charAt(x - 1) == 'X') x--;
        return written.substring(0, x) + "x".repeat(written.length() - x);
    }

    /** What a code file wrote for a set value: {@code any} or the class. */
    public static String written(String value) {
        String c = classOf(value);
        return c == null ? ANY : c;
    }

    /** Whether set {@code set} holds the code {@code value} ({@code family:code}, of the same family). */
    public static boolean holds(String set, String value) {
        int colon = set.indexOf(':');
        return isSet(set) && !isSet(value) && value.startsWith(set.substring(0, colon + 1))
                && covers(set, value.substring(colon + 1));
    }

    /** Whether set {@code value} holds code {@code code} of its family. */
    public static boolean covers(String value, String code) {
        String c = classOf(value);
        if (c == null) return true;
        int x = c.length();
        while (x > 0 && c.charAt(x - 1) == 'X') x--;
        return code.length() == c.length() && code.startsWith(c.substring(0, x));
    }
}
