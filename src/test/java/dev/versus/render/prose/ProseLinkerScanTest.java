package dev.versus.render.prose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.model.Family;
import dev.versus.model.Site;
import dev.versus.render.site.UrlStyle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link ProseLinker} finds mentions with a hand-written scan. The rule it implements was first
 * written as one regular expression (kept here as the reference): on any text made of code ids,
 * RFC mentions, digits, dots, section signs, letters and separators, both must find the same
 * mentions at the same places with the same links.
 */
class ProseLinkerScanTest {
    static final Site SITE = repoSite();
    static final ProseLinker LINKER = new ProseLinker(SITE);
    static final Reference REFERENCE = new Reference(SITE);

    static Site repoSite() {
        try {
            return new Build(new Build.Options(Path.of("."), null, null, UrlStyle.PRETTY)).validate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 2000)
    void theScanFindsWhatTheReferencePatternFinds(@ForAll("prose") String text) {
        assertThat(mentions(LINKER, text)).isEqualTo(REFERENCE.mentions(text));
    }

    @Test
    void examplesAtTheEdges() {
        for (String text : List.of("X.1.10", "X.1.1", "X.1.100", "X.1.1.5", "RFC 123456", "RFC 5321 §", "RFC 5321 § 4.2.",
                "RFC5321§4.1.1.", "§421", "/421", "4210", "421a", "_421", "a421", "421_", "5.421", "421.5", "421.",
                "(421)", "421-vs-552", "RFC  5321", "RFC 5321 ,§ 4", "日本421日本", "X.7.30 and X.7.3", "")) {
            assertThat(mentions(LINKER, text)).as(text).isEqualTo(REFERENCE.mentions(text));
        }
        assertThat(mentions(LINKER, "see 421, RFC 5321 §4.5.3.1.10 and X.1.10."))
                .containsExactly("4-7 smtp/421", "9-29 https://www.rfc-editor.org/rfc/rfc5321#section-4.5.3.1.10",
                        "34-40 smtp-enhanced/X.1.10");
    }

    @Provide
    Arbitrary<String> prose() {
        List<String> tokens = new ArrayList<>();
        for (Family f : SITE.families()) f.codes().forEach(c -> tokens.add(c.id()));
        tokens.addAll(List.of("RFC", "RFC ", " ", "  ", "§", "§ ", ".", ".", "0", "1", "4", "5", "9", "12345", "a", "X",
                "x", "_", "/", "#", "-", "日本", "\n", ",", "(", ")"));
        return Arbitraries.of(tokens).list().ofMaxSize(12).map(list -> String.join("", list));
    }

    static List<String> mentions(ProseLinker linker, String text) {
        List<String> out = new ArrayList<>();
        linker.forEachMention(text, "smtp", (family, id) -> family + "/" + id,
                (start, end, href) -> out.add(start + "-" + end + " " + href));
        return out;
    }

    /** The regular expression the scan replaced, with the same choice of family. */
    static final class Reference {
        final Pattern mention;
        final Map<String, List<String>> families = new HashMap<>();

        Reference(Site site) {
            List<String> ids = new ArrayList<>();
            for (Family f : site.families()) {
                f.codes().forEach(c -> {
                    families.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(f.id());
                    ids.add(Pattern.quote(c.id()));
                });
            }
            ids.sort((x, y) -> Integer.compare(y.length(), x.length()));
            mention = Pattern.compile("(RFC ?([0-9]{1,5})(?: ?§ ?([0-9]+(?:\\.[0-9]+)*))?)"
                    + "|(?<![\\w.§/#-])(" + String.join("|", ids) + ")(?![\\w]|\\.[0-9])");
        }

        List<String> mentions(String text) {
            List<String> out = new ArrayList<>();
            Matcher m = mention.matcher(text);
            while (m.find()) {
                String href;
                if (m.group(1) != null) {
                    href = ProseLinker.rfcUrl(m.group(2), m.group(3));
                } else {
                    List<String> fams = families.get(m.group(4));
                    href = (fams.contains("smtp") ? "smtp" : fams.get(0)) + "/" + m.group(4);
                }
                out.add(m.start() + "-" + m.end() + " " + href);
            }
            return out;
        }
    }
}
