package dev.versus.render.prose;

import dev.versus.model.Family;
import dev.versus.model.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Finds mentions of codes ("unlike the temporary 452") and RFC sections ("RFC 5321 §4.5.3.1.10")
 * in prose, so they can become links. Only ids of codes that exist are matched, so a number that
 * is not a code stays text. Immutable and thread-safe.
 */
public final class ProseLinker {
    static final String RFC_URL = "https://www.rfc-editor.org/rfc/rfc";

    /** code id → the families that define it, in site order. */
    private final Map<String, List<String>> families = new HashMap<>();
    /**
     * The code ids by their first character, longest first, so "X.1.10" is not read as "X.1.1"
     * followed by "0". A scan, not one regular expression with an alternative per code: the
     * expression tried every id at every position of every text, and was a sixth of a build.
     * The scan looks up every character of every text, so ids that start with an ASCII character
     * (all of them, in practice) are in an array indexed by it: a map boxed each character (a new
     * object for every Japanese one) to find it had no ids.
     */
    private final String[][] idsByAsciiChar = new String[128][];
    private final Map<Character, String[]> idsByOtherChar = new HashMap<>();

    public ProseLinker(Site site) {
        Map<Character, List<String>> ids = new HashMap<>();
        for (Family f : site.families()) {
            f.codes().forEach(c -> {
                List<String> fams = families.computeIfAbsent(c.id(), k -> new ArrayList<>());
                if (fams.isEmpty()) ids.computeIfAbsent(c.id().charAt(0), k -> new ArrayList<>()).add(c.id());
                fams.add(f.id());
            });
        }
        ids.forEach((first, list) -> {
            list.sort((x, y) -> Integer.compare(y.length(), x.length()));
            if (first < idsByAsciiChar.length) idsByAsciiChar[first] = list.toArray(String[]::new);
            else idsByOtherChar.put(first, list.toArray(String[]::new));
        });
    }

    /** The URL of an RFC, at a section if given. */
    public static String rfcUrl(String number, String section) {
        return RFC_URL + number + (section == null ? "" : "#section-" + section);
    }

    /**
     * Calls {@code sink} for every mention in {@code text} with the link target:
     * {@code codeHref(family, code)} for codes (null leaves the code unlinked), the RFC URL for
     * RFC mentions. A code defined in several families links within {@code preferredFamily}.
     */
    public void forEachMention(String text, String preferredFamily, BiFunction<String, String, String> codeHref,
                               MentionSink sink) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end = rfcMention(text, i);
            String href = null;
            if (end > 0) {
                href = rfcUrl(text, i, end);
            } else if ((end = codeMention(text, i)) > 0) {
                String id = text.substring(i, end);
                List<String> fams = families.get(id);
                String family = fams.contains(preferredFamily) ? preferredFamily : fams.get(0);
                href = codeHref.apply(family, id);
            }
            if (end > 0) {
                if (href != null) sink.accept(i, end, href);
                i = end;
            } else {
                i++;
            }
        }
    }

    /**
     * The end of an RFC mention at {@code i} ({@code RFC 5321}, {@code RFC5321},
     * {@code RFC 5321 §4.5.3.1.10}, {@code RFC 5321§ 4.2}), or -1: "RFC", an optional space, one to
     * five digits, then optionally an optional space, "§", an optional space and a dotted number.
     */
    private static int rfcMention(String text, int i) {
        if (!text.startsWith("RFC", i)) return -1;
        int p = i + 3;
        if (p < text.length() && text.charAt(p) == ' ') p++;
        int digits = digits(text, p);
        if (digits == 0) return -1;
        // "RFC 123456" is "RFC 12345" followed by "6", as the pattern this replaces read it.
        int end = p + Math.min(digits, 5);
        int s = end;
        if (s < text.length() && text.charAt(s) == ' ') s++;
        if (s >= text.length() || text.charAt(s) != '§') return end;
        s++;
        if (s < text.length() && text.charAt(s) == ' ') s++;
        int sectionEnd = dottedNumber(text, s);
        return sectionEnd < 0 ? end : sectionEnd;
    }

    /** The URL of the RFC mention {@code text[start, end)} found by {@link #rfcMention}. */
    private static String rfcUrl(String text, int start, int end) {
        int p = start + 3;
        if (text.charAt(p) == ' ') p++;
        int numberEnd = p + Math.min(digits(text, p), 5);
        int section = text.indexOf('§', numberEnd);
        if (section < 0 || section >= end) return rfcUrl(text.substring(p, numberEnd), null);
        int s = section + 1;
        if (text.charAt(s) == ' ') s++;
        return rfcUrl(text.substring(p, numberEnd), text.substring(s, end));
    }

    /** The end of {@code [0-9]+(\.[0-9]+)*} at {@code i}, or -1. */
    private static int dottedNumber(String text, int i) {
        int d = digits(text, i);
        if (d == 0) return -1;
        int end = i + d;
        while (end + 1 < text.length() && text.charAt(end) == '.' && isDigit(text.charAt(end + 1))) {
            end += 1 + digits(text, end + 1);
        }
        return end;
    }

    private static int digits(String text, int i) {
        int p = i;
        while (p < text.length() && isDigit(text.charAt(p))) p++;
        return p - i;
    }

    /**
     * The end of a code id at {@code i}, or -1. An id counts only on its own: not inside a word,
     * a number, an RFC section or a path ({@code §4.2.1}, {@code /421}, {@code 5.421}, {@code 4210}),
     * and not followed by a letter, a digit or a further ".digit" ("X.1.1" in "X.1.10" is not a mention).
     */
    private int codeMention(String text, int i) {
        char first = text.charAt(i);
        String[] ids = first < idsByAsciiChar.length ? idsByAsciiChar[first]
                : idsByOtherChar.isEmpty() ? null : idsByOtherChar.get(first);
        if (ids == null) return -1;
        if (i > 0) {
            char before = text.charAt(i - 1);
            if (isWordChar(before) || before == '.' || before == '§' || before == '/' || before == '#' || before == '-') {
                return -1;
            }
        }
        for (String id : ids) {
            if (!text.startsWith(id, i)) continue;
            int end = i + id.length();
            if (end < text.length()) {
                char after = text.charAt(end);
                if (isWordChar(after)) continue;
                if (after == '.' && end + 1 < text.length() && isDigit(text.charAt(end + 1))) continue;
            }
            return end;
        }
        return -1;
    }

    /** {@code \\w} of Java's regular expressions: ASCII letters, digits and the underscore. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Links every mention in {@code escaped}, HTML text without tags, and returns the markup. */
    public String link(String escaped, String preferredFamily, BiFunction<String, String, String> codeHref) {
        StringBuilder out = new StringBuilder(escaped.length() + 64);
        int[] last = {0};
        forEachMention(escaped, preferredFamily, codeHref, (start, end, href) -> {
            out.append(escaped, last[0], start).append("<a href=\"").append(Html.escape(href)).append("\">")
                    .append(escaped, start, end).append("</a>");
            last[0] = end;
        });
        return out.append(escaped, last[0], escaped.length()).toString();
    }

    /** Receives one mention found by {@link #forEachMention}. */
    @FunctionalInterface
    public interface MentionSink {
        void accept(int start, int end, String href);
    }
}
