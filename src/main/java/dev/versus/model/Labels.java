package dev.versus.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A locale's UI labels and sentence patterns, flat dotted keys ({@code section.description}).
 * Patterns use named placeholders ({@code {code}}), so each language orders words its own way.
 */
public record Labels(String locale, Map<String, String> values) {
    public Labels {
        // In key order, as before, but looked up by hash: templates and the sentence writer read
        // a few hundred labels per page, and a tree's string comparisons were 2 % of rendering.
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(new TreeMap<>(values)));
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalStateException("label '" + key + "' missing in locale " + locale);
        return v;
    }

    /** A label the Java side reads: one of the keys {@code check} requires of every locale. */
    public String get(LabelKey key) {
        return get(key.key());
    }

    /** The heading of a fix's audience ({@code fix.<audience>}); the audiences are data, each one's label required. */
    public String audience(String audience) {
        return get("fix." + audience);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Fills the pattern {@code key} with {@code args}; an unknown placeholder is a bug, not a blank. */
    public String format(String key, Map<String, String> args) {
        return fill(get(key), args, key);
    }

    /** Fills the pattern {@code key} with {@code args}, which must name its placeholders. */
    public String format(LabelKey key, Map<String, String> args) {
        return format(key.key(), args);
    }

    public String fill(String pattern, Map<String, String> args, String key) {
        return fill(segments(pattern), args::get, false, key, locale);
    }

    /**
     * The one pattern filler, for labels and for generated sentences: {@code segments} (from
     * {@link #segments}) with each placeholder replaced by {@code value.apply(name)}. A space
     * the pattern puts between a wide (Japanese) value and wide text goes, on either side
     * ({@link Text#startsWithGap}); with {@code html}, the values are HTML and their edges are
     * read past their tags. A placeholder without a value is a bug the validator should have
     * caught, not a blank.
     */
    public static String fill(List<String> segments, java.util.function.Function<String, String> value, boolean html,
                              String key, String locale) {
        StringBuilder out = new StringBuilder(128);
        boolean wideBefore = false;
        for (int i = 0; i < segments.size(); i++) {
            String part = segments.get(i);
            if (i % 2 == 0) {
                out.append(wideBefore && Text.startsWithGap(part) ? part.substring(1) : part);
                continue;
            }
            String v = value.apply(part);
            if (v == null) {
                throw new IllegalStateException("pattern '" + key + "' in locale " + locale
                        + " uses {" + part + "}, which is not provided here");
            }
            char first = html ? firstVisible(v) : v.isEmpty() ? ' ' : v.charAt(0);
            if (Text.endsWithGap(out) && Text.isWide(first)) out.setLength(out.length() - 1);
            out.append(v);
            wideBefore = Text.isWide(html ? lastVisible(v) : v.isEmpty() ? ' ' : v.charAt(v.length() - 1));
        }
        return out.toString();
    }

    /** The first character of {@code html} outside its tags, or a space if there is none. */
    public static char firstVisible(String html) {
        int i = 0;
        while (i < html.length() && html.charAt(i) == '<') {
            int close = html.indexOf('>', i);
            if (close < 0) break;
            i = close + 1;
        }
        return i < html.length() ? html.charAt(i) : ' ';
    }

    /** The last character of {@code html} outside its tags, or a space if there is none. */
    public static char lastVisible(String html) {
        int end = html.length();
        while (end > 0 && html.charAt(end - 1) == '>') {
            int open = html.lastIndexOf('<', end - 1);
            if (open < 0) break;
            end = open;
        }
        return end > 0 ? html.charAt(end - 1) : ' ';
    }

    /** Split patterns, by pattern text: a locale has a few hundred, filled thousands of times each. */
    private static final Map<String, List<String>> SEGMENTS = new ConcurrentHashMap<>();

    /**
     * A pattern split at its placeholders ({@code {name}}: an ASCII letter, then letters and
     * digits): literal text and placeholder names alternating, literal first and last (possibly
     * empty). Braces around anything else are literal text. The one reading of the syntax, for
     * {@link #fill}, {@link #placeholders} and the sentence writer.
     */
    public static List<String> segments(String pattern) {
        return SEGMENTS.computeIfAbsent(pattern, p -> {
            List<String> out = new ArrayList<>();
            int last = 0;
            int open = p.indexOf('{');
            while (open >= 0) {
                int close = placeholderEnd(p, open);
                if (close < 0) {
                    open = p.indexOf('{', open + 1);
                    continue;
                }
                out.add(p.substring(last, open));
                out.add(p.substring(open + 1, close));
                last = close + 1;
                open = p.indexOf('{', last);
            }
            out.add(p.substring(last));
            return List.copyOf(out);
        });
    }

    /** The index of the "}" closing a placeholder opened at {@code open}, or -1. */
    private static int placeholderEnd(String pattern, int open) {
        int i = open + 1;
        if (i >= pattern.length() || !isAsciiLetter(pattern.charAt(i))) return -1;
        i++;
        while (i < pattern.length() && (isAsciiLetter(pattern.charAt(i)) || pattern.charAt(i) >= '0' && pattern.charAt(i) <= '9')) i++;
        return i < pattern.length() && pattern.charAt(i) == '}' ? i : -1;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The placeholder names a pattern uses. */
    public static Set<String> placeholders(String pattern) {
        List<String> segments = segments(pattern);
        Set<String> names = new TreeSet<>();
        for (int i = 1; i < segments.size(); i += 2) names.add(segments.get(i));
        return names;
    }
}
