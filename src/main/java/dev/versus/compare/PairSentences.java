package dev.versus.compare;

import dev.versus.compare.Comparison.CauseDiff;
import dev.versus.compare.Comparison.CommandsDiff;
import dev.versus.compare.Comparison.Difference;
import dev.versus.compare.Comparison.GroupDiff;
import dev.versus.compare.Comparison.LinksDiff;
import dev.versus.compare.Comparison.ScopeDiff;
import dev.versus.compare.Comparison.SeverityDiff;
import dev.versus.model.Code;
import dev.versus.model.CodeRef;
import dev.versus.model.CodeText;
import dev.versus.model.Family;
import dev.versus.model.Group;
import dev.versus.model.Labels;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.render.prose.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Writes a {@link Comparison} as sentences in one locale; one instance serves every page of a
 * family in that locale and is thread-safe. This is the one place that chooses
 * between sentence patterns (same class or not, which side has links, ...); the patterns
 * themselves live in {@code locales/<locale>.yaml}, so each language has its own word order.
 *
 * <p>Patterns are escaped first and then filled with values that are already HTML, so a code
 * becomes a link and a fragment without translation keeps its {@code lang}.
 */
public final class PairSentences {
    static final int MAX_LISTED = 4;

    private final Map<String, List<String>> compiled = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Language → text → HTML. Keyed by the two strings the HTML depends on, not by the Text
     * record: a record's generated hashCode and equals run through method handles, several
     * times slower under the launcher's C1-only JIT, and these are asked a dozen times a page.
     */
    private final Map<String, Map<String, String>> sentences = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> inlined = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> anchors = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<List<CodeRef>, String> refLists = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<List<String>, String> commandLists = new java.util.concurrent.ConcurrentHashMap<>();

    private final Site site;
    private final String locale;
    private final Labels labels;
    private final BiFunction<String, String, String> codeAnchor;

    /** @param codeAnchor the HTML anchor for a code of a family, as seen from a comparison page */
    public PairSentences(Site site, String locale, BiFunction<String, String, String> codeAnchor) {
        this.site = site;
        this.locale = locale;
        this.labels = site.labels(locale);
        this.codeAnchor = codeAnchor;
    }

    public PairProse write(Comparison c) {
        Family family = c.pair().family();
        Code a = c.pair().a();
        Code b = c.pair().b();
        Group ga = family.groupOf(a);
        Group gb = family.groupOf(b);
        CodeText ta = a.text(locale);
        CodeText tb = b.text(locale);
        String fam = Html.escape(family.name(locale));

        String title = labels.format("pattern.pageTitle", Map.of("family", family.name(locale), "a", a.id(),
                "aTitle", ta.title().value(), "b", b.id(), "bTitle", tb.title().value()));

        List<String> intro = new ArrayList<>();
        if (ga.severity() != null && gb.severity() != null && !ga.severity().equals(gb.severity())) {
            intro.add(fill("pattern.intro", "family", fam, "a", code(a), "aTitle", inline(ta.title()),
                    "aClass", label("severity." + ga.severity() + "A"), "b", code(b), "bTitle", inline(tb.title()),
                    "bClass", label("severity." + gb.severity() + "A")));
        } else if (ga.key().equals(gb.key()) && ga.severity() != null) {
            intro.add(fill("pattern.introSameClass", "family", fam, "a", code(a), "aTitle", inline(ta.title()),
                    "b", code(b), "bTitle", inline(tb.title()), "plural", label("severity." + ga.severity() + "Plural")));
        } else {
            intro.add(fill("pattern.introNoClass", "family", fam, "a", code(a), "aTitle", inline(ta.title()),
                    "aGroup", inline(ga.name(locale)), "b", code(b), "bTitle", inline(tb.title()),
                    "bGroup", inline(gb.name(locale))));
        }
        intro.add(sentence(ta.summary()));
        intro.add(sentence(tb.summary()));

        String shared = null;
        if (c.sameGroup() != null) {
            Group g = c.sameGroup();
            shared = g.severity() != null
                    ? fill("pattern.shared", "plural", label("severity." + g.severity() + "Plural"),
                    "effect", label("severity." + g.severity() + "Effect"))
                    : fill("pattern.sharedGroup", "group", inline(g.name(locale)));
        }

        List<String> differences = new ArrayList<>();
        for (Difference d : c.differences()) {
            differences.add(sentence(d, a, b, family));
        }
        if (differences.isEmpty()) {
            differences.add(fill("pattern.diffNone", "a", code(a), "b", code(b)));
        }

        List<String> server = new ArrayList<>();
        // Each code's own advice on when to send it (its `use` field); a summary says what a code
        // means, not when to send it, so a code without `use` gets no advice here.
        if (ta.use() != null) server.add(linkMention(sentence(ta.use()), a));
        if (tb.use() != null) server.add(linkMention(sentence(tb.use()), b));
        String sa = ga.severity();
        String sb = gb.severity();
        if ("transient".equals(sa) && "permanent".equals(sb)) {
            server.add(fill("pattern.chooseServerRetry", "transient", code(a), "permanent", code(b)));
        } else if ("permanent".equals(sa) && "transient".equals(sb)) {
            server.add(fill("pattern.chooseServerRetry", "transient", code(b), "permanent", code(a)));
        } else if (sa != null && sa.equals(sb) && !"success".equals(sa)) {
            server.add(escape(labels.get("pattern.chooseServerSame")));
        }
        // A group may have no severity (a family whose codes say nothing about retrying by their
        // class); only a code whose group has one gets that group's advice.
        List<String> sender = new java.util.ArrayList<>();
        if (sa == null && sb == null) sender.add(fill("pattern.chooseSenderNoClass", "a", code(a), "b", code(b)));
        if (sa != null) sender.add(fill("pattern.chooseSender." + sa, "code", code(a)));
        if (sb != null) sender.add(fill("pattern.chooseSender." + sb, "code", code(b)));
        return new PairProse(title, joinSentences(intro), shared, differences, server, sender);
    }

