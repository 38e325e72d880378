package dev.versus.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.versus.cli.VersusCommand;
import dev.versus.publish.OutputFolder;
import dev.versus.testing.FolderSnapshot;
import dev.versus.testing.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Attacks through the file system rather than through a file's content: paths that leave the
 * output folder, symbolic links in the sources and in the output, and an output folder that
 * cannot be created. Nothing outside the output folder is ever written, no source outside the
 * project is ever read, and each failure is a clear line with exit code 1.
 */
class FileSystemAttacksTest {
    @TempDir
    Path dir;

    TestSite site;
    Path out;
    Path outside;
    StringWriter stdout;
    StringWriter stderr;

    @BeforeEach
    void writeValidSite() throws IOException {
        site = TestSite.create(dir.resolve("site"));
        out = dir.resolve("public");
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("canary.txt"), "outside the project\n");
    }

    int versus(String... args) {
        stdout = new StringWriter();
        stderr = new StringWriter();
        CommandLine cl = VersusCommand.commandLine(args);
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args);
    }

    int build() {
        return versus("build", "--source", site.root().toString(), "--out", out.toString());
    }

    void assertNoStackTrace() {
        assertThat(stderr.toString()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escaped.html", "../../escaped.html", "en/../../escaped.html", "/tmp/versus-escaped.html",
        "en/smtp/../../../escaped.html"})
    void aPathThatWouldLeaveTheOutputFolderIsRefused(String path) throws Exception {
        try (OutputFolder folder = OutputFolder.open(out, site.root())) {
            assertThatThrownBy(() -> folder.write(path, "x".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("refusing to write outside the output folder: " + path);
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("escaped"))).isEmpty();
        }
        assertThat(Path.of("/tmp/versus-escaped.html")).doesNotExist();
    }

    @Test
    void aSymbolicLinkPlantedInTheOutputFolderIsNotFollowed() throws IOException {
        assertThat(build()).isZero();
        Map<String, String> outsideBefore = FolderSnapshot.of(outside);
        // Someone with write access to the published folder replaces a page folder by a link.
        Path pageFolder = out.resolve("en/smtp/421");
        try (Stream<Path> files = Files.list(pageFolder)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(pageFolder);
        Files.createSymbolicLink(pageFolder, outside);
        site.edit("content/smtp/421.yaml", "title: Service Not Available", "title: Service Unavailable");

        int exit = build();

        assertThat(exit).as("stderr: %s", stderr).isIn(0, 1);
        assertNoStackTrace();
        assertThat(FolderSnapshot.of(outside)).as("the folder the link points to").isEqualTo(outsideBefore);
    }

    @Test
    void aSymbolicLinkInTheAssetsIsNotCopied() throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.css"), "/* SECRET from outside the project */\n");
        Files.createSymbolicLink(site.path("templates/assets/secret.css"), secret);

        assertThat(build()).as("stderr: %s", stderr).isZero();

        assertThat(out.resolve("assets/secret.css")).doesNotExist();
        assertThat(out.resolve("assets/style.css")).isRegularFile();
    }

    @Test
    void aSymlinkedFamilyFolderIsAnErrorNotSilentlySkipped() throws IOException {
        assertThat(build()).isZero();
        Map<String, String> before = FolderSnapshot.of(out);
        Path family = Files.createDirectories(outside.resolve("evil"));
        Files.writeString(family.resolve("_family.yaml"), TestSite.FAMILY.replace("id: smtp", "id: evil"));
        Files.createSymbolicLink(site.path("content/evil"), family);

        assertThat(build()).isEqualTo(1);

        assertThat(stderr.toString().lines()).containsExactly(
                "content/evil:1:1: symbolic links are not followed; move the family folder here instead",
                "build failed: 1 error");
        assertThat(FolderSnapshot.of(out)).isEqualTo(before);
    }

    @Test
    void aSymlinkedTemplatePointingOutsideTemplatesIsNotRead() throws IOException {
        assertThat(build()).isZero();
        Map<String, String> before = FolderSnapshot.of(out);
        Path evil = Files.writeString(outside.resolve("evil.ftlh"), "<p>${.data_model?keys?join(\",\")}</p>\n");
        Files.delete(site.path("templates/code.ftlh"));
        Files.createSymbolicLink(site.path("templates/code.ftlh"), evil);

        assertThat(build()).isEqualTo(1);

        // FreeMarker's FileTemplateLoader refuses a template whose real path leaves templates/.
        // It is reported as "versus: internal error: java.lang.SecurityException: ..." today; a
        // "templates/code.ftlh:1:1: ..." line would be clearer (TemplateEngine/Build, not here).
        assertThat(stderr.toString()).contains("templates/code.ftlh").contains(outside.toString())
                .doesNotContain("\tat ").doesNotContain("<p>");
        assertThat(FolderSnapshot.of(out)).isEqualTo(before);
        assertThat(FolderSnapshot.listing(dir)).containsExactly(".public.versus-manifest", "outside", "public", "site");
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsOneClearLine() throws IOException {
        // Tests run as root, so permissions cannot deny anything: a regular file where a parent
        // folder should be fails the same way, inside the build, after validation.
        Path file = Files.writeString(dir.resolve("some-file"), "not a folder\n");
        Path target = file.resolve("sub");

        int exit = versus("build", "--source", site.root().toString(), "--out", target.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stdout.toString()).isEmpty();
        assertThat(stderr.toString().lines()).singleElement().asString()
                .startsWith("versus build: cannot write the site: ")
                .contains(file.toString())
                .endsWith("was not changed)");
        assertNoStackTrace();
        assertThat(Files.readString(file)).isEqualTo("not a folder\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"content/site.yaml", "content", "locales", "templates", "templates/assets", "content/smtp/pairs"})
    void aLinkedSourceIsRefusedAndWhatItPointsToNeverShown(String source) throws IOException {
        assertThat(build()).isZero();
        Map<String, String> before = FolderSnapshot.of(out);
        // What the link points to: a folder of secrets with YAML-looking files, or a file of one.
        Path secrets = Files.createDirectories(outside.resolve("secrets"));
        Files.writeString(secrets.resolve("password-hunter2.yaml"), "password: hunter2\nkey: [unclosed\n");
        Files.writeString(secrets.resolve("site.yaml"), "password: hunter2\n");
        Path link = site.path(source);
        if (Files.isDirectory(link)) {
            Files.move(link, outside.resolve("moved-" + link.getFileName()));
            Files.createSymbolicLink(link, secrets);
        } else {
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, secrets.resolve("site.yaml"));
        }

        for (String command : new String[] {"build", "check"}) {
            int exit = command.equals("build") ? build() : versus("check", "--source", site.root().toString());

            assertThat(exit).as(command).isEqualTo(1);
            assertThat(stderr.toString()).as(command)
                    .contains(source + ":1:1: symbolic links are not followed; ")
                    .doesNotContain("hunter2").doesNotContain("password").doesNotContain(outside.toString())
                    .doesNotContain("\tat ");
        }
        assertThat(FolderSnapshot.of(out)).isEqualTo(before);
    }

    @Test
    void anOutputReachedThroughALinkIntoTheSourcesIsRefused() throws IOException {
        Map<String, String> sources = FolderSnapshot.of(site.root());
        Path link = Files.createSymbolicLink(dir.resolve("site-content"), site.path("content"));

        int exit = versus("build", "--source", site.root().toString(), "--out", link.resolve("z").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString()).contains("--out: " + site.root().toRealPath().resolve("content/z")
                + " is inside the sources (content/); choose a folder of its own");
        assertThat(FolderSnapshot.of(site.root())).isEqualTo(sources);
    }

    @ParameterizedTest
    @ValueSource(strings = {"content/z", "templates/z", "locales", "."})
    void anOutputSpelledThroughProcIsComparedWhereItLeads(String under) throws IOException {
        Map<String, String> sources = FolderSnapshot.of(site.root());
        // /proc/self/root is "/" for this process: the same folder, spelt so that no prefix matches.
        Path spelt = Path.of("/proc/self/root" + site.root().toRealPath()).resolve(under);

        int exit = versus("build", "--source", site.root().toString(), "--out", spelt.toString());

        assertThat(exit).as(stderr.toString()).isEqualTo(2);
        assertThat(stderr.toString()).containsAnyOf("is inside the sources", "contains the sources");
        assertThat(FolderSnapshot.of(site.root())).isEqualTo(sources);
    }

    @Test
    void dotDotAfterALinkIsTakenWhereTheLinkLeads() throws IOException {
        Map<String, String> sources = FolderSnapshot.of(site.root());
        // deep -> content/smtp, so deep/../z is content/z for the kernel, not ./z.
        Path deep = Files.createSymbolicLink(dir.resolve("deep"), site.path("content/smtp"));

        int exit = versus("build", "--source", site.root().toString(), "--out", deep + "/../z");

        assertThat(exit).isEqualTo(2);
        assertThat(stderr.toString()).contains("is inside the sources (content/)");
        assertThat(FolderSnapshot.of(site.root())).isEqualTo(sources);
    }
}
