package dev.versus.load;

import dev.versus.render.site.SitePaths;

/** A load class that uses a later stage: ArchitectureTest checks that its rules catch this. */
public final class PlantedUpwardImport {
    private PlantedUpwardImport() {}

    public static String home() {
        return SitePaths.home("en");
    }
}
