package dev.versus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.testing.RepoSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key comparison pages, compared byte for byte with reviewed copies under
 * {@code src/test/resources/golden/}. When a change to content, templates or sentences is meant
 * to change them, regenerate with {@code mvn test -Dtest=GoldenPagesTest -Dversus.updateGolden=true},
 * then read the diff before committing: the golden files are the spec of what a reader sees.
 */
class GoldenPagesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {
            "en/smtp/421-vs-552/index.html", "ja/smtp/421-vs-552/index.html",   // the seed's pair: different classes
            "en/smtp/550-vs-553/index.html", "ja/smtp/550-vs-553/index.html",   // same class
            "en/smtp/250-vs-550/index.html", "ja/smtp/250-vs-550/index.html",   // success vs failure
            "en/smtp-enhanced/X.2.2-vs-X.3.4/index.html", "ja/smtp-enhanced/X.2.2-vs-X.3.4/index.html",
            // Issue 15: on each, Key differences states what tells the two codes apart.
            "en/smtp/221-vs-250/index.html", "ja/smtp/221-vs-250/index.html",   // success that closes vs one that does not
            "en/smtp/450-vs-550/index.html", "ja/smtp/450-vs-550/index.html",   // same subject, temporary vs permanent
            "en/smtp/535-vs-538/index.html", "ja/smtp/535-vs-538/index.html",   // a historic code
            "en/smtp-enhanced/X.1.1-vs-X.1.2/index.html", "ja/smtp-enhanced/X.1.1-vs-X.1.2/index.html", // mailbox vs domain
            "en/smtp-enhanced/X.7.1-vs-X.7.26/index.html", "ja/smtp-enhanced/X.7.1-vs-X.7.26/index.html", // policy vs sender checks
            "en/smtp-enhanced/X.7.5-vs-X.7.6/index.html", "ja/smtp-enhanced/X.7.5-vs-X.7.6/index.html",   // no fact differs
    })
    void comparisonPageMatchesItsReviewedCopy(String page) throws IOException {
        String actual = RepoSite.page(page);
        Path golden = GOLDEN.resolve(page.replace("/index.html", ".html"));
        if (Boolean.getBoolean("versus.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden copy of " + page + " (generate it with -Dversus.updateGolden=true, then review it)")
                .exists();
        assertThat(actual).as(page).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
