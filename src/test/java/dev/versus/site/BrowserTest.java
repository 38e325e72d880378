package dev.versus.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.versus.testing.RepoSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The offline build in a real browser: Debian's headless Chromium, driven through its
 * chromedriver (never downloaded), opening pages from {@code file://} as someone who was handed
 * the zipped site would. It follows the language switcher, searches for 552 and lands on its
 * page, checks the stylesheet, the dark scheme, a phone-sized viewport, the skip link and the
 * page without JavaScript, and that no page logged a console error. Screenshots go to
 * {@code target/screenshots/}.
 *
 * <p>Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} the test is skipped on
 * a developer's machine and fails in CI, where {@code .ci/run} installs them.
 *
 * <p>Slow (a real browser over the whole offline build): in {@code mvn verify -Pslow}.
 */
@Tag("slow")
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    static ChromeDriver browser;
    static Path site;
    static final List<String> consoleErrors = new ArrayList<>();
    /** Held so it is not collected: Selenium warns that it has no DevTools binding for this Chromium, which it does not need. */
    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @BeforeAll
    static void openBrowser() throws IOException {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!available && "true".equals(System.getenv("CI"))) {
            fail("CI needs Debian's chromium and chromium-driver; .ci/run installs them");
        }
        assumeTrue(available, "no " + CHROMIUM + " and " + DRIVER + ": install chromium and chromium-driver");
        SELENIUM_LOG.setLevel(Level.SEVERE);
        site = RepoSite.offline();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("versus-chromium-"), "--window-size=1280,1400");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.quit();
    }

    static void open(String page) {
        browser.get(site.resolve(page).toUri().toString());
        collectConsoleErrors();
    }

    static void collectConsoleErrors() {
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) consoleErrors.add(browser.getCurrentUrl() + ": " + e);
        }
    }

    static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Polls {@code condition} until it gives a value other than null or false, for at most 10 seconds. */
    static <T> T until(Function<WebDriver, T> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            T value = condition.apply(browser);
            if (value != null && !Boolean.FALSE.equals(value)) return value;
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting on " + browser.getCurrentUrl());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void emulate(String feature, String value) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", feature, "value", value))));
    }

    @Test
    void switchLanguageThenSearchFor552AndLandOnItsPage() throws IOException {
        open("en/smtp/421-vs-552/index.html");
        assertThat(browser.getTitle()).isEqualTo("SMTP 421 Service Not Available vs 552 Exceeded Storage Allocation");
        // The stylesheet loaded: the body is the 50rem column it sets.
        assertThat(browser.findElement(By.tagName("body")).getCssValue("max-width")).isEqualTo("800px");
        screenshot("pair-en.png");

        browser.findElement(By.cssSelector("nav.languages a[hreflang=ja]")).click();
        collectConsoleErrors();
        assertThat(browser.getCurrentUrl()).endsWith("/ja/smtp/421-vs-552/index.html");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
        screenshot("pair-ja.png");

        WebElement search = browser.findElement(By.id("search-q"));
        assertThat(search.isDisplayed()).as("search box shown once its index loaded").isTrue();
        search.sendKeys("552");
        WebElement first = until(
                b -> b.findElements(By.cssSelector("#search-results a")).stream().findFirst().orElse(null));
        assertThat(first.getText()).startsWith("SMTP 552");
        assertThat(browser.findElement(By.cssSelector(".search-status")).getText()).endsWith("件");
        screenshot("search-ja.png");
        search.sendKeys(Keys.ENTER);
        until(b -> b.getCurrentUrl().endsWith("/ja/smtp/552/index.html"));
        collectConsoleErrors();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("552");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void searchFindsWordsAndComparisons() {
        open("en/index.html");
        WebElement search = browser.findElement(By.id("search-q"));
        search.sendKeys("mailbox");
        List<WebElement> results = until(
                b -> b.findElements(By.cssSelector("#search-results a")).isEmpty() ? null
                        : b.findElements(By.cssSelector("#search-results a")));
        assertThat(results).isNotEmpty();
        search.clear();
        search.sendKeys("552 421");
        WebElement first = until(
                b -> b.findElements(By.cssSelector("#search-results a")).stream()
                        .filter(a -> a.getText().contains("421 vs 552")).findFirst().orElse(null));
        assertThat(first.getAttribute("href")).endsWith("/en/smtp/421-vs-552/index.html");
        search.clear();
        search.sendKeys("5.7.1"); // the class digit written out finds X.7.1
        WebElement enhanced = until(
                b -> b.findElements(By.cssSelector("#search-results a")).stream().findFirst().orElse(null));
        assertThat(enhanced.getAttribute("href")).endsWith("/en/smtp-enhanced/X.7.1/index.html");
        collectConsoleErrors();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void darkSchemePhoneWidthSkipLinkAndNoJavaScript() throws IOException {
        open("ja/smtp/421-vs-552/index.html");
        emulate("prefers-color-scheme", "dark");
        assertThat(browser.findElement(By.tagName("body")).getCssValue("background-color")).isEqualTo("rgba(13, 17, 23, 1)");
        screenshot("pair-ja-dark.png");
        emulate("prefers-color-scheme", "light");

        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        open("ja/smtp/421/index.html");
        assertThat((Long) js("return document.documentElement.scrollWidth")).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390L);
        screenshot("code-ja-390.png");
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

        // The first Tab lands on the skip link, which then shows with a visible outline.
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("skip");
        assertThat(((Number) js("return arguments[0].getBoundingClientRect().left", focused)).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");

        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        open("ja/smtp/421/index.html");
        assertThat(browser.findElement(By.cssSelector("form.search")).isDisplayed()).as("no dead search box without JavaScript").isFalse();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("421");
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        collectConsoleErrors();
        assertThat(consoleErrors).isEmpty();
    }
}
