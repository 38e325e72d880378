package dev.versus.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.testing.RepoSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Every HTML file of the repository's site passes the Nu HTML Checker with no errors: all
 * comparison, code, family, home and redirect pages in both locales. One checker per core,
 * since a checker is not thread-safe; about 15 ms a page. ({@link HtmlValidatorTest} covers
 * the offline build and the stylesheet, and runs in the default {@code mvn verify}.) Slow: in
 * {@code mvn verify -Pslow}, a step of its own in {@code .ci/run}.
 */
@Tag("slow")
class EveryPageValidatesTest {

    @Test
    void everyGeneratedPagePassesTheNuHtmlChecker() throws Exception {
        Path site = RepoSite.output();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    Checker checker = new Checker(site, errors);
                    for (int i = first; i < pages.size(); i += threads) checker.check(pages.get(i));
                    return null;
                }));
            }
            for (Future<?> part : parts) part.get();
        } finally {
            pool.shutdown();
        }
        assertThat(pages).as("HTML files checked").hasSizeGreaterThan(7_800);
        assertThat(errors).as("vnu errors in " + pages.size() + " pages (first 50)")
                .isEmpty();
    }

    /** One validator and the page it is reading, for error messages. */
    private static final class Checker implements ErrorHandler {
        private final SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        private final Path site;
        private final List<String> errors;
        private String current = "";

        Checker(Path site, List<String> errors) throws Exception {
            this.site = site;
            this.errors = errors;
            validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", this);
            validator.setUpValidatorAndParsers(this, true, false);
        }

        void check(Path page) throws Exception {
            current = site.relativize(page).toString();
            validator.checkHtmlFile(page.toFile(), true);
        }

        @Override
        public void warning(SAXParseException e) {
            // Warnings are listed by HtmlValidatorTest on its sample; only errors fail here.
        }

        @Override
        public void error(SAXParseException e) {
            if (errors.size() < 50) errors.add(describe(e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }

        private String describe(SAXParseException e) {
            return String.format(Locale.ROOT, "%s:%d:%d: %s", current, e.getLineNumber(), e.getColumnNumber(), e.getMessage());
        }
    }
}
