package dev.versus.render.views;

import dev.versus.model.Labels;

/** A renderer that reads a label by a key of its own making: ArchitectureTest checks that its rule catches this. */
public final class PlantedLabelRead {
    private PlantedLabelRead() {}

    public static String heading(Labels labels, String section) {
        return labels.get("section." + section);
    }
}
