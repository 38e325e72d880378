package dev.versus.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code versus i18n status}: the table and the JSON report on the minimal site with one stale field. */
class StatusReportTest {
    @TempDir
    Path dir;

    TestSite siteWithOneStaleField() {
        TestSite site = TestSite.create(dir.resolve("site"));
        Cli.run("i18n", "stamp", "--source", site.root().toString());
        site.replaceLine("content/smtp/421.yaml", "summary:", "summary: The server is closing the connection now.");
        return site;
    }

    @Test
    void statusIsATablePerLocaleWithARowPerFamily() {
        TestSite site = siteWithOneStaleField();

        Cli r = Cli.run("i18n", "status", "--source", site.root().toString());

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.out).isEqualTo("""
                Translation status of ja (source: en)
                  family  fields  translated  stale  unstamped  missing   done
                  smtp        16           4      1          0       11  25.0%
                  all         16           4      1          0       11  25.0%
                """);
    }

    @Test
    void jsonHasTheSameCountsAndEveryFieldWithItsLocation() {
        TestSite site = siteWithOneStaleField();

        Cli r = Cli.run("i18n", "status", "--json", "--source", site.root().toString());

        assertThat(r.exit).as(r.toString()).isZero();
        String counts = "{\"fields\":16,\"translated\":4,\"stale\":1,\"unstamped\":0,\"missing\":11,\"percentTranslated\":25.0}";
        assertThat(r.out).startsWith("{\"sourceLocale\":\"en\",\"locales\":[{\"locale\":\"ja\",\"total\":" + counts
                + ",\"families\":[{\"family\":\"smtp\",\"counts\":" + counts + "}],\"fields\":[")
                .contains("{\"unit\":\"smtp:421:summary\",\"family\":\"smtp\",\"code\":\"421\",\"field\":\"summary\","
                        + "\"state\":\"stale\",\"at\":\"content/smtp/421.ja.yaml:2:10\",\"english\":\"content/smtp/421.yaml:3:10\","
                        + "\"file\":\"content/smtp/421.ja.yaml\"}")
                .contains("{\"unit\":\"smtp:552:fix.recipient\",\"family\":\"smtp\",\"code\":\"552\",\"field\":\"fix.recipient\","
                        + "\"state\":\"missing\",\"at\":\"content/smtp/552.yaml:11:14\",\"english\":\"content/smtp/552.yaml:11:14\","
                        + "\"file\":\"content/smtp/552.ja.yaml\"}")
                .endsWith("}]}]}\n");
        assertThat(r.out.split("\"unit\":", -1)).hasSize(16 + 1);
    }
}
