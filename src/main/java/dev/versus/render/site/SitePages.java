package dev.versus.render.site;

import dev.versus.model.Code;
import dev.versus.model.Family;
import dev.versus.model.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * The one enumeration of the pages a site has. The renderer renders what it lists, the sitemap
 * lists it (less the redirects), and {@code serve} learns from it which pages a site has: a
 * new kind of page is added here once, and none of them can miss it.
 *
 * <p>The 404 page is not listed: it is not an address of the site but what a server shows for
 * any other address (the renderer writes it with every build).
 */
public final class SitePages {
    private SitePages() {}

    /** Receives each page with the model objects it shows (null where the page has none). */
    @FunctionalInterface
    public interface Visitor {
        /**
         * @param family null for the root and the homes
         * @param code the code of a code page, the lower code of a comparison or redirect, else null
         * @param other the higher code of a comparison or redirect, else null
         */
        void page(Page page, Family family, Code code, Code other);
    }

    /**
     * Visits every page in the sitemap's order: the root; then, per locale, its home and, per
     * family, the family index, the code pages (each followed by its compact variant, if the
     * site has them) and the comparisons (lower code first, in the order of
     * {@link Family#pairs()}), each comparison followed by its reversed address; last, per
     * family and code, the language-neutral entry address (and its compact one).
     */
    public static void forEach(Site site, Visitor visit) {
        visit.page(new Page(Page.Kind.ROOT, null, null, null, null), null, null, null);
        for (String locale : site.locales()) {
            visit.page(new Page(Page.Kind.HOME, locale, null, null, null), null, null, null);
            for (Family family : site.families()) {
                String f = family.id();
                visit.page(new Page(Page.Kind.FAMILY, locale, f, null, null), family, null, null);
                List<Code> codes = family.codes();
                for (Code code : codes) {
                    visit.page(new Page(Page.Kind.CODE, locale, f, code.id(), null), family, code, null);
                    if (site.compactPages()) visit.page(new Page(Page.Kind.COMPACT, locale, f, code.id(), null), family, code, null);
                }
                // Family#pairCount() counts these for check and the limit on pages (validate.Limits): keep it in step.
                for (int i = 0; i < codes.size(); i++) {
                    Code a = codes.get(i);
                    for (int j = i + 1; j < codes.size(); j++) {
                        Code b = codes.get(j);
                        if (!family.hasPair(a, b)) continue;
                        visit.page(new Page(Page.Kind.PAIR, locale, f, a.id(), b.id()), family, a, b);
                        visit.page(new Page(Page.Kind.REDIRECT, locale, f, a.id(), b.id()), family, a, b);
                    }
                }
            }
        }
        for (Family family : site.families()) {
            for (Code code : family.codes()) {
                visit.page(new Page(Page.Kind.ENTRY, null, family.id(), code.id(), null), family, code, null);
                if (site.compactPages()) {
                    visit.page(new Page(Page.Kind.COMPACT_ENTRY, null, family.id(), code.id(), null), family, code, null);
                }
            }
        }
    }

    /**
     * What decides which pages {@link #forEach} lists: the locales, the codes of each family
     * in order, and its pairs where it does not compare them all. Two sites with equal shapes have the same pages; cheaper to compare than the
     * pages themselves ({@code serve} compares the site before and after each change).
     */
    public static List<List<String>> shape(Site site) {
        List<List<String>> shape = new ArrayList<>();
        shape.add(site.locales());
        shape.add(List.of(site.compactPages() ? "compact" : "full"));
        for (Family f : site.families()) {
            List<String> ids = new ArrayList<>();
            ids.add(f.id());
            f.codes().forEach(c -> ids.add(c.id()));
            shape.add(ids);
            if (!f.pairSelection().all()) shape.add(new ArrayList<>(new java.util.TreeSet<>(f.pairSelection().slugs())));
        }
        return shape;
    }
}
