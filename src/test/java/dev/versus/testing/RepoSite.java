package dev.versus.testing;

import dev.versus.Build;
import dev.versus.render.site.UrlStyle;
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
    private static Path offline;

    private RepoSite() {}

    /** The output folder of the built site; builds it on first use. */
    public static synchronized Path output() {
        if (output == null) output = build(UrlStyle.PRETTY);
        return output;
    }

    /** The same site built with {@code --offline} (links name {@code index.html}); built on first use. */
    public static synchronized Path offline() {
        if (offline == null) offline = build(UrlStyle.OFFLINE);
        return offline;
    }

    private static Path build(UrlStyle style) {
        try {
            Path dir = Files.createTempDirectory("versus-repo-site-");
            Path out = dir.resolve("public");
            new Build(new Build.Options(Path.of("."), out, null, style)).run();
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("the repository's own site does not build (" + style + "): " + e, e);
        }
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
