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
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        while (m.find()) {
            String v = args.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("pattern '" + key + "' in locale " + locale
                        + " uses {" + m.group(1) + "}, which is not provided here");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder names a pattern uses. */
    public static java.util.Set<String> placeholders(String pattern) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) names.add(m.group(1));
        return names;
    }
}
