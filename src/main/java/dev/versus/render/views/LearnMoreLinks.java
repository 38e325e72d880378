package dev.versus.render.views;

import static dev.versus.render.templates.TemplateEngine.markup;

import dev.versus.model.Code;
import dev.versus.model.Family;
import dev.versus.model.LabelKey;
import dev.versus.model.Labels;
import dev.versus.model.Pair;
import dev.versus.model.Reference;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.render.prose.Html;
import dev.versus.render.site.SitePaths;
import dev.versus.render.views.Views.Link;
import freemarker.core.TemplateHTMLOutputModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The "learn more" list of a comparison page: both code pages, the sources of both (each once),
 * up to six nearby comparisons, and the family index. What a code contributes is the same on
 * each of its hundreds of comparison pages, so it is made once per code and locale; only the
 * choice and order are made per page. Thread-safe.
 */
final class LearnMoreLinks {
    static final int MAX_RELATED = 6;

    private final Site site;
    private final SitePaths paths;
    private final Map<Memo.CodeKey, CodeLinks> byCode = new ConcurrentHashMap<>();
    private final Map<Memo.CodeKey, List<RelatedComparison>> relatedByCode = new ConcurrentHashMap<>();
    private final Map<Memo.FamilyKey, Link> familyIndex = new ConcurrentHashMap<>();

    private final Memo memo;

    LearnMoreLinks(Site site, SitePaths paths, Memo memo) {
        this.memo = memo;
        this.site = site;
        this.paths = paths;
    }

    /** The list for the comparison page of {@code pair} in {@code locale}, whose folder is {@code dir}. */
    List<Link> of(String locale, Pair pair, String dir) {
        Family family = pair.family();
        List<Link> out = new ArrayList<>();
        CodeLinks fromA = codeLinks(locale, pair.a(), dir);
        CodeLinks fromB = codeLinks(locale, pair.b(), dir);
        out.add(fromA.page());
        out.add(fromB.page());
        out.addAll(fromA.references());
        for (Link r : fromB.references()) {
            // A source both codes cite is listed once, under the first.
            if (!cites(fromA.references(), r.href())) out.add(r);
        }
        int added = 0;
        Set<String> seen = new HashSet<>();
        seen.add(pair.a().id() + " " + pair.b().id());
        for (Code c : List.of(pair.a(), pair.b())) {
            String otherSide = pair.other(c).id();
            for (RelatedComparison r : related(locale, c)) {
                if (r.other().equals(otherSide) || added >= MAX_RELATED) continue;
                if (!seen.add(r.key())) continue;
                // The link itself is made here: from one comparison to itself it would be "./".
                out.add(new Link(r.label(), paths.link(dir, r.target())));
                added++;
            }
        }
        out.add(memo.get(familyIndex, new Memo.FamilyKey(locale, family.id()), k -> new Link(
                markup(Html.escape(site.labels(locale).format(LabelKey.LINK_FAMILY_INDEX, Map.of("family", family.name(locale),
                        "familyTitle", family.titles().containsKey(locale) ? family.titles().get(locale).value() : family.name(locale))))),
                paths.link(dir, SitePaths.family(locale, family.id())))));
        return out;
    }

    /** Whether {@code links} include one to {@code href} (a loop: a stream and its lambda per source per page, see {@link Memo#hit}). */
    private static boolean cites(List<Link> links, String href) {
        for (Link x : links) {
            if (x.href().equals(href)) return true;
        }
        return false;
    }

    /**
     * A code's page and its sources. All comparison pages of a family sit at the same depth and
     * none of them is a code page, so the links made from the first page ({@code pairDir}) serve all.
     */
    private record CodeLinks(Link page, List<Link> references) {}

    private CodeLinks codeLinks(String locale, Code c, String pairDir) {
        return memo.get(byCode, Memo.CodeKey.of(locale, c), k -> {
            Labels l = site.labels(locale);
            // The pattern joins the code and its title in the locale's own punctuation (a colon in
            // English, 「」 in Japanese); the title keeps its inline markup.
            Link page = new Link(markup(l.fill(Html.escape(l.get(LabelKey.PATTERN_LEARN_MORE_CODES)),
                    Map.of("code", Html.escape(c.id()), "title", Html.inline(c.text(locale).title(), locale)),
                    LabelKey.PATTERN_LEARN_MORE_CODES.key())), paths.link(pairDir, SitePaths.code(locale, c)));
            List<Link> references = new ArrayList<>();
            Set<String> urls = new HashSet<>();
            for (Reference r : c.references()) {
                if (urls.add(r.url())) {
                    // Reference titles are written once, in the default language, and marked as such.
                    references.add(new Link(markup(Html.inline(new Text(r.title(), site.defaultLocale()), locale)), r.url()));
                }
            }
            return new CodeLinks(page, List.copyOf(references));
        });
    }

    /** "Compare 421 with 450" for one related code: the label, the comparison's folder, its ids in page order. */
    private record RelatedComparison(String other, String key, TemplateHTMLOutputModel label, String target) {}

    /** A code's related codes with their comparisons, made once per locale. */
    private List<RelatedComparison> related(String locale, Code c) {
        return memo.get(relatedByCode, Memo.CodeKey.of(locale, c), k -> {
            Labels l = site.labels(locale);
            Family family = site.family(c.family());
            List<RelatedComparison> out = new ArrayList<>();
            for (String r : c.related()) {
                // Only comparisons the family makes: a page never links to one that does not exist.
                if (!family.hasPair(c, family.code(r))) continue;
                Pair p = SiteRenderer.ordered(family, c, family.code(r));
                out.add(new RelatedComparison(r, p.a().id() + " " + p.b().id(),
                        markup(Html.escape(l.format(LabelKey.PATTERN_SEE_COMPARISON, Map.of("a", p.a().id(), "b", p.b().id())))),
                        SitePaths.pair(locale, p)));
            }
            return List.copyOf(out);
        });
    }
}
