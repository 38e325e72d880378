package dev.versus.render.views;

import static dev.versus.render.templates.TemplateEngine.markup;

import dev.versus.compare.Comparison;
import dev.versus.compare.PairAnalyzer;
import dev.versus.model.Code;
import dev.versus.model.Family;
import dev.versus.model.LabelKey;
import dev.versus.model.Labels;
import dev.versus.model.Pair;
import dev.versus.model.PairNote;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.render.prose.Html;
import dev.versus.render.prose.MarkdownRenderer;
import dev.versus.render.prose.ProseLinker;
import dev.versus.render.site.Page;
import dev.versus.render.site.PageSink;
import dev.versus.render.site.SitePages;
import dev.versus.render.site.SitePaths;
import dev.versus.render.site.UrlStyle;
import dev.versus.render.templates.CachedDirective;
import dev.versus.render.templates.PageBuffer;
import dev.versus.render.templates.RenderException;
import dev.versus.render.templates.TemplateEngine;
import dev.versus.render.templates.TemplateErrors;
import dev.versus.render.templates.TemplateLimits;
import dev.versus.render.views.Views.Alternate;
import dev.versus.render.views.Views.CodeLink;
import dev.versus.render.views.Views.CodePage;
import dev.versus.render.views.Views.CodeView;
import dev.versus.render.views.Views.FamilyPage;
import dev.versus.render.views.Views.FamilySummary;
import dev.versus.render.views.Views.GroupView;
import dev.versus.render.views.Views.HomePage;
import dev.versus.render.views.Views.Link;
import dev.versus.render.views.Views.NotFoundPage;
import dev.versus.render.views.Views.PageView;
import dev.versus.render.views.Views.PairPage;
import dev.versus.render.views.Views.Prose;
import dev.versus.render.views.Views.RedirectPage;
import dev.versus.render.views.Views.RootPage;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The render stage: builds the view of every page and renders it with its template, on all
 * cores, handing each file to a {@link PageSink} as soon as it is ready (pages are never all
 * held in memory). Every template error is collected; the caller decides what a failed render
 * means for the output.
 */
public final class SiteRenderer {
    static final String CSS = "assets/style.css";
    /** The page a web server shows for a missing address (the name GitHub Pages, Netlify and others look for). */
    public static final String NOT_FOUND = "404.html";

    private final Site site;
    private final TemplateEngine engine;
    private final SitePaths paths;
    private final CodeViews codeViews;
    private final LearnMoreLinks learnMore;
    private final QuickAnswers quickAnswers;
    private final PairAnalyzer analyzer = new PairAnalyzer();
    private final MarkdownRenderer markdown;
    private final AtomicInteger files = new AtomicInteger();
    private final Map<String, AtomicInteger> pageCounts = new ConcurrentHashMap<>();
    private final Map<Memo.FamilyKey, PairSentences> sentenceWriters = new ConcurrentHashMap<>();
    private final Memo memo = new Memo();
    private boolean cacheFragments = true;
    private TemplateLimits.BuildDeadline deadline;

    public SiteRenderer(Site site, TemplateEngine engine, UrlStyle style) {
        this.site = site;
        this.engine = engine;
        this.paths = new SitePaths(style);
        this.markdown = new MarkdownRenderer(new ProseLinker(site));
        this.codeViews = new CodeViews(site, paths, markdown, memo);
        this.learnMore = new LearnMoreLinks(site, paths, memo);
        this.quickAnswers = new QuickAnswers(site);
    }

    /**
     * Takes over the code views (each code's rendered Markdown) of {@code previous}, the renderer
     * of the site before a change, for the codes and locales the change leaves alone: re-rendering
     * one code's comparisons then renders the Markdown of that code only. {@code unchanged} tells
     * whether a code's view in a locale is the same in both sites.
     */
    public void reuseViews(SiteRenderer previous, BiPredicate<String, Code> unchanged) {
        codeViews.adopt(previous.codeViews, unchanged);
    }

