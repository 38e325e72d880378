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
 */
public record Site(String title, String description, String baseUrl, String defaultLocale, List<String> locales,
                   Map<String, Labels> labels, List<Family> families, List<String> stylesheets, boolean compactPages) {
    public Site {
        locales = List.copyOf(locales);
        stylesheets = List.copyOf(stylesheets);
        labels = Map.copyOf(labels);
        families = List.copyOf(families);
    }

    /** The same site published at {@code url} ({@code --base-url}). */
    public Site withBaseUrl(String url) {
        return new Site(title, description, url, defaultLocale, locales, labels, families, stylesheets, compactPages);
    }

    public Family family(String id) {
        return families.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    public Labels labels(String locale) {
        return labels.get(locale);
    }
}
