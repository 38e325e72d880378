package dev.versus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The output folder holds only what is published: after a first build and a rebuild of a new
 * site, at the root of a host and under a sub-path, every file in it is a page, an asset or a
 * data file of the site (no dotfile, no manifest; no robots.txt under a sub-path), so the whole
 * folder can be copied to a host as it is. What Versus keeps for itself lies beside it.
 */
class OutputHoldsOnlyPublishedFilesTest {
    /** What a site publishes: pages, their data, the assets, the sitemap; robots.txt and favicon.ico at a host root. */
    static final Pattern PUBLISHABLE = Pattern.compile(
            "(404\\.html|index\\.html|sitemap\\.xml|robots\\.txt|favicon\\.ico"
                    + "|assets/[a-z0-9-]+(\\.[a-z]{2,3}(-[a-z0-9]+)?)?\\.(css|js|svg|ico|png|woff2)"
                    + "|([a-z0-9-]+/)+(index\\.html|compact\\.html|[a-z0-9-]+\\.json|search-index\\.json))");

    @TempDir
    Path dir;

    int versus(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = VersusCommand.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        assertThat(exit).as(out + "\n" + err).isZero();
        return exit;
    }

    @Test
    void atAHostRootTheOutputHoldsThePublishedFilesAndRobotsTxtOnly() throws Exception {
        List<String> files = buildTwice("https://errors.example.com/");
        assertThat(files).contains("robots.txt", "favicon.ico", "sitemap.xml", "404.html", "index.html");
    }

    @Test
    void underASubPathTheOutputHoldsThePublishedFilesAndNoRobotsTxt() throws Exception {
        List<String> files = buildTwice("https://example.com/docs/errors/");
        assertThat(files).contains("sitemap.xml", "404.html", "index.html").doesNotContain("robots.txt", "favicon.ico");
    }

    /** A new site built, edited and built again into {@code public/} with this base URL; the files of the output. */
    private List<String> buildTwice(String baseUrl) throws Exception {
        Path site = dir.resolve("s");
        versus("new", "site", site.toString());
        Path out = site.resolve("public");
        versus("build", "--source", site.toString(), "--base-url", baseUrl);
        Path code = site.resolve("content/http/404.yaml");
        Files.writeString(code, Files.readString(code).replaceFirst("\ntitle: ", "\ntitle: Now "));
        versus("build", "--source", site.toString(), "--base-url", baseUrl);

        List<String> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f).matches(PUBLISHABLE));
        try (Stream<Path> walk = Files.walk(out)) {
            assertThat(walk.filter(p -> !p.equals(out)).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
        // As a user would check it: find public -name '.*' prints nothing.
        Process find = new ProcessBuilder("find", "public", "-name", ".*").directory(site.toFile()).redirectErrorStream(true).start();
        assertThat(new String(find.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(find.waitFor()).isZero();
        // What Versus keeps for itself is beside the output, and only that.
        assertThat(listing(site)).contains(".public.versus-manifest", "public")
                .noneMatch(n -> n.startsWith(".public.") && !n.equals(".public.versus-manifest"));
        return files;
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
