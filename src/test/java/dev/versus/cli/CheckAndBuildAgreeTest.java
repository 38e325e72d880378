package dev.versus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.i18n.Cli;
import dev.versus.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code check} finds, {@code build} finds too, with the same located lines, and neither
 * reaches an internal error (issue 15: a group without severity passed check and then failed the
 * build with "internal error: label 'pattern.chooseSender.null' missing"). One broken site per row.
 */
class CheckAndBuildAgreeTest {
    @TempDir
    Path dir;

    static Stream<Arguments> brokenSites() {
        return Stream.of(
                Arguments.of("a group without a severity", (Consumer<TestSite>) s ->
                        s.deleteLine("content/smtp/_family.yaml", "    severity: permanent"),
                        "content/smtp/552.yaml:1:1: code 552 has no value for fact 'severity'"),
                // (A UI label a site's locale leaves out comes from the built-in theme's.)
                Arguments.of("a fact's label missing in a locale", (Consumer<TestSite>) s ->
                        s.deleteLine("content/smtp/_family.ja.yaml", "    label: 影響範囲"),
                        "missing required field 'label' in fact translation"),
                Arguments.of("a fact value missing its name", (Consumer<TestSite>) s ->
                        s.deleteLine("content/smtp/_family.ja.yaml", "      none: 問題なし"),
                        "content/smtp/_family.ja.yaml:"),
                Arguments.of("an unknown fact value", (Consumer<TestSite>) s ->
                        s.edit("content/smtp/552.yaml", "scope: message", "scope: mesage"),
                        "content/smtp/552.yaml:13:8: scope 'mesage' is not one of"),
                Arguments.of("a placeholder its fact does not provide", (Consumer<TestSite>) s ->
                        s.edit("content/smtp/_family.yaml", "affects {aValue}, while", "affects {aEffect}, while"),
                        "uses {aEffect}, which it does not provide"),
                Arguments.of("an unknown audience in a code's fix", (Consumer<TestSite>) s ->
                        s.edit("content/smtp/552.yaml", "  sender: |", "  sendr: |"),
                        "content/smtp/552.yaml:9:10: fix 'sendr' is not an audience of this family (sender, recipient,"
                                + " admin); did you mean 'sender'?"),
                Arguments.of("an audience the family declares, missing its label in a locale", (Consumer<TestSite>) s ->
                        s.edit("content/smtp/_family.yaml", "groups:\n", "audiences:\n  - id: sender\n"
                                + "    label: If you sent it\ngroups:\n"),
                        "content/smtp/_family.ja.yaml:1:1: missing ja label of audience 'sender'"),
                Arguments.of("an unknown pair rule", (Consumer<TestSite>) s ->
                        s.append("content/smtp/_family.yaml", "pairs: grup\n"),
                        "pairs 'grup' is not one of"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSites")
    void checkAndBuildReportTheSameLocatedErrors(String what, Consumer<TestSite> breakIt, String expected) {
        TestSite site = TestSite.create(dir.resolve("site"));
        breakIt.accept(site);
        String source = site.root().toString();

        Cli check = Cli.run("check", "--source", source);
        Cli build = Cli.run("build", "--source", source, "--out", dir.resolve("out").toString());

        assertThat(check.exit).as(check.toString()).isEqualTo(1);
        assertThat(build.exit).as(build.toString()).isEqualTo(1);
        List<String> checkErrors = located(check.err);
        assertThat(checkErrors).as(check.toString()).isNotEmpty().anySatisfy(l -> assertThat(l).contains(expected));
        assertThat(located(build.err)).as(build.toString()).isEqualTo(checkErrors);
        assertThat(check.err + build.err).doesNotContain("internal error").doesNotContain("\tat ");
    }

    /** The path:line:column lines of an error report. */
    private static List<String> located(String err) {
        return err.lines().filter(l -> l.matches("[^ ]+:[0-9]+:[0-9]+: .*")).toList();
    }
}
