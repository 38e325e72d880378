package dev.versus.render.views;

import freemarker.core.TemplateHTMLOutputModel;
import java.util.List;
import java.util.Map;

/**
 * The data each template receives: plain records built once per page, with every piece of
 * Versus-made HTML already wrapped as markup. Templates read fields by name ({@code page.title}).
 */
public final class Views {
    private Views() {}

    /**
     * What every page has: language, titles, the way back to the root, the language switcher
     * ({@code alternates}), and for the head the {@code hreflang} alternates (the switcher's,
     * except on the language picker), the {@code x-default} URL and the page's JSON data, if any.
     * A null {@code canonical} marks a page that must not be indexed (the 404 page).
     * {@code documentTitle} is the page's title with the site's ({@code pattern.documentTitle}),
     * for {@code <title>}; {@code stylesheets} are site.yaml's extra stylesheets, from the root.
     */
    public record PageView(String lang, String title, String description, String root, String home, String canonical,
                           Map<String, String> labels, List<Alternate> alternates, List<Link> crumbs,
                           List<Alternate> hreflang, String xDefault, String json, String documentTitle,
                           List<String> stylesheets) {
        public PageView {
            // labels is the locale's immutable map, shared by every page: not copied per page.
            alternates = List.copyOf(alternates);
            crumbs = List.copyOf(crumbs);
            hreflang = List.copyOf(hreflang);
            stylesheets = List.copyOf(stylesheets);
        }

        /** The same page declaring another page canonical (an untranslated copy names the English page). */
        public PageView withCanonical(String url) {
            return new PageView(lang, title, description, root, home, url, labels, alternates, crumbs, hreflang, xDefault, json,
                    documentTitle, stylesheets);
        }
    }

    /** The same page in another (or this) language. */
    public record Alternate(String lang, String name, String href, String absolute, boolean current) {}

    /** A link whose label is markup (it may carry a {@code lang} span). */
    public record Link(TemplateHTMLOutputModel label, String href) {}

    /** A block of rendered prose; {@code lang} is set only when it differs from the page's. */
    public record Prose(TemplateHTMLOutputModel html, String lang) {}

    /** One audience's fix: "If you sent the message" and what to do. */
    public record Fix(String audience, String label, Prose text) {}

    /**
     * A code as shown on its own page and on both sides of a comparison. {@code staleSource} links
     * to the code's page in the default language when a field of this translation was made from
     * an older English text (null otherwise): the page then says the English may be newer.
     * {@code key} ({@code <locale>/<family>/<id>}) names the view for {@code <@cached key=...>}:
     * everything in it, its relative links included, is the same on every code-depth page.
     */
    public record CodeView(String id, String family, TemplateHTMLOutputModel title, String titleText,
                           TemplateHTMLOutputModel summary, String summaryText, String groupName,
                           Prose description, Prose when, List<Fix> fixes, Prose notes,
                           List<FactRow> facts, List<Link> related, List<Link> links,
                           List<Link> references, String href, String staleSource, String key) {
        public CodeView {
            fixes = List.copyOf(fixes);
            facts = List.copyOf(facts);
            related = List.copyOf(related);
            links = List.copyOf(links);
            references = List.copyOf(references);
        }
    }

    /** One fact of a code: its name and its values, as the code's page lists them. */
    public record FactRow(TemplateHTMLOutputModel label, TemplateHTMLOutputModel value) {}

    /**
     * A code page: the code, its comparisons (curated first), its quick answer, its real reply
     * examples ({@code page.json} links its JSON copy). {@code untranslatedSource} links to the page
     * in the default language when no text of the code is translated into this page's language
     * (null otherwise): the page says so and names that page canonical, so search engines do not
     * index an English copy twice.
     */
    public record CodePage(PageView page, CodeView code, List<Link> comparisons, QuickAnswer quick,
                           List<ExampleView> examples, Picker picker, String untranslatedSource) {
        public CodePage {
            comparisons = List.copyOf(comparisons);
            examples = List.copyOf(examples);
        }
    }

    /**
     * The answer at the top of a code page: the facts its family names under {@code quickAnswer},
     * in that order. {@code kind} is the code's value of the first of them (a class for the
     * stylesheet), or null.
     */
    public record QuickAnswer(String kind, List<QuickRow> rows, List<QuickFix> fixes) {
        public QuickAnswer {
            rows = List.copyOf(rows);
            fixes = List.copyOf(fixes);
        }
    }

    /**
     * One fact of the quick answer: its name, the code's values, and what they mean (the values'
     * {@code effect} form, or null). The first row ({@code lead}) is shown strong.
     */
    public record QuickRow(TemplateHTMLOutputModel label, TemplateHTMLOutputModel value, TemplateHTMLOutputModel effect,
                           boolean lead) {}

    /**
     * The compact variant of a code page, for an app's help pane: the same facts, quick answer
     * and fix as {@link CodePage}, without the site's header, search, footer and lists of
     * comparisons. {@code full} links to the code's page; {@code page.canonical} names it.
     */
    public record CompactPage(PageView page, CodeView code, QuickAnswer quick, List<ExampleView> examples,
                              String untranslatedSource, String full) {
        public CompactPage {
            examples = List.copyOf(examples);
        }
    }

