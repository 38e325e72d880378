package dev.versus.render.views;

import java.util.List;

/**
 * The derived prose of one comparison page in one locale, as HTML fragments (escaped, with code
 * mentions linked), except {@code description}, which is plain text for the page's meta
 * description. {@code shared} is null when the codes share no fact worth a sentence.
 */
public record PairProse(String title, String intro, String description, Glance glance, String shared,
                        List<String> differences, List<String> chooseServer, List<String> chooseSender) {
    public PairProse {
        differences = List.copyOf(differences);
        chooseServer = List.copyOf(chooseServer);
        chooseSender = List.copyOf(chooseSender);
    }

    /** The at-a-glance table: its caption, the two codes as column heads, and its rows. */
    public record Glance(String caption, String a, String b, List<GlanceRow> rows) {
        public Glance {
            rows = List.copyOf(rows);
        }
    }

    /** One row: the fact's name, each code's values (HTML), and whether they differ. */
    public record GlanceRow(String label, String a, String b, boolean differs) {}
}
