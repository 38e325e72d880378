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
 * @param aliases per locale, the phrases people see in bounces and search for ("user unknown",
 *                宛先不明); each language has its own list, not a translation of another
 * @param examples real reply texts, in the order written (see {@link Example})
 * @param bySets  per codes fact, the codes of its family paired with this code only because a set
 *                of theirs holds it (X.7.18's 5XX holds 552), keyed by that set as written (5XX,
 *                any): kept apart from {@link #facts}, which are the pairings of this code itself,
 *                since a pairing every code of the class has tells no two of them apart
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
        Location source,
        Map<String, List<String>> aliases,
        List<Example> examples,
        Map<String, Map<String, List<String>>> bySets) {

    public Code(String family, String id, String groupKey, Map<String, CodeText> texts, Map<String, List<String>> facts,
                List<String> related, List<CodeRef> links, List<Reference> references, Location source,
                Map<String, List<String>> aliases, List<Example> examples) {
        this(family, id, groupKey, texts, facts, related, links, references, source, aliases, examples, Map.of());
    }

    public Code {
        texts = Map.copyOf(texts);
        java.util.Map<String, List<String>> f = new java.util.TreeMap<>();
        facts.forEach((k, v) -> f.put(k, List.copyOf(v)));
        facts = java.util.Collections.unmodifiableMap(f);
        related = List.copyOf(related);
        links = List.copyOf(links);
        references = List.copyOf(references);
        aliases = Map.copyOf(aliases);
        examples = List.copyOf(examples);
        java.util.Map<String, Map<String, List<String>>> held = new java.util.TreeMap<>();
        bySets.forEach((k, v) -> {
            java.util.Map<String, List<String>> sets = new java.util.LinkedHashMap<>();
            v.forEach((set, codes) -> sets.put(set, List.copyOf(codes)));
            if (!sets.isEmpty()) held.put(k, java.util.Collections.unmodifiableMap(sets));
        });
        bySets = java.util.Collections.unmodifiableMap(held);
    }

    /** The codes paired with this one through a set of theirs, for codes fact {@code id}, by set as written; empty if none. */
    public Map<String, List<String>> bySets(String id) {
        return bySets.getOrDefault(id, Map.of());
    }

    /** The aliases of one locale (empty if it has none). */
    public List<String> aliases(String locale) {
        return aliases.getOrDefault(locale, List.of());
    }

    /** The examples shown in {@code locale}: the default language's and that locale's own. */
    public List<Example> examples(String locale, String defaultLocale) {
        return examples.stream().filter(e -> e.lang().equals(defaultLocale) || e.lang().equals(locale)).toList();
    }

    /** The values of fact {@code id}, empty if the code has none. */
    public List<String> fact(String id) {
        return facts.getOrDefault(id, List.of());
    }

    public CodeText text(String locale) {
        return texts.get(locale);
    }
}
