package dev.versus.render.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.compare.Comparison;
import dev.versus.compare.PairAnalyzer;
import dev.versus.model.Code;
import dev.versus.model.Family;
import dev.versus.model.Pair;
import dev.versus.model.Site;
import dev.versus.render.site.UrlStyle;
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
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every distinct sentence the comparison pages of the repository's site generate, per locale,
 * with the two codes, their titles, summaries and {@code use} texts replaced by placeholders and
 * any other code by {@code {code}}: the "shapes" of the generated prose. They are checked in
 * ({@code src/test/resources/golden/sentence-shapes/<locale>.txt}) and were read in full, so a
 * change of a pattern, a fact's label or the sentence writer shows up as a diff to read before it
 * is accepted ({@code -Dversus.updateGolden=true} rewrites the files). Hand-written text (the
 * codes' own sections, the expert notes) is not generated and is not here.
 */
class SentenceShapesTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/sentence-shapes");
    static Site site;

    @BeforeAll
    static void loadTheRepositorysSite() throws Exception {
        site = new Build(new Build.Options(Path.of("."), null, null, UrlStyle.PRETTY)).validate();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void theGeneratedSentencesHaveTheShapesThatWereRead(String locale) throws IOException {
        Map<String, String> shapes = shapes(locale);
        String text = render(shapes);
        Path file = GOLDEN.resolve(locale + ".txt");
        if (Boolean.getBoolean("versus.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertThat(file).as("run with -Dversus.updateGolden=true, then read the diff").exists();
        assertThat(text).as("sentence shapes of %s changed: regenerate with -Dversus.updateGolden=true and read the diff", locale)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Shape → the first pair it was seen on, over every pair of every family. */
    static Map<String, String> shapes(String locale) {
        PairAnalyzer analyzer = new PairAnalyzer();
        Map<String, String> shapes = new TreeMap<>();
        for (Family family : site.families()) {
            PairSentences writer = new PairSentences(site, family, locale,
                    (fam, id) -> "<a href=\"#\">" + id + "</a>");
            for (Pair pair : family.pairs()) {
                Comparison c = analyzer.analyze(pair);
                PairProse prose = writer.write(c);
                List<String> parts = new ArrayList<>();
                parts.add("title\t" + prose.title());
                parts.add("intro\t" + text(prose.intro()));
                parts.add("description\t" + prose.description());
                parts.add("caption\t" + text(prose.glance().caption()));
                if (prose.shared() != null) parts.add("shared\t" + text(prose.shared()));
                prose.differences().forEach(d -> parts.add("difference\t" + text(d)));
                prose.chooseServer().forEach(d -> parts.add("server\t" + text(d)));
                prose.chooseSender().forEach(d -> parts.add("sender\t" + text(d)));
                for (String p : parts) shapes.putIfAbsent(shape(p, pair, locale), family.id() + " " + pair.a().id() + " " + pair.b().id());
            }
        }
        return shapes;
    }

    static String text(String html) {
        return Jsoup.parseBodyFragment(html).body().text();
    }

    /** Every code of the site, longest first, for {@code {code}}. */
    static final Pattern CODE = Pattern.compile("(?<![\\w.§])(?:[245X]\\.\\d{1,3}\\.\\d{1,3}|[1-5]\\d\\d)(?![\\w]|\\.\\d)");

    static String shape(String sentence, Pair pair, String locale) {
        String s = sentence;
        // The longest text first, across both codes: a title that contains the other code's title
        // (X.7.8 and X.7.16) or a summary that contains a title would otherwise leave half of it
        // behind ("作成者と一致する{aTitle}").
        Map<String, String> texts = new java.util.HashMap<>(TEXTS.computeIfAbsent(locale + " b " + pair.b().id(),
                k -> texts(pair.b(), "b", locale)));
        texts.putAll(TEXTS.computeIfAbsent(locale + " a " + pair.a().id(), k -> texts(pair.a(), "a", locale)));
        List<String> longestFirst = new ArrayList<>(texts.keySet());
        longestFirst.sort(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(x -> x));
        for (String t : longestFirst) {
            if (!t.isEmpty()) s = s.replace(t, texts.get(t));
        }
        s = replaceCode(s, pair.a(), "{a}");
        s = replaceCode(s, pair.b(), "{b}");
        s = CODE.matcher(s).replaceAll("{code}");
        // A list of other codes is one slot, however long.
        s = s.replaceAll("\\{code\\}(?:(?:, and |, | and | or |、| と | または )\\{code\\})+", "{codes}");
        return s;
    }

    /** Each code's texts per locale and slot, made once: rendering Markdown for every sentence is most of the time. */
    private static final Map<String, Map<String, String>> TEXTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Pattern> MENTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A code's texts as they read on a page, each with its placeholder ({aTitle}, {bSummary}, ...). */
    private static Map<String, String> texts(Code c, String which, String locale) {
        Map<String, String> out = new java.util.HashMap<>();
        var t = c.text(locale);
        if (t.use() != null) out.put(strip(PairSentences.asSentence(t.use().value())), "{" + which + "Use}");
        out.put(strip(PairSentences.asSentence(t.summary().value())), "{" + which + "Summary}");
        out.put(strip(t.summary().value()), "{" + which + "Summary}");
        // After "means that": the same summary, its first word in lower case.
        out.put(strip(PairSentences.asClause(PairSentences.asSentence(t.summary().value()))), "{" + which + "Summary}");
        out.put(strip(t.title().value()), "{" + which + "Title}");
        return out;
    }

    /** Author text as it reads once Markdown's inline marks are gone. */
    private static String strip(String markdown) {
        return text(dev.versus.render.prose.Html.inline(new dev.versus.model.Text(markdown, "en"), "en"));
    }

    private static String replaceCode(String s, Code c, String slot) {
        Pattern mention = MENTIONS.computeIfAbsent(c.id(), id -> Pattern.compile("(?<![\\w.§])"
                + (id.startsWith("X.") ? "[245X]" + Pattern.quote(id.substring(1)) : Pattern.quote(id)) + "(?![\\w]|\\.\\d)"));
        return mention.matcher(s).replaceAll(Matcher.quoteReplacement(slot));
    }

    static String render(Map<String, String> shapes) {
        StringBuilder out = new StringBuilder();
        out.append("# Generated sentence shapes, one per line: where it appears, a tab, the shape.\n")
                .append("# {a}/{b}: the page's two codes; {aTitle}, {aSummary}, {aUse}: their texts; {code}/{codes}: other codes.\n")
                .append("# ").append(shapes.size()).append(" shapes. Read the diff before accepting a change.\n");
        shapes.keySet().forEach(k -> out.append(k).append('\n'));
        return out.toString();
    }
}