    /**
     * With {@code false}, every {@code <@cached>} call renders its content again: the pages must
     * come out byte-identical, which is how the tests check that every cache key is complete.
     */
    public SiteRenderer cacheFragments(boolean cache) {
        this.cacheFragments = cache;
        return this;
    }

    /**
     * With {@code false}, every value the renderer shares between pages (a code's rendered
     * Markdown, its learn-more links, sentence fragments, anchors) is made again for each page:
     * the pages must come out byte-identical, which is how the tests check that every memo key
     * names what its value depends on. Call before rendering.
     */
    public SiteRenderer memoize(boolean memoize) {
        if (!memoize) memo.off();
        return this;
    }

    /**
     * Stops the render when {@code deadline} passes (null: never), with an error at the place
     * in the template where it was or before the next page: {@code serve}'s builds have one.
     */
    public SiteRenderer stopAt(TemplateLimits.BuildDeadline deadline) {
        this.deadline = deadline;
        return this;
    }

    /** Counts of what was rendered, for the build summary. */
    public record Stats(Map<String, Integer> pagesPerLocale, int files) {}

    /** Renders every page into {@code sink}; throws with all template errors if any page failed. */
    public Stats render(PageSink sink) throws RenderException, IOException {
        return render(sink, page -> true);
    }

    /**
     * Renders the pages that {@code select} accepts into {@code sink} ({@code versus serve} renders
     * only what a change affects, see {@code serve.ChangeImpact}). {@code select} is asked once about
     * every page of the site, from the calling thread and before any page is rendered, so it also
     * learns which pages the site has.
     */
    public Stats render(PageSink sink, Predicate<Page> select) throws RenderException, IOException {
        Templates t = new Templates(engine);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Runnable> jobs = new ArrayList<>();
        jobs.add(() -> emit(sink, failures, t, t.notFound, NOT_FOUND, notFoundPage()));
        // A comparison's pages in every locale make one job: the comparison is derived once.
        // A Pair is made only for the pairs selected: serve asks about thousands and renders a few.
        Map<Page, PairPages> pairs = new LinkedHashMap<>();
        SitePages.forEach(site, (page, family, code, other) -> {
            if (!select.test(page)) return;
            switch (page.kind()) {
                case ROOT -> jobs.add(() -> emit(sink, failures, t, t.root, page.path(), rootPage()));
                case HOME -> jobs.add(() -> emit(sink, failures, t, t.home, page.path(), homePage(page.locale())));
                case FAMILY -> jobs.add(() -> emit(sink, failures, t, t.family, page.path(), familyPage(page.locale(), family)));
                case CODE -> jobs.add(() -> emit(sink, failures, t, t.code, page.path(), codePage(page.locale(), family, code)));
                case COMPACT -> jobs.add(() -> emit(sink, failures, t, t.compact, page.path(), compactPage(page.locale(), family, code)));
                case ENTRY, COMPACT_ENTRY -> jobs.add(() -> emit(sink, failures, t, t.entry, page.path(),
                        entryPage(family, code, page.kind() == Page.Kind.COMPACT_ENTRY)));
                case PAIR, REDIRECT -> pairs.computeIfAbsent(new Page(Page.Kind.PAIR, null, page.family(), page.code(), page.other()),
                        k -> new PairPages(new Pair(family, code, other), new ArrayList<>(2))).pages.add(page);
            }
        });
        for (PairPages p : pairs.values()) pairJob(jobs, sink, failures, t, p.pair, p.pages);
        runOnAllCores(jobs);
        if (!failures.isEmpty()) {
            throw new RenderException(oncePerTemplatePosition(failures));
        }
        Map<String, Integer> perLocale = new LinkedHashMap<>();
        for (String locale : site.locales()) perLocale.put(locale, pageCounts.getOrDefault(locale, new AtomicInteger()).get());
        return new Stats(perLocale, files.get());
    }

