package dev.versus.render.site;

/**
 * One page of the site as the renderer knows it before rendering it: what kind of page, for
 * which locale, family and codes, and the file it is written to. The renderer asks a
 * {@code Predicate<Page>} about each page to decide which to render; {@code serve}'s {@code ChangeImpact} is the
 * predicate that selects the pages a change of the sources affects.
 *
 * @param locale null for the language picker at the root and the language-neutral entries
 * @param family null for the root and the locale homes
 * @param code the code of a code page, the lower code of a comparison or redirect, else null
 * @param other the higher code of a comparison or redirect, else null
 */
public record Page(Kind kind, String locale, String family, String code, String other) {

    // Written out, with the meaning a record gives them (null parts equal null parts): the
    // renderer keys its comparisons by Page, and serve's selections ask about every page; the
    // generated versions run through method handles, several times slower under the launcher's
    // C1-only JIT.
    @Override
    public boolean equals(Object o) {
        return o instanceof Page p && kind == p.kind && java.util.Objects.equals(locale, p.locale)
                && java.util.Objects.equals(family, p.family) && java.util.Objects.equals(code, p.code)
                && java.util.Objects.equals(other, p.other);
    }

    @Override
    public int hashCode() {
        int h = kind.hashCode();
        h = 31 * h + java.util.Objects.hashCode(locale);
        h = 31 * h + java.util.Objects.hashCode(family);
        h = 31 * h + java.util.Objects.hashCode(code);
        return 31 * h + java.util.Objects.hashCode(other);
    }

    /**
     * The file the page is written to, relative to the output root ({@code en/smtp/421/index.html}).
     * Made when asked: most pages a rebuild asks about are not rendered, and need no path.
     */
    public String path() {
        return kind == Kind.COMPACT || kind == Kind.COMPACT_ENTRY ? dir() + SitePaths.COMPACT_FILE : SitePaths.file(dir());
    }

    /**
     * The page's directory, relative to the output root, as links and the sitemap name it
     * ({@code en/smtp/421/}); a compact page's is its code page's (its file is {@link SitePaths#COMPACT_FILE}).
     */
    public String dir() {
        return switch (kind) {
            case ROOT -> SitePaths.root();
            case HOME -> SitePaths.home(locale);
            case FAMILY -> SitePaths.family(locale, family);
            case PAIR -> SitePaths.pair(locale, family, code, other);
            case REDIRECT -> SitePaths.pair(locale, family, other, code);
            case CODE, COMPACT -> SitePaths.code(locale, family, code);
            case ENTRY, COMPACT_ENTRY -> SitePaths.entry(family, code);
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
        REDIRECT("redirect.ftlh"),
        /**
         * The compact variant of a code page, for an app's help pane ({@code en/smtp/421/compact.html}):
         * no header, search or footer; made only when site.yaml says {@code compactPages: true}.
         */
        COMPACT("compact.ftlh"),
        /**
         * A code's language-neutral address ({@code smtp/421/}), for apps to link to: it sends the
         * browser to the code's page in the best of the site's languages, and lists them all.
         */
        ENTRY("entry.ftlh"),
        /** The language-neutral address of a compact page ({@code smtp/421/compact.html}); with compactPages only. */
        COMPACT_ENTRY("entry.ftlh");

        private final String template;

        Kind(String template) {
            this.template = template;
        }

        /** The template file, relative to {@code templates/}. */
        public String template() {
            return template;
        }

        /** True for the pages search engines should index and the sitemap lists: not redirects, entries or compact copies. */
        public boolean indexed() {
            return this == ROOT || this == HOME || this == FAMILY || this == CODE || this == PAIR;
        }
    }
}
