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
    void aGroupWithoutSeverityIsRefusedByCheckAsByBuildOrBuilds() {
        // The docs said severity was optional; build failed with "internal error ... label
        // 'pattern.chooseSender.null' missing" after check said OK. Since the facts (issue 15) both
        // name the code and the missing fact.
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