    /**
     * Runs {@code jobs} on one thread per core, each thread taking the next job as it finishes
     * one, so the threads finish together: a parallel stream cuts the list into a few large
     * chunks up front (four on two cores, by the common pool's parallelism), and on the
     * repository's site one thread could be left rendering a last chunk alone for a tenth of a
     * second. One thread per core: writing a page is a copy into the page cache, not a wait for
     * the disk, and the data files have a thread of their own beside these (Build). Twice as
     * many threads used 5 % more CPU for the same pages (medians of 11 builds of the repo's site).
     */
    private static void runOnAllCores(List<Runnable> jobs) throws IOException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicInteger completed = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
                try {
                    jobs.get(i).run();
                } catch (StopRendering e) {
                    next.set(jobs.size());
                    break;
                } catch (RuntimeException | Error e) {
                    next.set(jobs.size()); // the other threads stop after their current page (a full disk, say)
                    failed.compareAndSet(null, e);
                    return;
                }
            }
            completed.incrementAndGet();
        };
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, RENDER_THREADS);
        try {
            for (int t = 0; t < threads; t++) pool.execute(worker);
        } finally {
            pool.shutdown();
        }
        // The main thread waits for the threads to end, not for results they hand over: out of
        // memory, a thread can die while handing over its result (a FutureTask's), and a wait for
        // that result never ended (100 codes of 20,000-character texts in a 24 MB heap, LimitsTest).
        // A thread that ended without saying how it ended did not finish its pages.
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // still rendering
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Throwable e = failed.get();
        if (e instanceof UncheckedIOException io) throw io.getCause();
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        if (completed.get() < threads) throw new OutOfMemoryError("a rendering thread ended before its pages were done");
    }

    /** Thrown by a page that must stop the whole render; its error is already among the failures. */
    private static final class StopRendering extends RuntimeException {
        StopRendering() {
            super(null, null, false, false);
        }
    }

    /** Render threads are daemons named for what they do (in a profile or a thread dump). */
    private static final ThreadFactory RENDER_THREADS = new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "versus-render-" + count.incrementAndGet());
            t.setDaemon(true);
            // Out of memory, a worker can die outside its task (in the pool's own bookkeeping), and
            // the JVM's default handler would print a trace beside the one line the command prints
            // for the same condition (LimitsTest). The build's outcome is the main thread's; any
            // other error still reaches the default handler.
            t.setUncaughtExceptionHandler((thread, e) -> {
                if (!(e instanceof OutOfMemoryError)) thread.getThreadGroup().uncaughtException(thread, e);
            });
            return t;
        }
    };

    /** The selected pages of one comparison, in every locale. */
    private record PairPages(Pair pair, List<Page> pages) {}

    /** Adds the job that renders the selected pages of one comparison (and its redirects), in every locale. */
    private void pairJob(List<Runnable> jobs, PageSink sink, ConcurrentLinkedQueue<String> failures, Templates t,
                         Pair pair, List<Page> pages) {
        jobs.add(() -> {
            Comparison comparison = pages.stream().anyMatch(p -> p.kind() == Page.Kind.PAIR) ? analyzer.analyze(pair) : null;
            for (Page page : pages) {
                if (page.kind() == Page.Kind.PAIR) {
                    emit(sink, failures, t, t.pair, page.path(), pairPage(page.locale(), pair, comparison));
                } else {
                    emit(sink, failures, t, t.redirect, page.path(), redirectPage(page.locale(), pair));
                }
            }
        });
    }

    /**
     * One template mistake fails every page that uses it: report it once, with the first page
     * (in path order) and how many others hit the same error.
     */
    static List<String> oncePerTemplatePosition(java.util.Collection<String> failures) {
        Map<String, List<String>> byError = new java.util.TreeMap<>();
        for (String f : failures) {
            int at = f.lastIndexOf(" (while rendering ");
            String key = at < 0 ? f : f.substring(0, at);
            byError.computeIfAbsent(key, k -> new ArrayList<>()).add(at < 0 ? "" : f.substring(at + 18, f.length() - 1));
        }
        List<String> out = new ArrayList<>();
        byError.forEach((error, pages) -> {
            List<String> sorted = pages.stream().sorted().toList();
            String more = sorted.size() > 1 ? " and " + (sorted.size() - 1) + " more pages" : "";
            out.add(sorted.get(0).isEmpty() ? error : error + " (while rendering " + sorted.get(0) + more + ")");
        });
        return out;
    }

    /** The page templates a build uses. */
    public static final List<String> TEMPLATES = List.of("root.ftlh", "home.ftlh", "family.ftlh", "code.ftlh", "pair.ftlh",
            "redirect.ftlh", "404.ftlh", "entry.ftlh", "compact.ftlh");

    /** The templates, loaded once per render, and the {@code <@cached>} fragments of the render. */
    private final class Templates {
        final CachedDirective.Fragments fragments = cacheFragments ? new CachedDirective.Fragments() : null;
        final Template root;
        final Template home;
        final Template family;
        final Template code;
        final Template pair;
        final Template redirect;
        final Template notFound;
        final Template entry;
        final Template compact;

        Templates(TemplateEngine engine) throws IOException {
            root = engine.template("root.ftlh");
            home = engine.template("home.ftlh");
            family = engine.template("family.ftlh");
            code = engine.template("code.ftlh");
            pair = engine.template("pair.ftlh");
            redirect = engine.template("redirect.ftlh");
            notFound = engine.template("404.ftlh");
            entry = engine.template("entry.ftlh");
            compact = site.compactPages() ? engine.template("compact.ftlh") : null;
        }
    }

    /** One page buffer per rendering thread, reused: pages are 10 to 25 KB, and there are thousands. */
    private static final ThreadLocal<PageBuffer> BUFFERS = ThreadLocal.withInitial(() -> new PageBuffer(32 * 1024));

    private void emit(PageSink sink, ConcurrentLinkedQueue<String> failures, Templates t, Template template, String path,
                      Object model) {
        files.incrementAndGet();
        String name = template.getName();
        if (name.equals(Page.Kind.REDIRECT.template()) || name.equals(Page.Kind.ENTRY.template())
                || name.equals(Page.Kind.COMPACT.template()) || !path.contains("/")) {
            // Redirects, entries, compact copies and the language picker are not content pages of a language.
        } else {
            pageCounts.computeIfAbsent(path.substring(0, path.indexOf('/')), k -> new AtomicInteger()).incrementAndGet();
        }
        if (deadline != null && deadline.passed()) {
            failures.add("templates/" + template.getSourceName() + ":1:1: " + deadline.message() + " (while rendering "
                    + path + ")");
            throw new StopRendering();
        }
        PageBuffer text = BUFFERS.get().reset();
        try {
            engine.render(template, model, text, t.fragments, deadline);
        } catch (TemplateException e) {
            failures.add(TemplateErrors.describe(e, path));
            return;
        } catch (TemplateLimits.Exceeded e) {
            // Every other page would hit the same loop or recursion, each for as long: stop here.
            failures.add(e.describe(path));
            throw new StopRendering();
        } catch (StackOverflowError e) {
            // TemplateLimits.DEPTH should come first; if Java's stack is smaller than it assumes, say the same.
            failures.add("templates/" + template.getSourceName() + ":1:1: the template nests so deep that Java's stack"
                    + " overflowed; does a macro or function call itself without end? (while rendering " + path + ")");
            throw new StopRendering();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            text.finish();
            sink.write(path, text.bytes(), text.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- page views -------------------------------------------------------------------------

    private PageView page(String locale, String dir, String title, String description, List<Link> crumbs, String json) {
        return page(locale, null, dir, title, description, crumbs, json);
    }

    /** A page of {@code family} (or of none, if null): its labels are the family's ({@link Site#labels(String, Family)}). */
    private PageView page(String locale, Family family, String dir, String title, String description, List<Link> crumbs,
                          String json) {
        Labels labels = family == null ? site.labels(locale) : site.labels(locale, family);
        List<Alternate> alternates = new ArrayList<>();
        for (String other : site.locales()) {
            String target = SitePaths.alternate(dir, other);
            alternates.add(new Alternate(other, site.labels(other).get(LabelKey.LANGUAGE), paths.link(dir, target),
                    absolute(target), other.equals(locale)));
        }
        return new PageView(locale, title, description, SitePaths.asset(dir, ""), paths.link(dir, SitePaths.home(locale)),
                absolute(dir), labels.values(), alternates, crumbs,
                alternates, absolute(SitePaths.xDefault(dir, site.defaultLocale())), json, documentTitle(labels, title),
                site.stylesheets());
    }

    /** "421 Service not available – Example": the page's title, then the site's; the site's title alone on its homes. */
    private static String documentTitle(Labels labels, String title) {
        String siteTitle = labels.get(LabelKey.SITE_TITLE);
        return title.equals(siteTitle) ? title : labels.format(LabelKey.PATTERN_DOCUMENT_TITLE, Map.of("page", title, "site", siteTitle));
    }

    private String absolute(String dir) {
        return SitePaths.absolute(site.baseUrl(), dir);
    }

    private Link link(String label, String href) {
        return new Link(markup(Html.escape(label)), href);
    }

    private List<Link> crumbs(String locale, String from, Family family) {
        Labels l = site.labels(locale);
        List<Link> out = new ArrayList<>();
        out.add(link(l.get(LabelKey.NAV_HOME), paths.link(from, SitePaths.home(locale))));
        if (family != null) {
            out.add(link(family.titles().get(locale).value(), paths.link(from, SitePaths.family(locale, family.id()))));
        }
        return out;
    }

    private RootPage rootPage() {
        String locale = site.defaultLocale();
        List<Alternate> languages = site.locales().stream().map(l -> new Alternate(l, site.labels(l).get(LabelKey.LANGUAGE),
                paths.link("", SitePaths.home(l)), absolute(SitePaths.home(l)), false)).toList();
        PageView p = new PageView(locale, site.labels(locale).get(LabelKey.SITE_TITLE), site.labels(locale).get(LabelKey.SITE_TAGLINE), "",
                paths.link("", SitePaths.home(locale)), absolute(""),
                site.labels(locale).values(), List.of(), List.of(), languages, absolute(SitePaths.root()), null,
                documentTitle(site.labels(locale), site.labels(locale).get(LabelKey.SITE_TITLE)), site.stylesheets());
        return new RootPage(p, languages);
    }

    /**
     * A web server shows the 404 page at whatever address was asked for, so its links cannot be
     * relative: they start from the path of {@code baseUrl}. Offline there is no server and the
     * page is opened from the root folder, so they are relative to it.
     */
    private NotFoundPage notFoundPage() {
        String locale = site.defaultLocale();
        Labels l = site.labels(locale);
        boolean offline = paths.style() == UrlStyle.OFFLINE;
        String root = offline ? "" : SitePaths.basePath(site.baseUrl());
        List<Alternate> homes = site.locales().stream().map(other -> new Alternate(other,
                site.labels(other).get(LabelKey.NOT_FOUND_HOME),
                offline ? paths.link("", SitePaths.home(other)) : root + SitePaths.home(other), absolute(SitePaths.home(other)),
                false)).toList();
        String tagline = l.get(LabelKey.SITE_TAGLINE);
        PageView p = new PageView(locale, l.get(LabelKey.NOT_FOUND_TITLE), tagline.isEmpty() ? null : tagline, root,
                offline ? paths.link("", SitePaths.home(locale)) : root + SitePaths.home(locale), null,
                l.values(), List.of(), List.of(), List.of(), null, null, documentTitle(l, l.get(LabelKey.NOT_FOUND_TITLE)), site.stylesheets());
        // One 404 page serves every language: a reader who does not read the default one still learns what happened.
        List<Views.Message> others = site.locales().stream().filter(other -> !other.equals(locale))
                .map(other -> new Views.Message(other, site.labels(other).get(LabelKey.NOT_FOUND_TITLE),
                        site.labels(other).get(LabelKey.NOT_FOUND_TEXT))).toList();
        return new NotFoundPage(p, homes, others);
    }

    private HomePage homePage(String locale) {
        Labels l = site.labels(locale);
        String dir = SitePaths.home(locale);
        List<FamilySummary> families = new ArrayList<>();
        for (Family f : site.families()) {
            families.add(new FamilySummary(markup(Html.inline(f.titles().get(locale), locale)),
                    familyProse(locale, f, dir), paths.link(dir, SitePaths.family(locale, f.id())),
                    l.format(LabelKey.HOME_CODES, Map.of("count", String.valueOf(f.codes().size())))));
        }
        return new HomePage(page(locale, dir, l.get(LabelKey.SITE_TITLE), l.get(LabelKey.SITE_TAGLINE), List.of(), null), families);
    }

    private Prose familyProse(String locale, Family f, String dir) {
        Text d = f.descriptions().get(locale);
        String html = markdown.render(d.value(), f.id(), (fam, id) -> paths.link(dir, SitePaths.code(locale, fam, id)));
        return new Prose(markup(html), d.lang().equals(locale) ? null : d.lang());
    }

    private FamilyPage familyPage(String locale, Family family) {
        Labels l = site.labels(locale);
        String dir = SitePaths.family(locale, family.id());
        List<GroupView> groups = new ArrayList<>();
        // The column beside each code: the fact the family names (index.column), else the first
        // fact of the quick answer (for SMTP, temporary or permanent).
        dev.versus.model.Fact lead = family.index().column() != null ? family.fact(family.index().column())
                : QuickAnswers.lead(family);
        dev.versus.model.Fact groupedBy = family.index().groupedBy() == null ? null : family.fact(family.index().groupedBy());
        String groupsLabel = groupedBy == null ? null : groupedBy.text(locale).label().value();
        for (var g : family.groups()) {
            List<CodeLink> codes = family.codes().stream().filter(c -> c.groupKey().equals(g.key()))
                    .map(c -> {
                        List<String> v = lead == null ? List.of() : c.fact(lead.id());
                        return new CodeLink(c.id(), markup(Html.inline(c.text(locale).title(), locale)),
                                markup(Html.inline(c.text(locale).summary(), locale)),
                                paths.link(dir, SitePaths.code(locale, c)), v.isEmpty() ? null : v.get(0),
                                v.isEmpty() ? null : markup(QuickAnswers.values(site, locale, lead, v)));
                    })
                    .toList();
            String name = g.name(locale).value();
            String heading = groupsLabel == null ? name
                    : l.format(LabelKey.FAMILY_GROUP, Map.of("group", groupsLabel, "key", g.key(), "name", name));
            if (!codes.isEmpty()) groups.add(new GroupView(g.key(), name, heading, codes));
        }
        Text title = family.titles().get(locale);
        return new FamilyPage(page(locale, family, dir, title.value(), markdown.firstParagraphText(family.descriptions().get(locale).value()),
                crumbs(locale, dir, null), "index.json"), markup(Html.inline(title, locale)), familyProse(locale, family, dir), groups,
                l.format(LabelKey.FAMILY_PAIRS_COUNT, Map.of("count", String.valueOf(family.pairCount()))), picker(family, "", null),
                lead == null ? null : markup(Html.inline(lead.text(locale).label(), locale)),
                groupedBy == null ? null : markup(Html.inline(groupedBy.text(locale).label(), locale)));
    }

    private CodePage codePage(String locale, Family family, Code code) {
        Labels l = site.labels(locale);
        String dir = SitePaths.code(locale, code);
        CodeView view = codeViews.get(locale, code);
        // Curated pairs (those with an expert's note) first, then the codes it names as related,
        // then the rest in code order: the pair a reader most likely wants is near the top.
        List<Link> curated = new ArrayList<>(), related = new ArrayList<>(), rest = new ArrayList<>();
        for (Code other : family.codes()) {
            if (!family.hasPair(code, other)) continue;
            Pair pair = ordered(family, code, other);
            Link link = new Link(markup(Html.escape(l.format(LabelKey.LINK_PAIR, Map.of("a", code.id(), "b", other.id())))
                    + " <span class=\"muted\">" + Html.inline(other.text(locale).title(), locale) + "</span>"),
                    paths.link(dir, SitePaths.pair(locale, pair)));
            if (family.note(pair) != null) curated.add(link);
            else if (code.related().contains(other.id())) related.add(link);
            else rest.add(link);
        }
        List<Link> comparisons = new ArrayList<>(curated);
        comparisons.addAll(related);
        comparisons.addAll(rest);
        String title = l.format(LabelKey.PATTERN_CODE_TITLE, Map.of("family", family.name(locale), "code", code.id(),
                "title", code.text(locale).title().value()));
        PageView p = page(locale, family, dir, title, code.text(locale).summary().value(), crumbs(locale, dir, family),
                SitePaths.relative(dir, SitePaths.family(locale, family.id())) + code.id() + ".json");
        String untranslated = null;
        if (!locale.equals(site.defaultLocale()) && code.text(locale).untranslated(locale)) {
            String original = SitePaths.code(site.defaultLocale(), code);
            p = p.withCanonical(absolute(original));
            untranslated = paths.link(dir, original);
        }
        return new CodePage(p, view, comparisons, quickAnswers.of(locale, family, code, view), examples(locale, code),
                picker(family, SitePaths.relative(dir, SitePaths.family(locale, family.id())), code.id()), untranslated);
    }

    /**
     * The compact copy of a code page for a help pane: beside the code's page (so the text's
     * relative links work unchanged), naming it canonical, so search engines index the page only.
     */
    private Views.CompactPage compactPage(String locale, Family family, Code code) {
        CodePage full = codePage(locale, family, code);
        PageView p = full.page();
        String dir = SitePaths.code(locale, code);
        String canonical = p.canonical() != null ? p.canonical() : absolute(dir);
        PageView compact = new PageView(locale, p.title(), p.description(), p.root(), p.home(), canonical, p.labels(),
                List.of(), List.of(), List.of(), null, p.json(), p.documentTitle(), p.stylesheets());
        return new Views.CompactPage(compact, full.code(), full.quick(), full.examples(), full.untranslatedSource(),
                paths.link(dir, dir));
    }

    /**
     * A code's language-neutral address: its page (or compact page) in every language, the
     * default first, for assets/language.js to choose from and for readers without script.
     * Not indexed (it has no text of its own), and not in the sitemap.
     */
    private Views.EntryPage entryPage(Family family, Code code, boolean compact) {
        String locale = site.defaultLocale();
        Labels l = site.labels(locale);
        String dir = SitePaths.entry(family.id(), code.id());
        List<Views.EntryLink> languages = new ArrayList<>();
        for (String other : site.locales()) {
            String target = SitePaths.code(other, code);
            String href = compact ? SitePaths.relative(dir, target) + SitePaths.COMPACT_FILE : paths.link(dir, target);
            languages.add(new Views.EntryLink(other, site.labels(other).get(LabelKey.LANGUAGE),
                    site.labels(other).format(LabelKey.PATTERN_CODE_TITLE, Map.of("family", family.name(other), "code", code.id(),
                            "title", code.text(other).title().value())), href));
        }
        String title = languages.get(0).title();
        PageView p = new PageView(locale, title, null, SitePaths.asset(dir, ""), paths.link(dir, SitePaths.home(locale)), null,
                l.values(), List.of(), List.of(), List.of(), null, null, documentTitle(l, title), site.stylesheets());
        return new Views.EntryPage(p, locale, languages);
    }

    /**
     * The compare picker, with {@code selected} (or the first code that has a comparison) chosen
     * first and the first code it has a comparison with second; null where there is nothing to
     * compare. Where the family does not compare every pair, the picker lists the pairs it has.
     */
    private Views.Picker picker(Family family, String base, String selected) {
        List<Code> all = family.codes();
        Code first = selected != null ? family.code(selected)
                : all.stream().filter(c -> all.stream().anyMatch(o -> family.hasPair(c, o))).findFirst().orElse(null);
        Code second = first == null ? null : all.stream().filter(o -> family.hasPair(first, o)).findFirst().orElse(null);
        if (second == null) return null;
        String pairs = family.pairSelection().all() ? null
                : String.join(" ", new java.util.TreeSet<>(family.pairSelection().slugs()));
        return new Views.Picker(base, paths.style().pageSuffix(), first.id(), second.id(),
                all.stream().map(Code::id).toList(), pairs);
    }

    private List<Views.ExampleView> examples(String locale, Code code) {
        return code.examples(locale, site.defaultLocale()).stream()
                .map(e -> new Views.ExampleView(e.text(), e.from(), e.url(), e.lang().equals(locale) ? null : e.lang()))
                .toList();
    }

    /** The pair of {@code x} and {@code y} in page order (lower code first). */
    static Pair ordered(Family family, Code x, Code y) {
        return dev.versus.model.CodeOrder.INSTANCE.compare(x.id(), y.id()) < 0
                ? new Pair(family, x, y) : new Pair(family, y, x);
    }

    private PairPage pairPage(String locale, Pair pair, Comparison comparison) {
        Labels l = site.labels(locale);
        Family family = pair.family();
        String dir = SitePaths.pair(locale, pair);
        PairSentences sentences = sentences(locale, family);
        PairProse prose = sentences.write(comparison);
        CodeView a = codeViews.get(locale, pair.a());
        CodeView b = codeViews.get(locale, pair.b());
        PairProse.Glance g = prose.glance();
        Views.Glance glance = new Views.Glance(g.caption(), markup(g.a()), markup(g.b()), g.rows().stream()
                .map(r -> new Views.GlanceRow(r.fact(), markup(r.label()), markup(r.a()), markup(r.b()), r.differs(), r.aValues(), r.bValues(),
                        r.key())).toList());
        return new PairPage(page(locale, family, dir, prose.title(), prose.description(), crumbs(locale, dir, family), null),
                family.name(locale), a, b, markup(prose.intro()), glance, prose.shared() == null ? null : markup(prose.shared()),
                marks(prose.differences()), marks(prose.chooseServer()), marks(prose.chooseSender()),
                learnMore.of(locale, pair, dir), note(locale, pair), prose.sharedFacts(), prose.differenceFacts());
    }

    /** One sentence writer per locale and family: its compiled patterns are shared by all their pages. */
    private PairSentences sentences(String locale, Family family) {
        return memo.get(sentenceWriters, new Memo.FamilyKey(locale, family.id()), k -> new PairSentences(site, family, locale,
                (fam, id) -> codeViews.anchor(locale, family.id(), fam, id), memo));
    }

    private Views.Note note(String locale, Pair pair) {
        PairNote note = pair.family().note(pair);
        if (note == null) return null;
        return new Views.Note(note.section(), note.replace(), codeViews.prose(locale, pair.family().id(), note.body().get(locale)));
    }

    private RedirectPage redirectPage(String locale, Pair pair) {
        String dir = SitePaths.reversedPair(locale, pair);
        String target = SitePaths.pair(locale, pair);
        PageView p = new PageView(locale, site.labels(locale).format(LabelKey.LINK_PAIR, Map.of("a", pair.a().id(), "b", pair.b().id())),
                "", SitePaths.asset(dir, ""), paths.link(dir, SitePaths.home(locale)), absolute(target),
                site.labels(locale).values(), List.of(), List.of(), List.of(), null, null, null, List.of());
        return new RedirectPage(p, paths.link(dir, target));
    }

    private static List<TemplateHTMLOutputModel> marks(List<String> html) {
        return html.stream().map(TemplateEngine::markup).toList();
    }
}
