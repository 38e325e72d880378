package dev.versus.validate;

import dev.versus.diagnostics.Location;
import dev.versus.diagnostics.Problems;
import dev.versus.load.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of one YAML map, reporting every problem (missing, wrong type, empty,
 * unknown with a "did you mean") into {@link Problems} with the location of the offending node.
 * Readers return null (or an empty collection) on error, so validation goes on and finds the
 * next problem too.
 */
final class Fields {
    private final YamlNode.Mapping map;
    private final Problems problems;
    private final String what;
    /** Known fields already named in a "did you mean" for a misspelled key: one mistake, one error. */
    private final Set<String> suggested = new HashSet<>();

    private Fields(YamlNode.Mapping map, Problems problems, String what) {
        this.map = map;
        this.problems = problems;
        this.what = what;
    }

    /**
     * Starts reading {@code node} as a map with the given known fields; null (after reporting) if
     * it is not a map. {@code what} names the thing in messages ("code file", "site file").
     */
    static Fields of(YamlNode node, Set<String> known, Problems problems, String what) {
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.add(node.location(), "a " + what + " must be a map of fields, found " + node.kind());
            return null;
        }
        Fields f = new Fields(m, problems, what);
        for (YamlNode.Entry e : m.entries().values()) {
            if (!known.contains(e.key())) {
                var suggestion = Suggest.closest(e.key(), known).filter(s -> !m.entries().containsKey(s));
                suggestion.ifPresent(f.suggested::add);
                String hint = suggestion
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("; known fields: " + String.join(", ", known.stream().sorted().toList()));
                problems.add(e.keyLocation(), "'" + e.key() + "': unknown field in " + what + hint);
            }
        }
        return f;
    }

    Location location() {
        return map.location();
    }

    /** True if the key is written, even with an empty value. */
    boolean contains(String key) {
        return map.get(key) != null;
    }

    /** True if the key is written with a value. */
    boolean has(String key) {
        return map.get(key) != null && !(map.get(key) instanceof YamlNode.Scalar s && s.value() == null);
    }

    /** Where {@code key}'s value is, or the map itself if the key is absent. */
    Location at(String key) {
        YamlNode n = map.get(key);
        return n != null ? n.location() : map.location();
    }

    String text(String key) {
        YamlNode n = map.get(key);
        if (n == null) {
            missing(key, "");
            return null;
        }
        return scalarText(n, key, "write its text");
    }

    /** A text that may be left out; written but empty, it is an error (a key without its text). */
    String optionalText(String key) {
        YamlNode n = map.get(key);
        return n == null || (n instanceof YamlNode.Scalar s && s.value() == null) ? null
                : scalarText(n, key, "write its text or remove the field");
    }

    /** A text that may be left out (a translation falls back to English), but not left empty. */
    String textIfWritten(String key) {
        YamlNode n = map.get(key);
        return n == null ? null : scalarText(n, key, "write its text or remove the field");
    }

    private String scalarText(YamlNode n, String key, String fix) {
        if (!(n instanceof YamlNode.Scalar s)) {
            problems.add(n.location(), "field '" + key + "' must be a text, found " + n.kind());
            return null;
        }
        if (s.value() == null || s.value().isBlank()) {
            problems.add(n.location(), "field '" + key + "' is empty; " + fix);
            return null;
        }
        return withinLimit(s.value().strip(), "field '" + key + "'", n.location());
    }

    /** {@code value}, or null (after reporting) if it is longer than {@link Limits#FIELD_CHARS}. */
    private String withinLimit(String value, String what, Location at) {
        String tooLong = Limits.fieldTooLong(what, value);
        if (tooLong == null) return value;
        problems.add(at, tooLong);
        return null;
    }

    private void missing(String key, String advice) {
        if (suggested.contains(key)) return; // the misspelled key is reported with a "did you mean"
        problems.add(map.location(), "missing required field '" + key + "' in " + what + advice);
    }

    /** A list of scalars; {@code required} makes an absent key an error (an empty list is fine). */
    List<Item> list(String key, boolean required) {
        YamlNode n = map.get(key);
        if (n == null || (n instanceof YamlNode.Scalar s && s.value() == null)) {
            if (required) missing(key, " (write " + key + ": [] if there is nothing to list)");
            return List.of();
        }
        if (!(n instanceof YamlNode.Sequence seq)) {
            problems.add(n.location(), "field '" + key + "' must be a list, found " + n.kind()
                    + " (write " + key + ": [a, b])");
            return List.of();
        }
        List<Item> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (item instanceof YamlNode.Scalar s && s.value() != null && !s.value().isBlank()) {
                String v = withinLimit(s.value().strip(), "an entry of '" + key + "'", s.location());
                if (v != null) out.add(new Item(v, s.location()));
            } else {
                problems.add(item.location(), "each entry of '" + key + "' must be a text, found " + item.kind());
            }
        }
        return out;
    }

    /** The value node of {@code key}, or null. */
    YamlNode node(String key) {
        return map.get(key);
    }

    /** A list of maps, each handed over as a {@link YamlNode}. */
    List<YamlNode> nodes(String key, boolean required) {
        YamlNode n = map.get(key);
        if (n == null) {
            if (required) missing(key, "");
            return List.of();
        }
        if (!(n instanceof YamlNode.Sequence seq)) {
            problems.add(n.location(), "field '" + key + "' must be a list, found " + n.kind());
            return List.of();
        }
        return seq.items();
    }

    /** A map of text values, in file order; keys keep their locations. */
    Map<String, Item> textMap(String key, boolean required) {
        YamlNode n = map.get(key);
        if (n == null) {
            if (required) missing(key, "");
            return Map.of();
        }
        if (!(n instanceof YamlNode.Mapping m)) {
            problems.add(n.location(), "field '" + key + "' must be a map, found " + n.kind());
            return Map.of();
        }
        Map<String, Item> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : m.entries().values()) {
            if (e.value() instanceof YamlNode.Scalar s && s.value() != null && !s.value().isBlank()) {
                String v = withinLimit(s.value().strip(), "'" + key + "." + e.key() + "'", s.location());
                if (v != null) out.put(e.key(), new Item(v, s.location()));
            } else {
                problems.add(e.value().location(), "'" + key + "." + e.key() + "' must be a non-empty text, found "
                        + e.value().kind());
            }
        }
        return out;
    }

    /** A text value and where it was written. */
    record Item(String value, Location location) {}
}
