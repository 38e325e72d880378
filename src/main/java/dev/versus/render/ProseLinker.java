package dev.versus.render;

import dev.versus.model.Family;
import dev.versus.model.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds mentions of codes ("unlike the temporary 452") and RFC sections ("RFC 5321 §4.5.3.1.10")
 * in prose, so they can become links. Only ids of codes that exist are matched, so a number that
 * is not a code stays text. Immutable and thread-safe.
 */
public final class ProseLinker {
    static final String RFC_URL = "https://www.rfc-editor.org/rfc/rfc";

    private final Pattern mention;
    /** code id → the families that define it, in site order. */
    private final Map<String, List<String>> families = new HashMap<>();

    public ProseLinker(Site site) {
        List<String> ids = new ArrayList<>();
        for (Family f : site.families()) {
            f.codes().forEach(c -> {
                families.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(f.id());
                ids.add(Pattern.quote(c.id()));
            });
        }
        // Longest first, so "X.1.10" is not read as "X.1.1" followed by "0".
        ids.sort((x, y) -> Integer.compare(y.length(), x.length()));
        String codes = ids.isEmpty() ? "(?!)" : String.join("|", ids);
        mention = Pattern.compile("(RFC ?([0-9]{1,5})(?: ?§ ?([0-9]+(?:\\.[0-9]+)*))?)"
                + "|(?<![\\w.§/#-])(" + codes + ")(?![\\w]|\\.[0-9])");
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
        Matcher m = mention.matcher(text);
        while (m.find()) {
            String href;
            if (m.group(1) != null) {
                href = rfcUrl(m.group(2), m.group(3));
            } else {
                List<String> fams = families.get(m.group(4));
                String family = fams.contains(preferredFamily) ? preferredFamily : fams.get(0);
                href = codeHref.apply(family, m.group(4));
            }
            if (href != null) sink.accept(m.start(), m.end(), href);
        }
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
