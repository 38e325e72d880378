package dev.versus.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.i18n.Cli;
import dev.versus.render.site.UrlStyle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A second family that is not mail (issue 15): the HTTP test site of
 * {@code src/test/resources/http-site/}, built with the repository's templates. It declares
 * facts of its own (safe to retry, cacheable by default, who must act; 429 retried later
 * although its group, 4xx, is not), compares codes only within a class ({@code pairs: group})
 * plus one curated pair, and none of its pages may use a word of the mail patterns.
 */
class HttpSiteTest {
    private static final Path RESOURCES = Path.of("src/test/resources/http-site");
    private static final Path GOLDEN = Path.of("src/test/resources/golden/http");
    /** The words of the mail patterns, in both languages: none may reach an HTTP page. */
    private static final Pattern MAIL_WORDS = Pattern.compile(
            "(?i)\\b(e-?mails?|mails?|messages?|smtp|senders?|mailbox(es)?)\\b|メール|送信者|メールボックス");
    /** The codes of each class of the test family, which pairs: group compares with each other. */
    private static final List<List<String>> CLASSES = List.of(List.of("200", "204"), List.of("301", "304"),
            List.of("400", "401", "403", "404", "410", "429"), List.of("500", "503"));
    /** The pair with a note (pairs/301-vs-410.md): it gets a page although its codes are of two classes. */
    private static final String CURATED = "301-vs-410";

    static Path source;
    static Path output;
    static SiteCrawler site;

    @BeforeAll
    static void build() throws Exception {
        source = Files.createTempDirectory("versus-http-site-");
        copy(RESOURCES, source);
        copy(Path.of("templates"), source.resolve("templates"));
        output = source.resolve("public");
        new Build(new Build.Options(source, output, null, UrlStyle.PRETTY)).run();
        site = new SiteCrawler(output, false, "/");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    @Test
    void checkFindsNothingToReport() {
        Cli check = Cli.run("check", "--source", source.toString(), "--strict");
        assertThat(check.exit).as(check.toString()).isZero();
        assertThat(check.out).contains("http: 12 codes, 19 pairs");
    }

    @Test
    void onlyThePairsWithinAClassAndTheCuratedPairHavePages() {
        Set<String> expected = new TreeSet<>();
        for (List<String> codes : CLASSES) {
            for (int i = 0; i < codes.size(); i++) {
                for (int j = i + 1; j < codes.size(); j++) expected.add(codes.get(i) + "-vs-" + codes.get(j));
            }
        }
        expected.add(CURATED);
        for (String locale : List.of("en", "ja")) {
            Set<String> pairs = new TreeSet<>();
            Set<String> redirects = new TreeSet<>();
            for (var e : site.pages.entrySet()) {
                Matcher m = Pattern.compile(locale + "/http/([0-9]+-vs-[0-9]+)/index\\.html").matcher(e.getKey());
                if (!m.matches()) continue;
                (SiteCrawler.isRedirect(e.getValue()) ? redirects : pairs).add(m.group(1));
            }
            assertThat(pairs).as(locale + " comparison pages").isEqualTo(expected);
            assertThat(redirects).as(locale + " reversed addresses").isEqualTo(expected.stream()
                    .map(s -> s.substring(s.indexOf("-vs-") + 4) + "-vs-" + s.substring(0, s.indexOf("-vs-")))
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        // The family index counts what exists; the sitemap lists no other comparison.
        assertThat(site.pages.get("en/http/index.html")).contains("19 comparisons");
        assertThat(read("sitemap.xml")).contains("/en/http/400-vs-429/").doesNotContain("/en/http/200-vs-404/");
        // The search box and the picker are told which pairs exist.
        assertThat(read("assets/search-index.en.js")).contains("\"pairs\":[\"200-vs-204\",");
        assertThat(site.pages.get("en/http/429/index.html")).contains("data-pairs=\"200-vs-204 ");
    }

    @Test
    void noLinkLeadsToAMissingPageAndEveryPageIsReachable() {
        assertThat(site.brokenLinks()).isEmpty();
        Set<String> reached = site.reachableFrom("index.html");
        List<String> unreachable = PublishedSiteTest.contentPages(site).keySet().stream()
                .filter(p -> !reached.contains(p)).sorted().toList();
        assertThat(unreachable).isEmpty();
        // 429 lists its comparisons within 4xx only, and the learn-more list of 429-vs-... links
        // no comparison with 503, which is related but of another class.
        assertThat(site.pages.get("en/http/429/index.html")).contains("../400-vs-429/").doesNotContain("429-vs-503/")
                .doesNotContain("503-vs-429/").doesNotContain("429-vs-500/");
        assertThat(site.pages.get("en/http/400-vs-429/index.html")).doesNotContain("-vs-503/");
    }

    @Test
    void everyPageIsSafe() {
        // The picker of a family that compares only some pairs carries them (data-pairs).
        assertThat(dev.versus.testing.PageSafety.problemsIn(output)).isEmpty();
    }

    @Test
    void noPageUsesAWordOfTheMailPatterns() {
        List<String> found = new ArrayList<>();
        List<String> files = new ArrayList<>(site.pages.keySet());
        files.add("assets/search-index.en.js");
        files.add("assets/search-index.ja.js");
        for (String f : files) {
            String text = f.endsWith(".html") ? site.pages.get(f) : read(f);
            Matcher m = MAIL_WORDS.matcher(text);
            while (m.find()) {
                found.add(f + ": '" + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)) + "'");
            }
        }
        assertThat(found.stream().limit(20).toList()).as("mail words on HTTP pages (%d)", found.size()).isEmpty();
    }

    @Test
    void theQuickAnswerOf429SaysRetryLaterThoughItsClassSaysOtherwise() {
        String page = site.pages.get("en/http/429/index.html");
        assertThat(page).contains("<dt>Safe to retry</dt><dd>Yes, later");
        assertThat(site.pages.get("en/http/400/index.html")).contains("<dt>Safe to retry</dt><dd>Only changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "en/http/400-vs-429/index.html", "ja/http/400-vs-429/index.html", // same class, retried differently
            "en/http/500-vs-503/index.html", "ja/http/500-vs-503/index.html", // server errors
            "en/http/301-vs-410/index.html", "ja/http/301-vs-410/index.html", // the curated pair across classes
            "en/http/429/index.html", "ja/http/429/index.html",               // the quick answer from the facts
    })
    void pageMatchesItsReviewedCopy(String page) throws IOException {
        String actual = site.pages.get(page);
        assertThat(actual).as(page).isNotNull();
        Path golden = GOLDEN.resolve(page.replace("/index.html", ".html"));
        if (Boolean.getBoolean("versus.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden copy of " + page + " (generate it with -Dversus.updateGolden=true, then review it)")
                .exists();
        assertThat(actual).as(page).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    private static String read(String file) {
        try {
            return Files.readString(output.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
