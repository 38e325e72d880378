package dev.versus.load;

import dev.versus.diagnostics.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value as read from a file, with the location of every node kept so that later stages
 * can point at the exact line and column. Only plain data: strings, lists and maps.
 */
public sealed interface YamlNode {
    Location location();

    /** A short word for error messages ("a text", "a list", "a map"). */
    String kind();

    /** A scalar; {@code null} values (YAML {@code ~} or empty) have {@code value == null}. */
    record Scalar(String value, Location location) implements YamlNode {
        public String kind() {
            return value == null ? "empty" : "a text";
        }
    }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        public String kind() {
            return "a list";
        }
    }

    /** A map whose keys keep their own locations (for "unknown field" errors). */
    record Mapping(Map<String, Entry> entries, Location location) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public String kind() {
            return "a map";
        }

        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }
    }

    record Entry(String key, Location keyLocation, YamlNode value) {}
}
