package dev.versus.model;

import java.util.List;
import java.util.Map;

/**
 * The whole validated site: the model every later stage reads and nobody changes.
 *
 * @param locales locale ids in the order given in {@code site.yaml}, the default first
 */
public record Site(String title, String baseUrl, String defaultLocale, List<String> locales,
                   Map<String, Labels> labels, List<Family> families) {
    public Site {
        locales = List.copyOf(locales);
        labels = Map.copyOf(labels);
        families = List.copyOf(families);
    }

    public Family family(String id) {
        return families.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    public Labels labels(String locale) {
        return labels.get(locale);
    }
}
