package dev.versus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The new user's path, through the distribution's launcher ({@code bin/versus}, reached through a
 * symbolic link on PATH) in a temporary folder with no repository file around: new site, build,
 * check --strict, serve on a free loopback port (a saved edit shows on the page), i18n export
 * and import, one template overridden. Processes, not picocli in process: this is what a user
 * runs. The distribution is laid out as the zip lays it out; its lib/versus.jar names the
 * compiled classes and dependencies on its Class-Path, so the test needs no packaged jar.
 */
@Tag("slow")
class NewUserEndToEndTest {
    @TempDir
    Path dir;

    Path work;
    Path pathDir;

    record Run(int exit, String out, String err) {}

    /** Lays out versus/bin/versus and versus/lib/versus.jar, and links bin/versus from a PATH folder. */
    void install() throws IOException {
        Path home = dir.resolve("versus-dist");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path lib = Files.createDirectories(home.resolve("lib"));
        Files.copy(Path.of("src/main/sh/versus"), bin.resolve("versus"));
        Files.setPosixFilePermissions(bin.resolve("versus"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.versus.cli.Main");
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(lib.resolve("versus.jar")), manifest)) {
            // The manifest is the whole jar.
        }
        pathDir = Files.createDirectories(dir.resolve("path"));
        Files.createSymbolicLink(pathDir.resolve("versus"), bin.resolve("versus"));
        work = Files.createDirectories(dir.resolve("work"));
    }

    Run versus(Path in, String... args) throws Exception {
        // Through a shell, so that `versus` is looked up on the PATH given here (ProcessBuilder
        // would look it up on the test's own PATH), as a user's shell does.
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "exec versus \"$@\"", "versus"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(in.toFile());
        pb.environment().put("PATH", pathDir + File.pathSeparator + javaBin() + File.pathSeparator + "/usr/bin:/bin");
        // The test's class path (the jar's Class-Path here) has vnu's log4j, which the real
        // distribution has not: keep FreeMarker from logging through it.
        pb.environment().put("VERSUS_JAVA_OPTS", "-Dorg.freemarker.loggerLibrary=none");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("versus %s finished", String.join(" ", args)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin").toString();
    }

    @Test
    void newSiteBuildCheckServeTranslateAndOverrideThroughTheLauncher() throws Exception {
        install();

        Run created = versus(work, "new", "site", "s");
        assertThat(created.exit()).as(created.err()).isZero();
        Path site = work.resolve("s");

        Run built = versus(site, "build");
        assertThat(built.exit()).as(built.err()).isZero();
        assertThat(built.err()).isEmpty();
        assertThat(Files.readString(site.resolve("public/en/http/429/index.html")))
                .contains("<title>HTTP 429 Too Many Requests – Example API errors</title>");
        assertThat(site.resolve("public/robots.txt")).exists();
        assertNoHiddenFile(site.resolve("public"));
        // The address an app links to, whatever the reader's language: it lists the page in each.
        assertThat(Files.readString(site.resolve("public/http/429/index.html")))
                .contains("<a href=\"../../ja/http/429/\" hreflang=\"ja\">日本語</a>");

        Run checked = versus(site, "check", "--strict");
        assertThat(checked.exit()).as(checked.err()).isZero();
        assertThat(checked.out()).contains("OK: 1 family, 2 codes, 2 locales (en, ja), no errors");

        // Published under a path: no robots.txt there, the line to add is printed instead.
        Run underPath = versus(site, "build", "--out", "sub", "--base-url", "https://example.com/docs/errors/");
        assertThat(underPath.exit()).as(underPath.err()).isZero();
        assertThat(site.resolve("sub/robots.txt")).doesNotExist();
        assertNoHiddenFile(site.resolve("sub"));
        assertThat(underPath.out()).contains("  Sitemap: https://example.com/docs/errors/sitemap.xml");

        serveShowsAnEditedCode(site);

        // The edit in serve made the Japanese title of 404 stale: it travels with the translated ones.
        Run exported = versus(site, "i18n", "export", "--locale", "ja", "--only", "translated,stale", "--out", "ja.xlf");
        assertThat(exported.exit()).as(exported.err()).isZero();
        String xlf = Files.readString(site.resolve("ja.xlf"));
        assertThat(xlf).contains("<unit id=\"http:429:title\"", ">リクエストが多すぎます</target>");
        Files.writeString(site.resolve("ja.xlf"), xlf.replace(">リクエストが多すぎます</target>", ">リクエスト過多</target>"));
        Run imported = versus(site, "i18n", "import", "ja.xlf");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(Files.readString(site.resolve("content/http/429.ja.yaml"))).contains("title: リクエスト過多");
        assertThat(versus(site, "check", "--strict").exit()).isZero();

        Files.createDirectories(site.resolve("templates"));
        Files.writeString(site.resolve("templates/home.ftlh"), """
                <#import "layout.ftlh" as l>
                <@l.page p=page><h1>Our own home</h1></@l.page>
                """);
        Run overridden = versus(site, "build");
        assertThat(overridden.exit()).as(overridden.err()).isZero();
        assertThat(Files.readString(site.resolve("public/en/index.html"))).contains("<h1>Our own home</h1>");
        assertThat(Files.readString(site.resolve("public/en/http/429/index.html"))).contains("assets/style.css");
    }

    /** serve on a free port, under the path of its baseUrl; a saved edit of a code reaches its page. */
    void serveShowsAnEditedCode(Path site) throws Exception {
        Path siteYaml = site.resolve("content/site.yaml");
        Files.writeString(siteYaml, Files.readString(siteYaml).replace("https://errors.example.com/", "https://example.com/help/"));
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "exec versus serve --port 0").directory(site.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", pathDir + File.pathSeparator + javaBin() + File.pathSeparator + "/usr/bin:/bin");
        pb.environment().put("VERSUS_JAVA_OPTS", "-Dorg.freemarker.loggerLibrary=none");
        Process server = pb.start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            List<String> seen = new ArrayList<>();
            for (String line; url == null && (line = lines.readLine()) != null; ) {
                seen.add(line);
                Matcher m = Pattern.compile("Serving (http://127\\.0\\.0\\.1:\\d+/help/) ").matcher(line);
                if (m.find()) url = m.group(1);
            }
            assertThat(url).as("the address serve printed, in %s", seen).isNotNull();
            Thread drain = new Thread(() -> {
                try {
                    while (lines.readLine() != null) { /* keep the pipe flowing */ }
                } catch (IOException e) {
                    // the server stopped
                }
            });
            drain.setDaemon(true);
            drain.start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThat(get(http, url + "en/http/404/")).contains("Not Found");
            assertThat(get(http, url + "no/such/page/")).contains("href=\"/help/assets/style.css\"");

            Path code = site.resolve("content/http/404.yaml");
            Files.writeString(code, Files.readString(code).replace("title: Not Found", "title: Nothing Here"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String page = "";
            while (System.nanoTime() < deadline && !page.contains("Nothing Here")) {
                Thread.sleep(200);
                page = get(http, url + "en/http/404/");
            }
            assertThat(page).contains("<title>HTTP 404 Nothing Here – Example API errors</title>");
            // The language-neutral entry follows the new title too.
            assertThat(get(http, url + "http/404/")).contains("HTTP 404 Nothing Here");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The output holds only what is published: {@code find DIR -name '.*'} prints nothing. */
    static void assertNoHiddenFile(Path output) throws Exception {
        Process find = new ProcessBuilder("find", output.toString(), "-name", ".*").redirectErrorStream(true).start();
        assertThat(new String(find.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(find.waitFor()).isZero();
    }

    static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
