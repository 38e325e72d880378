package dev.versus.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.PageSafety;
import dev.versus.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checker the hostile-input tests rely on: it must flag every way a page can run script,
 * or those tests prove nothing; and a clean site must pass, or they could never succeed.
 */
class PageSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<p><img src=x onerror=alert(1)></p>",
        "<p title=\"\" onmouseover=\"alert(1)\">x</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<img src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\">",
        "<iframe srcdoc=\"x\"></iframe>",
        "<svg><animate onbegin=alert(1)></svg>",
        "<meta http-equiv=\"refresh\" content=\"0; url=javascript:alert(1)\">",
        "<form action=\"https://evil.example/\"><button>x</button></form>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
    })
    void flagsEveryWayToRunScript(String html) {
        assertThat(PageSafety.problemsIn("<!DOCTYPE html><html><body>" + html + "</body></html>", "page")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<p>\" onmouseover=\"alert(1)</p>",
        "<a href=\"https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3\">RFC</a>",
        "<a href=\"../421/\" title=\"&quot; onmouseover=&quot;alert(1)\">421</a>",
        "<a href=\"mailto:postmaster@example.org\">mail</a>",
        "<a href=\"\">text whose unsafe target was dropped</a>",
        "<meta http-equiv=\"refresh\" content=\"0; url=../421-vs-552/\">",
    })
    void acceptsTextThatOnlyLooksLikeScript(String html) {
        assertThat(PageSafety.problemsIn("<!DOCTYPE html><html><body>" + html + "</body></html>", "page")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<head><script src=\"//evil.example/assets/search.js\" defer></script></head>",
        "<head><script src=\"/\\evil.example/assets/search.js\" defer></script></head>",
        "<head><script src=\"https://evil.example/assets/search.js\" defer></script></head>",
        "<head><script src=\"../assets/search.js\" defer>alert(1)</script></head>",
        "<head><script src=\"../assets/search.js\" defer onload=\"alert(1)\"></script></head>",
        "<head><script src=\"../assets/evil.js\" defer></script></head>",
        "<body><main><script src=\"../assets/search.js\" defer></script></main></body>",
        "<body><main><form class=\"search\" role=\"search\" action=\"../\"></form></main></body>",
        "<body><header class=\"site\"><form class=\"search\" role=\"search\" action=\"javascript:alert(1)\"></form></header></body>",
        "<body><header class=\"site\"><form class=\"search\" role=\"search\" method=\"post\" action=\"../\"></form></header></body>",
        "<head><script src=\"../assets/search.js\" defer></script></head><body><p title=\"<script>\">x</p></body>",
    })
    void flagsAnythingButTheSearchBoxOwnScriptsAndForm(String html) {
        assertThat(PageSafety.problemsIn("<!DOCTYPE html><html>" + html + "</html>", "page")).isNotEmpty();
    }

    @Test
    void acceptsTheSearchBoxOwnScriptsAndForm() {
        String page = "<!DOCTYPE html><html><head><script src=\"../../assets/search-index.ja.js\" defer></script>"
                + "<script src=\"/docs/assets/search.js\" defer></script></head><body><header class=\"site\">"
                + "<form class=\"search\" role=\"search\" action=\"../\" data-root=\"../../\" hidden><input id=\"q\"></form>"
                + "</header></body></html>";
        assertThat(PageSafety.problemsIn(page, "page")).isEmpty();
    }

    @Test
    void theTemplatesThemselvesHoldNoScript(@TempDir Path dir) throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Path out = dir.resolve("public");
        new Build(new Build.Options(site.root(), out, null, UrlStyle.PRETTY)).run();

        assertThat(PageSafety.problemsIn(out)).isEmpty();
    }
}
