package dev.versus.render.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.render.site.Page;
import dev.versus.testing.RepoSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Builds the project's real site (content/, locales/, templates/) once and checks every pair
 * page of every family in every locale against the defects the seed page had (see
 * {@code ../shared/seed/README.md}): doubled words from gluing text to a template, empty
 * sections, "Key differences" that repeat the per-code sections, unfilled placeholders, English
 * sentence patterns on Japanese pages, and a broken page skeleton; and against the Done-when of
 * issue 16: in Japanese text (outside code and English elements) no ASCII {@code : , ;} after a
 * Japanese character, the spacing rule of the pattern filler and the Markdown renderer, no
 * glossary variant; in both languages every summary in the intro attributed to its code and none
 * reused as a situation in "Which to use when". Pages are read with jsoup, as a browser reads them.
 *
 * <p>All problems are collected first; each rule's test then fails with a count and at most
 * {@value #MAX_EXAMPLES} examples. The complete list is written to
 * {@code target/all-pairs-quality.txt}.
 *
 * <p>The checker functions are pure and package-private so that {@link Checkers} can show that
 * every rule does fail on a deliberately bad page.
 *
 * <p>Slow (every comparison page of the site): in {@code mvn verify -Pslow}.
 */
@Tag("slow")
class AllPairsQualityTest {
    static final int MAX_EXAMPLES = 30;

    static final String DOUBLED_WORD = "doubled word";
    static final String EMPTY = "empty section or element";
    static final String REPEATED_DIFFERENCE = "key difference repeats the per-code sections";
    static final String PLACEHOLDER = "unresolved placeholder";
    static final String ENGLISH_ON_JA = "English sentence pattern on a ja page";
    static final String STRUCTURE = "page structure";
    static final String SELF_LINK = "link to the page itself";
    static final String COUNT = "pair page count";
    static final String FACT_CONTRADICTED = "sentence contradicts a fact of the table";
    static final String FACT_REPEATED = "fact stated more than once";
    static final String JA_ASCII_PUNCTUATION = "ASCII : , ; right after a Japanese character";
    static final String JA_SPACING = "Japanese/Latin spacing";
    static final String GLOSSARY = "glossary-forbidden term";
    static final String UNATTRIBUTED_SUMMARY = "summary in the intro without its code";
    static final String SUMMARY_AS_SITUATION = "summary reused as a situation";
    static final String SUMMARY_TWICE = "summary said in the intro and again in Key differences";
    static final String FIELD_NAME = "a content field name in the text";
    static final String REPEATED_IN_PARENTHESES = "a word repeated in its own parentheses";
    static final String NOTES_DIRECTION = "a pointer to the notes in the wrong direction";
    static final String JA_REPEATED_BOTH = "どちらも in consecutive sentences";
    static final String JA_LIST_JOIN = "a list whose end reads as joined to the next clause";
    static final String ONE_CODE_HEADING = "a heading about one code on a page about two";

    /** The fields of a code file (docs/CONTENT-FORMAT.md); the families' fact ids are added from their _family.yaml. */
    static final Set<String> CODE_FIELDS = Set.of("title", "summary", "description", "when", "use", "fix", "notes", "related",
            "seeAlso", "references", "aliases", "examples", "source");

    /** The section keys of locales/<l>.yaml, in the seed page's order. */
    /** The sections of a pair page in page order: the comparison first, then each code's own sections (issue 18). */
    static final List<String> SECTION_KEYS = List.of("differences", "choose", "description", "when", "fix", "learnMore");

    /** The repository's site, shared with the other tests that read it (see {@link RepoSite}). */
    static Path out;

    private static final Map<String, List<Problem>> PROBLEMS = new ConcurrentHashMap<>();
    private static final AtomicInteger PAGES_CHECKED = new AtomicInteger();
    private static final AtomicInteger JA_PAGES_CHECKED = new AtomicInteger();
    private static final AtomicInteger DIFFERENCE_ITEMS = new AtomicInteger();
    private static List<String> englishFragments = List.of();
    private static Set<String> fieldNames = Set.of();
    private static String timing = "";

    record Problem(String rule, String page, String detail) {
        @Override
        public String toString() {
            return page + ": " + detail;
        }
    }

    // ---- the real site ----------------------------------------------------------------------

    @BeforeAll
    static void buildAndCheckEveryPairPage() throws Exception {
        Path source = Path.of(".");
        long started = System.nanoTime();
        out = RepoSite.output();
        long built = System.nanoTime();

        Map<String, Object> siteYaml = yaml(source.resolve("content/site.yaml"));
        List<String> locales = strings(siteYaml.get("locales"));
        Map<String, List<String>> headings = new LinkedHashMap<>();
        for (String locale : locales) {
            Map<String, Object> labels = yaml(source.resolve("locales/" + locale + ".yaml"));
            Map<?, ?> section = (Map<?, ?>) labels.get("section");
            headings.put(locale, SECTION_KEYS.stream().map(k -> String.valueOf(section.get(k))).toList());
        }
        // The locale's patterns and each family's own: the sentence patterns of its facts and its 'patterns'.
        Set<String> fragments = new TreeSet<>(patternFragments(yaml(source.resolve("locales/en.yaml"))));
        Set<String> names = new TreeSet<>(CODE_FIELDS);
        try (Stream<Path> dirs = Files.list(source.resolve("content"))) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("_family.yaml"))).sorted().toList()) {
                Map<String, Object> family = yaml(dir.resolve("_family.yaml"));
                Map<String, Object> patterns = new LinkedHashMap<>();
                if (family.get("facts") instanceof List<?> facts) {
                    for (Object f : facts) {
                        if (f instanceof Map<?, ?> m && m.get("patterns") != null) patterns.put(String.valueOf(m.get("id")), m.get("patterns"));
                    }
                }
                if (family.get("patterns") != null) patterns.put("family", family.get("patterns"));
                if (family.get("facts") instanceof List<?> facts) {
                    for (Object f : facts) if (f instanceof Map<?, ?> m && m.get("id") != null) names.add(String.valueOf(m.get("id")));
                }
                fragments.addAll(patternFragments(Map.of("pattern", patterns)));
            }
        }
        englishFragments = List.copyOf(fragments);
        fieldNames = Set.copyOf(names);
        // Every form of every value of every fact, per family and locale, to read the sentences against.
        Map<String, Map<String, Map<String, Map<String, List<String>>>>> forms = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(source.resolve("content"))) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("_family.yaml"))).sorted().toList()) {
                forms.put(dir.getFileName().toString(), factForms(dir, locales));
            }
        }

        // The codes' summaries as a page shows them (a sentence, Markdown rendered) and as the meta
        // description writes them (plain), per locale and family: what an intro must attribute and
        // what "Which to use when" must not reuse.
        dev.versus.model.Site model = new dev.versus.Build(new dev.versus.Build.Options(source, null, null,
                dev.versus.render.site.UrlStyle.PRETTY)).validate();
        Map<String, java.util.function.Function<String, List<String>>> glossaries = new TreeMap<>();
        for (String locale : locales) glossaries.put(locale, dev.versus.validate.Glossary.finder(source, locale));

        Map<String, Set<String>> codes = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(source.resolve("content"))) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("_family.yaml"))).sorted().toList()) {
                codes.put(dir.getFileName().toString(), codeIds(dir, locales));
            }
        }

        ConcurrentLinkedQueue<Problem> found = new ConcurrentLinkedQueue<>();
        List<Path> candidates = new ArrayList<>();
        Map<String, Set<String>> realPairs = new ConcurrentHashMap<>(); // "en/smtp/" -> slugs of non-redirect pages
        for (String locale : locales) {
            for (String family : codes.keySet()) {
                realPairs.put(locale + "/" + family + "/", ConcurrentHashMap.newKeySet());
                Path dir = out.resolve(locale).resolve(family);
                try (Stream<Path> s = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
                    s.filter(p -> p.getFileName().toString().contains("-vs-"))
                            .map(p -> p.resolve("index.html")).filter(Files::isRegularFile).forEach(candidates::add);
                }
            }
        }

        candidates.parallelStream().forEach(file -> {
            String rel = out.relativize(file).toString().replace('\\', '/');
            String pageDir = rel.substring(0, rel.length() - "index.html".length());
            String locale = pageDir.substring(0, pageDir.indexOf('/'));
            String html;
            try {
                html = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (isRedirect(html)) return;
            String slug = pageDir.substring(0, pageDir.length() - 1);
            realPairs.get(slug.substring(0, slug.lastIndexOf('/') + 1)).add(slug.substring(slug.lastIndexOf('/') + 1));
            PAGES_CHECKED.incrementAndGet();
            Page page = Page.of(html);
            Document doc = page.doc();
            DIFFERENCE_ITEMS.addAndGet(differenceItems(page.section("differences")).size());
            doubledWords(page, locale).forEach(d -> found.add(new Problem(DOUBLED_WORD, rel, d)));
            emptyParts(page).forEach(d -> found.add(new Problem(EMPTY, rel, d)));
            repeatedDifferences(page).forEach(d -> found.add(new Problem(REPEATED_DIFFERENCE, rel, d)));
            placeholders(doc).forEach(d -> found.add(new Problem(PLACEHOLDER, rel, d)));
            selfLinks(doc).forEach(d -> found.add(new Problem(SELF_LINK, rel, d)));
            String family = pageDir.substring(pageDir.indexOf('/') + 1, pageDir.indexOf('/', pageDir.indexOf('/') + 1));
            Map<String, Map<String, List<String>>> localeForms = forms.getOrDefault(family, Map.of()).getOrDefault(locale, Map.of());
            for (String d : factProblems(doc, localeForms, true)) found.add(new Problem(FACT_CONTRADICTED, rel, d));
            for (String d : coverProblems(doc, model.family(family), locale)) found.add(new Problem(FACT_CONTRADICTED, rel, d));
            for (String d : factProblems(doc, localeForms, false)) found.add(new Problem(FACT_REPEATED, rel, d));
            if (locale.equals("ja")) {
                JA_PAGES_CHECKED.incrementAndGet();
                englishPatterns(doc, englishFragments).forEach(d -> found.add(new Problem(ENGLISH_ON_JA, rel, d)));
                List<String> blocks = japaneseBlocks(doc);
                asciiPunctuationAfterJapanese(blocks).forEach(d -> found.add(new Problem(JA_ASCII_PUNCTUATION, rel, d)));
                spacingProblems(blocks).forEach(d -> found.add(new Problem(JA_SPACING, rel, d)));
                glossaryProblems(blocks, glossaries.get(locale)).forEach(d -> found.add(new Problem(GLOSSARY, rel, d)));
                repeatedBoth(blocks).forEach(d -> found.add(new Problem(JA_REPEATED_BOTH, rel, d)));
                listJoins(blocks).forEach(d -> found.add(new Problem(JA_LIST_JOIN, rel, d)));
            }
            oneCodeHeadings(doc).forEach(d -> found.add(new Problem(ONE_CODE_HEADING, rel, d)));
            fieldNames(doc, fieldNames).forEach(d -> found.add(new Problem(FIELD_NAME, rel, d)));
            repeatedInParentheses(page.blocks()).forEach(d -> found.add(new Problem(REPEATED_IN_PARENTHESES, rel, d)));
            notesDirection(doc).forEach(d -> found.add(new Problem(NOTES_DIRECTION, rel, d)));
            String[] ab = slug.substring(slug.lastIndexOf('/') + 1).split("-vs-", 2);
            dev.versus.model.Family fam = model.family(family);
            List<Summary> summaries = List.of(Summary.of(fam.code(ab[0]), locale), Summary.of(fam.code(ab[1]), locale));
            unattributedSummaries(doc, summaries).forEach(d -> found.add(new Problem(UNATTRIBUTED_SUMMARY, rel, d)));
            summariesAsSituations(doc, summaries).forEach(d -> found.add(new Problem(SUMMARY_AS_SITUATION, rel, d)));
            summariesSaidTwice(doc, summaries).forEach(d -> found.add(new Problem(SUMMARY_TWICE, rel, d)));
            structureProblems(doc, pageDir, locales, headings.get(locale))
                    .forEach(d -> found.add(new Problem(STRUCTURE, rel, d)));
        });

        for (var e : realPairs.entrySet()) {
            String family = e.getKey().substring(e.getKey().indexOf('/') + 1, e.getKey().length() - 1);
            for (String p : pairCountProblems(codes.get(family), e.getValue().stream().sorted().toList())) {
                found.add(new Problem(COUNT, e.getKey(), p));
            }
        }

        timing = "build " + (built - started) / 1_000_000 + " ms, checks " + (System.nanoTime() - built) / 1_000_000 + " ms";
        List<Problem> all = found.stream()
                .sorted(Comparator.comparing(Problem::rule).thenComparing(Problem::page)) // stable: a page's problems stay in order
                .toList();
        for (Problem p : all) PROBLEMS.computeIfAbsent(p.rule(), k -> new ArrayList<>()).add(p);
        writeReport(all);
    }

    @Test
    void everyFamilyHasOnePairPagePerPairOfCodesInEveryLocale() {
        assertThat(PAGES_CHECKED.get()).as("pair pages found").isGreaterThan(0);
        assertClean(COUNT);
    }

    /**
     * The sentences of Key differences against the at-a-glance table of the same page: a shared
     * sentence states only facts on which the codes agree, a difference only facts on which they
     * differ, and neither names a value that neither code has. PairAnalyzerTest holds the
     * language-neutral statements to the same rule over every pair; this holds the pages the
     * reader sees, in every locale, sentence by sentence (each marked with its fact).
     */
    @Test
    void noSentenceContradictsAFactOfEitherCode() {
        assertClean(FACT_CONTRADICTED);
    }

    /** A fact is said once: in the shared sentence or as one difference, never twice. */
    @Test
    void noFactIsStatedTwice() {
        assertClean(FACT_REPEATED);
    }

    @Test
    void noDoubledWords() {
        assertClean(DOUBLED_WORD);
    }

    @Test
    void noEmptySections() {
        assertClean(EMPTY);
    }

    @Test
    void keyDifferencesDoNotRepeatThePerCodeSections() {
        assertThat(DIFFERENCE_ITEMS.get()).as("difference items seen").isPositive();
        assertClean(REPEATED_DIFFERENCE);
    }

    @Test
    void noLinkPointsAtItsOwnPage() {
        assertClean(SELF_LINK);
    }

    @Test
    void noUnresolvedPlaceholders() {
        assertClean(PLACEHOLDER);
    }

    @Test
    void japanesePagesCarryNoEnglishSentencePatterns() {
        assertThat(englishFragments).as("English pattern fragments of 3+ words").hasSizeGreaterThan(10);
        assertThat(JA_PAGES_CHECKED.get()).as("ja pair pages checked").isGreaterThan(0);
        assertClean(ENGLISH_ON_JA);
    }

    @Test
    void everyPageHasTheSkeletonOfTheSeed() {
        assertClean(STRUCTURE);
    }

    /** Japanese text takes Japanese punctuation: 「：」「、」, never an ASCII colon, comma or semicolon after it. */
    @Test
    void japaneseTextHasNoAsciiPunctuationAfterAJapaneseCharacter() {
        assertClean(JA_ASCII_PUNCTUATION);
    }

    /**
     * The site's spacing rule, as the pattern filler ({@code Labels.fill}) and the Markdown renderer
     * ({@code MarkdownRenderer.joinsWithoutSpace}) apply it: a half-width space between Japanese and
     * Latin letters or digits, none next to Japanese punctuation and none between two Japanese characters.
     */
    @Test
    void japaneseTextKeepsTheSpacingRule() {
        assertClean(JA_SPACING);
    }

    /** No variant that locales/glossary/ja.yaml says to avoid, in the text of a built page. */
    @Test
    void japaneseTextUsesTheGlossarysTerms() {
        assertClean(GLOSSARY);
    }

    /** A summary in the intro (and the meta description) follows its own code, so the reader knows whose it is. */
    @Test
    void everySummaryInTheIntroIsAttributedToItsCode() {
        assertClean(UNATTRIBUTED_SUMMARY);
    }

    /** "Which to use when" says when to send each code, not what it means: no summary there. */
    @Test
    void noSummaryIsReusedAsASituation() {
        assertClean(SUMMARY_AS_SITUATION);
    }

    /** The intro and Key differences do not both give a code's summary: a page says each once. */
    @Test
    void noSummaryIsSaidTwice() {
        assertClean(SUMMARY_TWICE);
    }

    /** The data model shows through: a fact id or a code file's field name (`commands`) in the reader's text. */
    @Test
    void noContentFieldNameInTheText() {
        assertThat(fieldNames).as("field names").contains("commands", "travelsWith", "summary");
        assertClean(FIELD_NAME);
    }

    /** A title repeated in its own parentheses: "RFC 5321 §4.1.1.4 DATA (DATA)". */
    @Test
    void noWordIsRepeatedInItsOwnParentheses() {
        assertClean(REPEATED_IN_PARENTHESES);
    }

    /** "See the notes below" / 「下の注記」 where the notes sit above it (and the reverse). */
    @Test
    void pointersToTheNotesPointTheRightWay() {
        assertClean(NOTES_DIRECTION);
    }

    /** 「どちらも…。どちらも…」: each shared fact says "both" its own way. */
    @Test
    void japaneseSentencesDoNotRepeatDochiramo() {
        assertClean(JA_REPEATED_BOTH);
    }

    /** 「451、454、ほか 2 件と、550 は…」「X.5.0 と、530 は…と一緒に」: a list is not followed by a clause joined with と. */
    @Test
    void japaneseListsEndBeforeTheNextClause() {
        assertClean(JA_LIST_JOIN);
    }

    /** A comparison page's headings speak of both codes: no 「このコード」, no "this code". */
    @Test
    void headingsOfAPairPageSpeakOfBothCodes() {
        assertClean(ONE_CODE_HEADING);
    }

    private static void assertClean(String rule) {
        List<Problem> problems = PROBLEMS.getOrDefault(rule, List.of());
        if (problems.isEmpty()) return;
        long pages = problems.stream().map(Problem::page).distinct().count();
        StringBuilder msg = new StringBuilder()
                .append(rule).append(": ").append(problems.size()).append(" problem(s) on ").append(pages)
                .append(" page(s) of ").append(PAGES_CHECKED.get()).append(" checked (full list in target/all-pairs-quality.txt)");
        problems.stream().limit(MAX_EXAMPLES).forEach(p -> msg.append("\n  ").append(p));
        if (problems.size() > MAX_EXAMPLES) msg.append("\n  ... and ").append(problems.size() - MAX_EXAMPLES).append(" more");
        throw new AssertionError(msg.toString());
    }

    private static void writeReport(List<Problem> all) {
        try {
            Path target = Path.of("target");
            if (!Files.isDirectory(target)) return;
            StringBuilder sb = new StringBuilder();
            sb.append(PAGES_CHECKED.get()).append(" pair pages checked, ").append(all.size()).append(" problems (")
                    .append(timing).append(")\n");
            for (Problem p : all) sb.append('[').append(p.rule()).append("] ").append(p).append('\n');
            Files.writeString(target.resolve("all-pairs-quality.txt"), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The report is a convenience; the assertions carry the result.
        }
    }

    // ---- the checkers (HTML read with jsoup) --------------------------------------------------

    /**
     * A page parsed once with jsoup: the document, its visible text as blocks, and each
     * {@code <section>} keyed by the id of its h2 (in page order).
     */
    record Page(Document doc, List<String> blocks, Map<String, Element> sections) {
        static Page of(String html) {
            Document doc = Jsoup.parse(html);
            Map<String, Element> sections = new LinkedHashMap<>();
            int unnamed = 0;
            for (Element section : doc.select("section")) {
                Element h2 = section.selectFirst("h2");
                String id = h2 != null && !h2.id().isEmpty() ? h2.id() : "#" + unnamed++;
                sections.put(id, section);
            }
            return new Page(doc, AllPairsQualityTest.blocks(doc, false), sections);
        }

        /** The section whose h2 has this id, or an empty element. */
        Element section(String id) {
            return sections.getOrDefault(id, new Element("section"));
        }
    }

    /** The elements that end a block of text: the block elements of the seed's checks, and br. */
    private static final Set<String> BLOCK_TAGS = Set.of("p", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
            "h5", "h6", "div", "section", "article", "aside", "header", "footer", "nav", "main", "body", "html", "head",
            "title", "br", "hr", "tr", "td", "th", "table", "thead", "tbody", "blockquote", "pre", "figure", "figcaption",
            "details", "summary", "meta", "link");

    /** Collapses every run of white space (no-break space included) to one space and trims. */
    static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = b.length() > 0;
            } else {
                if (space) b.append(' ');
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The visible text under {@code root}, one string per block (heading, paragraph, list item...):
     * scripts and styles dropped, white space normalised; with {@code withoutEnglish}, elements
     * whose language is English left out too.
     */
    static List<String> blocks(Node root, boolean withoutEnglish) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    cur.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    if (e.nameIs("script") || e.nameIs("style")) return FilterResult.SKIP_ENTIRELY;
                    if (withoutEnglish && !e.nameIs("html") && isEnglish(e.attr("lang"))) {
                        cur.append(' ');
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCK_TAGS.contains(e.normalName())) flushText(cur, out);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BLOCK_TAGS.contains(e.normalName())) flushText(cur, out);
                return FilterResult.CONTINUE;
            }
        }, root);
        flushText(cur, out);
        return out;
    }

    private static boolean isEnglish(String lang) {
        String l = lang.toLowerCase(Locale.ROOT);
        return l.equals("en") || l.startsWith("en-");
    }

    private static void flushText(StringBuilder cur, List<String> out) {
        String t = normalize(cur.toString());
        if (!t.isEmpty()) out.add(t);
        cur.setLength(0);
    }

    /** The visible text of {@code html}, blocks separated by newlines. */
    static String text(String html) {
        return String.join("\n", blocks(Jsoup.parse(html), false));
    }

    /** The visible text of an element, blocks joined by a space. */
    static String text(Element e) {
        return String.join(" ", blocks(e, false));
    }

    static boolean isRedirect(String html) {
        return html.contains("http-equiv=\"refresh\"");
    }

    /** A Japanese particle said twice ("のの", "はは"...). */
    private static final Pattern DOUBLED_PARTICLE = Pattern.compile("([のはをがに])\\1");

    static List<String> doubledWords(String html, String locale) {
        return doubledWords(Page.of(html), locale);
    }

    /**
     * A word of letters only said twice in a block of visible text ("when when", "The the"),
     * ignoring case; numbers ("250 250") and the parts of hyphenated compounds
     * ("Internet-Draft draft-levine") are not words. On a ja page also a doubled particle.
     */
    static List<String> doubledWords(Page page, String locale) {
        List<String> out = new ArrayList<>();
        for (String block : page.blocks()) {
            int prevStart = -1;
            int prevEnd = -1;
            int i = 0;
            while (i < block.length()) {
                int cp = block.codePointAt(i);
                if (!isWordChar(cp)) {
                    i += Character.charCount(cp);
                    continue;
                }
                int start = i;
                boolean lettersOnly = true;
                while (i < block.length() && isWordChar(cp = block.codePointAt(i))) {
                    lettersOnly &= Character.isLetter(cp);
                    i += Character.charCount(cp);
                }
                if (lettersOnly && prevStart >= 0 && i - start == prevEnd - prevStart && onlySpaces(block, prevEnd, start)
                        && block.regionMatches(true, prevStart, block, start, i - start)) {
                    out.add("\"" + block.substring(prevStart, i) + "\" in \"" + around(block, prevStart, i) + "\"");
                }
                prevStart = lettersOnly ? start : -1;
                prevEnd = i;
            }
            if (locale.equals("ja")) {
                Matcher p = DOUBLED_PARTICLE.matcher(block);
                while (p.find()) {
                    // ものの ("although") is a word, not a doubled particle.
                    if (p.group(1).equals("の") && p.start() > 0 && block.charAt(p.start() - 1) == 'も') continue;
                    out.add("\"" + p.group() + "\" in \"" + around(block, p.start(), p.end()) + "\"");
                }
            }
        }
        return out;
    }

    private static boolean onlySpaces(String s, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) return false;
        }
        return true;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || cp == '-';
    }

    private static String around(String s, int start, int end) {
        int from = Math.max(0, start - 40);
        int to = Math.min(s.length(), end + 40);
        return (from > 0 ? "…" : "") + s.substring(from, to) + (to < s.length() ? "…" : "");
    }

    static List<String> emptyParts(String html) {
        return emptyParts(Page.of(html));
    }

    private static final Set<String> CONTENT_TAGS = Set.of("p", "li", "div");
    private static final Set<String> MAY_NOT_BE_BLANK = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "td", "th", "dt", "dd");

    /**
     * Every section needs a paragraph, list item or prose block with text after its h2, and so
     * does every heading inside it before the next heading of the same or a higher level; no
     * list may be without items and no paragraph, item, heading or link may be blank.
     */
    static List<String> emptyParts(Page page) {
        List<String> out = new ArrayList<>();
        for (Element section : page.sections().values()) {
            // The section's elements in document order: a heading's part runs to the next heading
            // of the same or a higher level, and holds the elements wholly inside that stretch.
            List<Element> all = section.getAllElements();
            Map<Element, Integer> index = new java.util.IdentityHashMap<>();
            for (int i = 0; i < all.size(); i++) index.put(all.get(i), i);
            List<Element> heads = all.stream().filter(e -> e.normalName().matches("h[1-6]")).toList();
            if (heads.isEmpty()) {
                out.add("section without a heading: \"" + abbreviate(text(section)) + "\"");
                continue;
            }
            for (int i = 0; i < heads.size(); i++) {
                int level = level(heads.get(i));
                int from = index.get(heads.get(i)) + heads.get(i).getAllElements().size();
                int to = all.size();
                for (int j = i + 1; j < heads.size(); j++) {
                    if (level(heads.get(j)) <= level) {
                        to = index.get(heads.get(j));
                        break;
                    }
                }
                boolean content = false;
                for (int k = from; k < to && !content; k++) {
                    Element e = all.get(k);
                    int last = k + e.getAllElements().size() - 1;
                    content = CONTENT_TAGS.contains(e.normalName()) && last < to && !blocks(e, false).isEmpty();
                }
                if (!content) {
                    out.add("nothing under <h" + level + "> \"" + text(heads.get(i)) + "\""
                            + (level == 2 ? "" : " (section \"" + sectionTitle(section) + "\")"));
                }
            }
            for (Element list : section.select("ul, ol")) {
                if (list.select("li").isEmpty()) {
                    out.add("empty <" + list.normalName() + list.attributes().html() + "> in section \"" + sectionTitle(section) + "\"");
                }
            }
            for (Element e : section.getAllElements()) {
                if (MAY_NOT_BE_BLANK.contains(e.normalName()) && normalize(e.text()).isEmpty() && e.select("img").isEmpty()) {
                    out.add("blank <" + e.normalName() + e.attributes().html() + "> in section \"" + sectionTitle(section) + "\"");
                }
            }
        }
        return out;
    }

    private static int level(Element heading) {
        return heading.normalName().charAt(1) - '0';
    }

    private static String sectionTitle(Element section) {
        Element h2 = section.selectFirst("h2");
        return h2 != null ? text(h2) : "?";
    }

    /** The text of each item of the "Key differences" list. */
    static List<String> differenceItems(Element root) {
        List<String> items = new ArrayList<>();
        for (Element li : root.select("ol.differences > li")) {
            String t = text(li);
            if (!t.isEmpty()) items.add(t);
        }
        return items;
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|(?<=。)");

    static List<String> repeatedDifferences(String html) {
        return repeatedDifferences(Page.of(html));
    }

    /**
     * A "Key differences" item that appears word for word in the Description, When or Fix
     * sections, or that contains a whole sentence of them (6+ words, or 15+ characters of
     * Japanese): the seed page's defect 3.
     */
    static List<String> repeatedDifferences(Page page) {
        List<String> perCodeBlocks = new ArrayList<>();
        for (String id : List.of("description", "when", "fix")) perCodeBlocks.addAll(blocks(page.section(id), false));
        String perCode = String.join("\n", perCodeBlocks);
        Set<String> sentences = new TreeSet<>();
        for (String block : perCodeBlocks) {
            for (String sentence : SENTENCE_END.split(block)) {
                String t = sentence.strip();
                if (words(t) >= 6 || (t.length() >= 15 && t.codePoints().anyMatch(AllPairsQualityTest::isJapanese))) {
                    sentences.add(t);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String item : differenceItems(page.section("differences"))) {
            if (perCode.contains(item)) {
                out.add("item \"" + abbreviate(item) + "\" appears verbatim in the per-code sections");
                continue;
            }
            for (String sentence : sentences) {
                if (item.contains(sentence)) {
                    out.add("item \"" + abbreviate(item) + "\" repeats the sentence \"" + abbreviate(sentence) + "\"");
                    break;
                }
            }
        }
        return out;
    }

    private static boolean isJapanese(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HAN;
    }

    /** The number of runs of letters in {@code s}. */
    static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean letter = Character.isLetter(cp);
            if (letter && !in) n++;
            in = letter;
            i += Character.charCount(cp);
        }
        return n;
    }

    /**
     * Links whose target is the page they are on ("./", "", "index.html"): a "compare with"
     * link made for one page and reused on another could point back at itself.
     */
    static List<String> selfLinks(String html) {
        return selfLinks(Jsoup.parse(html));
    }

    static List<String> selfLinks(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element e : doc.select("[href]")) {
            String href = e.attr("href");
            if (href.isEmpty() || href.equals("./") || href.equals("./index.html") || href.equals("index.html")) {
                out.add(normalize(e.outerHtml()));
            }
        }
        return out;
    }

    /** "{code}", "${page.title}"... in the text or any attribute of the page. */
    private static final Pattern PLACEHOLDER_PATTERN = Pattern.compile("\\$?\\{\\s*\\p{L}[\\p{L}\\p{N}_.]*\\s*}");

    static List<String> placeholders(String html) {
        return placeholders(Jsoup.parse(html));
    }

    static List<String> placeholders(Document doc) {
        List<String> out = new ArrayList<>();
        List<String> texts = new ArrayList<>(blocks(doc, false));
        for (Element e : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : e.attributes()) texts.add(a.getValue());
        }
        for (String t : texts) {
            if (t.indexOf('{') < 0) continue;
            Matcher m = PLACEHOLDER_PATTERN.matcher(t);
            while (m.find()) out.add("\"" + m.group() + "\" in \"" + normalize(around(t, m.start(), m.end())) + "\"");
        }
        return out;
    }

    private static final Pattern PLACEHOLDER_IN_PATTERN = Pattern.compile("\\{[^}]*}");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\s]+|[\\p{P}\\s]+$");

    /** The literal parts of every pattern.* value of a locale file that have 3 or more words. */
    static List<String> patternFragments(Map<String, Object> localeYaml) {
        List<String> values = new ArrayList<>();
        flatten(localeYaml.get("pattern"), values);
        Set<String> fragments = new TreeSet<>();
        for (String value : values) {
            for (String part : PLACEHOLDER_IN_PATTERN.split(value)) {
                String t = EDGE_PUNCTUATION.matcher(normalize(part)).replaceAll("");
                if (words(t) >= 3) fragments.add(t);
            }
        }
        return List.copyOf(fragments);
    }

    private static void flatten(Object node, List<String> into) {
        if (node instanceof Map<?, ?> map) {
            for (Object v : map.values()) flatten(v, into);
        } else if (node instanceof Collection<?> list) {
            for (Object v : list) flatten(v, into);
        } else if (node != null) {
            into.add(node.toString());
        }
    }

    /** English pattern text in the page, outside the elements marked {@code lang="en"}. */
    static List<String> englishPatterns(String html, Collection<String> fragments) {
        return englishPatterns(Jsoup.parse(html), fragments);
    }

    static List<String> englishPatterns(Document doc, Collection<String> fragments) {
        String t = String.join("\n", blocks(doc, true)).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String fragment : fragments) {
            int at = t.indexOf(fragment.toLowerCase(Locale.ROOT));
            if (at >= 0) {
                out.add("\"" + fragment + "\" in \"" + around(t, at, at + fragment.length()).replace('\n', ' ') + "\"");
            }
        }
        return out;
    }

    /**
     * One h1, {@code <html lang>} equal to the locale, the six section headings of the locale in
     * the seed's order (and no other h2), and a link to the same page in every other locale.
     *
     * @param pageDir the page's folder relative to the site root, "ja/smtp/421-vs-552/"
     */
    static List<String> structureProblems(String html, String pageDir, List<String> locales, List<String> headings) {
        return structureProblems(Jsoup.parse(html), pageDir, locales, headings);
    }

    static List<String> structureProblems(Document doc, String pageDir, List<String> locales, List<String> headings) {
        List<String> out = new ArrayList<>();
        String locale = pageDir.substring(0, pageDir.indexOf('/'));
        int h1 = doc.select("h1").size();
        if (h1 != 1) out.add(h1 + " <h1> elements instead of 1");
        Element root = doc.selectFirst("html");
        if (root == null || !root.hasAttr("lang")) {
            out.add("<html> declares no lang");
        } else if (!root.attr("lang").equals(locale)) {
            out.add("<html lang=\"" + root.attr("lang") + "\"> on a " + locale + " page");
        }
        List<String> h2 = doc.select("h2").stream().map(AllPairsQualityTest::text).toList();
        if (!h2.equals(headings)) out.add("section headings " + h2 + " instead of " + headings);
        String rest = pageDir.substring(locale.length()); // "/smtp/421-vs-552/"
        String leaf = rest.substring(rest.lastIndexOf('/', rest.length() - 2) + 1); // "421-vs-552/"
        Set<String> targets = new HashSet<>();
        URI base = URI.create("https://site.invalid/" + pageDir);
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            if (!href.endsWith(leaf) && !href.endsWith(leaf + "index.html")) continue; // cannot be the page in another locale
            try {
                URI u = base.resolve(href);
                if ("site.invalid".equals(u.getHost())) targets.add(u.getPath());
            } catch (IllegalArgumentException e) {
                out.add("unparsable link \"" + href + "\"");
            }
        }
        for (String other : locales) {
            if (other.equals(locale)) continue;
            String dir = "/" + other + rest;
            if (!targets.contains(dir) && !targets.contains(dir + "index.html")) {
                out.add("no link to the " + other + " page " + dir);
            }
        }
        return out;
    }

    /** Exactly one page per unordered pair of the family's codes, each "a-vs-b" naming two of its codes. */
    static List<String> pairCountProblems(Set<String> codes, List<String> pairFolders) {
        List<String> out = new ArrayList<>();
        int n = codes.size();
        int expected = n * (n - 1) / 2;
        if (pairFolders.size() != expected) {
            out.add(pairFolders.size() + " pair pages for " + n + " codes, expected n*(n-1)/2 = " + expected);
        }
        Set<String> seen = new HashSet<>();
        for (String slug : pairFolders) {
            String[] ab = slug.split("-vs-", -1);
            if (ab.length != 2 || !codes.contains(ab[0]) || !codes.contains(ab[1]) || ab[0].equals(ab[1])) {
                out.add("\"" + slug + "\" is not a pair of two codes of the family");
                continue;
            }
            String key = ab[0].compareTo(ab[1]) < 0 ? ab[0] + " " + ab[1] : ab[1] + " " + ab[0];
            if (!seen.add(key)) out.add("\"" + slug + "\": the pair " + key + " has two pages that are not redirects");
        }
        return out;
    }

    /** The codes of a family folder: the .yaml files that are neither _family nor a translation. */
    static Set<String> codeIds(Path familyDir, List<String> locales) throws IOException {
        try (Stream<Path> s = Files.list(familyDir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.startsWith("_"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length()))
                    .filter(id -> !locales.contains(id.substring(id.lastIndexOf('.') + 1)) || id.indexOf('.') < 0)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "…";
    }

    @SuppressWarnings("unchecked")
    /**
     * Problems of a page's fact sentences (parsed with jsoup): {@code contradictions} true for
     * sentences that contradict the table, false for facts stated more than once. {@code forms}:
     * fact → value → every form of it in the page's locale.
     */
    static List<String> factProblems(String html, Map<String, Map<String, List<String>>> forms, boolean contradictions) {
        return factProblems(Jsoup.parse(html), forms, contradictions);
    }

    static List<String> factProblems(Document doc, Map<String, Map<String, List<String>>> forms, boolean contradictions) {
        Map<String, Element> rows = new LinkedHashMap<>();
        for (Element tr : doc.select("table.glance tr[data-fact]")) rows.put(tr.attr("data-fact"), tr);
        List<String> out = new ArrayList<>();
        List<String> stated = new ArrayList<>();
        Element shared = doc.selectFirst("p.shared[data-facts]");
        if (shared != null) {
            for (String fact : shared.attr("data-facts").split(" ")) {
                if (fact.isBlank()) continue;
                stated.add(fact);
                Element row = rows.get(fact);
                if (row != null && row.hasClass("differs")) {
                    out.add("the shared sentence states '" + fact + "', on which the codes differ: " + shared.text());
                }
                // Its values are not looked for in the sentence: it joins the clauses of several
                // facts, whose words overlap ("the mailbox" is a subject and a value of about).
            }
        }
        for (Element li : doc.select("ol.differences > li[data-fact]")) {
            String fact = li.attr("data-fact");
            stated.add(fact);
            Element row = rows.get(fact);
            if (row != null && !row.hasClass("differs")) {
                out.add("a difference on '" + fact + "', which the table shows the same for both: " + li.text());
            }
            out.addAll(foreignValues(fact, row, li.text(), forms));
        }
        if (contradictions) return out;
        List<String> repeated = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String fact : stated) if (!seen.add(fact)) repeated.add("'" + fact + "' is stated more than once");
        return repeated;
    }

    /**
     * Problems of a page's sentences on several-of facts, measured against what each code covers
     * (the table's values, each with those it covers: "any command" covers AUTH; docs/CONTENT-FORMAT.md,
     * "A value that covers others"): a difference where both cover the same; two codes said apart
     * ({@code differ}) where both cover something and the fact can say so ({@code differSubset});
     * a value both cover that the sentence leaves out. Review 10 found these said as "235 is sent
     * in reply to AUTH; 500, in reply to any command" and "Both are sent in a later delivery status
     * notification, but only X.0.0 …" (X.1.1's RCPT dropped).
     */
    static List<String> coverProblems(Document doc, dev.versus.model.Family family, String locale) {
        List<String> out = new ArrayList<>();
        Map<String, Element> rows = new LinkedHashMap<>();
        for (Element tr : doc.select("table.glance tr[data-fact]")) rows.put(tr.attr("data-fact"), tr);
        for (Element li : doc.select("ol.differences > li[data-fact]")) {
            String id = li.attr("data-fact");
            dev.versus.model.Fact fact = family.facts().stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
            Element row = rows.get(id);
            if (fact == null || fact.kind() != dev.versus.model.Fact.Kind.SEVERAL_OF || row == null) continue;
            List<Element> cells = row.select("td[data-values]");
            if (cells.size() != 2) continue;
            List<String> ea = fact.expand(splitValues(cells.get(0).attr("data-values")));
            List<String> eb = fact.expand(splitValues(cells.get(1).attr("data-values")));
            String text = li.text();
            if (ea.equals(eb)) {
                out.add("a difference on '" + id + "', though both codes cover the same values: " + text);
                continue;
            }
            List<String> both = fact.minimal(ea.stream().filter(eb::contains).toList());
            dev.versus.model.FactText t = fact.text(locale);
            String pattern = patternOf(t, text);
            if (!both.isEmpty() && t.pattern("differSubset") != null && pattern != null && !pattern.equals("differSubset")
                    && !pattern.equals("differOverlap")) {
                out.add("'" + id + "' says the codes apart ('" + pattern + "'), but both cover " + both + ": " + text);
            }
            String lower = text.toLowerCase(Locale.ROOT);
            for (String v : both) {
                Map<String, dev.versus.model.Text> forms = t.values().getOrDefault(v, Map.of());
                if (forms.values().stream().noneMatch(f -> containsWord(lower, f.value().toLowerCase(Locale.ROOT)))) {
                    out.add("'" + id + "' leaves out " + v + ", which both codes cover: " + text);
                }
            }
        }
        return out;
    }

    private static List<String> splitValues(String s) {
        return java.util.Arrays.stream(s.split(" ")).filter(v -> !v.isBlank()).toList();
    }

    /**
     * The difference pattern of a fact whose words {@code text} reads as (its text between the
     * placeholders, in order), the partial ones first; null if none.
     */
    static String patternOf(dev.versus.model.FactText t, String text) {
        List<String> names = new ArrayList<>(List.of("differOverlap", "differSubset"));
        t.patterns().keySet().stream().filter(n -> n.startsWith("differ") && !names.contains(n)).sorted().forEach(names::add);
        for (String name : names) {
            dev.versus.model.Text p = t.pattern(name);
            if (p == null) continue;
            int at = 0;
            boolean all = true;
            for (String fragment : p.value().split("\\{[A-Za-z]+\\}")) {
                String f = fragment.strip();
                if (f.isEmpty()) continue;
                int i = text.indexOf(f, at);
                if (i < 0) {
                    all = false;
                    break;
                }
                at = i + f.length();
            }
            if (all) return name;
        }
        return null;
    }

    /** A form of a value of {@code fact} that neither code has, found in {@code text}. */
    private static List<String> foreignValues(String fact, Element row, String text,
                                              Map<String, Map<String, List<String>>> forms) {
        Map<String, List<String>> values = forms.get(fact);
        if (row == null || values == null) return List.of();
        Set<String> own = new HashSet<>();
        for (Element td : row.select("td[data-values]")) {
            for (String v : td.attr("data-values").split(" ")) if (!v.isBlank()) own.add(v);
        }
        List<String> ownForms = own.stream().flatMap(v -> values.getOrDefault(v, List.of()).stream())
                .map(f -> f.toLowerCase(Locale.ROOT)).toList();
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (var e : values.entrySet()) {
            if (own.contains(e.getKey())) continue;
            for (String written : e.getValue()) {
                String form = written.toLowerCase(Locale.ROOT);
                // Short forms ("成功", "EHLO") are parts of other words too; a form that is part of
                // a form the codes do have ("failure" in "permanent failure") says nothing.
                if (form.length() < 4 || !containsWord(lower, form) || ownForms.stream().anyMatch(f -> f.contains(form))) continue;
                out.add("'" + form + "' (" + fact + " " + e.getKey() + ", which neither code has) in: " + text);
            }
        }
        return out;
    }

    /** {@code form} in {@code text}, as whole words where it begins or ends with a Latin letter or digit ("mail" is not in "mailbox"). */
    static boolean containsWord(String text, String form) {
        for (int i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
            int end = i + form.length();
            boolean startOk = !latin(form.charAt(0)) || i == 0 || !latin(text.charAt(i - 1));
            boolean endOk = !latin(form.charAt(form.length() - 1)) || end == text.length() || !latin(text.charAt(end));
            if (startOk && endOk) return true;
        }
        return false;
    }

    private static boolean latin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** fact → value → its forms, per locale, from a family's files (the default locale's first, then each translation). */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Map<String, List<String>>>> factForms(Path dir, List<String> locales) throws IOException {
        Map<String, Map<String, Map<String, List<String>>>> out = new TreeMap<>();
        Map<String, Object> family = yaml(dir.resolve("_family.yaml"));
        Map<String, Object> byId = new LinkedHashMap<>();
        if (family.get("facts") instanceof List<?> facts) {
            for (Object f : facts) if (f instanceof Map<?, ?> m) byId.put(String.valueOf(m.get("id")), m);
        }
        for (String locale : locales) {
            Map<String, Object> facts = byId;
            if (!locale.equals(locales.get(0))) {
                Path t = dir.resolve("_family." + locale + ".yaml");
                facts = Files.isRegularFile(t) && yaml(t).get("facts") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            }
            Map<String, Map<String, List<String>>> perFact = new TreeMap<>();
            facts.forEach((id, f) -> {
                if (!(f instanceof Map<?, ?> m) || !(m.get("values") instanceof Map<?, ?> values)) return;
                Map<String, List<String>> perValue = new TreeMap<>();
                // A codes fact names only its sets of codes: "any" is the table's data-value
                // family:* (CodeSet); a class's names hold {class}, so no sentence contains them.
                Object declared = byId.get(id);
                String codesOf = declared instanceof Map<?, ?> dm && "codes".equals(dm.get("kind")) ? String.valueOf(dm.get("family")) : null;
                values.forEach((v, fs) -> perValue.put(codesOf == null ? String.valueOf(v)
                        : String.valueOf(v).equals(dev.versus.model.CodeSet.ANY) ? dev.versus.model.CodeSet.of(codesOf, "any") : "class",
                        fs instanceof Map<?, ?> fm ? fm.values().stream().map(String::valueOf).toList() : List.of(String.valueOf(fs))));
                perFact.put(id, perValue);
            });
            out.put(locale, perFact);
        }
        return out;
    }

    static Map<String, Object> yaml(Path file) throws IOException {
        Object o = new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<String> strings(Object o) {
        return o instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    }

    // ---- Japanese text, attribution (jsoup) ------------------------------------------------------

    /** A stand-in for text the Japanese rules do not read (code, elements in another language). */
    static final char MASK = '\uFFFC';

    /**
     * The Japanese text of a page as a browser lays it out, one string per block (jsoup's block
     * elements, the title and the meta description): white space collapsed, and the text of
     * {@code <code>}, {@code <pre>} and of every element whose language is not Japanese replaced by
     * {@link #MASK}, so that no rule reads across it.
     */
    static List<String> japaneseBlocks(Document doc) {
        List<String> out = new ArrayList<>();
        out.add(normalize(doc.title()));
        Element description = doc.selectFirst("meta[name=description]");
        if (description != null) out.add(normalize(description.attr("content")));
        StringBuilder cur = new StringBuilder();
        org.jsoup.select.NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    Element parent = (org.jsoup.nodes.Element) t.parent();
                    if (masked(parent)) {
                        if (cur.length() == 0 || cur.charAt(cur.length() - 1) != MASK) cur.append(MASK);
                    } else {
                        cur.append(t.getWholeText());
                    }
                } else if (node instanceof Element e && breaks(e)) {
                    flushBlock(cur, out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && breaks(e)) flushBlock(cur, out);
            }
        }, doc.body());
        flushBlock(cur, out);
        out.removeIf(String::isEmpty);
        return out;
    }

    private static boolean breaks(Element e) {
        return e.isBlock() || e.nameIs("br");
    }

    private static void flushBlock(StringBuilder cur, List<String> out) {
        String t = normalize(cur.toString());
        if (!t.isEmpty()) out.add(t);
        cur.setLength(0);
    }

    /** Inside code, pre, script or style, or in an element whose nearest lang is not Japanese. */
    private static boolean masked(Element e) {
        for (Element x = e; x != null; x = x.parent()) {
            if (x.nameIs("code") || x.nameIs("pre") || x.nameIs("script") || x.nameIs("style")) return true;
        }
        for (Element x = e; x != null; x = x.parent()) {
            if (x.hasAttr("lang")) return !x.attr("lang").toLowerCase(Locale.ROOT).startsWith("ja");
        }
        return false;
    }

    /** A Japanese character: kana, kanji, Japanese punctuation, full-width forms (the renderer's own test). */
    static boolean wide(char c) {
        return dev.versus.model.Text.isWide(c);
    }

    static boolean japanesePunctuation(char c) {
        return dev.versus.render.prose.MarkdownRenderer.isJapanesePunctuation(c);
    }

    static boolean japaneseLetter(char c) {
        return wide(c) && !japanesePunctuation(c);
    }

    static boolean latinLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** An ASCII colon, comma or semicolon right after a Japanese character (「次の状況では: 」). */
    static List<String> asciiPunctuationAfterJapanese(List<String> blocks) {
        List<String> out = new ArrayList<>();
        for (String b : blocks) {
            for (int i = 1; i < b.length(); i++) {
                char c = b.charAt(i);
                if ((c == ':' || c == ',' || c == ';') && wide(b.charAt(i - 1))) {
                    out.add("'" + c + "' after '" + b.charAt(i - 1) + "' in \"" + around(b, i - 1, i + 1) + "\"");
                }
            }
        }
        return out;
    }

    /**
     * Breaks of the spacing rule: a Japanese letter touching a Latin letter or digit (「影響するのは1 件」),
     * a space next to Japanese punctuation (「です。 次」) or between two Japanese characters (「応答 です」).
     */
    static List<String> spacingProblems(List<String> blocks) {
        List<String> out = new ArrayList<>();
        for (String b : blocks) {
            for (int i = 0; i + 1 < b.length(); i++) {
                char x = b.charAt(i);
                char y = b.charAt(i + 1);
                if (japaneseLetter(x) && latinLetterOrDigit(y) || latinLetterOrDigit(x) && japaneseLetter(y)) {
                    out.add("no space between '" + x + "' and '" + y + "' in \"" + around(b, i, i + 2) + "\"");
                } else if (y == ' ' && i + 2 < b.length()) {
                    char z = b.charAt(i + 2);
                    if (japanesePunctuation(x) || japanesePunctuation(z)) {
                        out.add("a space next to Japanese punctuation in \"" + around(b, i, i + 3) + "\"");
                    } else if (wide(x) && wide(z)) {
                        out.add("a space between two Japanese characters in \"" + around(b, i, i + 3) + "\"");
                    }
                }
            }
        }
        return out;
    }

    /** The glossary's avoided variants in the page's Japanese text. */
    static List<String> glossaryProblems(List<String> blocks, java.util.function.Function<String, List<String>> glossary) {
        List<String> out = new ArrayList<>();
        for (String b : blocks) {
            // A code is not a count: "X.5.3 受信者数の超過" is a code and its title, not 3 受信者.
            String text = CODE_ID.matcher(b).replaceAll(String.valueOf(MASK));
            for (String found : glossary.apply(text)) out.add(found + " in \"" + abbreviate(b) + "\"");
        }
        return out;
    }

    /** A reply code (550) or an enhanced status code (X.1.1, 5.7.26) as pages write them. */
    static final Pattern CODE_ID = Pattern.compile("(?<![\\w.])(?:[245X]\\.\\d{1,3}\\.\\d{1,3}|[1-5]\\d\\d)(?![\\w]|\\.\\d)");

    /**
     * A code of the page with its summary as the page shows it: {@code html} as a sentence of the
     * body (Markdown rendered, then read as text), {@code plain} as the meta description writes it.
     */
    record Summary(String code, String html, String plain, List<String> titles) {
        static Summary of(dev.versus.model.Code c, String locale) {
            dev.versus.model.Text summary = c.text(locale).summary();
            String sentence = PairSentences.asSentence(summary.value());
            dev.versus.model.Text title = c.text(locale).title();
            return new Summary(c.id(), normalize(rendered(sentence, summary.lang(), locale)), normalize(sentence),
                    List.of(normalize(rendered(title.value(), title.lang(), locale)), normalize(title.value())));
        }

        private static String rendered(String markdown, String lang, String locale) {
            return Jsoup.parseBodyFragment(
                    dev.versus.render.prose.Html.inline(new dev.versus.model.Text(markdown, lang), locale)).text();
        }
    }

    /**
     * A summary in the intro or the meta description whose nearest code mention before it is not
     * its own code, or that no code mention precedes: the reader cannot tell whose it is.
     */
    static List<String> unattributedSummaries(Document doc, List<Summary> summaries) {
        List<String> out = new ArrayList<>();
        Element intro = doc.selectFirst("p.intro");
        if (intro != null) out.addAll(unattributed("intro", normalize(intro.text()), summaries, false));
        Element description = doc.selectFirst("meta[name=description]");
        if (description != null) out.addAll(unattributed("meta description", normalize(description.attr("content")), summaries, true));
        return out;
    }

    private static List<String> unattributed(String where, String text, List<Summary> summaries, boolean plain) {
        List<String> out = new ArrayList<>();
        for (Summary s : summaries) {
            String summary = plain ? s.plain() : s.html();
            int at = text.indexOf(summary);
            if (summary.isEmpty() || at < 0) continue;
            // A title may name another code ("Deprecated Duplicate of X.6.8"): it is not a mention.
            String before = text.substring(0, at);
            for (Summary other : summaries) {
                for (String title : other.titles()) {
                    if (!title.isEmpty()) before = before.replace(title, String.valueOf(MASK).repeat(title.length()));
                }
            }
            String nearest = null;
            int nearestAt = -1;
            for (Summary other : summaries) {
                int m = lastMention(before, other.code(), at);
                if (m > nearestAt) {
                    nearestAt = m;
                    nearest = other.code();
                }
            }
            if (!s.code().equals(nearest)) {
                out.add("the " + where + " gives the summary of " + s.code() + (nearest == null ? " after no code" : " after " + nearest)
                        + ": \"" + around(text, at, Math.min(text.length(), at + 60)) + "\"");
            }
        }
        return out;
    }

    /** The start of the last mention of {@code code} as a whole token before {@code before}, or -1. */
    static int lastMention(String text, String code, int before) {
        for (int i = text.lastIndexOf(code, before - code.length()); i >= 0; i = text.lastIndexOf(code, i - 1)) {
            int end = i + code.length();
            boolean startOk = i == 0 || !(Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.');
            boolean endOk = end == text.length() || !(Character.isLetterOrDigit(text.charAt(end))
                    || text.charAt(end) == '.' && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1)));
            if (startOk && endOk) return i;
        }
        return -1;
    }

    /**
     * A code's summary both in the intro and in Key differences. Compared without its first
     * letter and final stop, so the summary as a sentence and as a clause ("means that the …")
     * are the same summary.
     */
    static List<String> summariesSaidTwice(Document doc, List<Summary> summaries) {
        List<String> out = new ArrayList<>();
        Element intro = doc.selectFirst("p.intro");
        // The generated items: an expert's note in the same section is hand-written, and may
        // quote a summary while it explains it (the pair notes have their own review).
        Element list = doc.selectFirst("section > ol.differences");
        if (intro == null || list == null) return out;
        String introText = normalize(intro.text());
        String differences = normalize(list.text());
        for (Summary s : summaries) {
            String core = s.html().replaceAll("[.。]$", "");
            if (core.length() < 12) continue;
            core = core.substring(1);
            if (introText.contains(core) && differences.contains(core)) {
                out.add("the summary of " + s.code() + " is in the intro and in Key differences: \"" + abbreviate(s.html()) + "\"");
            }
        }
        return out;
    }

    /** A code's summary in the "Which to use when" section: a meaning used as a situation. */
    static List<String> summariesAsSituations(Document doc, List<Summary> summaries) {
        List<String> out = new ArrayList<>();
        Element heading = doc.selectFirst("section > h2#choose");
        if (heading == null) return out;
        String text = normalize(heading.parent().text());
        for (Summary s : summaries) {
            if (!s.html().isEmpty() && text.contains(s.html())) {
                out.add("the summary of " + s.code() + " in Which to use when: \"" + abbreviate(s.html()) + "\"");
            }
        }
        return out;
    }

    // ---- data model, parentheses, notes, Japanese repetition --------------------------------------

    /** A Latin word that is a field name: anywhere in {@code <code>}, and camelCase ones (travelsWith) in any text. */
    static List<String> fieldNames(Document doc, Set<String> names) {
        List<String> out = new ArrayList<>();
        Element body = doc.body();
        for (Element code : body.select("code")) {
            String t = code.text().trim();
            if (names.contains(t)) out.add("<code>" + t + "</code> in \"" + abbreviate(normalize(code.parent().text())) + "\"");
        }
        for (String b : blocks(body, false)) {
            Matcher m = LATIN_WORD.matcher(b);
            while (m.find()) {
                String w = m.group();
                if (names.contains(w) && !w.equals(w.toLowerCase(Locale.ROOT))) out.add("'" + w + "' in \"" + abbreviate(b) + "\"");
            }
        }
        return out;
    }

    private static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9_.-])[A-Za-z][A-Za-z0-9]*(?![A-Za-z0-9_])");

    /** 「DATA (DATA)」「X（X）」: a word followed by itself in parentheses. */
    static final Pattern REPEATED_PARENTHESIS = Pattern.compile("(?<![\\w.])([\\p{L}\\p{N}][\\p{L}\\p{N}.-]*) ?[（(]\\1[)）]");

    static List<String> repeatedInParentheses(List<String> blocks) {
        List<String> out = new ArrayList<>();
        for (String b : blocks) {
            Matcher m = REPEATED_PARENTHESIS.matcher(b);
            while (m.find()) out.add("\"" + m.group() + "\" in \"" + abbreviate(b) + "\"");
        }
        return out;
    }

    static final Pattern NOTES_BELOW = Pattern.compile("(?:下|以下|下記)の注記|notes? below", Pattern.CASE_INSENSITIVE);
    static final Pattern NOTES_ABOVE = Pattern.compile("(?:上|上記)の注記|notes? above", Pattern.CASE_INSENSITIVE);

    /** A pointer "below" needs a notes box after it in the page; a pointer "above", one before it. */
    static List<String> notesDirection(Document doc) {
        List<String> out = new ArrayList<>();
        List<Integer> notes = new ArrayList<>();
        List<Map.Entry<Integer, String>> below = new ArrayList<>();
        List<Map.Entry<Integer, String>> above = new ArrayList<>();
        int[] position = {0};
        NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                position[0]++;
                if (node instanceof Element e && e.nameIs("aside") && e.hasClass("notes")) notes.add(position[0]);
                if (node instanceof TextNode t) {
                    String text = t.getWholeText();
                    if (NOTES_BELOW.matcher(text).find()) below.add(Map.entry(position[0], normalize(text)));
                    if (NOTES_ABOVE.matcher(text).find()) above.add(Map.entry(position[0], normalize(text)));
                }
            }

            @Override
            public void tail(Node node, int depth) {}
        }, doc.body());
        for (var e : below) {
            if (notes.stream().noneMatch(n -> n > e.getKey())) out.add("notes \"below\", none after it: \"" + abbreviate(e.getValue()) + "\"");
        }
        for (var e : above) {
            if (notes.stream().noneMatch(n -> n < e.getKey())) out.add("notes \"above\", none before it: \"" + abbreviate(e.getValue()) + "\"");
        }
        return out;
    }

    /** Two sentences in a row, in one block, that both say どちらも. */
    static List<String> repeatedBoth(List<String> blocks) {
        List<String> out = new ArrayList<>();
        for (String b : blocks) {
            String[] sentences = b.split("(?<=。)");
            for (int i = 1; i < sentences.length; i++) {
                if (sentences[i - 1].contains("どちらも") && sentences[i].contains("どちらも")) {
                    out.add("\"" + abbreviate(sentences[i - 1] + sentences[i]) + "\"");
                }
            }
        }
        return out;
    }

    /** 「ほか 2 件と」, and 「A と、B は…と一緒に」 where the first と reads as the end of a list. */
    static final List<Pattern> LIST_JOINS = List.of(Pattern.compile("ほか ?[0-9０-９]+ ?件と"), Pattern.compile("と、[^。]*と一緒に"));

    static List<String> listJoins(List<String> blocks) {
        List<String> out = new ArrayList<>();
        for (String b : blocks) {
            for (Pattern p : LIST_JOINS) {
                Matcher m = p.matcher(b);
                while (m.find()) out.add("\"" + abbreviate(m.group()) + "\" in \"" + abbreviate(b) + "\"");
            }
        }
        return out;
    }

    /** 「このコード」 or "this code" in a heading (or the contents that repeat the headings) of a comparison page. */
    static List<String> oneCodeHeadings(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element h : doc.select("h1, h2, h3, h4, nav.toc a")) {
            if (h.text().contains("このコード") || h.text().toLowerCase(Locale.ROOT).contains("this code")) out.add("<" + h.normalName() + "> \"" + h.text() + "\"");
        }
        return out;
    }

    // ---- every rule can fail -----------------------------------------------------------------

    /** Each checker against a small good page and a deliberately bad one. */
    @Nested
    class Checkers {
        static final List<String> EN = List.of("Description", "Typical situations", "How to fix it",
                "Key differences", "Which to use when", "Learn more");
        static final List<String> JA = List.of("説明", "表示される状況", "解決方法", "主な違い",
                "どちらをいつ使うか", "詳しく見る");

        /** A minimal pair page in the shape of templates/pair.ftlh. */
        static String page(String lang, List<String> h, String description, String when, String fix, String differences) {
            String other = lang.equals("en") ? "ja" : "en";
            return "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head><title>SMTP 421 vs 552</title></head>\n<body>\n"
                    + "<nav><a href=\"../../../" + other + "/smtp/421-vs-552/\" hreflang=\"" + other + "\" lang=\"" + other + "\">"
                    + other + "</a></nav>\n<main><article class=\"pair\">\n<h1>SMTP 421 vs 552</h1>\n"
                    + "<section aria-labelledby=\"description\">\n<h2 id=\"description\">" + h.get(0) + "</h2>\n"
                    + "<h3 id=\"description-421\"><a href=\"../421/\">421</a> Service Not Available</h3>" + description
                    + "\n</section>\n<section aria-labelledby=\"when\">\n<h2 id=\"when\">" + h.get(1) + "</h2>\n"
                    + "<h3 id=\"when-421\"><a href=\"../421/\">421</a> Service Not Available</h3>" + when + "\n</section>\n"
                    + "<section aria-labelledby=\"fix\">\n<h2 id=\"fix\">" + h.get(2) + "</h2>\n"
                    + "<h3 id=\"fix-421\"><a href=\"../421/\">421</a> Service Not Available</h3><h4>Sender</h4>" + fix
                    + "\n</section>\n<section aria-labelledby=\"differences\">\n<h2 id=\"differences\">" + h.get(3) + "</h2>\n"
                    + "<ol class=\"differences\">\n" + differences + "\n</ol>\n</section>\n"
                    + "<section aria-labelledby=\"choose\">\n<h2 id=\"choose\">" + h.get(4) + "</h2>\n<h3>Server</h3>\n"
                    + "<ul><li>Reply 421 when the condition may clear.</li></ul>\n</section>\n"
                    + "<section aria-labelledby=\"learn-more\">\n<h2 id=\"learn-more\">" + h.get(5) + "</h2>\n"
                    + "<ul class=\"learn-more\"><li><a href=\"../421/\">The full page on 421</a></li></ul>\n</section>\n"
                    + "</article></main>\n</body>\n</html>\n";
        }

        static String good() {
            return page("en", EN, "<div class=\"prose\"><p>The server is closing the channel.</p></div>",
                    "<div class=\"prose\"><ul><li>The server is overloaded at connection time.</li></ul></div>",
                    "<div class=\"prose\"><p>Nothing to fix; the queue retries.</p></div>",
                    "<li><a href=\"../421/\">421</a> affects the whole connection, while <a href=\"../552/\">552</a> affects the message itself.</li>");
        }

        @Test
        void aGoodPagePassesEveryRule() {
            String html = good();
            assertThat(doubledWords(html, "en")).isEmpty();
            assertThat(emptyParts(html)).isEmpty();
            assertThat(repeatedDifferences(html)).isEmpty();
            assertThat(placeholders(html)).isEmpty();
            assertThat(selfLinks(html)).isEmpty();
            assertThat(structureProblems(html, "en/smtp/421-vs-552/", List.of("en", "ja"), EN)).isEmpty();
        }

        @Test
        void aLinkToThePageItselfIsFound() {
            assertThat(selfLinks("<li><a href=\"./\">Compare 421 with 450</a></li>")).hasSize(1);
            assertThat(selfLinks("<li><a href=\"index.html\">x</a></li><a href=\"../421/\">421</a>")).hasSize(1);
        }

        @Test
        void htmlToTextStripsTagsAndDecodesEntities() {
            assertThat(text("<p>A &amp; B &lt;x&gt; &quot;q&quot; it&#39;s <a href=\"#\">li<b>nk</b></a></p><p>next</p>"))
                    .isEqualTo("A & B <x> \"q\" it's link\nnext");
        }

        @Test
        void doubledWordsAreFound() {
            assertThat(doubledWords("<p>You encounter 421 when when connecting.</p>", "en"))
                    .singleElement().asString().contains("\"when when\"");
            assertThat(doubledWords("<p>See <a href=\"#\">The</a> the server.</p>", "en")).hasSize(1);
            assertThat(doubledWords("<p>It is <em>the</em>\n the end.</p>", "en")).hasSize(1);
            assertThat(doubledWords("<p>サーバーのの応答</p>", "ja")).hasSize(1);
            assertThat(doubledWords("<p>421 はは一時的</p><p>宛先をを確認</p><p>接続がが切れ</p><p>後でにに再試行</p>", "ja"))
                    .hasSize(4);
            // Not doubled: numbers, words split across blocks, hyphenated compounds, ものの.
            assertThat(doubledWords("<p>Reply 250 250 times.</p><h3>Storage</h3><p>Storage is full.</p>"
                    + "<p>the Internet-Draft draft-levine-mailbomb-header</p><p>受け付けたものの、拒否</p>", "ja")).isEmpty();
            assertThat(doubledWords("<p>then thence, that than</p>", "en")).isEmpty();
        }

        @Test
        void emptySectionsAreFound() {
            String noProse = page("en", EN, "<div class=\"prose\"></div>", "<div class=\"prose\"><p>x y z</p></div>",
                    "<div class=\"prose\"><p>fix</p></div>", "<li>a differs from b</li>");
            assertThat(emptyParts(noProse)).anySatisfy(p -> assertThat(p).contains("nothing under <h2> \"Description\""));
            String noDifferences = page("en", EN, "<div class=\"prose\"><p>a</p></div>", "<div class=\"prose\"><p>b</p></div>",
                    "<div class=\"prose\"><p>c</p></div>", "");
            assertThat(emptyParts(noDifferences)).anySatisfy(p -> assertThat(p).contains("Key differences"));
            String blankItem = page("en", EN, "<div class=\"prose\"><p>a</p></div>", "<div class=\"prose\"><p>b</p></div>",
                    "<div class=\"prose\"><p>c</p></div>", "<li>real</li><li> </li>");
            assertThat(emptyParts(blankItem)).anySatisfy(p -> assertThat(p).contains("blank <li>"));
            // A code heading with nothing under it, though the section has text for the other code.
            String emptyCode = page("en", EN, "<div class=\"prose\"><p>a</p></div>",
                    "<h3 id=\"when-552\">552</h3>", "<div class=\"prose\"><p>c</p></div>", "<li>d</li>");
            assertThat(emptyParts(emptyCode)).anySatisfy(p -> assertThat(p).contains("nothing under <h3>"));
        }

        @Test
        void differencesRepeatingThePerCodeSectionsAreFound() {
            String verbatim = page("en", EN, "<div class=\"prose\"><p>The server is closing the channel.</p></div>",
                    "<div class=\"prose\"><p>The server is overloaded.</p></div>", "<div class=\"prose\"><p>Wait.</p></div>",
                    "<li>The server\n is <em>closing</em> the channel.</li>");
            assertThat(repeatedDifferences(verbatim)).singleElement().asString().contains("appears verbatim");
            String sentence = page("en", EN, "<div class=\"prose\"><p>The server is closing the transmission channel now. Retry.</p></div>",
                    "<div class=\"prose\"><p>x</p></div>", "<div class=\"prose\"><p>y</p></div>",
                    "<li>421: The server is closing the transmission channel now.</li>");
            assertThat(repeatedDifferences(sentence)).singleElement().asString().contains("repeats the sentence");
            String ja = page("ja", JA, "<div class=\"prose\"><p>サーバーはこの SMTP セッションを打ち切り、伝送チャネルを閉じます。</p></div>",
                    "<div class=\"prose\"><p>x</p></div>", "<div class=\"prose\"><p>y</p></div>",
                    "<li>421 について: サーバーはこの SMTP セッションを打ち切り、伝送チャネルを閉じます。</li>");
            assertThat(repeatedDifferences(ja)).hasSize(1);
        }

        @Test
        void unresolvedPlaceholdersAreFound() {
            assertThat(placeholders("<p>{a} is a temporary failure</p>")).singleElement().asString().contains("{a}");
            assertThat(placeholders("<meta name=\"description\" content=\"{aTitle}\">")).hasSize(1);
            assertThat(placeholders("<p>&#123;code&#125; and ${page.title}</p>")).hasSize(2);
            assertThat(placeholders("<p>{ } {1} a{b</p>")).isEmpty();
        }

        @Test
        void englishPatternsOnJapanesePagesAreFound() {
            List<String> fragments = patternFragments(Map.of("pattern", Map.of(
                    "shared", "Both are {plural}: {effect}. They differ in the following ways.",
                    "diffCommands", "{a} can be the reply to {aCommands}; {b} can be the reply to {bCommands}.",
                    "list2", "{first} and {second}",
                    "chooseSender", Map.of("none", "On {code}, let the class digit that comes with it decide."))));
            assertThat(fragments).containsExactlyInAnyOrder("They differ in the following ways", "can be the reply to",
                    "let the class digit that comes with it decide");
            assertThat(englishPatterns("<html lang=\"ja\"><p>どちらも一時的エラーです。They differ in the following ways.</p></html>",
                    fragments)).singleElement().asString().contains("They differ");
            assertThat(englishPatterns("<p><a>421</a> can be the reply to MAIL</p>", fragments)).hasSize(1);
            // The same words inside an element marked lang="en" are fine.
            assertThat(englishPatterns("<html lang=\"ja\"><p>421 は <span lang=\"en\">can be the reply to <b>MAIL</b></span> です。"
                    + "<div lang=\"en\"><div>x</div>They differ in the following ways</div></p></html>", fragments)).isEmpty();
        }

        @Test
        void brokenSkeletonsAreFound() {
            String good = good();
            List<String> locales = List.of("en", "ja");
            assertThat(structureProblems(good.replace("<h1>", "<h1>x</h1><h1>"), "en/smtp/421-vs-552/", locales, EN))
                    .singleElement().asString().contains("2 <h1>");
            assertThat(structureProblems(good.replace("<h1>SMTP 421 vs 552</h1>", ""), "en/smtp/421-vs-552/", locales, EN))
                    .singleElement().asString().contains("0 <h1>");
            assertThat(structureProblems(good.replace("<html lang=\"en\">", "<html lang=\"ja\">"), "en/smtp/421-vs-552/", locales, EN))
                    .singleElement().asString().contains("<html lang=\"ja\"> on a en page");
            assertThat(structureProblems(good.replace("<html lang=\"en\">", "<html>"), "en/smtp/421-vs-552/", locales, EN))
                    .singleElement().asString().contains("no lang");
            assertThat(structureProblems(good, "en/smtp/421-vs-552/", locales, JA))
                    .singleElement().asString().contains("section headings");
            assertThat(structureProblems(good.replace(">Key differences<", ">Differences<"), "en/smtp/421-vs-552/", locales, EN))
                    .singleElement().asString().contains("section headings");
            List<String> swapped = List.of(EN.get(0), EN.get(1), EN.get(2), EN.get(4), EN.get(3), EN.get(5));
            assertThat(structureProblems(good, "en/smtp/421-vs-552/", locales, swapped)).hasSize(1);
            assertThat(structureProblems(good.replace("/ja/smtp/421-vs-552/", "/ja/smtp/421-vs-554/"), "en/smtp/421-vs-552/",
                    locales, EN)).singleElement().asString().contains("no link to the ja page /ja/smtp/421-vs-552/");
            assertThat(structureProblems(good.replace("../../../ja/smtp/421-vs-552/", "../../../ja/smtp/421-vs-552/index.html"),
                    "en/smtp/421-vs-552/", locales, EN)).isEmpty();
        }

        @Test
        void wrongPairCountsAreFound() {
            Set<String> codes = Set.of("421", "450", "552");
            assertThat(pairCountProblems(codes, List.of("421-vs-450", "421-vs-552", "450-vs-552"))).isEmpty();
            assertThat(pairCountProblems(codes, List.of("421-vs-450", "421-vs-552")))
                    .singleElement().asString().contains("2 pair pages for 3 codes, expected n*(n-1)/2 = 3");
            assertThat(pairCountProblems(codes, List.of("421-vs-450", "450-vs-421", "450-vs-552")))
                    .singleElement().asString().contains("two pages");
            assertThat(pairCountProblems(codes, List.of("421-vs-450", "421-vs-999", "450-vs-552")))
                    .singleElement().asString().contains("421-vs-999");
        }

        /** A Key differences section and table in the shape pair.ftlh writes them. */
        static String factPage(String shared, String differences) {
            return "<table class=\"glance\"><tbody>"
                    + "<tr data-fact=\"severity\"><th>Class</th><td data-values=\"success\">Success</td><td data-values=\"success\">Success</td></tr>"
                    + "<tr data-fact=\"session\" class=\"differs\"><th>Afterwards</th><td data-values=\"closes\">The connection closes</td>"
                    + "<td data-values=\"continues\">The session goes on</td></tr></tbody></table>"
                    + "<section><h2 id=\"differences\">Key differences</h2>" + shared + "<ol class=\"differences\">" + differences
                    + "</ol></section>";
        }

        static final Map<String, Map<String, List<String>>> FORMS = Map.of(
                "severity", Map.of("success", List.of("Success", "successes"), "permanent", List.of("Permanent failure", "permanent failures")),
                "session", Map.of("closes", List.of("The connection closes", "the server closes the connection"),
                        "continues", List.of("The session goes on", "the session stays open for the next command"),
                        "waits", List.of("The server waits for more input", "the server waits for the client to send more")));

        @Test
        void theFactRulesPassWhatTheTableSays() {
            String html = factPage("<p class=\"shared\" data-facts=\"severity\">Both are successes.</p>",
                    "<li data-fact=\"session\">After 221, the server closes the connection; after 250, the session stays open"
                            + " for the next command.</li>");
            assertThat(factProblems(html, FORMS, true)).isEmpty();
            assertThat(factProblems(html, FORMS, false)).isEmpty();
        }

        @Test
        void aSharedSentenceOnAFactThatDiffersContradictsTheTable() {
            // The seed's 221 vs 250: "Both are successes: the command worked and the session goes on".
            String html = factPage("<p class=\"shared\" data-facts=\"severity session\">Both are successes and leave the"
                    + " session open.</p>", "");
            assertThat(factProblems(html, FORMS, true)).singleElement().asString()
                    .contains("the shared sentence states 'session', on which the codes differ");
        }

        @Test
        void aDifferenceNamingAValueNeitherCodeHasContradictsTheTable() {
            String html = factPage("", "<li data-fact=\"session\">After 221, the server waits for the client to send more;"
                    + " after 250, the session stays open for the next command.</li>");
            assertThat(factProblems(html, FORMS, true)).singleElement().asString()
                    .contains("(session waits, which neither code has)");
        }

        @Test
        void aDifferenceOnAFactTheTableShowsTheSameContradictsIt() {
            String html = factPage("", "<li data-fact=\"severity\">221 is a success, while 250 is a permanent failure.</li>");
            assertThat(factProblems(html, FORMS, true))
                    .anySatisfy(p -> assertThat(p).contains("a difference on 'severity', which the table shows the same"))
                    .anySatisfy(p -> assertThat(p).contains("'permanent failure"));
        }

        /** A several-of fact whose ANY covers MAIL and RCPT, as SMTP's commands (covers: in _family.yaml). */
        static dev.versus.model.Family commandsFamily() {
            dev.versus.model.Text label = new dev.versus.model.Text("Sent", "en");
            Map<String, Map<String, dev.versus.model.Text>> values = Map.of(
                    "MAIL", Map.of("value", new dev.versus.model.Text("MAIL", "en"), "when", new dev.versus.model.Text("in reply to MAIL", "en")),
                    "RCPT", Map.of("value", new dev.versus.model.Text("RCPT", "en"), "when", new dev.versus.model.Text("in reply to RCPT", "en")),
                    "DSN", Map.of("value", new dev.versus.model.Text("In a DSN", "en"), "when", new dev.versus.model.Text("in a later DSN", "en")),
                    "ANY", Map.of("value", new dev.versus.model.Text("Any command", "en"), "when", new dev.versus.model.Text("in reply to any command", "en")));
            Map<String, dev.versus.model.Text> patterns = Map.of(
                    "differ", new dev.versus.model.Text("{a} is sent {aWhen}; {b}, {bWhen}.", "en"),
                    "differSubset", new dev.versus.model.Text("Both are sent {sharedWhen}, but only {a} is also sent {aOnlyWhen}.", "en"),
                    "differOverlap", new dev.versus.model.Text("Both are sent {sharedWhen}; only {a} is also sent {aOnlyWhen}, and"
                            + " only {b} is also sent {bOnlyWhen}.", "en"));
            dev.versus.model.Fact commands = new dev.versus.model.Fact("commands", dev.versus.model.Fact.Kind.SEVERAL_OF,
                    List.of("MAIL", "RCPT", "ANY", "DSN"), 40, true, false, false, null,
                    Map.of("en", new dev.versus.model.FactText(label, values, patterns)), Map.of(), Map.of("ANY", List.of("MAIL", "RCPT")));
            return new dev.versus.model.Family("smtp", Map.of(), Map.of(), Map.of(), List.of(), List.of(commands), Map.of(),
                    List.of(), Map.of(), null, null, List.of("sender"), Map.of());
        }

        static String sentPage(String a, String b, String sentence) {
            return "<table class=\"glance\"><tbody><tr data-fact=\"commands\" class=\"differs\"><th>Sent</th><td data-values=\""
                    + a + "\">x</td><td data-values=\"" + b + "\">y</td></tr></tbody></table><ol class=\"differences\">"
                    + "<li data-fact=\"commands\">" + sentence + "</li></ol>";
        }

        @Test
        void sentencesOnWhatCodesCoverPassWhenTrue() {
            assertThat(coverProblems(Jsoup.parse(sentPage("ANY DSN", "RCPT DSN", "Both are sent in reply to RCPT and in a later"
                    + " DSN, but only X.0.0 is also sent in reply to any other command.")), commandsFamily(), "en")).isEmpty();
            assertThat(coverProblems(Jsoup.parse(sentPage("MAIL", "DSN", "250 is sent in reply to MAIL; 354, in a later DSN.")),
                    commandsFamily(), "en")).isEmpty();
        }

        /** Review 10's false sentences (shapes-en findings 1 and 4), and a difference where both cover the same. */
        @Test
        void sentencesThatContradictWhatCodesCoverAreFound() {
            assertThat(coverProblems(Jsoup.parse(sentPage("MAIL", "ANY", "235 is sent in reply to MAIL; 500, in reply to any"
                    + " command.")), commandsFamily(), "en")).singleElement().asString()
                    .contains("'commands' says the codes apart ('differ'), but both cover [MAIL]");
            assertThat(coverProblems(Jsoup.parse(sentPage("ANY DSN", "RCPT DSN", "Both are sent in a later DSN, but only X.0.0 is"
                    + " also sent in reply to any command.")), commandsFamily(), "en")).singleElement().asString()
                    .contains("'commands' leaves out RCPT, which both codes cover");
            assertThat(coverProblems(Jsoup.parse(sentPage("MAIL ANY", "ANY", "Both are sent in reply to any command, but only 501"
                    + " is also sent in reply to MAIL.")), commandsFamily(), "en")).singleElement().asString()
                    .contains("though both codes cover the same values");
        }

        @Test
        void valuesAreFoundAsWholeLatinWords() {
            assertThat(containsWord("concerns the mailbox", "mail")).isFalse();
            assertThat(containsWord("in reply to mail, rcpt", "mail")).isTrue();
            assertThat(containsWord("メールボックスの容量", "メールボックス")).isTrue();
        }

        @Test
        void aFactSaidInTheSharedSentenceAndAgainAsADifferenceIsRepeated() {
            String html = factPage("<p class=\"shared\" data-facts=\"severity\">Both are successes.</p>",
                    "<li data-fact=\"severity\">Both are successes, again.</li>");
            assertThat(factProblems(html, FORMS, false)).containsExactly("'severity' is stated more than once");
        }

        static List<String> ja(String body) {
            return japaneseBlocks(Jsoup.parse("<html lang=\"ja\"><head><title>t</title></head><body>" + body + "</body></html>"));
        }

        @Test
        void asciiPunctuationAfterJapaneseIsFound() {
            assertThat(asciiPunctuationAfterJapanese(ja("<p>次の状況では <a>250</a> を返します：コマンドは成功しました。</p>"))).isEmpty();
            // The seed's 「次の状況では 250 を返します: 」 and 「421 の詳しい説明: 」.
            assertThat(asciiPunctuationAfterJapanese(ja("<p>次の状況では <a>250</a> を返します: コマンドは成功しました。</p>")))
                    .singleElement().asString().contains("':' after 'す'");
            assertThat(asciiPunctuationAfterJapanese(ja("<p>421 の詳しい説明: 接続</p><p>送信者, 受信者; 管理者</p>"))).hasSize(3);
            assertThat(asciiPunctuationAfterJapanese(ja("<p>返します:</p><p>詳しい説明:x</p><p>送信者,受信者;管理者</p>"))).hasSize(4);
            // Not Japanese text: code, English elements, a colon after a Latin character.
            assertThat(asciiPunctuationAfterJapanese(ja("<p><code>日本:</code> <span lang=\"en\">日本:</span> RFC 5321: 本文</p>"))).isEmpty();
            assertThat(asciiPunctuationAfterJapanese(List.of("「」:"))).hasSize(1);
        }

        @Test
        void breaksOfTheSpacingRuleAreFound() {
            assertThat(spacingProblems(ja("<p>影響範囲は宛先 1 件です。<a>421</a>「サービス利用不可」と 552 の違い（RFC 5321 §4.2）。</p>"
                    + "<p>HELO・EHLO 以外</p>"))).isEmpty();
            assertThat(spacingProblems(ja("<p>影響するのは1 件の受信者</p>"))).singleElement().asString().contains("'は' and '1'");
            assertThat(spacingProblems(ja("<p>クライアントはHELO を送る</p><p>base64エンコード</p>"))).hasSize(2);
            assertThat(spacingProblems(ja("<p>です。 次に</p><p>421 「タイトル」</p><p>応答 です</p>"))).hasSize(3);
            // Across inline elements, as a browser joins them; not across code or English.
            assertThat(spacingProblems(ja("<p>コマンドは<a href=\"#\">HELO</a></p>"))).hasSize(1);
            assertThat(spacingProblems(ja("<p>コマンドは<code>HELO</code>、<span lang=\"en\">Hello</span>です</p>"))).isEmpty();
        }

        @Test
        void glossaryVariantsAreFound() {
            var glossary = dev.versus.validate.Glossary.finder(Path.of("."), "ja");
            assertThat(glossaryProblems(ja("<p>送信者に返します。宛先 1 件。受信者 2 人。</p>"), glossary)).isEmpty();
            assertThat(glossaryProblems(ja("<p>差出人に差し戻します。</p><p>1 件の受信者</p>"), glossary)).hasSize(3);
            assertThat(glossaryProblems(ja("<p>差出人（From）</p>"), glossary)).isEmpty();
            // A code and its title are not a count; a count is.
            assertThat(glossaryProblems(ja("<h3>X.5.3 受信者数の超過</h3><p>452 受信者数の超過</p>"), glossary)).isEmpty();
            assertThat(glossaryProblems(ja("<p>最大 20 受信者まで</p>"), glossary)).hasSize(1);
        }

        static final List<Summary> SUMMARIES = List.of(new Summary("421", "The server is closing the connection.",
                "The server is closing the connection.", List.of("Service Not Available")),
                new Summary("552", "The message is too large.", "The message is too large.", List.of("Exceeded Storage Allocation")));

        static Document intro(String intro, String description) {
            return Jsoup.parse("<html><head><meta name=\"description\" content=\"" + description + "\"></head><body><p class=\"intro\">"
                    + intro + "</p></body></html>");
        }

        @Test
        void aSummaryWithoutItsCodeIsFound() {
            String good = "In SMTP, <a>421</a> (Service Not Available) means: The server is closing the connection. "
                    + "<a>552</a> (Exceeded Storage Allocation) means: The message is too large.";
            assertThat(unattributedSummaries(intro(good, Jsoup.parse(good).text()), SUMMARIES)).isEmpty();
            // Both pasted after the class sentence: the seed's intro.
            String pasted = "421 is a temporary failure, while 552 is a permanent failure. The server is closing the connection."
                    + " The message is too large.";
            assertThat(unattributedSummaries(intro(pasted, "x"), SUMMARIES)).singleElement().asString()
                    .contains("summary of 421 after 552");
            assertThat(unattributedSummaries(intro("The message is too large.", pasted), SUMMARIES)).hasSize(2);
            // A summary that leaves both to the sections is fine; so is a mention of 4.2.2, not 421.
            assertThat(unattributedSummaries(intro("421 closes the session; 552 refuses one message.", ""), SUMMARIES)).isEmpty();
            // A title that names the other code is not a mention of it (X.6.10, "Deprecated Duplicate of X.6.8").
            List<Summary> duplicate = List.of(new Summary("X.6.8", "A.", "A.", List.of("UTF-8 Not Allowed")),
                    new Summary("X.6.10", "Duplicates X.6.8.", "Duplicates X.6.8.", List.of("Deprecated Duplicate of X.6.8")));
            assertThat(unattributedSummaries(intro("X.6.8 (UTF-8 Not Allowed) means: A. X.6.10 (Deprecated Duplicate of X.6.8)"
                    + " means: Duplicates X.6.8.", ""), duplicate)).isEmpty();
            assertThat(unattributedSummaries(intro("X.6.10 (Deprecated Duplicate of X.6.8) and X.6.8: Duplicates X.6.8.", ""), duplicate))
                    .hasSize(1);
            assertThat(lastMention("see 4.2.1 and 421 then", "421", 22)).isEqualTo(14);
            assertThat(lastMention("X.1.10 then", "X.1.1", 11)).isEqualTo(-1);
        }

        @Test
        void aSummarySaidTwiceIsFound() {
            String intro = "<p class=\"intro\">421 (Service Not Available) means that the server is closing the connection.</p>";
            String twice = "<section><h2 id=\"differences\">Key differences</h2><ol class=\"differences\"><li>421: the server is"
                    + " closing the connection.</li></ol></section>";
            assertThat(summariesSaidTwice(Jsoup.parse(intro + twice), SUMMARIES)).singleElement().asString().contains("summary of 421");
            String once = "<section><h2 id=\"differences\">Key differences</h2><ol class=\"differences\"><li>421 is a temporary"
                    + " failure.</li></ol><aside class=\"expert-note\">421 means the server is closing the connection.</aside></section>";
            assertThat(summariesSaidTwice(Jsoup.parse(intro + once), SUMMARIES)).isEmpty();
        }

        @Test
        void aSummaryUsedAsASituationIsFound() {
            String page = "<section><h2 id=\"choose\">Which to use when</h2><ul><li>Reply 421 for this situation: "
                    + "The server is closing the connection.</li></ul></section>";
            assertThat(summariesAsSituations(Jsoup.parse(page), SUMMARIES)).singleElement().asString().contains("summary of 421");
            assertThat(summariesAsSituations(Jsoup.parse(page.replace("The server is closing the connection.",
                    "Send 421 when the server must close the session.")), SUMMARIES)).isEmpty();
        }

        @Test
        void fieldNamesInTheTextAreFound() {
            Set<String> names = Set.of("commands", "travelsWith", "summary");
            // The seed's 421 note: 「`commands` には接続開始時を含めていますが」.
            assertThat(fieldNames(Jsoup.parse("<p><code>commands</code> には接続開始時を含めています</p>"), names))
                    .singleElement().asString().contains("<code>commands</code>");
            assertThat(fieldNames(Jsoup.parse("<p>See travelsWith.</p><p><code>summary</code></p>"), names)).hasSize(2);
            // The English word, and a field name inside a longer code, are not the data model.
            assertThat(fieldNames(Jsoup.parse("<p>503 bad sequence of commands; <code>summary=yes</code></p>"), names)).isEmpty();
        }

        @Test
        void wordsRepeatedInTheirOwnParenthesesAreFound() {
            assertThat(repeatedInParentheses(List.of("RFC 5321 §4.1.1.4 DATA (DATA)"))).singleElement().asString()
                    .contains("DATA (DATA)");
            assertThat(repeatedInParentheses(List.of("HELP（HELP）と QUIT (QUIT)"))).hasSize(2);
            assertThat(repeatedInParentheses(List.of("RFC 5321 §4.1.1.4 DATA", "Extended HELLO (EHLO)", "DATA (BDAT)",
                    "MAIL（MAIL FROM）"))).isEmpty();
        }

        @Test
        void pointersToTheNotesInTheWrongDirectionAreFound() {
            String notes = "<aside class=\"notes\"><p>RFC 821</p></aside>";
            // The seed's 552: the notes in Description, the pointer in Typical situations, below them.
            assertThat(notesDirection(Jsoup.parse(notes + "<li>552 を返している（下の注記を参照）。</li>")))
                    .singleElement().asString().contains("below");
            assertThat(notesDirection(Jsoup.parse(notes + "<li>see the notes below.</li><li>see the note above.</li>"))).hasSize(1);
            assertThat(notesDirection(Jsoup.parse("<li>上の注記を参照</li>" + notes))).hasSize(1);
            assertThat(notesDirection(Jsoup.parse("<li>下の注記を参照</li>" + notes + "<li>（「規格上の注意点」を参照）</li>")))
                    .isEmpty();
        }

        @Test
        void dochiramoInConsecutiveSentencesIsFound() {
            assertThat(repeatedBoth(List.of("どちらも成功応答です。対処するのはどちらも送信者です。"))).hasSize(1);
            assertThat(repeatedBoth(List.of("どちらも成功応答です。対象は共通で、認証です。どちらも AUTH への応答で使われます。",
                    "どちらも成功応答です。", "どちらも RCPT への応答で使われます。"))).isEmpty();
        }

        @Test
        void listsJoinedToTheNextClauseAreFound() {
            assertThat(listJoins(List.of("X.7.1 は主に基本応答コード 451、454、502、503、ほか 2 件と、X.7.30 は主に 550 と一緒に送られます。")))
                    .hasSize(2);
            assertThat(listJoins(List.of("253 は主に拡張ステータスコード X.5.0 と、530 は主に X.5.1 と X.7.0 と一緒に送られます。")))
                    .singleElement().asString().contains("と、");
            assertThat(listJoins(List.of("253 と一緒に送られることが多い拡張ステータスコードは X.5.0 です。530 では X.5.1 と X.7.0 です。",
                    "451、454、502、503 ほか 2 件です。", "421 は、TLS と、AUTH の両方を使います。"))).isEmpty();
        }

        @Test
        void aHeadingAboutOneCodeIsFound() {
            assertThat(oneCodeHeadings(Jsoup.parse("<h2>このコードが表示される場合</h2><nav class=\"toc\"><a>このコードが表示される場合</a></nav>")))
                    .hasSize(2);
            assertThat(oneCodeHeadings(Jsoup.parse("<h2>表示される状況</h2><p>このコードは…</p>"))).isEmpty();
            assertThat(oneCodeHeadings(Jsoup.parse("<h2>When you see this code</h2>"))).hasSize(1);
            assertThat(oneCodeHeadings(Jsoup.parse("<h2>Typical situations</h2><p>This code is…</p>"))).isEmpty();
        }

        @Test
        void codeFilesAreTheYamlFilesWithoutLocaleSuffix(@TempDir Path dir) throws IOException {
            for (String f : List.of("_family.yaml", "_family.ja.yaml", "421.yaml", "421.ja.yaml", "X.1.10.yaml", "X.1.10.ja.yaml")) {
                Files.writeString(dir.resolve(f), "");
            }
            assertThat(codeIds(dir, List.of("en", "ja"))).containsExactly("421", "X.1.10");
        }
    }
}
