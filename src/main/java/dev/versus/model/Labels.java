package dev.versus.model;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A locale's UI labels and sentence patterns, flat dotted keys ({@code section.description}).
 * Patterns use named placeholders ({@code {code}}), so each language orders words its own way.
 */
public record Labels(String locale, Map<String, String> values) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public Labels {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalStateException("label '" + key + "' missing in locale " + locale);
        return v;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Fills the pattern {@code key} with {@code args}; an unknown placeholder is a bug, not a blank. */
    public String format(String key, Map<String, String> args) {
        return fill(get(key), args, key);
    }

    public String fill(String pattern, Map<String, String> args, String key) {
        // A scan rather than the regular expression: thousands of pages fill a few patterns each.
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int last = 0;
        int open = pattern.indexOf('{');
        while (open >= 0) {
            int close = placeholderEnd(pattern, open);
            if (close < 0) {
                open = pattern.indexOf('{', open + 1);
                continue;
            }
            String name = pattern.substring(open + 1, close);
            String v = args.get(name);
            if (v == null) {
                throw new IllegalStateException("pattern '" + key + "' in locale " + locale
                        + " uses {" + name + "}, which is not provided here");
            }
            out.append(pattern, last, open);
            // Patterns space placeholders for Latin values ("{bTitle} の違い"); between a Japanese
            // value and Japanese text the space is a gap, not a word break, so it goes.
            int n = out.length();
            if (n > 1 && !v.isEmpty() && out.charAt(n - 1) == ' ' && Text.isWide(out.charAt(n - 2)) && Text.isWide(v.charAt(0))) {
                out.setLength(n - 1);
            }
            out.append(v);
            last = close + 1;
            if (!v.isEmpty() && Text.isWide(v.charAt(v.length() - 1)) && last + 1 < pattern.length()
                    && pattern.charAt(last) == ' ' && Text.isWide(pattern.charAt(last + 1))) {
                last++;
            }
            open = pattern.indexOf('{', last);
        }
        return out.append(pattern, last, pattern.length()).toString();
    }

    /** The index of the "}" closing a placeholder ({@link #PLACEHOLDER}) opened at {@code open}, or -1. */
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
    public static java.util.Set<String> placeholders(String pattern) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) names.add(m.group(1));
        return names;
    }
}
