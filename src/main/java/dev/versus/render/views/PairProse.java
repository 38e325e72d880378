package dev.versus.render.views;

import java.util.List;

/**
 * The derived prose of one comparison page in one locale, as HTML fragments (escaped, with code
 * mentions linked), except {@code description}, which is plain text for the page's meta
 * description. {@code shared} is null when the codes share no fact worth a sentence.
 * {@code sharedFacts} names the facts the shared sentence states (space-separated ids) and
 * {@code differenceFacts} the fact of each difference ("" for one no fact says): the page marks
 * them ({@code data-facts}, {@code data-fact}) so the all-pairs test can hold each sentence to the
 * table.
 */
public record PairProse(String title, String intro, String description, Glance glance, String shared,
                        List<String> differences, List<String> chooseServer, List<String> chooseSender,
                        String sharedFacts, List<String> differenceFacts) {
    public PairProse {
        differences = List.copyOf(differences);
        differenceFacts = List.copyOf(differenceFacts);
        chooseServer = List.copyOf(chooseServer);
        chooseSender = List.copyOf(chooseSender);
    }

    /** The at-a-glance table: its caption, the two codes as column heads, and its rows. */
    public record Glance(String caption, String a, String b, List<GlanceRow> rows) {
        public Glance {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One row: the fact's id and name, each code's values (HTML) and their ids (space-separated,
     * for {@code data-values}), whether they differ, and a key naming all of that for
     * {@code <@cached>}.
     */
    public record GlanceRow(String fact, String label, String a, String b, boolean differs, String aValues,
                            String bValues, String key) {}
}
