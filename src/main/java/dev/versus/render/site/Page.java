package dev.versus.render.site;

/**
 * One page of the site as the renderer knows it before rendering it: what kind of page, for
 * which locale, family and codes, and the file it is written to. The renderer asks a
 * {@code Predicate<Page>} about each page to decide which to render; {@code serve}'s {@code ChangeImpact} is the
 * predicate that selects the pages a change of the sources affects.
 *
 * @param locale null for the language picker at the root
 * @param family null for the root and the locale homes
 * @param code the code of a code page, the lower code of a comparison or redirect, else null
 * @param other the higher code of a comparison or redirect, else null
 */
public record Page(Kind kind, String locale, String family, String code, String other) {

    /**
     * The file the page is written to, relative to the output root ({@code en/smtp/421/index.html}).
     * Made when asked: most pages a rebuild asks about are not rendered, and need no path.
     */
    public String path() {
        return SitePaths.file(dir());
    }

    /** The page's directory, relative to the output root, as links and the sitemap name it ({@code en/smtp/421/}). */
    public String dir() {
        return switch (kind) {
            case ROOT -> SitePaths.root();
            case HOME -> SitePaths.home(locale);
            case FAMILY -> SitePaths.family(locale, family);
            case CODE -> SitePaths.code(locale, family, code);
            case PAIR -> SitePaths.pair(locale, family, code, other);
            case REDIRECT -> SitePaths.pair(locale, family, other, code);
        };
    }

    /** The kinds of page, each rendered with its own template. */
    public enum Kind {
        ROOT("root.ftlh"),
        HOME("home.ftlh"),
        FAMILY("family.ftlh"),
        CODE("code.ftlh"),
        PAIR("pair.ftlh"),
        /** The reversed address of a comparison ({@code 552-vs-421}), which redirects to it. */
        REDIRECT("redirect.ftlh");

        private final String template;

        Kind(String template) {
            this.template = template;
        }

        /** The template file, relative to {@code templates/}. */
        public String template() {
            return template;
        }
    }
}