    /**
     * A code's language-neutral address: the code's page in each of the site's languages, the
     * default first. {@code assets/language.js} goes to the one that best fits the browser's
     * languages; without script, the reader picks one.
     */
    public record EntryPage(PageView page, String defaultLang, List<EntryLink> languages) {
        public EntryPage {
            languages = List.copyOf(languages);
        }
    }

    /** The code's page in one language, named in that language ({@code name}) with its title there. */
    public record EntryLink(String lang, String name, String title, String href) {}

    /** One audience's fix in one sentence; {@code lang} only when it is a fallback. */
    public record QuickFix(String label, String line, String lang) {}

    /** A real reply text; {@code lang} only when it differs from the page's. */
    public record ExampleView(String text, String from, String href, String lang) {}

    /** A comparison page; every list is in the order the page shows it. */
    public record PairPage(PageView page, String familyName, CodeView a, CodeView b,
                           TemplateHTMLOutputModel intro, Glance glance, TemplateHTMLOutputModel shared,
                           List<TemplateHTMLOutputModel> differences, List<TemplateHTMLOutputModel> chooseServer,
                           List<TemplateHTMLOutputModel> chooseSender, List<Link> learnMore, Note note,
                           String sharedFacts, List<String> differenceFacts) {
        public PairPage {
            differences = List.copyOf(differences);
            differenceFacts = List.copyOf(differenceFacts);
            chooseServer = List.copyOf(chooseServer);
            chooseSender = List.copyOf(chooseSender);
            learnMore = List.copyOf(learnMore);
        }
    }

    /** The at-a-glance table of a comparison: caption, the two codes (links) as column heads, one row per fact. */
    public record Glance(String caption, TemplateHTMLOutputModel a, TemplateHTMLOutputModel b, List<GlanceRow> rows) {
        public Glance {
            rows = List.copyOf(rows);
        }
    }

    /**
     * A row of the at-a-glance table; {@code differs} marks the facts on which the two codes
     * differ, {@code key} names everything the row shows (for {@code <@cached>}: a row recurs on
     * every page whose two codes have the same values of its fact).
     */
    public record GlanceRow(String fact, TemplateHTMLOutputModel label, TemplateHTMLOutputModel a, TemplateHTMLOutputModel b,
                            boolean differs, String aValues, String bValues, String key) {}

    /** A hand-written note on one comparison: where it goes and whether it replaces the derived text. */
    public record Note(String section, boolean replace, Prose text) {}

    /**
     * A group of a family index: {@code heading} is its name, or, where the family says what its
     * groups are ({@code index.groupedBy}), the locale's {@code family.group} ("Subject 1: Addressing Status").
     */
    public record GroupView(String key, String name, String heading, List<CodeLink> codes) {}

    /**
     * A code in a family index row; {@code outcome} is its value of the first fact of the quick
     * answer (for SMTP, temporary or permanent), {@code kind} that value's id; both null if the
     * family's quick answer names no fact.
     */
    public record CodeLink(String id, TemplateHTMLOutputModel title, TemplateHTMLOutputModel summary, String href,
                           String kind, TemplateHTMLOutputModel outcome) {}

    /**
     * A family index; {@code outcomeLabel} heads the column of {@link CodeLink#outcome()}, or is null;
     * {@code groupsLabel} says what the groups are ("Subject", from the label of the family's
     * {@code index.groupedBy} fact), or is null.
     */
    public record FamilyPage(PageView page, TemplateHTMLOutputModel title, Prose description, List<GroupView> groups,
                             String pairsCount, Picker picker, TemplateHTMLOutputModel outcomeLabel,
                             TemplateHTMLOutputModel groupsLabel) {}

    /**
     * "Compare [code] with [code]": the family's codes in order, {@code first} and {@code second}
     * preselected; {@code base} leads from the page to the family's folder and {@code suffix} ends a
     * page link ("" or "index.html" offline), so the script can build the canonical pair address.
     * {@code pairs} lists the pairs that have a page ("200-vs-204 301-vs-308") where the family
     * does not compare them all, else null: the script offers only those.
     */
    public record Picker(String base, String suffix, String first, String second, List<String> codes, String pairs) {
        public Picker {
            codes = List.copyOf(codes);
        }
    }

    public record FamilySummary(TemplateHTMLOutputModel title, Prose description, String href, String count) {}

    public record HomePage(PageView page, List<FamilySummary> families) {}

    public record RootPage(PageView page, List<Alternate> languages) {}

    public record RedirectPage(PageView page, String target) {}

    /** The 404 page: in the default locale, with a way to every locale's home, each named in its own language. */
    /** The 404 page: in the default language, then the same message in every other locale, each marked. */
    public record NotFoundPage(PageView page, List<Alternate> homes, List<Message> others) {}

    /** A title and a sentence in one language. */
    public record Message(String lang, String title, String text) {}
}
