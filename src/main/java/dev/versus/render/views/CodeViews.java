package dev.versus.render.views;

import static dev.versus.render.templates.TemplateEngine.markup;

import dev.versus.model.Code;
import dev.versus.model.CodeRef;
import dev.versus.model.CodeText;
import dev.versus.model.Fact;
import dev.versus.model.FactText;
import dev.versus.model.Family;
import dev.versus.model.Group;
import dev.versus.model.LabelKey;
import dev.versus.model.Labels;
import dev.versus.model.Reference;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.render.prose.Html;
import dev.versus.render.prose.MarkdownRenderer;
import dev.versus.render.site.SitePaths;
import dev.versus.render.views.Views.CodeView;
import dev.versus.render.views.Views.Fix;
import dev.versus.render.views.Views.Link;
import dev.versus.render.views.Views.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Builds the {@link CodeView} of each code in each locale once: its Markdown is rendered here and
 * shared by the code's page and all of its comparison pages. Code and comparison pages sit at
 * the same depth ({@code <locale>/<family>/<slug>/}), so the relative links inside are the same
 * for all of them.
 */
final class CodeViews {
    private final Site site;
    private final SitePaths paths;
    private final MarkdownRenderer markdown;
    private final Map<Memo.CodeKey, CodeView> cache = new ConcurrentHashMap<>();
    private final Memo memo;

    CodeViews(Site site, SitePaths paths, MarkdownRenderer markdown, Memo memo) {
        this.memo = memo;
        this.site = site;
        this.paths = paths;
        this.markdown = markdown;
    }

    CodeView get(String locale, Code code) {
        return memo.get(cache, key(locale, code), k -> build(locale, code));
    }

    private static Memo.CodeKey key(String locale, Code code) {
        return Memo.CodeKey.of(locale, code);
    }

    /**
     * Takes over the views that {@code previous}, made for an earlier version of the site, holds
     * for the codes and locales that {@code unchanged} accepts.
     */
    void adopt(CodeViews previous, BiPredicate<String, Code> unchanged) {
        for (String locale : site.locales()) {
            for (Family family : site.families()) {
                for (Code code : family.codes()) {
                    CodeView view = previous.cache.get(key(locale, code));
                    if (view != null && unchanged.test(locale, code)) cache.put(key(locale, code), view);
                }
            }
        }
    }

    /** A link from a code-depth page of {@code family} to a code's page, or null if the code does not exist. */
    String href(String locale, String fromFamily, String family, String code) {
        Family f = site.family(family);
        if (f == null || f.code(code) == null) return null;
        return paths.link(SitePaths.code(locale, fromFamily, "x"), SitePaths.code(locale, family, code));
    }

    /** The anchor used in generated sentences for a code (PairSentences keeps each one it asks for). */
    String anchor(String locale, String fromFamily, String family, String code) {
        return "<a href=\"" + Html.escape(href(locale, fromFamily, family, code)) + "\">" + Html.escape(code) + "</a>";
    }

