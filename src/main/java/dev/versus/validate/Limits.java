package dev.versus.validate;

import dev.versus.model.Code;
import dev.versus.model.Family;
import dev.versus.diagnostics.Location;
import dev.versus.diagnostics.Problems;
import dev.versus.model.Site;
import dev.versus.model.Text;

/**
 * Limits on what content may ask of a build, so that a hostile or mistaken input fails in
 * milliseconds with a located error instead of running for minutes and dying of memory. Each
 * limit is far above what real content needs (the repository's largest field is 1,525
 * characters, its largest label 188, its whole text 0.4 million characters) and each message
 * says what to do. The size of one file (1 MiB) and the depth of YAML are limited when files are
 * read ({@code load.YamlLoader}).
 */
public final class Limits {
    private Limits() {}

    /** Characters in one text field (a Markdown description, a note, a title). */
    public static final int FIELD_CHARS = 20_000;
    /** Characters in one label or sentence pattern of {@code locales/}. */
    public static final int LABEL_CHARS = 2_000;
    /** Placeholders in one sentence pattern, counting repeats: a real one uses a handful. */
    public static final int LABEL_PLACEHOLDERS = 20;
    /** Characters of text the pages of the whole site show, every locale counted (fallbacks included). */
    public static final long SITE_TEXT_CHARS = 8_000_000;
    /** Pages of one family, counted as {@code build} counts them: family index, codes and comparisons, every locale. */
    public static final long FAMILY_PAGES = 200_000;

    /** The error for a text over {@link #FIELD_CHARS}, or null. */
    static String fieldTooLong(String what, String value) {
        if (value.length() <= FIELD_CHARS) return null;
        return what + " is " + value.length() + " characters long, more than the limit of " + FIELD_CHARS
                + " for one field; shorten it (every page that shows it repeats it) or move the detail to a reference";
    }

    /**
     * Pages of {@code family} in a site of {@code locales} locales, as {@code build} counts them
     * (redirects of reversed comparisons not counted): the family index, one page per code and
     * one per pair of {@link Family#pairCount()}, in every locale.
     */
    public static long pages(Family family, int locales) {
        return locales * (1 + family.codes().size() + family.pairCount());
    }

    /** Reports every family over {@link #FAMILY_PAGES} and a site whose text is over {@link #SITE_TEXT_CHARS}. */
    static void check(Site site, Problems problems) {
        long text = 0;
        boolean over = false;
        for (Family family : site.families()) {
            long pages = pages(family, site.locales().size());
            if (pages > FAMILY_PAGES) {
                problems.add(Location.fileStart("content/" + family.id() + "/_family.yaml"), "family '" + family.id()
                        + "' would make " + pages + " pages (" + family.codes().size() + " codes, " + family.pairCount()
                        + " pairs, in " + site.locales().size() + (site.locales().size() == 1 ? " locale" : " locales")
                        + "), more than the limit of " + FAMILY_PAGES + " pages per family; choose the pairs worth a page"
                        + " with pair selection (pairs: in _family.yaml), or split the family");
            }
            for (Code code : family.codes()) {
                for (String locale : site.locales()) {
                    for (Text t : code.text(locale).fields().values()) text += t.value().length();
                }
                if (!over && text > SITE_TEXT_CHARS) {
                    over = true;
                    problems.add(code.source(), "the site's text passes the limit of " + SITE_TEXT_CHARS
                            + " characters with this code (counting every locale, English fallbacks included);"
                            + " every code's text is repeated on each of its comparison pages, so shorten the longest"
                            + " fields or split the site");
                }
            }
        }
    }
}
