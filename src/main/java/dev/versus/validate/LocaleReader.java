package dev.versus.validate;

import dev.versus.diagnostics.Location;
import dev.versus.diagnostics.Problems;
import dev.versus.load.RawSources.RawFile;
import dev.versus.load.YamlNode;
import dev.versus.model.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads {@code locales/<locale>.yaml} files into {@link Labels}. Every locale must define every
 * label the default locale defines, and every label the code needs ({@link RequiredLabels});
 * a pattern may use only the placeholders its caller provides.
 */
final class LocaleReader {
    private final Problems problems;

    LocaleReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * The labels of every locale: the built-in theme's ({@code themeFiles}), then the site's own
     * {@code locales/} over them label by label. {@code site.title} and {@code site.tagline} come
     * from the site's locale file if it has them, else from site.yaml's {@code title} and
     * {@code description} ({@code siteTitle}, {@code siteDescription}, at {@code siteAt}).
     */
    Map<String, Labels> read(List<RawFile> files, List<RawFile> themeFiles, List<String> locales, String defaultLocale,
                             Fields.Item siteTitle, Fields.Item siteDescription, String siteTemplates) {
        Map<String, Map<String, Fields.Item>> flat = new TreeMap<>();
        Map<String, Map<String, Location>> sectionsByLocale = new TreeMap<>();
        Map<String, RawFile> byLocale = new TreeMap<>();
        Set<String> themeKeys = new TreeSet<>(RequiredLabels.keys());
        Set<String> unused = new TreeSet<>();   // reported once, where written; not asked of other locales
        for (RawFile f : themeFiles) {
            Map<String, Fields.Item> values = new LinkedHashMap<>();
            flatten("", f.node(), values, new TreeMap<>());
            values.keySet().removeIf(k -> k.startsWith(SITE_PREFIX));   // they name the site, not the theme
            themeKeys.addAll(values.keySet());
            if (locales.contains(f.stem())) flat.put(f.stem(), values);
        }
        for (RawFile f : files) {
            if (!locales.contains(f.stem())) {
                problems.add(Location.fileStart(f.path()), "locale file for '" + f.stem()
                        + "', which is not in site.yaml's locales " + locales + "; add it there or remove the file");
                continue;
            }
            Map<String, Fields.Item> values = flat.computeIfAbsent(f.stem(), k -> new LinkedHashMap<>());
            Map<String, Location> sections = new TreeMap<>();
            Map<String, Fields.Item> own = new LinkedHashMap<>();
            flatten("", f.node(), own, sections);
            for (var e : own.entrySet()) {
                String key = e.getKey();
                // A key nothing reads is most often a typing mistake that leaves the theme's text in
                // place; a site's own template naming it (labels["my.key"]) is a use.
                if (!themeKeys.contains(key) && !key.startsWith(SITE_PREFIX) && !siteTemplates.contains("\"" + key + "\"")) {
                    unused.add(key);
                    problems.add(e.getValue().location(), "label '" + key + "' is used by no template or pattern"
                            + Suggest.closest(key, themeKeys).map(k -> "; did you mean '" + k + "'?")
                                    .orElse("; docs/LABELS.md lists every label"));
                }
            }
            values.putAll(own);
            sectionsByLocale.put(f.stem(), sections);
            byLocale.put(f.stem(), f);
        }
        for (Map<String, Fields.Item> values : flat.values()) {
            if (siteTitle != null) values.putIfAbsent("site.title", siteTitle);
            values.putIfAbsent("site.tagline", siteDescription != null ? siteDescription
                    : new Fields.Item("", siteTitle == null ? Location.fileStart("content/site.yaml") : siteTitle.location()));
        }
        Map<String, Fields.Item> reference = flat.getOrDefault(defaultLocale, Map.of());
        Map<String, Labels> out = new TreeMap<>();
        for (String locale : locales) {
            RawFile file = byLocale.get(locale);
            if (file == null && problems.hasErrorIn("locales/" + locale + ".yaml")) {
                continue; // there, but unreadable: its own error says why
            }
            Map<String, Fields.Item> values = flat.get(locale);
            if (values == null) {
                problems.add(Location.fileStart("locales/" + locale + ".yaml"),
                        "missing locale file for '" + locale + "' (listed in site.yaml's locales; the built-in theme has "
                                + themeFiles.stream().map(RawFile::stem).toList() + ")");
                continue;
            }
            Map<String, Location> sections = sectionsByLocale.getOrDefault(locale, Map.of());
            Location fileLoc = file != null ? file.node().location() : Location.fileStart("locales/" + locale + ".yaml");
            for (String key : RequiredLabels.keys()) {
                if (!values.containsKey(key)) {
                    problems.add(sectionOf(key, sections, fileLoc), "missing label '" + key + "'"
                            + exampleFrom(reference.get(key)));
                }
            }
            for (String key : reference.keySet()) {
                if (!values.containsKey(key) && !RequiredLabels.keys().contains(key) && !unused.contains(key)) {
                    problems.add(sectionOf(key, sections, fileLoc), "missing label '" + key + "'"
                            + exampleFrom(reference.get(key)));
                }
            }
            for (var e : values.entrySet()) {
                var allowed = RequiredLabels.placeholders(e.getKey());
                if (allowed == null) continue;
                for (String used : Labels.placeholders(e.getValue().value())) {
                    if (!allowed.contains(used)) {
                        problems.add(e.getValue().location(), "label '" + e.getKey() + "' uses {" + used
                                + "}, which this pattern does not provide; available: "
                                + (allowed.isEmpty() ? "none" : "{" + String.join("}, {", allowed) + "}"));
                    }
                }
            }
            Map<String, String> plain = new TreeMap<>();
            values.forEach((k, v) -> plain.put(k, v.value()));
            out.put(locale, new Labels(locale, plain));
        }
        return out;
    }

