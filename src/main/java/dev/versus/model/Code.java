package dev.versus.model;

import dev.versus.diagnostics.Location;
import java.util.List;
import java.util.Map;

/**
 * One reply code with its facts and its prose in every locale of the site.
 *
 * @param links codes of other families it travels with, both those it names in {@code seeAlso}
 *              and those that name it, sorted
 */
public record Code(
        String family,
        String id,
        String groupKey,
        Map<String, CodeText> texts,
        String scope,
        String cause,
        List<String> commands,
        List<String> related,
        List<CodeRef> links,
        List<Reference> references,
        Location source) {

    public Code {
        texts = Map.copyOf(texts);
        commands = List.copyOf(commands);
        related = List.copyOf(related);
        links = List.copyOf(links);
        references = List.copyOf(references);
    }

    public CodeText text(String locale) {
        return texts.get(locale);
    }
}
