package dev.versus.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.versus.render.data.JsonExport;
import dev.versus.testing.RepoSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON copy of the repository's site: valid JSON (read back by Jackson), one file per code
 * page and per family, the family file holding the same code objects, every text naming its
 * language exactly where the HTML page marks a fallback, and rendered HTML whose links work
 * outside the site.
 */
class JsonExportTest {
    static final String BASE = "https://versus.example.org/";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    static Path site;
    /** Every code file, by path relative to the site root. */
    static final Map<String, JsonNode> codes = new TreeMap<>();
    static final Map<String, JsonNode> families = new TreeMap<>();

    @BeforeAll
    static void readEveryJsonFile() throws IOException {
        site = RepoSite.output();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String rel = site.relativize(p).toString().replace('\\', '/');
                JsonNode node = JSON.readTree(p.toFile()); // throws on anything that is not JSON
                (rel.endsWith("/index.json") ? families : codes).put(rel, node);
            }
        }
    }

    @Test
    void oneFilePerCodePageAndPerFamilyInEveryLocale() throws IOException {
        List<String> expected = new ArrayList<>();
        for (String locale : List.of("en", "ja")) {
            try (Stream<Path> dirs = Files.list(site.resolve(locale))) {
                for (Path family : dirs.filter(Files::isDirectory).sorted().toList()) {
                    expected.add(site.relativize(family.resolve("index.json")).toString());
                    try (Stream<Path> pages = Files.list(family)) {
                        pages.filter(d -> Files.isDirectory(d) && !d.getFileName().toString().contains("-vs-"))
                                .forEach(d -> expected.add(site.relativize(d).toString() + ".json"));
                    }
                }
            }
        }
        List<String> all = new ArrayList<>(codes.keySet());
        all.addAll(families.keySet());
        assertThat(all).hasSizeGreaterThan(200).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aFamilyFileHoldsTheSameCodeObjectsAsTheCodeFiles() {
        families.forEach((path, family) -> {
            String locale = path.substring(0, path.indexOf('/'));
            assertThat(family.get("format").asText()).isEqualTo(JsonExport.FAMILY_FORMAT);
            assertThat(family.get("locale").asText()).isEqualTo(locale);
            assertThat(family.get("url").asText()).isEqualTo(BASE + path.replace("index.json", ""));
            assertThat(family.get("groups")).isNotEmpty();
            // The facts the family declares (what were fixed fields: class, scope, commands...).
            assertThat(family.get("facts")).isNotEmpty();
            for (JsonNode code : family.get("codes")) {
                String file = JsonExport.codeFile(locale, family.get("family").asText(), code.get("code").asText());
                ObjectNode alone = codes.get(file).deepCopy();
                assertThat(alone.remove("format").asText()).isEqualTo(JsonExport.CODE_FORMAT);
                assertThat(alone.remove("locale").asText()).isEqualTo(locale);
                assertThat(code).as(file).isEqualTo(alone);
                assertThat(code.get("json").asText()).isEqualTo(BASE + file);
            }
        });
    }

    @Test
    void everyTextNamesItsLanguageAsThePageMarksIt() throws IOException {
        int fallbacks = 0;
        for (var e : codes.entrySet()) {
            String locale = e.getKey().substring(0, e.getKey().indexOf('/'));
            JsonNode text = e.getValue().get("text");
            List<JsonNode> fields = new ArrayList<>();
            text.fields().forEachRemaining(f -> {
                if (f.getKey().equals("fix")) f.getValue().forEach(fields::add);
                else fields.add(f.getValue());
            });
            for (JsonNode f : fields) {
                assertThat(f.get("lang").asText()).as(e.getKey()).isIn(locale, "en");
                assertThat(f.has("text") || f.has("markdown") && f.has("html")).as(e.getKey()).isTrue();
            }
            // The page marks a fallback title with lang="en" in its h1 exactly when the JSON says so.
            String page = Files.readString(site.resolve(e.getKey().replace(".json", "/index.html")), StandardCharsets.UTF_8);
            String h1 = page.substring(page.indexOf("<h1>"), page.indexOf("</h1>"));
            boolean fallback = !text.get("title").get("lang").asText().equals(locale);
            if (fallback) fallbacks++;
            assertThat(h1.contains("lang=\"en\"")).as(e.getKey() + ": " + h1).isEqualTo(fallback);
            assertThat(h1).contains(dev.versus.render.prose.Html.escape(text.get("title").get("text").asText()));
        }
        assertThat(codes).hasSizeGreaterThan(100);
        System.out.println("JsonExportTest: " + codes.size() + " code files, " + fallbacks + " with an English fallback title");
    }

    @Test
    void renderedHtmlLinksOnlyToAbsoluteUrlsThatExist() {
        List<String> problems = new ArrayList<>();
        for (var e : codes.entrySet()) {
            List<JsonNode> prose = new ArrayList<>();
            e.getValue().get("text").findParents("html").forEach(prose::add);
            for (JsonNode p : prose) {
                Matcher m = HREF.matcher(p.get("html").asText());
                while (m.find()) {
                    String href = m.group(1);
                    if (href.startsWith(BASE)) {
                        if (!Files.isRegularFile(site.resolve(href.substring(BASE.length()) + "index.html"))) {
                            problems.add(e.getKey() + ": " + href);
                        }
                    } else if (!href.startsWith("https://")) {
                        problems.add(e.getKey() + ": not absolute: " + href);
                    }
                }
            }
            assertThat(Files.isRegularFile(site.resolve(e.getValue().get("url").asText().substring(BASE.length()) + "index.html")))
                    .as(e.getKey()).isTrue();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void codePagesAndFamilyPagesPointToTheirJson() {
        String page = RepoSite.page("ja/smtp/421/index.html");
        assertThat(page).contains("<link rel=\"alternate\" type=\"application/json\" href=\"../421.json\">");
        assertThat(RepoSite.page("en/smtp/index.html"))
                .contains("<link rel=\"alternate\" type=\"application/json\" href=\"index.json\">");
    }

    /**
     * A codes fact's values under facts: each code a link, each set of codes (CodeSet: a class such
     * as 5XX, RFC 7293 §15.3) its id and its label in the file's language; the other side lists
     * the code whose set holds it (552 goes with X.7.18).
     */
    @Test
    void aCodesFactListsItsCodesAndItsSetsOfCodes() {
        JsonNode x718 = codes.get("ja/smtp-enhanced/X.7.18.json").get("facts").get("travelsWith");
        assertThat(x718).hasSize(1);
        assertThat(x718.get(0).get("id").asText()).isEqualTo("5XX");
        // The id as the code file writes it; the label as pages say a class (5xx, as in the prose).
        assertThat(x718.get(0).get("label").get("text").asText()).isEqualTo("任意の 5xx 応答コード");
        assertThat(x718.get(0).get("label").get("lang").asText()).isEqualTo("ja");
        List<String> with552 = new java.util.ArrayList<>();
        codes.get("en/smtp/552.json").get("facts").get("travelsWith").forEach(n -> with552.add(n.get("code").asText()));
        assertThat(with552).startsWith("X.2.2").contains("X.7.18", "X.0.0");
        assertThat(codes.get("en/smtp/552.json").get("facts").get("travelsWith").get(0).get("url").asText())
                .isEqualTo(BASE + "en/smtp-enhanced/X.2.2/");
        // A code the registry names that has no page (RFC 5248 Table 1: X.7.10 with 523): id and label, no address.
        JsonNode x710 = codes.get("en/smtp-enhanced/X.7.10.json").get("facts").get("travelsWith");
        assertThat(x710).hasSize(1);
        assertThat(x710.get(0).get("id").asText()).isEqualTo("523");
        assertThat(x710.get(0).get("label").get("text").asText()).isEqualTo("523 (registry only)");
        assertThat(x710.get(0).has("url")).isFalse();
    }
}
