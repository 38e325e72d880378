package dev.versus.compare;

import java.util.List;

/**
 * The derived prose of one comparison page in one locale, as HTML fragments (escaped, with
 * code mentions linked). {@code shared} is null when the codes have no group in common.
 */
public record PairProse(String title, List<String> intro, String shared, List<String> differences,
                        List<String> chooseServer, List<String> chooseSender) {
    public PairProse {
        intro = List.copyOf(intro);
        differences = List.copyOf(differences);
        chooseServer = List.copyOf(chooseServer);
        chooseSender = List.copyOf(chooseSender);
    }
}
