package dev.versus.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.testing.RepoSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (vnu, the W3C's validator) on a representative set of built pages: every
 * page type in both locales, the language picker, the 404 page, a redirect, a code's
 * language-neutral entry, an offline page, and the stylesheet. Any error fails; warnings are listed in the failure message too, so that
 * a new one is seen, but only errors fail.
 */
class HtmlValidatorTest {
    static final List<String> PAGES = List.of(
            "index.html", "404.html",
            "en/index.html", "ja/index.html",
            "en/smtp/index.html", "ja/smtp/index.html", "en/smtp-enhanced/index.html", "ja/smtp-enhanced/index.html",
            "en/smtp/421/index.html", "ja/smtp/421/index.html", "en/smtp/552/index.html", "ja/smtp/552/index.html",
            "en/smtp-enhanced/X.2.2/index.html", "ja/smtp-enhanced/X.7.1/index.html",
            "en/smtp/421-vs-552/index.html", "ja/smtp/421-vs-552/index.html",
            "en/smtp/550-vs-553/index.html", "ja/smtp/250-vs-550/index.html",
            "en/smtp-enhanced/X.2.2-vs-X.3.4/index.html", "ja/smtp-enhanced/X.2.2-vs-X.3.4/index.html",
            "en/smtp/552-vs-421/index.html", "ja/smtp/552-vs-421/index.html",
            "smtp/421/index.html", "smtp-enhanced/X.2.2/index.html");

    static SimpleDocumentValidator validator;
    static final List<String> errors = new ArrayList<>();
    static final List<String> warnings = new ArrayList<>();
    static String current = "";

    @BeforeAll
    static void setUp() throws Exception {
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                warnings.add(describe(e));
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(describe(e));
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(describe(e));
            }
        };
        // No language detection: it only warns, and it is the slowest part of the checker.
        validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
        validator.setUpValidatorAndParsers(handler, true, false);
    }

    static String describe(SAXParseException e) {
        return String.format(Locale.ROOT, "%s:%d:%d: %s", current, e.getLineNumber(), e.getColumnNumber(), e.getMessage());
    }

    @Test
    void representativePagesHaveNoErrors() throws Exception {
        for (String page : PAGES) check(RepoSite.output(), page);
        check(RepoSite.offline(), "ja/smtp/421-vs-552/index.html");
        check(RepoSite.offline(), "404.html");
        current = "assets/style.css";
        validator.checkCssFile(RepoSite.output().resolve(current).toFile(), true);
        assertThat(errors).as("vnu errors (warnings: %s)", warnings).isEmpty();
        System.out.println("vnu: " + (PAGES.size() + 2) + " pages and the stylesheet, 0 errors, " + warnings.size()
                + " warnings" + (warnings.isEmpty() ? "" : ": " + warnings));
    }

    /** A new site's help pages: a code's entry, its compact page and the compact page's entry, online and offline. */
    @Test
    void helpPagesOfANewSiteHaveNoErrors(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path site = dir.resolve("s");
        java.io.PrintWriter quiet = new java.io.PrintWriter(new java.io.StringWriter());
        assertThat(dev.versus.cli.VersusCommand.commandLine().setOut(quiet).setErr(quiet)
                .execute("new", "site", site.toString())).isZero();
        Files.writeString(site.resolve("content/site.yaml"), "compactPages: true\n", java.nio.file.StandardOpenOption.APPEND);
        int before = errors.size();
        for (String style : new String[] {"online", "offline"}) {
            Path out = dir.resolve(style);
            String[] args = style.equals("online") ? new String[] {"build", "--source", site.toString(), "--out", out.toString()}
                    : new String[] {"build", "--source", site.toString(), "--out", out.toString(), "--offline"};
            assertThat(dev.versus.cli.VersusCommand.commandLine().setOut(quiet).setErr(quiet).execute(args)).isZero();
            for (String page : List.of("http/404/index.html", "http/404/compact.html", "en/http/404/compact.html",
                    "ja/http/429/compact.html")) {
                current = "new site " + style + "/" + page;
                validator.checkHtmlFile(out.resolve(page).toFile(), true);
            }
        }
        assertThat(errors.subList(before, errors.size())).as("vnu errors (warnings: %s)", warnings).isEmpty();
    }

    private static void check(Path site, String page) throws Exception {
        current = (site.equals(RepoSite.offline()) ? "offline/" : "") + page;
        validator.checkHtmlFile(site.resolve(page).toFile(), true);
    }
}
