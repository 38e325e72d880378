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
        if (server != null) server.stop(0);
    }

    static void open(String page) {
        int hash = page.indexOf('#');
        String fragment = hash < 0 ? "" : page.substring(hash);
        browser.get(site.resolve(hash < 0 ? page : page.substring(0, hash)).toUri() + fragment);
        collectConsoleErrors();
    }

    /** The online build, served over HTTP by the JDK's server (folders answer with their index.html). */
    static String served;
    static com.sun.net.httpserver.HttpServer server;

    static synchronized String online() throws IOException {
        if (served != null) return served;
        Path root = RepoSite.output();
        server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = java.net.URLDecoder.decode(exchange.getRequestURI().getPath(), java.nio.charset.StandardCharsets.UTF_8);
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) file = file.resolve("index.html");
            boolean found = file.startsWith(root) && Files.isRegularFile(file);
            byte[] body = Files.readAllBytes(found ? file : root.resolve("404.html"));
            String name = (found ? file : root.resolve("404.html")).getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript"
                    : name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream");
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        served = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        return served;
    }

    /** A page by its address in the offline build; online, the same page without "index.html". */
    static void open(boolean online, String page) throws IOException {
        if (!online) {
            open(page);
            return;
        }
        browser.get(online() + page.replaceFirst("index\\.html(#|$)", "$1"));
        collectConsoleErrors();
    }

    static String pageSuffix(boolean online) {
        return online ? "" : "index.html";
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
        assertThat(browser.getTitle()).isEqualTo("SMTP 421 (Service Not Available) vs 552 (Exceeded Storage Allocation) – Versus");
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

    /** Picks an option of a select by its text, as a click on it would. */
    static void choose(WebElement select, String text) {
        select.findElements(By.tagName("option")).stream().filter(o -> o.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + text)).click();
    }

    /** What one query shows: the combined answer's links, then the first three results. */
    static List<String> topHrefs(String query) {
        WebElement search = browser.findElement(By.id("search-q"));
        search.clear();
        search.sendKeys(query);
        until(b -> !b.findElement(By.cssSelector(".search-status")).getText().isEmpty());
        List<String> hrefs = new ArrayList<>();
        for (WebElement a : browser.findElements(By.cssSelector("#search-results li.answer a"))) hrefs.add(a.getAttribute("href"));
        List<WebElement> results = browser.findElements(By.cssSelector("#search-results li:not(.answer) > a"));
        for (WebElement a : results.subList(0, Math.min(3, results.size()))) hrefs.add(a.getAttribute("href"));
        return hrefs;
    }

    static void assertFinds(String query, String... anyOf) {
        List<String> hrefs = topHrefs(query);
        assertThat(hrefs).as("'%s' reaches one of %s in the answer or the first three results", query, List.of(anyOf))
                .anySatisfy(h -> assertThat(List.of(anyOf)).anySatisfy(want -> assertThat(h).endsWith(want)));
    }

    /** The reader's queries of issue 18, as typed and pasted, each reaching the right code. */
    @Test
    void bounceTextsAndWordsReachTheRightCode() throws IOException {
        open("en/index.html");
        assertFinds("552 5.2.2 mailbox full", "/en/smtp/552/index.html");
        assertFinds("550 5.1.1", "/en/smtp/550/index.html");
        assertFinds("421 4.7.0", "/en/smtp/421/index.html");
        assertFinds("550-5.7.26", "/en/smtp-enhanced/X.7.26/index.html");
        assertFinds("SMTP error 552", "/en/smtp/552/index.html");
        assertFinds("difference between 450 and 550", "/en/smtp/450-vs-550/index.html");
        assertFinds("user unknown", "/en/smtp-enhanced/X.1.1/index.html", "/en/smtp/550/index.html");
        assertFinds("relay access denied", "/en/smtp/554/index.html", "/en/smtp-enhanced/X.7.1/index.html");
        assertFinds("greylisting", "/en/smtp/450/index.html", "/en/smtp/451/index.html");
        assertFinds("DMARC", "/en/smtp-enhanced/X.7.26/index.html");
        assertFinds("spam", "/en/smtp/554/index.html", "/en/smtp/550/index.html");
        assertFinds("smtp; 550 5.1.1", "/en/smtp-enhanced/X.1.1/index.html");
        assertFinds("#5.1.1", "/en/smtp-enhanced/X.1.1/index.html");
        assertFinds("5.7.1", "/en/smtp-enhanced/X.7.1/index.html");
        assertFinds("4.2.2", "/en/smtp-enhanced/X.2.2/index.html");
        // One real reply per family, from the examples fields (Postfix's smtpd).
        assertFinds("554 5.7.1 <user@example.com>: Relay access denied", "/en/smtp/554/index.html");
        assertFinds("452 4.3.1 Insufficient system storage", "/en/smtp-enhanced/X.3.1/index.html");
        // And from the other servers and providers the examples quote: Exim, Outlook.com, Exchange Online.
        assertFinds("552 too many recipients", "/en/smtp/552/index.html");
        assertFinds("550 5.5.0 Requested action not taken: mailbox unavailable", "/en/smtp/550/index.html");
        assertFinds("432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded", "/en/smtp-enhanced/X.3.2/index.html");
        // The combined answer reads both codes and says what they mean together.
        topHrefs("552 5.2.2 mailbox full");
        assertThat(browser.findElement(By.cssSelector("#search-results li.answer")).getText())
                .contains("552 5.2.2").containsIgnoringCase("permanent failure");
        topHrefs("452 5.2.2");
        assertThat(browser.findElement(By.cssSelector("#search-results li.answer")).getAttribute("class")).contains("mismatch");
        // In the enhanced codes' own words (labels: in their _family.yaml), not the theme's plainer ones.
        assertThat(browser.findElement(By.cssSelector("#search-results li.answer")).getText()).contains("The class digits disagree");
        screenshot("search-answer-en.png");

        open("ja/index.html");
        assertFinds("容量", "/ja/smtp/552/index.html", "/ja/smtp/452/index.html");
        assertFinds("宛先不明", "/ja/smtp-enhanced/X.1.1/index.html", "/ja/smtp/550/index.html");
        assertFinds("ユーザー不明", "/ja/smtp-enhanced/X.1.1/index.html", "/ja/smtp/550/index.html");
        assertFinds("メールボックスがいっぱい", "/ja/smtp/552/index.html", "/ja/smtp/452/index.html",
                "/ja/smtp-enhanced/X.2.2/index.html");
        assertFinds("例：552、メールボックス", "/ja/smtp/552/index.html");
        // English words on a Japanese page: found in the English index, shown as the Japanese pages.
        assertFinds("relay access denied", "/ja/smtp/554/index.html", "/ja/smtp-enhanced/X.7.1/index.html");
        collectConsoleErrors();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void resultsCloseOnEscapeBlurAndAClickOutsideAndSlashFocusesTheBox() throws IOException {
        for (boolean online : new boolean[] {false, true}) {
            open(online, "en/smtp/552/index.html");
            WebElement search = browser.findElement(By.id("search-q"));
            WebElement list = browser.findElement(By.id("search-results"));
            browser.findElement(By.tagName("body")).sendKeys("/");
            assertThat(browser.switchTo().activeElement().getAttribute("id")).as("/ focuses the box").isEqualTo("search-q");
            search.sendKeys("mailbox full");
            until(b -> list.isDisplayed());
            search.sendKeys(Keys.ESCAPE);
            assertThat(list.isDisplayed()).as("Escape closes").isFalse();
            search.clear(); // Chromium also empties a search box on Escape
            search.sendKeys("mailbox full");
            until(b -> list.isDisplayed());
            search.sendKeys(Keys.TAB); // to the first result
            browser.switchTo().activeElement().sendKeys(Keys.SHIFT, Keys.TAB);
            js("document.activeElement.blur(); document.querySelector('h1').focus()");
            until(b -> !list.isDisplayed());
            search.click();
            search.sendKeys("s");
            until(b -> list.isDisplayed());
            browser.findElement(By.cssSelector("footer.site p")).click();
            assertThat(list.isDisplayed()).as("a click outside closes").isFalse();
        }
    }

    @Test
    void quickAnswerTableOfContentsPickerAndLanguageAnchor() throws IOException {
        for (boolean online : new boolean[] {false, true}) {
            String suffix = pageSuffix(online);
            open(online, "en/smtp/552/index.html#fix");
            WebElement quick = browser.findElement(By.cssSelector("section.quick"));
            assertThat(quick.getText()).containsIgnoringCase("permanent failure").contains("If you sent the message");
            double quickTop = ((Number) js("return document.querySelector('section.quick').getBoundingClientRect().top")).doubleValue();
            double descriptionTop = ((Number) js("return document.getElementById('description').getBoundingClientRect().top")).doubleValue();
            assertThat(quickTop).as("the quick answer comes before the description").isLessThan(descriptionTop);
            assertThat(browser.findElements(By.cssSelector("section.quick nav.jump a[href='#fix']"))).isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("p.json a")).getAttribute("href")).endsWith("/en/smtp/552.json");

            // The language switch keeps the section.
            browser.findElement(By.cssSelector("nav.languages a[hreflang=ja]")).click();
            until(b -> b.getCurrentUrl().contains("/ja/smtp/552/"));
            assertThat(browser.getCurrentUrl()).endsWith("/ja/smtp/552/" + suffix + "#fix");

            // The picker goes to the canonical pair page, lower code first.
            open(online, "en/smtp/552/index.html");
            WebElement picker = browser.findElement(By.cssSelector("form.compare-picker"));
            assertThat(picker.isDisplayed()).isTrue();
            choose(picker.findElement(By.name("b")), "421");
            picker.findElement(By.cssSelector("button")).click();
            until(b -> b.getCurrentUrl().contains("421-vs-552"));
            assertThat(browser.getCurrentUrl()).endsWith("/en/smtp/421-vs-552/" + suffix);

            // A comparison: the table of contents, then Key differences before the codes' own sections.
            open(online, "en/smtp/450-vs-550/index.html");
            assertThat(browser.findElement(By.cssSelector("nav.toc details")).getAttribute("open")).isNotNull();
            double differences = ((Number) js("return document.getElementById('differences').getBoundingClientRect().top")).doubleValue();
            double description = ((Number) js("return document.getElementById('description').getBoundingClientRect().top")).doubleValue();
            double toc = ((Number) js("return document.querySelector('nav.toc').getBoundingClientRect().top")).doubleValue();
            assertThat(toc).isLessThan(differences);
            assertThat(differences).as("Key differences before the codes' sections").isLessThan(description);
            // The side-by-side table of facts comes first, under the title, with what differs marked.
            double glance = ((Number) js("return document.querySelector('table.glance').getBoundingClientRect().top")).doubleValue();
            assertThat(glance).as("the at-a-glance table before Key differences").isLessThan(differences);
            assertThat(browser.findElements(By.cssSelector("table.glance tr.differs th[scope=row]"))).isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("table.glance caption")).getText()).contains("450").contains("550");
            // "Compare with" on a code page puts the pairs with a note first.
            open(online, "en/smtp/550/index.html");
            // In code order it would start with 211; 252-vs-550 has an expert's note.
            assertThat(browser.findElement(By.cssSelector("section[aria-labelledby=compare] ul.columns li a")).getText())
                    .as("a curated pair heads Compare with").startsWith("550 vs 252");

            // The family index: a table with a jump bar, and its own picker. The enhanced codes'
            // groups are their subjects, and the page says so (the family's index.groupedBy).
            open(online, "ja/smtp-enhanced/index.html");
            assertThat(browser.findElement(By.cssSelector("nav.jump .jump-label")).getText()).isEqualTo("分類");
            assertThat(browser.findElement(By.id("group-7")).getText()).startsWith("分類 7：");
            open(online, "en/smtp-enhanced/index.html");
            assertThat(browser.findElements(By.cssSelector("table.codes tbody tr"))).hasSizeGreaterThan(50);
            assertThat(browser.findElements(By.cssSelector("nav.jump a[href='#group-7']"))).isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("nav.jump .jump-label")).getText()).isEqualTo("Subject");
            assertThat(browser.findElement(By.id("group-7")).getText()).isEqualTo("Subject 7: Security or Policy Status");
            WebElement familyPicker = browser.findElement(By.cssSelector("form.compare-picker"));
            choose(familyPicker.findElement(By.name("a")), "X.7.26");
            choose(familyPicker.findElement(By.name("b")), "X.7.1");
            familyPicker.findElement(By.cssSelector("button")).click();
            until(b -> b.getCurrentUrl().contains("-vs-"));
            assertThat(browser.getCurrentUrl()).endsWith("/en/smtp-enhanced/X.7.1-vs-X.7.26/" + suffix);
        }
        collectConsoleErrors();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theNotFoundPageSuggestsTheCodeOfAGuessedAddressAndOffersSearchOffline() throws IOException {
        // Online: the server shows 404.html at the mistyped address, whose code goes into the box.
        browser.get(online() + "en/smtp-enhanced/5.7.1/");
        WebElement first = until(b -> b.findElements(By.cssSelector("#search-results a")).stream().findFirst().orElse(null));
        assertThat(first.getAttribute("href")).endsWith("/en/smtp-enhanced/X.7.1/");
        assertThat(browser.findElement(By.cssSelector(".not-found-guess")).isDisplayed()).isTrue();
        // A basic reply code under the enhanced family: its own family's page.
        browser.get(online() + "en/smtp-enhanced/552/");
        first = until(b -> b.findElements(By.cssSelector("#search-results a")).stream().findFirst().orElse(null));
        assertThat(first.getAttribute("href")).endsWith("/en/smtp/552/");
        // The 404 status of the page itself is logged by the browser: expected here, not an error of the site.
        browser.manage().logs().get(LogType.BROWSER);

        // From file:// no missing file reaches 404.html, but the page opened from the disk offers
        // the search box, whose results are files that exist; ?q= hands it a guess.
        browser.get(site.resolve("404.html").toUri().toString());
        WebElement search = browser.findElement(By.id("search-q"));
        assertThat(search.isDisplayed()).as("the search box on the offline 404 page").isTrue();
        assertThat(browser.findElement(By.cssSelector(".not-found-guess")).isDisplayed()).isFalse();
        search.sendKeys("mailbox full");
        first = until(b -> b.findElements(By.cssSelector("#search-results a")).stream().findFirst().orElse(null));
        assertThat(first.getAttribute("href")).startsWith("file:").endsWith("/index.html");
        browser.get(site.resolve("404.html").toUri() + "?q=5.7.1");
        first = until(b -> b.findElements(By.cssSelector("#search-results a")).stream().findFirst().orElse(null));
        assertThat(browser.findElement(By.cssSelector(".not-found-guess")).isDisplayed()).isTrue();
        assertThat(first.getAttribute("href")).endsWith("/en/smtp-enhanced/X.7.1/index.html");
        first.click();
        until(b -> b.getCurrentUrl().endsWith("/en/smtp-enhanced/X.7.1/index.html"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("X.7.1");
        collectConsoleErrors();
        assertThat(consoleErrors).isEmpty();
    }

    /** Screenshots to look at: desktop and phone, light and dark, Japanese. */
    @Test
    void screenshotsOfEveryPageTypeAtBothSizes() throws IOException {
        String[][] pages = {{"ja/smtp/552/index.html", "code-ja"}, {"en/smtp/552/index.html", "code-en"},
                {"ja/smtp/450-vs-550/index.html", "pair-ja"}, {"en/smtp-enhanced/index.html", "family-en"}};
        for (String scheme : new String[] {"light", "dark"}) {
            emulate("prefers-color-scheme", scheme);
            for (int[] size : new int[][] {{1280, 900}, {390, 844}}) {
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", size[0] < 500));
                for (String[] p : pages) {
                    open(p[0]);
                    assertThat((Long) js("return document.documentElement.scrollWidth")).as(p[0] + " at " + size[0])
                            .isLessThanOrEqualTo((long) size[0]);
                    screenshot(p[1] + "-" + size[0] + "-" + scheme + ".png");
                }
            }
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        emulate("prefers-color-scheme", "light");
        // Japanese body text is set in a Japanese face with a roomy line.
        open("ja/smtp/552/index.html");
        assertThat(browser.findElement(By.tagName("body")).getCssValue("font-family")).startsWith("\"Noto Sans CJK JP\"");
        double lineHeight = Double.parseDouble(browser.findElement(By.tagName("body")).getCssValue("line-height").replace("px", ""));
        assertThat(lineHeight / 16).isBetween(1.7, 1.9);
    }
}
