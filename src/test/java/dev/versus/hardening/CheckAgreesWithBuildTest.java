package dev.versus.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code check} accepts, {@code build} builds (issue 20): a site that check said was fine
 * must not fail in build with an internal error.
 */
class CheckAgreesWithBuildTest {
    @TempDir
    Path dir;

    @Test
    @org.junit.jupiter.api.Disabled("fails on main today (build: internal error, label 'pattern.chooseSender.null' missing);"
            + " passes on the facts branch (issue 15), where check and build both name the code and the missing fact: enable it"
            + " when facts lands")
    void aGroupWithoutSeverityIsRefusedByCheckAsByBuildOrBuilds() {
        // The docs say severity is optional; build used to fail with "internal error ... label
        // 'pattern.chooseSender.null' missing" after check said OK.
        TestSite site = TestSite.create(dir.resolve("site"))
                .edit("content/smtp/_family.yaml", "    name: Transient Negative Completion\n    severity: transient\n",
                        "    name: Transient Negative Completion\n");
        LimitsTest.Run check = LimitsTest.versus("check", "--source", site.root().toString());
        LimitsTest.Run build = LimitsTest.versus("build", "--source", site.root().toString(), "--out", dir.resolve("out").toString());
        assertThat(build.err()).doesNotContain("internal error").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(build.exit()).as("build agrees with check; check said:\n%s\nbuild said:\n%s", check.err(), build.err())
                .isEqualTo(check.exit());
        if (check.exit() != 0) {
            assertThat(check.messages().get(0)).matches("content/smtp/[^:]+\\.yaml:[0-9]+:[0-9]+: .*");
            assertThat(build.messages().get(0)).isEqualTo(check.messages().get(0));
        }
    }
}
