package dev.versus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.testing.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code build --offline} and {@code build --base-url}, and that a build is reproducible byte for byte. */
class PublishOptionsTest {
    static final Pattern LINK = Pattern.compile("\\s(?:href|src|action)=\"([^\"]*)\"");

    @TempDir
    Path dir;

    TestSite site;
    StringWriter stdout;
    StringWriter stderr;

    @BeforeEach
    void writeValidSite() {
        site = TestSite.create(dir.resolve("site"));
    }

    int versus(String... args) {
        stdout = new StringWriter();
        stderr = new StringWriter();
        CommandLine cl = VersusCommand.commandLine(args);
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args);
    }

    @Test
    void offlineLinksNameFilesSoTheSiteBrowsesFromTheDisk() {
        Path out = dir.resolve("offline");
        assertThat(versus("build", "--source", site.root().toString(), "--out", out.toString(), "--offline")).isZero();
        assertThat(stdout.toString()).contains("written to " + out + " (offline) in ");
        assertThat(stderr.toString()).isEmpty();
        for (String page : new String[] {"index.html", "en/index.html", "en/smtp/index.html", "ja/smtp/421/index.html",
                "ja/smtp/421-vs-552/index.html", "en/smtp/552-vs-421/index.html", "404.html"}) {
            String html = read(out.resolve(page));
            Matcher m = LINK.matcher(html);
            int links = 0;
            while (m.find()) {
                String link = m.group(1);
                if (link.startsWith("https://") || link.startsWith("#")) continue;
                links++;
                assertThat(link).as(page).matches("[^#]*\\.(html|css|js|json|svg|ico)(#.*)?");
                assertThat(link).as(page).doesNotStartWith("/");
            }
            assertThat(links).as(page).isPositive();
        }
        assertThat(read(out.resolve("en/smtp/552-vs-421/index.html")))
                .contains("<meta http-equiv=\"refresh\" content=\"0; url=../421-vs-552/index.html\">");
        assertThat(read(out.resolve("ja/smtp/421/index.html")))
                .contains("<a href=\"../../../en/smtp/421/index.html\" hreflang=\"en\" lang=\"en\">English</a>");
    }

    @Test
    void baseUrlGoesIntoCanonicalLinksTheSitemapRobotsAndThe404Page() {
        Path out = dir.resolve("public");
        assertThat(versus("build", "--source", site.root().toString(), "--out", out.toString(),
                "--base-url", "https://docs.example.com/mail/codes")).isZero();
        String base = "https://docs.example.com/mail/codes/";
        assertThat(read(out.resolve("ja/smtp/421/index.html")))
                .contains("<link rel=\"canonical\" href=\"" + base + "ja/smtp/421/\">",
                        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + base + "en/smtp/421/\">",
                        "<meta property=\"og:url\" content=\"" + base + "ja/smtp/421/\">");
        assertThat(read(out.resolve("sitemap.xml"))).contains("<url><loc>" + base + "en/smtp/452/</loc>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"" + base + "en/smtp/452/\"/>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"ja\" href=\"" + base + "ja/smtp/452/\"/>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" + base + "en/smtp/452/\"/></url>");
        // robots.txt is read only at a host's root: the build says what to add there instead.
        assertThat(out.resolve("robots.txt")).doesNotExist();
        assertThat(stdout.toString()).contains("No robots.txt: the site is not at the root of its host. Add this line to"
                + " https://docs.example.com/robots.txt:" + System.lineSeparator() + "  Sitemap: " + base + "sitemap.xml");
        // A server shows 404.html at any address: its links start from the site's path.
        assertThat(read(out.resolve("404.html"))).contains("href=\"/mail/codes/assets/style.css\"",
                "<a href=\"/mail/codes/ja/\" hreflang=\"ja\" lang=\"ja\">日本語のホームページ</a>",
                "data-root=\"/mail/codes/\"");
        assertThat(read(out.resolve("en/smtp/421.json"))).contains("\"url\": \"" + base + "en/smtp/421/\"");
    }

    @Test
    void twoBuildsOfTheSameSourcesAreByteIdentical() {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        assertThat(versus("build", "--source", site.root().toString(), "--out", first.toString())).isZero();
        assertThat(versus("build", "--source", site.root().toString(), "--out", second.toString())).isZero();
        Map<String, byte[]> a = files(first);
        Map<String, byte[]> b = files(second);
        assertThat(a.keySet()).isEqualTo(b.keySet()).contains("sitemap.xml", "404.html",
                "assets/search-index.ja.js", "assets/search.js", "ja/smtp/index.json", "ja/smtp/552.json");
        a.forEach((path, bytes) -> assertThat(Arrays.equals(bytes, b.get(path))).as(path).isTrue());
    }

    private static Map<String, byte[]> files(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
