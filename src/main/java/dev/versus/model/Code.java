package dev.versus.model;

import dev.versus.diagnostics.Location;
import java.util.List;
import java.util.Map;

/**
 * One reply code with its facts and its prose in every locale of the site.
 *
 * @param facts fact id → its values (the code's own or its group's default), in the fact's
 *              declared order; a fact the code has no value for is absent
 * @param links codes of other families it travels with, both those it names in {@code seeAlso}
 *              and those that name it, sorted
 */
public record Code(
        String family,
        String id,
        String groupKey,
        Map<String, CodeText> texts,
        Map<String, List<String>> facts,
        List<String> related,
        List<CodeRef> links,
        List<Reference> references,
        Location source) {

    public Code {
        texts = Map.copyOf(texts);
        java.util.Map<String, List<String>> f = new java.util.TreeMap<>();
        facts.forEach((k, v) -> f.put(k, List.copyOf(v)));
        facts = java.util.Collections.unmodifiableMap(f);
        related = List.copyOf(related);
        links = List.copyOf(links);
        references = List.copyOf(references);
    }

    /** The values of fact {@code id}, empty if the code has none. */
    public List<String> fact(String id) {
        return facts.getOrDefault(id, List.of());
    }

    public CodeText text(String locale) {
        return texts.get(locale);
    }
}
