package dev.versus.render.views;

import dev.versus.compare.Comparison;
import dev.versus.compare.Comparison.Arg;
import dev.versus.compare.Comparison.CodeArg;
import dev.versus.compare.Comparison.FamilyArg;
import dev.versus.compare.Comparison.RefsArg;
import dev.versus.compare.Comparison.SentenceArg;
import dev.versus.compare.Comparison.Row;
import dev.versus.compare.Comparison.Statement;
import dev.versus.compare.Comparison.SummaryArg;
import dev.versus.compare.Comparison.TitleArg;
import dev.versus.compare.Comparison.ValuesArg;
import dev.versus.model.Code;
import dev.versus.model.CodeRef;
import dev.versus.model.CodeSet;
import dev.versus.model.CodeText;
import dev.versus.model.Fact;
import dev.versus.model.FactPatterns;
import dev.versus.model.FactText;
import dev.versus.model.Family;
import dev.versus.model.LabelKey;
import dev.versus.model.Labels;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.render.prose.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Writes a {@link Comparison} in one locale, as HTML (and the meta description as plain text):
 * the one place where the engine's language-neutral statements become words. Patterns come from
 * the fact ({@code _family.<locale>.yaml}), the family's own {@code patterns} or
 * {@code locales/<locale>.yaml}, in that order; they are filled by {@link Labels#fill}, the
 * filler labels use too. One instance serves every page of a family in a locale; thread-safe.
 */
public final class PairSentences {
    static final int MAX_LISTED = 4;
    /** The longest page title written with the codes' titles; a longer one is pattern.pageTitleShort. */
    static final int MAX_TITLE = 70;

    /** Split patterns by pattern text, escaped for HTML: a few hundred, filled thousands of times. */
    private final Map<String, List<String>> compiled = new ConcurrentHashMap<>();
    /** Language → text → HTML, for titles and summaries that recur on every page of their code. */
    private final Map<String, Map<String, String>> sentences = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> inlined = new ConcurrentHashMap<>();
    /** A code's anchor by its reference: every page asks for several (a code of another family too). */
    private final Map<CodeRef, String> anchors = new ConcurrentHashMap<>();
    private final java.util.function.Function<CodeRef, String> makeAnchor;
    /** Code id → its {@code use} text as a sentence with its own mention linked: the same on every page of the code. */
    private final Map<String, String> uses = new ConcurrentHashMap<>();
    /**
     * The HTML of a fact's values, of a list of codes and of a table cell, by what they are made
     * of: a code's values recur on every page of the code (about 125 per locale on the
     * repository's site), and writing them (forms, groups, joins, links) was a fifth of a page's
     * sentences.
     */
    private final Map<ValuesKey, String> valueLists = new ConcurrentHashMap<>();
    private final Map<RefsKey, String> refLists = new ConcurrentHashMap<>();
    private final Map<CellKey, Cell> cells = new ConcurrentHashMap<>();
    /** Numbers the cells as they are written, for the rows' {@code <@cached>} keys. */
    private final java.util.concurrent.atomic.AtomicInteger cellCount = new java.util.concurrent.atomic.AtomicInteger();
    /** The rows' keys by their cells' numbers and whether they differ (see {@link #rowKey}). */
    private final Map<Long, String> rowKeys = new ConcurrentHashMap<>();

    private final Site site;
    private final Family family;
    private final String locale;
    private final Labels labels;
    private final BiFunction<String, String, String> codeAnchor;
    private final Memo memo;

    /** @param codeAnchor the HTML anchor for a code of a family, as seen from a comparison page */
    public PairSentences(Site site, Family family, String locale, BiFunction<String, String, String> codeAnchor) {
        this(site, family, locale, codeAnchor, new Memo());
    }

    PairSentences(Site site, Family family, String locale, BiFunction<String, String, String> codeAnchor, Memo memo) {
        this.memo = memo;
        this.site = site;
        this.family = family;
        this.locale = locale;
        this.labels = site.labels(locale);
        this.codeAnchor = codeAnchor;
        this.makeAnchor = r -> codeAnchor.apply(r.family(), r.code());
    }

    public PairProse write(Comparison c) {
        Code a = c.pair().a();
        Code b = c.pair().b();
        Map<String, Arg> both = new LinkedHashMap<>();
        both.put("family", new FamilyArg(family.id()));
        both.put("a", new CodeArg(a));
        both.put("aTitle", new TitleArg(a));
        both.put("aSummary", new SummaryArg(a));
        both.put("b", new CodeArg(b));
        both.put("bTitle", new TitleArg(b));
        both.put("bSummary", new SummaryArg(b));
        both.put("aSummaryClause", new SummaryArg(a, true));
        both.put("bSummaryClause", new SummaryArg(b, true));
        List<String> differences = new ArrayList<>();
        List<String> differenceFacts = new ArrayList<>();
        for (Statement s : c.differences()) {
            differences.add(html(s.fact(), s.pattern(), s.args()));
            differenceFacts.add(s.fact() == null ? "" : s.fact().id());
        }
        // The first key difference, for the meta description: what a search result should say.
        both.put("difference", new SentenceArg(differences.isEmpty()
                ? plain(pattern(LabelKey.PATTERN_DIFF_NONE), LabelKey.PATTERN_DIFF_NONE.key(), both)
                : text(differences.get(0))));

        String title = plain(LabelKey.PATTERN_PAGE_TITLE, both);
        // A title a search result shows whole; the intro below it names both titles anyway.
        if (title.length() > MAX_TITLE) title = plain(LabelKey.PATTERN_PAGE_TITLE_SHORT, both);
        // The intro says what each code means, attributed to it; Key differences then says what the
        // facts add. With no fact differing, the meanings are the difference: they go to Key
        // differences, and the intro says only that the facts agree (a page says each summary once).
        String intro = html(c.differences().isEmpty() ? LabelKey.PATTERN_INTRO_SAME : LabelKey.PATTERN_INTRO, both);
        String description = plain(LabelKey.PATTERN_DESCRIPTION, both);

        List<PairProse.GlanceRow> rows = new ArrayList<>();
        for (Row r : c.glance()) {
            FactText t = r.fact().text(locale);
            Cell ca = cell(r.fact(), r.a(), r.aSets());
            Cell cb = cell(r.fact(), r.b(), r.bSets());
            rows.add(new PairProse.GlanceRow(r.fact().id(), inline(t.label()), ca.html(), cb.html(), r.differs(),
                    ca.values(), cb.values(), rowKey(r.fact(), r.differs(), ca, cb)));
        }
        PairProse.Glance glance = new PairProse.Glance(plain(LabelKey.PATTERN_GLANCE_CAPTION, both), code(a), code(b), rows);

        String shared = null;
        if (!c.shared().isEmpty()) {
            List<String> clauses = c.shared().stream().map(s -> html(s.fact(), s.pattern(), s.args())).toList();
            shared = fillHtml(LabelKey.PATTERN_SHARED, Map.of("clauses", join(clauses, CLAUSES)));
        }
        String sharedFacts = String.join(" ", c.shared().stream().filter(s -> s.fact() != null).map(s -> s.fact().id()).toList());
        if (differences.isEmpty()) {
            for (Code x : List.of(a, b)) {
                differences.add(html(LabelKey.PATTERN_DIFF_MEANING, Map.of("code", new CodeArg(x), "title", new TitleArg(x),
                        "summary", new SummaryArg(x, true))));
                differenceFacts.add("");
            }
        }
        List<String> server = new ArrayList<>();
        // Each code's own advice on when to send it (its `use` field), then what its facts say.
        CodeText ta = a.text(locale);
        CodeText tb = b.text(locale);
        if (ta.use() != null) server.add(use(a, ta.use()));
        if (tb.use() != null) server.add(use(b, tb.use()));
        for (Statement s : c.forServer()) server.add(html(s.fact(), s.pattern(), s.args()));
        if (server.isEmpty()) server.add(html(LabelKey.PATTERN_CHOOSE_SERVER_SAME, both));
        List<String> sender = new ArrayList<>();
        for (Statement s : c.forReceiver()) sender.add(html(s.fact(), s.pattern(), s.args()));
        if (sender.isEmpty()) sender.add(html(LabelKey.PATTERN_CHOOSE_SENDER_NONE, both));
        return new PairProse(title, intro, description, glance, shared, differences, server, sender, sharedFacts,
                differenceFacts);
    }

    /**
     * A table cell as written once for every page of its code: its HTML, its values' ids for
     * {@code data-values}, and its number among the cells of this locale and family.
     */
    private record Cell(String html, String values, int number) {}

    /** A table cell: the values' plain names as a list, or the locale's mark for "none". */
    private Cell cell(Fact fact, List<String> values, Map<String, List<String>> bySets) {
        CellKey key = new CellKey(fact.id(), values, bySets);
        Cell cell = memo.hit(cells, key);
        return cell != null ? cell : memo.get(cells, key,
                k -> new Cell(writeCell(fact, values, bySets), String.join(" ", values), cellCount.incrementAndGet()));
    }

    /**
     * The {@code <@cached>} key of a table row: a row is its fact's label and its two cells, and
     * the same row recurs on many pages (a fact has a few values). A cell's number stands for
     * everything its {@link CellKey} names; the locale and family for the label and the patterns.
     * With the memo off, every cell is new, and so is every key. Each key is made once and then
     * found by its cells' numbers: the same string on every page is hashed once, and the
     * directive's lookup finds it by identity.
     */
    private String rowKey(Fact fact, boolean differs, Cell a, Cell b) {
        // A cell's number names its fact too (cells are numbered across the facts of this writer).
        Long numbers = ((long) a.number() << 32) | ((long) b.number() << 1) | (differs ? 1 : 0);
        String key = memo.hit(rowKeys, numbers);
        return key != null ? key : memo.get(rowKeys, numbers, n -> locale + ' ' + family.id() + ' ' + fact.id()
                + (differs ? " differs " : " same ") + a.number() + ' ' + b.number());
    }

    private String writeCell(Fact fact, List<String> values, Map<String, List<String>> bySets) {
        if (bySets.isEmpty()) return cell(fact, values);
        // The code's own pairings, then, labelled apart, those it has only as a code of its class.
        List<String> parts = new ArrayList<>();
        if (!values.isEmpty()) parts.add(cell(fact, values));
        FactText t = fact.text(locale);
        for (var e : bySets.entrySet()) {
            String form = values.isEmpty() && parts.isEmpty() ? CodeSet.HELD_ALONE : FactText.VALUE;
            Text label = e.getKey().equals(CodeSet.ANY) && t.form(CodeSet.HELD, CodeSet.ANY) != null
                    ? t.form(CodeSet.HELD, CodeSet.ANY) : t.form(CodeSet.HELD, form);
            String codes = join(refItems(fact, toRefs(e.getValue()), FactText.VALUE, true), LIST);
            parts.add("<span class=\"by-sets\">" + escape(label.value()).replace("{" + CodeSet.CLASS_PLACEHOLDER + "}", escape(CodeSet.shown(e.getKey())))
                    .replace("{" + CodeSet.CODES_PLACEHOLDER + "}", codes) + "</span>");
        }
        return String.join("<br>", parts);
    }

    private String cell(Fact fact, List<String> values) {
        if (values.isEmpty()) return escape(labels.get(LabelKey.GLANCE_NONE));
        // Every code: the sentences name the first few (a code's most common pairings lead its
        // list), the table holds them all, so nothing a reader looks for is cut off.
        if (fact.kind() == Fact.Kind.CODES) {
            return join(refItems(fact, toRefs(values), FactText.VALUE, true), LIST);
        }
        if (values.size() == 1) return valueList(fact, values, FactText.VALUE);
        // Several values, one per line: a list reads better than a sentence in a narrow cell.
        StringBuilder out = new StringBuilder("<ul class=\"values\">");
        for (String v : values) out.append("<li>").append(valueList(fact, List.of(v), FactText.VALUE)).append("</li>");
        return out.append("</ul>").toString();
    }

    // ---- patterns

    /** The locale's pattern {@code key}, or the family's own under the same name. */
    private String pattern(LabelKey key) {
        Text own = family.pattern(locale, key.patternName());
        return own != null ? own.value() : labels.get(key);
    }

    /** A statement of the engine: pattern {@code name} of its fact. */
    private String html(Fact fact, String name, Map<String, Arg> args) {
        return html(fact.text(locale).pattern(name).value(), "facts." + fact.id() + ".patterns." + name, args);
    }

    private String html(LabelKey key, Map<String, Arg> args) {
        return html(pattern(key), key.key(), args);
    }

    private String html(String pattern, String key, Map<String, Arg> args) {
        List<String> segments = memo.get(compiled, pattern, p -> Labels.segments(escape(p)));
        return Labels.fill(segments, new ArgumentsHtml(args), true, key, locale);
    }

    /**
     * The HTML of a pattern's arguments by placeholder name, each written once however often the
     * pattern uses it. A class rather than lambdas: see {@link Memo#hit}; a sentence used to make
     * one for the pattern and one more for each of its placeholders.
     */
    private final class ArgumentsHtml implements java.util.function.Function<String, String> {
        private final Map<String, Arg> args;
        private final Map<String, String> written = new java.util.HashMap<>(8);

        ArgumentsHtml(Map<String, Arg> args) {
            this.args = args;
        }

        @Override
        public String apply(String name) {
            String html = written.get(name);
            if (html != null) return html;
            Arg arg = args.get(name);
            if (arg == null) return null;
            html = html(arg);
            written.put(name, html);
            return html;
        }
    }

    private String fillHtml(Fact fact, String name, Map<String, String> html) {
        List<String> segments = memo.get(compiled, fact.text(locale).pattern(name).value(), p -> Labels.segments(escape(p)));
        return Labels.fill(segments, html::get, true, "facts." + fact.id() + ".patterns." + name, locale);
    }

    private String fillHtml(LabelKey key, Map<String, String> html) {
        List<String> segments = memo.get(compiled, pattern(key), p -> Labels.segments(escape(p)));
        return Labels.fill(segments, html::get, true, key.key(), locale);
    }

    private String plain(LabelKey key, Map<String, Arg> args) {
        return plain(pattern(key), key.key(), args);
    }

    private String plain(String pattern, String key, Map<String, Arg> args) {
        return Labels.fill(Labels.segments(pattern), n -> {
            Arg arg = args.get(n);
            return arg == null ? null : plain(arg);
        }, false, key, locale);
    }

    // ---- arguments

    private String html(Arg arg) {
        if (arg instanceof CodeArg c) return code(c.code());
        if (arg instanceof Comparison.CodesArg c) return join(c.codes().stream().map(this::code).toList(), LIST_OR);
        if (arg instanceof TitleArg t) return inline(t.code().text(locale).title());
        if (arg instanceof SummaryArg s) {
            return s.clause() ? clause(s.code().text(locale).summary()) : sentence(s.code().text(locale).summary());
        }
        if (arg instanceof FamilyArg f) return escape(site.family(f.family()).name(locale));
        if (arg instanceof SentenceArg t) return escape(t.text());
        if (arg instanceof ValuesArg v) {
            ValuesKey key = new ValuesKey(v.fact().id(), v.values(), v.form(), v.other());
            String html = memo.hit(valueLists, key);
            return html != null ? html : memo.get(valueLists, key, k -> sentenceList(v));
        }
        RefsArg r = (RefsArg) arg;
        RefsKey key = new RefsKey(r.fact().id(), r.refs());
        String html = memo.hit(refLists, key);
        return html != null ? html : memo.get(refLists, key, k -> refs(r.fact(), r.refs()));
    }

    // The keys of the tables above: the writer's family and locale are fixed, so a fact is its id.
    // equals and hashCode written out, as Memo.CodeKey's: the generated ones run through method
    // handles, several times slower under the launcher's C1-only JIT.

    /** A {@link ValuesArg}'s content. */
    private record ValuesKey(String fact, List<String> values, String form, java.util.Set<String> other) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ValuesKey k && fact.equals(k.fact) && values.equals(k.values) && form.equals(k.form)
                    && other.equals(k.other);
        }

        @Override
        public int hashCode() {
            return ((31 * fact.hashCode() + values.hashCode()) * 31 + form.hashCode()) * 31 + other.hashCode();
        }
    }

    /** A {@link RefsArg}'s content. */
    private record RefsKey(String fact, List<CodeRef> refs) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RefsKey k && fact.equals(k.fact) && refs.equals(k.refs);
        }

        @Override
        public int hashCode() {
            return 31 * fact.hashCode() + refs.hashCode();
        }
    }

    /** What a table cell shows: a fact's values for one code, and the codes it has through its sets. */
    private record CellKey(String fact, List<String> values, Map<String, List<String>> bySets) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CellKey k && fact.equals(k.fact) && values.equals(k.values) && bySets.equals(k.bySets);
        }

        @Override
        public int hashCode() {
            return (31 * fact.hashCode() + values.hashCode()) * 31 + bySets.hashCode();
        }
    }

    private String plain(Arg arg) {
        if (arg instanceof CodeArg c) return c.code().id();
        if (arg instanceof Comparison.CodesArg c) return join(c.codes().stream().map(Code::id).toList(), LIST_OR);
        if (arg instanceof TitleArg t) return t.code().text(locale).title().value();
        if (arg instanceof SummaryArg s) {
            String v = asSentence(s.code().text(locale).summary().value());
            return s.clause() ? asClause(v) : v;
        }
        if (arg instanceof FamilyArg f) return site.family(f.family()).name(locale);
        if (arg instanceof SentenceArg t) return t.text();
        if (arg instanceof ValuesArg v) {
            return join(v.values().stream().map(x -> v.fact().kind() == Fact.Kind.NUMBER ? x
                    : form(v, x).value()).toList(), v.fact().alternatives() ? LIST_OR : LIST);
        }
        RefsArg r = (RefsArg) arg;
        return join(refItems(r.fact(), r.refs(), SET_PHRASE, false), LIST);
    }

    /**
     * Values in a sentence: those the fact's {@code group.<form>} pattern can say together first
     * grouped into one item ("in reply to MAIL or RCPT", 「MAIL・RCPT への応答」: all of them, each a
     * word), then at most {@link #MAX_LISTED} items and "N more" (the table lists them all).
     */
    private String sentenceList(ValuesArg v) {
        FactText t = v.fact().text(locale);
        Text group = v.fact().kind() == Fact.Kind.NUMBER ? null : t.pattern(FactPatterns.Name.GROUP.forValue(v.form()));
        List<String> items = new ArrayList<>();
        List<String> grouped = new ArrayList<>();
        String first = null;
        int groupAt = -1;
        for (String x : v.values()) {
            if (v.fact().kind() == Fact.Kind.NUMBER) {
                items.add(escape(x));
            } else if (v.other().contains(x)) {
                // The rest of what it covers ("any other command"): an item of its own.
                items.add(inline(form(v, x)));
            } else if (group != null && readsAsGroup(group, t, x, v.form())) {
                // The group stands where its last member would: "after the message data and in reply
                // to DATA, BDAT, or any command", not "in reply to DATA, BDAT, or any command and after …".
                if (groupAt >= 0) items.remove(groupAt);
                groupAt = items.size();
                items.add(null);
                if (first == null) first = x;
                grouped.add(inline(asClauseText(t.form(x, FactText.VALUE))));
            } else {
                items.add(inline(t.form(x, v.form())));
            }
        }
        if (groupAt >= 0) {
            items.set(groupAt, grouped.size() == 1 ? inline(t.form(first, v.form()))
                    : fillHtml(v.fact(), FactPatterns.Name.GROUP.forValue(v.form()), Map.of("items", join(grouped, GROUP))));
        }
        return join(limited(items), v.fact().alternatives() ? LIST_OR : LIST);
    }

    /** Value {@code x} of {@code v} in its form: of the rest of what it covers where {@code v} says so. */
    private Text form(ValuesArg v, String x) {
        FactText t = v.fact().text(locale);
        return v.other().contains(x) ? t.other(x, v.form()) : t.form(x, v.form());
    }

    /** At most {@link #MAX_LISTED} items, then "N more". */
    private List<String> limited(List<String> items) {
        if (items.size() <= MAX_LISTED + 1) return items;
        List<String> out = new ArrayList<>(items.subList(0, MAX_LISTED));
        out.add(fillHtml(LabelKey.PATTERN_MORE, Map.of("count", String.valueOf(items.size() - MAX_LISTED))));
        return out;
    }

    /** The form of {@code value} is the group pattern around its plain name ("in reply to MAIL" for MAIL). */
    private boolean readsAsGroup(Text group, FactText t, String value, String form) {
        Text plain = t.form(value, FactText.VALUE);
        Text written = t.form(value, form);
        // A value whose name is itself a list ("any command other than HELO or EHLO", 「HELO・EHLO
        // 以外の任意のコマンド」) stays an item of its own: joined with others by the group's own
        // separator it would read as more items of that list (「AUTH・HELO・EHLO 以外」).
        if (plain != null && containsGroupJoin(plain.value())) return false;
        return plain != null && written != null && written.value().equals(Labels.fill(Labels.segments(group.value()),
                n -> n.equals("items") ? asClause(plain.value()) : null, false, "group." + form, locale));
    }

    /** Whether {@code name} contains a join of the locale's group patterns (", ", " or ", 「・」). */
    private boolean containsGroupJoin(String name) {
        for (String join : groupJoins()) if (!join.isBlank() && name.contains(join)) return true;
        return false;
    }

    private List<String> groupJoins() {
        List<String> out = new ArrayList<>();
        out.add(labels.get(LabelKey.PATTERN_GROUP_SEPARATOR));
        out.add(between(labels.get(LabelKey.PATTERN_GROUP2), "{first}", "{second}"));
        out.add(between(labels.get(LabelKey.PATTERN_GROUP_MORE), "{items}", "{last}"));
        return out;
    }

    private static String between(String pattern, String from, String to) {
        int i = pattern.indexOf(from);
        int j = pattern.indexOf(to);
        return i < 0 || j < i ? "" : pattern.substring(i + from.length(), j);
    }

    /** A value's plain name inside a sentence: "any command" for "Any command", "MAIL" for "MAIL". */
    private static Text asClauseText(Text t) {
        return new Text(asClause(t.value()), t.lang());
    }

    private String valueList(Fact fact, List<String> values, String form) {
        FactText t = fact.text(locale);
        // A number is its own name.
        return join(values.stream().map(v -> fact.kind() == Fact.Kind.NUMBER ? escape(v) : inline(t.form(v, form))).toList(), LIST);
    }

    /**
     * Links the first mention of {@code c} in escaped text: its id, or for an id with an {@code X}
     * class (X.2.2) the same detail under a concrete class (4.2.2, 5.2.2).
     */
    /** A code's {@code use} text, made once per code (a family's writer serves every page of it). */
    private String use(Code c, Text use) {
        String html = memo.hit(uses, c.id());
        return html != null ? html : memo.get(uses, c.id(), id -> linkMention(sentence(use), c));
    }

    private String linkMention(String html, Code c) {
        String id = c.id();
        String mention = id.startsWith("X.") ? "[245X]" + java.util.regex.Pattern.quote(id.substring(1))
                : java.util.regex.Pattern.quote(id);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w.])" + mention + "(?![\\w]|\\.\\d)").matcher(html);
        if (!m.find()) return html;
        String anchor = code(c);
        String linked = anchor.replace(">" + id + "<", ">" + m.group() + "<");
        return html.substring(0, m.start()) + linked + html.substring(m.end());
    }

    private String code(Code c) {
        return anchor(c.family(), c.id());
    }

    /** A code's anchor; every page of the family asks for the same few hundred, so each is made once. */
    private String anchor(String fam, String id) {
        return memo.get(anchors, new CodeRef(fam, id), makeAnchor);
    }

    /**
     * At most {@link #MAX_LISTED} codes, then "N more": a sentence, not a catalogue. One code more
     * is listed rather than counted ("and 1 more" / 「ほか 1 件」 is no shorter than the code), as in
     * {@link #limited}.
     */
    private String refs(Fact fact, List<CodeRef> refs) {
        List<String> all = refItems(fact, refs, SET_PHRASE, true);
        int shown = all.size() <= MAX_LISTED + 1 ? all.size() : MAX_LISTED;
        List<String> items = new ArrayList<>(all.subList(0, shown));
        if (all.size() > shown) {
            items.add(fillHtml(LabelKey.PATTERN_MORE, Map.of("count", String.valueOf(all.size() - MAX_LISTED))));
        }
        return join(items, LIST);
    }

    /** The form of a set's name said in sentences ("5XX reply codes"), if the fact gives one; else its table name. */
    static final String SET_PHRASE = "phrase";

    /**
     * The items a codes fact's values are said as: each code a link (its id in plain text), a code
     * without a page by the fact's name for such a code, "any code" by the fact's name for it, and every class in one item, the fact's class name with the
     * classes as alternatives ("4XX or 5XX reply codes"), where the first class stood.
     */
    private List<String> refItems(Fact fact, List<CodeRef> refs, String form, boolean html) {
        List<String> out = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        int classAt = -1;
        for (CodeRef r : refs) {
            String value = r.family() + ":" + r.code();
            if (CodeSet.isUnlisted(value)) {
                // A code with no page: said, not linked, in the fact's words for it ("523, which no RFC defines").
                String name = setName(fact, CodeSet.UNLISTED, form);
                String code = CodeSet.unlistedCode(value);
                out.add(html ? escape(name).replace("{" + CodeSet.CODE_PLACEHOLDER + "}", escape(code))
                        : name.replace("{" + CodeSet.CODE_PLACEHOLDER + "}", code));
            } else if (!CodeSet.isSet(value)) {
                out.add(html ? anchor(r.family(), r.code()) : r.code());
            } else if (CodeSet.classOf(value) == null) {
                String name = setName(fact, CodeSet.ANY, form);
                out.add(html ? escape(name) : name);
            } else {
                if (classAt < 0) {
                    classAt = out.size();
                    out.add(null);
                }
                String shown = CodeSet.shown(CodeSet.classOf(value));
                classes.add(html ? escape(shown) : shown);
            }
        }
        if (classAt >= 0) {
            String name = setName(fact, CodeSet.CLASS, form);
            out.set(classAt, (html ? escape(name) : name).replace("{" + CodeSet.CLASS_PLACEHOLDER + "}", join(classes, LIST_OR)));
        }
        return out;
    }

    /** The fact's name for a set of codes ({@code any}, {@code class}) in {@code form}, or its plain name. */
    private String setName(Fact fact, String label, String form) {
        FactText t = fact.text(locale);
        Text name = t.form(label, form);
        return (name != null ? name : t.form(label, FactText.VALUE)).value();
    }

    private static List<CodeRef> toRefs(List<String> values) {
        return values.stream().map(v -> new CodeRef(v.substring(0, v.indexOf(':')), v.substring(v.indexOf(':') + 1))).toList();
    }

    /** The patterns that join items: two of them, more of them, and the separator among the first. */
    record Joiner(LabelKey two, LabelKey more, LabelKey separator) {}

    /** "A and B", "A, B, and C" / 「A、B、C」. */
    static final Joiner LIST = new Joiner(LabelKey.PATTERN_LIST2, LabelKey.PATTERN_LIST_MORE, LabelKey.PATTERN_LIST_SEPARATOR);
    /** Alternatives: "A or B" / 「A または B」. */
    static final Joiner LIST_OR = new Joiner(LabelKey.PATTERN_LIST_OR2, LabelKey.PATTERN_LIST_OR_MORE,
            LabelKey.PATTERN_LIST_OR_SEPARATOR);
    /** Values a fact's group pattern says together: "MAIL, RCPT, or DATA" / 「MAIL・RCPT・DATA」. */
    static final Joiner GROUP = new Joiner(LabelKey.PATTERN_GROUP2, LabelKey.PATTERN_GROUP_MORE,
            LabelKey.PATTERN_GROUP_SEPARATOR);
    /** Clauses, which a language may join differently: 「A で、B」. */
    static final Joiner CLAUSES = new Joiner(LabelKey.PATTERN_CLAUSES2, LabelKey.PATTERN_CLAUSES_MORE,
            LabelKey.PATTERN_CLAUSES_SEPARATOR);

    /**
     * Joins items the locale's way, as a list, as alternatives or as clauses, which a language
     * may join differently (Japanese makes each shared fact a sentence of its own).
     */
    String join(List<String> items, Joiner kind) {
        if (items.size() == 1) return items.get(0);
        if (items.size() == 2) return fillHtml(kind.two(), Map.of("first", items.get(0), "second", items.get(1)));
        String head = String.join(escape(labels.get(kind.separator())), items.subList(0, items.size() - 1));
        return fillHtml(kind.more(), Map.of("items", head, "last", items.get(items.size() - 1)));
    }

    private String inline(Text t) {
        Map<String, String> table = inlined.computeIfAbsent(t.lang(), l -> new ConcurrentHashMap<>());
        String html = memo.hit(table, t.value());
        return html != null ? html : memo.get(table, t.value(), v -> Html.inline(t, locale));
    }

    /** Author text used as a whole sentence: capitalized and ending in a full stop, whatever was written. */
    private String sentence(Text t) {
        Map<String, String> table = sentences.computeIfAbsent(t.lang(), l -> new ConcurrentHashMap<>());
        String html = memo.hit(table, t.value());
        return html != null ? html : memo.get(table, t.value(), v -> Html.inline(new Text(asSentence(v), t.lang()), locale));
    }

    /**
     * The text of generated HTML: tags ({@code <[^>]*>}) dropped, then the entities {@link Html#escape}
     * and the Markdown renderer write ({@code &(#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|nbsp);}) decoded.
     * Two loops rather than those two regular expressions: every page's meta description comes
     * through here, and the matchers cost more than the rest of the description.
     */
    static String text(String html) {
        StringBuilder t = new StringBuilder(html.length());
        for (int i = 0; i < html.length(); ) {
            int close = html.charAt(i) == '<' ? html.indexOf('>', i + 1) : -1;
            if (close >= 0) {
                i = close + 1;
            } else {
                t.append(html.charAt(i++));
            }
        }
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); ) {
            int semi = t.charAt(i) == '&' ? t.indexOf(";", i + 1) : -1;
            String decoded = semi > i + 1 ? entity(t.substring(i + 1, semi)) : null;
            if (decoded != null) {
                out.append(decoded);
                i = semi + 1;
            } else {
                out.append(t.charAt(i++));
            }
        }
        return out.toString();
    }

    /** What entity {@code name} (between "&" and ";") stands for, or null if it is none that {@link #text} decodes. */
    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "nbsp": return "\u00a0";
            default:
        }
        boolean hex = name.startsWith("#x");
        int from = hex ? 2 : 1;
        if (!name.startsWith("#") || name.length() == from) return null;
        for (int i = from; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!(digit || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'))) return null;
        }
        return new String(Character.toChars(Integer.parseInt(name.substring(from), hex ? 16 : 10)));
    }

    /** Author text that continues a sentence ("… means that the server …"): a sentence whose first word is not capitalized. */
    private String clause(Text t) {
        return memo.get(sentences.computeIfAbsent("clause:" + t.lang(), l -> new ConcurrentHashMap<>()), t.value(),
                v -> Html.inline(new Text(asClause(asSentence(v)), t.lang()), locale));
    }

    /**
     * A sentence made the rest of another: its first letter in lower case unless the first word
     * is an acronym or a name written in capitals (AUTH, IP). Scripts without case are unchanged.
     */
    static String asClause(String sentence) {
        if (sentence.length() < 2 || !Character.isUpperCase(sentence.charAt(0))) return sentence;
        char second = sentence.charAt(1);
        if (Character.isUpperCase(second) || Character.isDigit(second) || second == '.' || second == '-') return sentence;
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    static String asSentence(String text) {
        String s = collapseSpaces(text.strip());
        if (s.isEmpty()) return s;
        if (Character.isLowerCase(s.charAt(0))) s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        char last = s.charAt(s.length() - 1);
        if (".!?。！？".indexOf(last) < 0) s += Text.isWide(last) ? "。" : ".";
        return s;
    }

    /**
     * {@code s} with every run of white space ({@code \s+}: space, tab, line breaks, vertical tab,
     * form feed) made one space. A loop, not {@code replaceAll}: every page's meta description
     * makes two summaries sentences, and the regular expression was compiled for each.
     */
    static String collapseSpaces(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isRegexSpace(c)) {
                if (out != null) out.append(c);
                continue;
            }
            int end = i + 1;
            while (end < s.length() && isRegexSpace(s.charAt(end))) end++;
            if (out == null) {
                if (c == ' ' && end == i + 1) continue; // one plain space: nothing to change yet
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            out.append(' ');
            i = end - 1;
        }
        return out == null ? s : out.toString();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static String escape(String s) {
        return Html.escape(s);
    }

    /**
     * Joins sentences into one paragraph: a space after a Latin full stop, nothing after a
     * Japanese one (。), which needs no space in any language's typography.
     */
    public static String joinSentences(List<String> sentences) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (String s : sentences) {
            if (previous != null && !endsWithWideStop(previous)) out.append(' ');
            out.append(s);
            previous = s;
        }
        return out.toString();
    }

    private static boolean endsWithWideStop(String html) {
        char last = Labels.lastVisible(html);
        return last == '。' || last == '！' || last == '？' || last == '）';
    }
}