    private String sentence(Difference d, Code a, Code b, Family family) {
        if (d instanceof SeverityDiff s) {
            return fill("pattern.diffClass", "a", code(a), "b", code(b),
                    "aClass", label("severity." + s.a() + "A"), "bClass", label("severity." + s.b() + "A"),
                    "aEffect", label("severity." + s.a() + "Effect"), "bEffect", label("severity." + s.b() + "Effect"));
        }
        if (d instanceof GroupDiff g) {
            return fill("pattern.diffGroup", "a", code(a), "b", code(b),
                    "aGroup", inline(g.a().name(locale)), "bGroup", inline(g.b().name(locale)));
        }
        if (d instanceof ScopeDiff s) {
            return fill("pattern.diffScope", "a", code(a), "b", code(b),
                    "aScope", label("scope." + s.a()), "bScope", label("scope." + s.b()));
        }
        if (d instanceof CauseDiff s) {
            return fill("pattern.diffCause", "a", code(a), "b", code(b),
                    "aCause", label("cause." + s.a()), "bCause", label("cause." + s.b()));
        }
        if (d instanceof CommandsDiff cd) {
            Map<String, Text> names = family.commandLabels().get(locale);
            if (cd.shared().isEmpty()) {
                return fill("pattern.diffCommands", "a", code(a), "b", code(b),
                        "aCommands", commands(cd.a(), names), "bCommands", commands(cd.b(), names));
            }
            if (cd.aOnly().isEmpty()) {
                return fill("pattern.diffCommandsShared", "a", code(b), "shared", commands(cd.shared(), names),
                        "aOnly", commands(cd.bOnly(), names));
            }
            if (cd.bOnly().isEmpty()) {
                return fill("pattern.diffCommandsShared", "a", code(a), "shared", commands(cd.shared(), names),
                        "aOnly", commands(cd.aOnly(), names));
            }
            return fill("pattern.diffCommandsSharedBoth", "a", code(a), "b", code(b),
                    "shared", commands(cd.shared(), names), "aOnly", commands(cd.aOnly(), names),
                    "bOnly", commands(cd.bOnly(), names));
        }
        LinksDiff l = (LinksDiff) d;
        String otherFamily = Html.escape(site.family(l.family()).name(locale));
        if (l.a().isEmpty() || l.b().isEmpty()) {
            boolean aHas = !l.a().isEmpty();
            return fill("pattern.diffLinksOne", "a", code(aHas ? a : b), "family", otherFamily,
                    "aLinks", refs(aHas ? l.a() : l.b()));
        }
        return fill("pattern.diffLinks", "a", code(a), "b", code(b), "family", otherFamily,
                "aLinks", refs(l.a()), "bLinks", refs(l.b()));
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

    /** Whether the sentence's last visible character (closing tags skipped) is a Japanese stop. */
    private static boolean endsWithWideStop(String html) {
        char last = lastVisible(html);
        return last == '。' || last == '！' || last == '？' || last == '）';
    }

    /**
     * Links the first mention of {@code c} in escaped text: its id, or for an id with an {@code X}
     * class (X.2.2) the same detail under a concrete class (4.2.2, 5.2.2).
     */
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
    private String anchor(String family, String id) {
        return anchors.computeIfAbsent(family, f -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(id, i -> codeAnchor.apply(family, i));
    }

    /** At most {@link #MAX_LISTED} codes, then "and N more": a sentence, not a catalogue. */
    private String refs(List<CodeRef> refs) {
        // The same lists (a code's links into one family) recur on every page of that code.
        return refLists.computeIfAbsent(refs, this::writeRefs);
    }

    private String writeRefs(List<CodeRef> refs) {
        List<String> items = new ArrayList<>(refs.stream().limit(MAX_LISTED)
                .map(r -> anchor(r.family(), r.code())).toList());
        if (refs.size() > MAX_LISTED) {
            items.add(fill("pattern.more", "count", String.valueOf(refs.size() - MAX_LISTED)));
        }
        return list(items);
    }

    private String commands(List<String> ids, Map<String, Text> names) {
        // names are this family's command labels in this locale, the same for every call.
        return commandLists.computeIfAbsent(ids, x -> list(x.stream().map(id -> inline(names.get(id))).toList()));
    }

    /** Joins items the locale's way: "A and B", "A, B, and C" / "A、B、C". */
    String list(List<String> items) {
        if (items.size() == 1) return items.get(0);
        if (items.size() == 2) return fill("pattern.list2", "first", items.get(0), "second", items.get(1));
        String head = String.join(escape(labels.get("pattern.listSeparator")), items.subList(0, items.size() - 1));
        return fill("pattern.listMore", "items", head, "last", items.get(items.size() - 1));
    }

    private String inline(Text t) {
        // Titles and names recur on every page of their code: escape each once.
        return inlined.computeIfAbsent(t.lang(), l -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(t.value(), v -> Html.inline(t, locale));
    }

    /** Author text used as a whole sentence: capitalized and ending in a full stop, whatever was written. */
    private String sentence(Text t) {
        // Summaries recur on every page of their code: normalize and escape each once.
        return sentences.computeIfAbsent(t.lang(), l -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(t.value(), v -> Html.inline(new Text(asSentence(v), t.lang()), locale));
    }

    static String asSentence(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) return s;
        if (Character.isLowerCase(s.charAt(0))) s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        char last = s.charAt(s.length() - 1);
        if (".!?。！？".indexOf(last) < 0) s += Text.isWide(last) ? "。" : ".";
        return s;
    }

    private String label(String key) {
        return escape(labels.get(key));
    }

    private static String escape(String s) {
        return Html.escape(s);
    }

    /** Fills pattern {@code key} (escaped) with HTML values given as name, value pairs. */
    private String fill(String key, String... nameValues) {
        List<String> segments = compiled.computeIfAbsent(key, k -> Labels.segments(escape(labels.get(k))));
        StringBuilder out = new StringBuilder(128);
        boolean wideBefore = false;
        for (int i = 0; i < segments.size(); i++) {
            if (i % 2 == 0) {
                // As Labels.fill does, a space between a Japanese value and Japanese text goes
                // (Text.startsWithGap); the values here are HTML, so their edges skip tags.
                String literal = segments.get(i);
                out.append(wideBefore && Text.startsWithGap(literal) ? literal.substring(1) : literal);
                continue;
            }
            String value = null;
            for (int j = 0; j < nameValues.length; j += 2) {
                if (nameValues[j].equals(segments.get(i))) value = nameValues[j + 1];
            }
            if (value == null) {
                throw new IllegalStateException("pattern '" + key + "' in locale " + locale + " uses {"
                        + segments.get(i) + "}, which is not provided here");
            }
            if (Text.endsWithGap(out) && Text.isWide(firstVisible(value))) out.setLength(out.length() - 1);
            out.append(value);
            wideBefore = Text.isWide(lastVisible(value));
        }
        return out.toString();
    }

    /** The first character of {@code html} outside its tags, or a space if there is none. */
    static char firstVisible(String html) {
        int i = 0;
        while (i < html.length() && html.charAt(i) == '<') {
            int close = html.indexOf('>', i);
            if (close < 0) break;
            i = close + 1;
        }
        return i < html.length() ? html.charAt(i) : ' ';
    }

    /** The last character of {@code html} outside its tags, or a space if there is none. */
    static char lastVisible(String html) {
        int end = html.length();
        while (end > 0 && html.charAt(end - 1) == '>') {
            int open = html.lastIndexOf('<', end - 1);
            if (open < 0) break;
            end = open;
        }
        return end > 0 ? html.charAt(end - 1) : ' ';
    }
}
