package dev.versus.model;

import java.util.List;
import java.util.Map;

/**
 * The whole validated site: the model every later stage reads and nobody changes.
 *
 * @param description site.yaml's description, or null
 * @param locales locale ids in the order given in {@code site.yaml}, the default first
 * @param stylesheets extra stylesheets every page links after the theme's ({@code assets/custom.css})
 * @param compactPages whether each code page has a compact variant for an app's help pane
 * @param familyLabels each family's labels per locale (family id → locale → labels): the locale's,
 *                     with the family's own ({@link Family#labels()}) laid over them; built once
 */
public record Site(String title, String description, String baseUrl, String defaultLocale, List<String> locales,
                   Map<String, Labels> labels, List<Family> families, List<String> stylesheets, boolean compactPages,
                   Map<String, Map<String, Labels>> familyLabels) {
    public Site {
        locales = List.copyOf(locales);
        stylesheets = List.copyOf(stylesheets);
        labels = Map.copyOf(labels);
        families = List.copyOf(families);
        familyLabels = Map.copyOf(familyLabels);
    }

    public Site(String title, String description, String baseUrl, String defaultLocale, List<String> locales,
                Map<String, Labels> labels, List<Family> families, List<String> stylesheets, boolean compactPages) {
        this(title, description, baseUrl, defaultLocale, locales, labels, families, stylesheets, compactPages,
                overlay(labels, families));
    }

    private static Map<String, Map<String, Labels>> overlay(Map<String, Labels> labels, List<Family> families) {
        Map<String, Map<String, Labels>> out = new java.util.HashMap<>();
        for (Family family : families) {
            Map<String, Labels> perLocale = new java.util.HashMap<>();
            labels.forEach((locale, base) -> {
                Map<String, Text> own = family.labels().getOrDefault(locale, Map.of());
                if (own.isEmpty()) {
                    perLocale.put(locale, base);
                    return;
                }
                Map<String, String> values = new java.util.HashMap<>(base.values());
                own.forEach((key, text) -> values.put(key, text.value()));
                perLocale.put(locale, new Labels(locale, values));
            });
            out.put(family.id(), Map.copyOf(perLocale));
        }
        return out;
    }

    /** The same site published at {@code url} ({@code --base-url}). */
    public Site withBaseUrl(String url) {
        return new Site(title, description, url, defaultLocale, locales, labels, families, stylesheets, compactPages,
                familyLabels);
    }

    public Family family(String id) {
        return families.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    public Labels labels(String locale) {
        return labels.get(locale);
    }

    /**
     * The labels of {@code family}'s pages in a locale: the locale's, with the family's own laid
     * over them (its audiences' headings, its {@code section.forServer} and the like).
     */
    public Labels labels(String locale, Family family) {
        Map<String, Labels> perLocale = familyLabels.get(family.id());
        Labels l = perLocale == null ? null : perLocale.get(locale);
        return l != null ? l : labels.get(locale);
    }
}