    private static final String SITE_PREFIX = "site.";

    private static String exampleFrom(Fields.Item ref) {
        return ref == null ? "" : "; the default locale has: \"" + ref.value() + "\"";
    }

    /**
     * Where a missing label belongs: the key of its closest section that the file has
     * ({@code family:} for {@code family.pairsCount}), or the start of the file.
     */
    private static Location sectionOf(String key, Map<String, Location> sections, Location fileLoc) {
        for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
            Location at = sections.get(key.substring(0, dot));
            if (at != null) return at;
        }
        return fileLoc;
    }

    private void flatten(String prefix, YamlNode node, Map<String, Fields.Item> out, Map<String, Location> sections) {
        if (node instanceof YamlNode.Mapping m) {
            for (YamlNode.Entry e : m.entries().values()) {
                String key = prefix.isEmpty() ? e.key() : prefix + "." + e.key();
                if (e.value() instanceof YamlNode.Mapping) sections.put(key, e.keyLocation());
                flatten(key, e.value(), out, sections);
            }
        } else if (node instanceof YamlNode.Scalar s && s.value() != null && !s.value().isBlank()) {
            if (s.value().length() > Limits.LABEL_CHARS) {
                problems.add(s.location(), "label '" + prefix + "' is " + s.value().length() + " characters long, more than"
                        + " the limit of " + Limits.LABEL_CHARS + "; a label is a phrase or a sentence");
                out.put(prefix, new Fields.Item("", s.location()));
                return;
            }
            int placeholders = (Labels.segments(s.value()).size() - 1) / 2;
            if (placeholders > Limits.LABEL_PLACEHOLDERS) {
                problems.add(s.location(), "label '" + prefix + "' has " + placeholders + " placeholders, more than the"
                        + " limit of " + Limits.LABEL_PLACEHOLDERS + "; a sentence pattern names each of its values once or twice");
                out.put(prefix, new Fields.Item("", s.location()));
                return;
            }
            out.put(prefix, new Fields.Item(s.value(), s.location()));
        } else if (node instanceof YamlNode.Scalar s && s.value() != null && prefix.endsWith("Separator")) {
            // A join may be a space or nothing at all: a space after an English sentence, none
            // after a Japanese 。 (translation.linkSeparator).
            out.put(prefix, new Fields.Item(s.value(), s.location()));
        } else {
            String found = node instanceof YamlNode.Scalar s && s.value() != null ? "a blank text" : node.kind();
            problems.add(node.location(), "label '" + prefix + "' must be a non-empty text, found " + found
                    + (node instanceof YamlNode.Scalar ? "; only a label whose key ends in Separator may be blank" : ""));
        }
    }
}
