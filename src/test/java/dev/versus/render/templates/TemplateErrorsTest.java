package dev.versus.render.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.cli.VersusCommand;
import dev.versus.testing.TestSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A template mistake is reported as one line naming the template position, the failing
 * expression and the page being rendered, once however many pages hit it, then the count.
 */
class TemplateErrorsTest {
    @TempDir
    Path dir;

    TestSite site;
    StringWriter err;

    @BeforeEach
    void writeValidSite() {
        site = TestSite.create(dir.resolve("site"));
    }

    int build() {
        err = new StringWriter();
        CommandLine cl = VersusCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute("build", "--source", site.root().toString(), "--out", dir.resolve("public").toString());
    }

    @Test
    void aMissingValueNamesTheExpressionAndTheFirstPageOnce() {
        site.write("templates/code.ftlh", "<#import \"layout.ftlh\" as l>\n<p>${code.sumary}</p>\n");

        assertThat(build()).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(
                "templates/code.ftlh:2:6: The following has evaluated to null or missing: ==> code.sumary"
                        + " (while rendering en/smtp/421/index.html and 5 more pages)\n"
                        + "build failed: 1 error\n");
    }

    @Test
    void aSyntaxErrorNamesTheTemplatePosition() {
        site.write("templates/family.ftlh", "<#lisst groups as g>${g}</#lisst>\n");

        assertThat(build()).isEqualTo(1);
        assertThat(err.toString()).startsWith("templates/family.ftlh:1:2: Unknown directive: #lisst.")
                .endsWith("build failed: 1 error\n");
    }
}
