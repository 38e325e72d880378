package dev.versus.render.prose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.model.Site;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mentions of codes and RFC sections in content prose become links, wherever the line breaks fall. */
class ProseLinksTest {
    @TempDir
    Path dir;

    MarkdownRenderer markdown;

    @BeforeEach
    void renderer() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Site valid = new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate();
        markdown = new MarkdownRenderer(new ProseLinker(valid));
    }

    String render(String md) {
        return markdown.render(md, "smtp", (family, code) -> "../" + code + "/");
    }

    @Test
    void anRfcSectionLinksToTheSection() {
        assertThat(render("See RFC 5321 §4.5.3.1.10 for the limit."))
                .contains("<a href=\"https://www.rfc-editor.org/rfc/rfc5321#section-4.5.3.1.10\">RFC 5321 §4.5.3.1.10</a>");
    }

    @Test
    void anRfcSectionSplitAcrossTwoLinesStillLinksToTheSection() {
        assertThat(render("The null MX rule (RFC 7505\n§4.1) applies."))
                .contains("<a href=\"https://www.rfc-editor.org/rfc/rfc7505#section-4.1\">RFC 7505 §4.1</a>");
        assertThat(render("- a list item citing RFC 7505\n  §4.1 on its next line"))
                .contains("rfc7505#section-4.1");
    }

    @Test
    void aCodeThatExistsBecomesALinkAndOtherNumbersStayText() {
        String html = render("Unlike the temporary 452, this is final; it took 300 seconds and RFC 5321.");
        assertThat(html).contains("<a href=\"../452/\">452</a>").contains("300 seconds").doesNotContain(">5321<");
    }
}
