package dev.versus.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.versus.cli.VersusCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A code's language-neutral address in a real browser, from {@code file://} (the offline build
 * of the site {@code new site} writes, with compact pages): assets/language.js goes to the page in
 * the language that best fits the browser's languages ({@code --accept-lang}), else the default,
 * and keeps the fragment. Screenshots of a compact page go to {@code target/screenshots/}.
 *
 * <p>Slow (a browser per language list): in {@code mvn verify -Pslow}. Skipped without Chromium
 * on a developer's machine, like {@link BrowserTest}.
 */
@Tag("slow")
class EntryLanguageBrowserTest {
    @TempDir
    static Path dir;
    static Path site;

    @BeforeAll
    static void buildOffline() throws IOException {
        boolean available = Files.isExecutable(BrowserTest.CHROMIUM) && Files.isExecutable(BrowserTest.DRIVER);
        if (!available && "true".equals(System.getenv("CI"))) fail("CI needs Debian's chromium and chromium-driver");
        assumeTrue(available, "no chromium and chromedriver");
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        Path source = dir.resolve("s");
        PrintWriter quiet = new PrintWriter(new StringWriter());
        assertThat(VersusCommand.commandLine().setOut(quiet).setErr(quiet).execute("new", "site", source.toString())).isZero();
        Files.writeString(source.resolve("content/site.yaml"), "compactPages: true\n", StandardOpenOption.APPEND);
        site = dir.resolve("offline");
        assertThat(VersusCommand.commandLine().setOut(quiet).setErr(quiet)
                .execute("build", "--source", source.toString(), "--out", site.toString(), "--offline")).isZero();
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource({
            "'ja-JP,ja', http/404/index.html#fix, ja/http/404/index.html#fix",
            "'fr-FR,en-GB', http/404/index.html, en/http/404/index.html",
            "'de-DE,fr', http/429/index.html, en/http/429/index.html",
            "'ja', http/429/compact.html, ja/http/429/compact.html"})
    void theEntryGoesToTheBestOfTheSitesLanguages(String accept, String entry, String landing) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("versus-chromium-"), "--window-size=480,900",
                "--accept-lang=" + accept);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(BrowserTest.DRIVER.toFile()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            int hash = entry.indexOf('#');
            String file = hash < 0 ? entry : entry.substring(0, hash);
            browser.get(site.resolve(file).toUri() + (hash < 0 ? "" : entry.substring(hash)));
            String expected = site.resolve(landing.replaceAll("#.*", "")).toUri() + (landing.contains("#")
                    ? landing.substring(landing.indexOf('#')) : "");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!browser.getCurrentUrl().equals(expected)) {
                if (System.nanoTime() > deadline) assertThat(browser.getCurrentUrl()).as("where the entry went").isEqualTo(expected);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            if (landing.endsWith("compact.html")) {
                Files.createDirectories(BrowserTest.SCREENSHOTS);
                Files.write(BrowserTest.SCREENSHOTS.resolve("compact-ja-429.png"), browser.getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            browser.quit();
        }
    }
}