    private CodeView build(String locale, Code code) {
        Family family = site.family(code.family());
        Labels labels = site.labels(locale, family);
        CodeText t = code.text(locale);
        Group group = family.groupOf(code);
        List<Fix> fixes = new ArrayList<>();
        t.fix().forEach((audience, text) -> fixes.add(new Fix(audience, labels.audience(audience), prose(locale, code, text))));
        List<Link> related = new ArrayList<>();
        for (String r : code.related()) {
            Code other = family.code(r);
            related.add(new Link(markup(Html.escape(other.id()) + " " + Html.inline(other.text(locale).title(), locale)),
                    href(locale, family.id(), family.id(), r)));
        }
        List<Link> links = new ArrayList<>();
        for (CodeRef ref : code.links()) {
            Code other = site.family(ref.family()).code(ref.code());
            links.add(new Link(markup(Html.escape(other.id()) + " " + Html.inline(other.text(locale).title(), locale)),
                    href(locale, family.id(), ref.family(), ref.code())));
        }
        List<Link> references = new ArrayList<>();
        for (Reference r : code.references()) {
            // Reference titles are written once, in the default language, and marked as such.
            references.add(new Link(markup(Html.inline(new Text(r.title(), site.defaultLocale()), locale)), r.url()));
        }
        List<Views.FactRow> facts = new ArrayList<>();
        for (Fact fact : family.facts()) {
            List<String> values = code.fact(fact.id());
            // Codes of other families are listed as links ("Travels with"), not as a fact row; the
            // sets a codes fact names without listing them (any code, 5XX) are its row.
            if (fact.kind() == Fact.Kind.CODES) {
                values = values.stream().filter(v -> dev.versus.model.CodeSet.isSet(v) || dev.versus.model.CodeSet.isUnlisted(v)).toList();
            }
            FactText ft = fact.text(locale);
            if (fact.kind() == Fact.Kind.CODES && values.isEmpty() && !code.bySets(fact.id()).isEmpty()) {
                // The codes another code's set brings (X.7.18's 5XX holds 552): a row of their own,
                // labelled as going with every code of the class, apart from the links above.
                List<String> parts = new ArrayList<>();
                for (var e : code.bySets(fact.id()).entrySet()) {
                    List<String> anchors = new ArrayList<>();
                    for (String v : e.getValue()) {
                        String fam = v.substring(0, v.indexOf(':'));
                        String id = v.substring(v.indexOf(':') + 1);
                        anchors.add("<a href=\"" + Html.escape(href(locale, family.id(), fam, id)) + "\">" + Html.escape(id) + "</a>");
                    }
                    String joined = anchors.size() == 1 ? anchors.get(0) : anchors.size() == 2
                            ? labels.format(LabelKey.PATTERN_LIST2, Map.of("first", anchors.get(0), "second", anchors.get(1)))
                            : labels.format(LabelKey.PATTERN_LIST_MORE, Map.of("items", String.join(
                                    labels.get(LabelKey.PATTERN_LIST_SEPARATOR), anchors.subList(0, anchors.size() - 1)),
                                    "last", anchors.get(anchors.size() - 1)));
                    Text label = e.getKey().equals(dev.versus.model.CodeSet.ANY) && ft.form(dev.versus.model.CodeSet.HELD, dev.versus.model.CodeSet.ANY) != null
                            ? ft.form(dev.versus.model.CodeSet.HELD, dev.versus.model.CodeSet.ANY)
                            : ft.form(dev.versus.model.CodeSet.HELD, parts.isEmpty() ? dev.versus.model.CodeSet.HELD_ALONE : FactText.VALUE);
                    parts.add(Html.escape(label.value()).replace("{" + dev.versus.model.CodeSet.CLASS_PLACEHOLDER + "}", Html.escape(dev.versus.model.CodeSet.shown(e.getKey())))
                            .replace("{" + dev.versus.model.CodeSet.CODES_PLACEHOLDER + "}", joined));
                }
                facts.add(new Views.FactRow(markup(Html.inline(ft.label(), locale)), markup(String.join(" ", parts))));
                continue;
            }
            if (values.isEmpty()) continue;
            if (fact.kind() == Fact.Kind.CODES) {
                // "Any" by its name, the classes in one name as alternatives ("2XX, 4XX, or 5XX reply codes").
                List<String> sets = new ArrayList<>();
                List<String> unlisted = values.stream().filter(dev.versus.model.CodeSet::isUnlisted).toList();
                values = values.stream().filter(dev.versus.model.CodeSet::isSet).toList();
                List<String> classes = values.stream().map(dev.versus.model.CodeSet::classOf).filter(java.util.Objects::nonNull)
                        .map(dev.versus.model.CodeSet::shown).toList();
                if (values.stream().anyMatch(v -> dev.versus.model.CodeSet.classOf(v) == null)) {
                    sets.add(Html.inline(ft.form(dev.versus.model.CodeSet.ANY, FactText.VALUE), locale));
                }
                if (!classes.isEmpty()) {
                    String joined = classes.size() == 1 ? classes.get(0) : classes.size() == 2
                            ? labels.format(LabelKey.PATTERN_LIST_OR2, Map.of("first", classes.get(0), "second", classes.get(1)))
                            : labels.format(LabelKey.PATTERN_LIST_OR_MORE, Map.of("items", String.join(
                                    labels.get(LabelKey.PATTERN_LIST_OR_SEPARATOR), classes.subList(0, classes.size() - 1)),
                                    "last", classes.get(classes.size() - 1)));
                    sets.add(Html.inline(ft.form(dev.versus.model.CodeSet.CLASS, FactText.VALUE), locale)
                            .replace("{" + dev.versus.model.CodeSet.CLASS_PLACEHOLDER + "}", Html.escape(joined)));
                }
                // The codes the registry names that have no page (X.7.10's 523): said, not linked.
                for (String v : unlisted) {
                    sets.add(Html.inline(ft.form(dev.versus.model.CodeSet.UNLISTED, FactText.VALUE), locale)
                            .replace("{" + dev.versus.model.CodeSet.CODE_PLACEHOLDER + "}", Html.escape(dev.versus.model.CodeSet.unlistedCode(v))));
                }
                facts.add(new Views.FactRow(markup(Html.inline(ft.label(), locale)),
                        markup(String.join(Html.escape(labels.get(LabelKey.PATTERN_LIST_SEPARATOR)), sets))));
                continue;
            }
            List<String> names = values.stream().map(v -> fact.kind() == Fact.Kind.NUMBER ? Html.escape(v)
                    : Html.inline(ft.form(v, FactText.VALUE), locale)).toList();
            facts.add(new Views.FactRow(markup(Html.inline(ft.label(), locale)),
                    markup(String.join(Html.escape(labels.get(LabelKey.PATTERN_LIST_SEPARATOR)), names))));
        }
        return new CodeView(code.id(), family.name(locale), markup(Html.inline(t.title(), locale)), t.title().value(),
                markup(Html.inline(t.summary(), locale)), t.summary().value(),
                group.name(locale).value(),
                prose(locale, code, t.description()), prose(locale, code, t.when()), fixes,
                t.notes() == null ? null : prose(locale, code, t.notes()),
                facts,
                related, links, references, href(locale, family.id(), family.id(), code.id()),
                t.stale() ? paths.link(SitePaths.code(locale, code), SitePaths.code(site.defaultLocale(), code)) : null,
                locale + "/" + family.id() + "/" + code.id());
    }

    /** Markdown written for a page of {@code family} at code depth (a pair note), with its mentions linked. */
    Prose prose(String locale, String family, Text text) {
        String html = markdown.render(text.value(), family, (fam, id) -> href(locale, family, fam, id));
        return new Prose(markup(html), text.lang().equals(locale) ? null : text.lang());
    }

    private Prose prose(String locale, Code code, Text text) {
        String html = markdown.render(text.value(), code.family(), (fam, id) ->
                fam.equals(code.family()) && id.equals(code.id()) ? null : href(locale, code.family(), fam, id));
        return new Prose(markup(html), text.lang().equals(locale) ? null : text.lang());
    }
}
