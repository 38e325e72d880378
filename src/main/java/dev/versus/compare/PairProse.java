package dev.versus.compare;

import java.util.List;

/**
 * The derived prose of one comparison page in one locale, as HTML fragments (escaped, with
 * code mentions linked). {@code intro} is one paragraph. {@code shared} is null when the codes have no group in common.
 */
public record PairProse(String title, String intro, String shared, List<String> differences,
                        List<String> chooseServer, List<String> chooseSender) {
    public PairProse {
        differences = List.copyOf(differences);
        chooseServer = List.copyOf(chooseServer);
        chooseSender = List.copyOf(chooseSender);
    }
}
