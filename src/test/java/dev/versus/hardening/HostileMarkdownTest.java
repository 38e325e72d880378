package dev.versus.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.diagnostics.ContentError;
import dev.versus.diagnostics.ContentException;
import dev.versus.model.Site;
import dev.versus.render.prose.MarkdownRenderer;
import dev.versus.render.prose.ProseLinker;
import dev.versus.render.site.UrlStyle;
import dev.versus.render.templates.RenderException;
import dev.versus.testing.PageSafety;
import dev.versus.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based: Markdown and text full of HTML, script, event handlers and unsafe links never
 * turn into anything that runs, neither through the Markdown renderer alone nor through a whole
 * site build (code fields, a translation and a pair note). Versus's templates contain no script,
 * so any script, handler or unsafe link in a page would have come from content.
 */
class HostileMarkdownTest {
    private static Path dir;
    private static TestSite site;
    private static MarkdownRenderer renderer;

    @BeforeContainer
    static void writeValidSite() throws Exception {
        dir = Files.createTempDirectory("versus-hostile-markdown-");
        site = TestSite.create(dir.resolve("site"));
        Site valid = new Build(new Build.Options(site.root(), null, null, UrlStyle.PRETTY)).validate();
        renderer = new MarkdownRenderer(new ProseLinker(valid));
    }

    @AfterContainer
    static void deleteSite() {
        // Best effort: a failed property may still be shrinking in the background.
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    @Provide
    Arbitrary<String> markdown() {
        return HostileText.markdown();
    }

    /** Blank fields are content errors that stop the build before any page: test pages instead. */
    @Provide
    Arbitrary<String> text() {
        return HostileText.markdown().filter(s -> !s.isBlank());
    }

    @Property(tries = 500)
    void renderedMarkdownHoldsNoScriptHandlerOrUnsafeLink(@ForAll("markdown") String markdown) {
        String html = renderer.render(markdown, "smtp", (family, code) -> "../" + code + "/");

        assertThat(PageSafety.problemsIn(html, "rendered Markdown")).as("Markdown:%n%s%nHTML:%n%s", markdown, html).isEmpty();
    }

    @Property(tries = 20)
    void aSiteBuiltFromHostileContentHoldsNoScriptHandlerOrUnsafeLink(
            @ForAll("text") String title, @ForAll("text") String summary, @ForAll("text") String description,
            @ForAll("text") String when, @ForAll("text") String fix, @ForAll("text") String japanese,
            @ForAll("text") String note) throws Exception {
        site.write("content/smtp/450.yaml", "code: '450'\n"
                + "title: " + HostileText.yamlQuoted(title) + "\n"
                + "summary: " + HostileText.yamlQuoted(summary) + "\n"
                + "description: " + HostileText.yamlQuoted(description) + "\n"
                + "when: " + HostileText.yamlQuoted(when) + "\n"
                + "fix:\n  sender: " + HostileText.yamlQuoted(fix) + "\n"
                + "notes: " + HostileText.yamlQuoted(note) + "\n"
                + "scope: recipient\ncause: receiver\ncommands: [RCPT]\nrelated: ['421']\n"
                + "references:\n  - title: " + HostileText.yamlQuoted(title) + "\n"
                + "    url: https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3\n");
        site.write("content/smtp/450.ja.yaml", "title: " + HostileText.yamlQuoted(japanese) + "\n"
                + "description: " + HostileText.yamlQuoted(japanese) + "\n");
        site.write("content/smtp/pairs/421-vs-450.md", note);
        Path out = dir.resolve("public");
        try {
            new Build(new Build.Options(site.root(), out, null, UrlStyle.PRETTY)).run();
        } catch (ContentException e) {
            // Blank fields and the like are content errors; they must say where, and nothing is built.
            for (ContentError error : e.errors()) MutatedYamlTest.assertLocated(error, site.root());
            return;
        } catch (RenderException e) {
            throw new AssertionError("content broke a template: " + e.messages(), e);
        }
        assertThat(PageSafety.problemsIn(out)).isEmpty();
    }
}
