package dev.versus.testing;

import dev.versus.Build;
import dev.versus.render.UrlStyle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's own site (content/, locales/, templates/), built once per test JVM into a
 * temporary folder and shared by the tests that read its pages.
 */
public final class RepoSite {
    private static Path output;

    private RepoSite() {}

    /** The output folder of the built site; builds it on first use. */
    public static synchronized Path output() {
        if (output == null) {
            try {
                Path dir = Files.createTempDirectory("versus-repo-site-");
                Path out = dir.resolve("public");
                new Build(new Build.Options(Path.of("."), out, null, UrlStyle.PRETTY)).run();
                output = out;
            } catch (Exception e) {
                throw new IllegalStateException("the repository's own site does not build: " + e, e);
            }
        }
        return output;
    }

    /** A page of the built site as text, by its path relative to the output root. */
    public static String page(String path) {
        try {
            return Files.readString(output().resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
