package dev.versus;

import dev.versus.diagnostics.ContentException;
import dev.versus.diagnostics.Problems;
import dev.versus.load.RawSources;
import dev.versus.load.SourceLoader;
import dev.versus.load.Theme;
import dev.versus.model.Site;
import dev.versus.publish.OutputFolder;
import dev.versus.publish.PublishException;
import dev.versus.publish.UnsafeOutputException;
import dev.versus.render.data.JsonExport;
import dev.versus.render.data.SearchIndex;
import dev.versus.render.data.Sitemap;
import dev.versus.render.site.Page;
import dev.versus.render.site.PageSink;
import dev.versus.render.site.UrlStyle;
import dev.versus.render.templates.RenderException;
import dev.versus.render.templates.TemplateEngine;
import dev.versus.render.views.SiteRenderer;
import dev.versus.validate.SiteValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * One build, its stages in the order they run: load → validate → render → write. Each stage
 * either hands a complete result to the next or stops the build with every error it found.
 * The render stage ({@link #write}) is the same for {@code build} and {@code serve}: only the
 * selection of outputs and pages and the sink differ.
 */
public final class Build {
    private final Options options;

    /**
     * What a build reads and writes; {@code baseUrl} null keeps the one in site.yaml.
     * {@link UrlStyle#OFFLINE} writes every link as a file ({@code .../index.html}) so the site
     * browses from {@code file://}.
     */
    public record Options(Path source, Path out, String baseUrl, UrlStyle urlStyle) {}

    /** What a successful build produced. */
    public record Result(Site site, SiteRenderer.Stats stats, int files, int changedFiles, long millis, Timings timings,
                         List<String> notes) {}

    /**
     * Where the time of a build went, in milliseconds: loading and validating the sources,
     * rendering the pages, the data files (JSON, search index, sitemap; written on their own
     * thread while the pages render, so they overlap) and publishing the output folder.
     */
    public record Timings(long validate, long pages, long data, long publish) {}

    public Build(Options options) {
        this.options = options;
    }

    /** Loads and validates the sources; the {@code check} command stops here. */
    public Site validate() throws ContentException {
        Problems problems = new Problems();
        RawSources raw = new SourceLoader(options.source()).load(problems);
        Site site = new SiteValidator(problems).validate(raw);
        if (!problems.isEmpty() || site == null) {
            throw new ContentException(problems.sorted());
        }
        if (options.baseUrl() != null) {
            site = site.withBaseUrl(options.baseUrl());
        }
        return site;
    }

    /**
     * Renders one page of each kind in each locale, into nothing, and returns the template errors
     * a build would meet ({@code check}): a template or partial that neither the site nor the
     * theme has, a syntax error, an unknown variable; and the links of those pages to an asset
     * that no file provides (neither the site's {@code templates/assets/} nor the theme's, nor a
     * data file of the build), which a build would publish as broken links.
     */
    public TemplateCheck checkTemplates(Site site) throws IOException {
        Path templates = options.source().resolve(SourceLoader.TEMPLATES);
        Set<String> sampled = new java.util.HashSet<>();
        java.util.concurrent.ConcurrentMap<String, String> linkedFrom = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.regex.Pattern link = assetLink(site.baseUrl());
        try {
            new SiteRenderer(site, loadTemplates(templates), options.urlStyle()).render((path, content) -> {
                var m = link.matcher(new String(content, java.nio.charset.StandardCharsets.UTF_8));
                while (m.find()) linkedFrom.merge(m.group(1), path, (a, b) -> a.compareTo(b) <= 0 ? a : b); // the same page on every run
            }, page -> sampled.add(page.kind() + " " + page.locale()));
        } catch (RenderException e) {
            return new TemplateCheck(e.messages(), List.of());
        } catch (freemarker.core.ParseException | freemarker.template.TemplateNotFoundException | SecurityException e) {
            return new TemplateCheck(templateError(e, templates).messages(), List.of());
        }
        Set<String> provided = new java.util.TreeSet<>(Theme.assets(templates).keySet());
        for (String locale : site.locales()) provided.add(SearchIndex.file(locale).substring(ASSETS.length() + 1));
        List<dev.versus.diagnostics.ContentError> missing = new ArrayList<>();
        for (var e : linkedFrom.entrySet()) {
            String asset = e.getKey();
            if (provided.contains(asset)) continue;
            missing.add(new dev.versus.diagnostics.ContentError(whereLinked(templates, ASSETS + "/" + asset),
                    e.getValue() + " links " + ASSETS + "/" + asset + ", which is neither in templates/assets/ nor in the"
                            + " built-in theme; create templates/assets/" + asset
                            + dev.versus.validate.Suggest.closest(asset, provided).map(s -> "; did you mean '" + ASSETS + "/" + s + "'?")
                            .orElse("")));
        }
        return new TemplateCheck(List.of(), List.copyOf(missing));
    }

    /** What {@link #checkTemplates} found: template errors (as printed), and links to missing assets. */
    public record TemplateCheck(List<String> errors, List<dev.versus.diagnostics.ContentError> missingAssets) {}

    /**
     * A link or source under the site's {@code assets/} in a rendered page: relative
     * ({@code ../../assets/x}) or, as on the 404 page, from the path of {@code baseUrl}; group 1
     * is the file below {@code assets/}.
     */
    private static java.util.regex.Pattern assetLink(String baseUrl) {
        String path = "/";
        try {
            String p = java.net.URI.create(baseUrl).getPath();
            if (p != null && !p.isEmpty()) path = p.endsWith("/") ? p : p + "/";
        } catch (IllegalArgumentException | NullPointerException e) {
            // validated already; "/" is the safe default
        }
        return java.util.regex.Pattern.compile("(?:href|src)=\"(?:\\./|(?:\\.\\./)*|" + java.util.regex.Pattern.quote(path) + ")"
                + ASSETS + "/([A-Za-z0-9._/-]+)[\"?#]");
    }

    /** The first place a site template names {@code target}, else the file to create. */
    private static dev.versus.diagnostics.Location whereLinked(Path templates, String target) throws IOException {
        if (Files.isDirectory(templates, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            List<Path> files;
            try (var walk = Files.walk(templates)) {
                files = walk.filter(f -> f.toString().endsWith(".ftlh") && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                        .sorted().toList();
            }
            for (Path f : files) {
                List<String> lines = Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    int col = lines.get(i).indexOf(target);
                    if (col >= 0) {
                        String rel = SourceLoader.TEMPLATES + "/" + templates.relativize(f).toString().replace('\\', '/');
                        return new dev.versus.diagnostics.Location(rel, i + 1, col + 1);
                    }
                }
            }
        }
        return dev.versus.diagnostics.Location.fileStart(SourceLoader.TEMPLATES + "/" + target);
    }

    /** The whole build; the output folder changes only if every stage succeeded. */
    public Result run() throws ContentException, RenderException, UnsafeOutputException, IOException {
        long start = System.nanoTime();
        // The output folder is checked and locked first, so that a wrong --out is reported even
        // when the sources have errors too, and a second build into the same folder stops at once.
        try (OutputFolder out = OutputFolder.open(options.out(), options.source())) {
            Path templates = options.source().resolve(SourceLoader.TEMPLATES);
            // The templates do not depend on the content: they are read and compiled on another
            // core while this one loads and validates the sources.
            FutureTask<TemplateEngine> engine = beside(() -> loadTemplates(templates), "versus-templates");
            Site site = validate();
            long validated = System.nanoTime();
            SiteRenderer renderer = new SiteRenderer(site, finish(engine), options.urlStyle());
            Written written;
            try {
                written = write(renderer, site, options.urlStyle(), templates, Selection.EVERYTHING, out);
            } catch (IOException e) {
                throw PublishException.beforeSwap(e, out);
            }
            long rendered = System.nanoTime();
            out.commit();
            long end = System.nanoTime();
            Timings timings = new Timings(millis(start, validated), millis(validated, rendered),
                    millis(validated, written.dataDoneNanos()), millis(rendered, end));
            return new Result(site, written.pages(), out.files(), out.changedFiles(), millis(start, end), timings,
                    out.notes());
        }
    }

    /**
     * Compiles the page templates. A template that fails to load fails again, with its error,
     * when the renderer asks for it.
     */
    private static TemplateEngine loadTemplates(Path templates) throws IOException {
        return new TemplateEngine(templates).preload(SiteRenderer.TEMPLATES);
    }

    // ---- the outputs ----------------------------------------------------------------------

    /**
     * Everything a build writes, in one list. {@code build} writes them all; {@code serve} the
     * ones a change affects. Adding an output (an Atom feed, say) is adding a constant here and
     * its line in {@link #writeData}.
     */
    public enum Output {
        /** The pages, rendered with their templates on all cores (and {@code 404.html}). */
        PAGES,
        /** {@code <l>/<family>/<code>.json} and {@code index.json}, for the families selected. */
        JSON,
        /** {@code assets/search-index.<l>.js}. */
        SEARCH_INDEX,
        /** {@code sitemap.xml} and {@code robots.txt}. */
        SITEMAP,
        /** The static files of {@code templates/assets/}, copied. */
        ASSETS
    }

    /**
     * What to write: the outputs in {@code outputs}; of the pages, those {@code pages} accepts
     * (asked once about every page, before any is rendered: see {@link SiteRenderer#render});
     * of the JSON files, those of the locale and family {@code json} accepts.
     */
    public record Selection(Set<Output> outputs, Predicate<Page> pages, BiPredicate<String, String> json) {
        public static final Selection EVERYTHING = new Selection(EnumSet.allOf(Output.class), page -> true, (l, f) -> true);

        public Selection {
            outputs = outputs.isEmpty() ? EnumSet.noneOf(Output.class) : EnumSet.copyOf(outputs);
        }
    }

    /**
     * What {@link #write} wrote: the counts of the pages (null if they were not selected), the
     * files copied from {@code templates/assets/}, and when the data files were done.
     */
    public record Written(SiteRenderer.Stats pages, List<String> assets, long dataDoneNanos) {}

    /**
     * The render stage, for {@code build} and {@code serve} alike: writes the selected outputs of
     * {@code site} into {@code sink}, the pages on all cores with {@code renderer} and the data
     * files on a thread of their own beside them (they need nothing from the pages). Throws with
     * every template error if any page failed, or with the error of a template that cannot be
     * loaded; the caller decides what a failed render means for what it already received.
     */
    public static Written write(SiteRenderer renderer, Site site, UrlStyle style, Path templates, Selection selection,
                                PageSink sink) throws RenderException, IOException {
        List<String> assets = new ArrayList<>();
        long[] dataDone = {System.nanoTime()};
        FutureTask<Void> data = beside(() -> {
            writeData(site, style, templates, selection, sink, assets);
            dataDone[0] = System.nanoTime();
            return null;
        }, "versus-data");
        SiteRenderer.Stats pages = null;
        boolean rendered = false;
        try {
            if (selection.outputs().contains(Output.PAGES)) pages = renderer.render(sink, selection.pages());
            rendered = true;
        } catch (freemarker.core.ParseException | freemarker.template.TemplateNotFoundException | SecurityException e) {
            throw templateError(e, templates);
        } finally {
            // Whatever happened to the pages, the data thread is done with the sink before the
            // caller commits or rolls back (and the pages' error is the one reported).
            if (!rendered) awaitQuietly(data);
        }
        finish(data);
        return new Written(pages, List.copyOf(assets), dataDone[0]);
    }

    /** The outputs other than the pages, in the order they are written. */
    private static void writeData(Site site, UrlStyle style, Path templates, Selection selection, PageSink sink,
                                  List<String> assets) throws IOException {
        Set<Output> outputs = selection.outputs();
        if (outputs.contains(Output.JSON)) new JsonExport(site).write(sink, selection.json());
        if (outputs.contains(Output.SEARCH_INDEX)) new SearchIndex(site, style).write(sink);
        if (outputs.contains(Output.SITEMAP)) new Sitemap(site).write(sink);
        if (outputs.contains(Output.ASSETS)) copyAssets(templates, sink, assets, Sitemap.atHostRoot(site.baseUrl()));
    }

    /** Where the static files go, below the output folder. */
    private static final String ASSETS = "assets";

    /**
     * Copies the static files of the built-in theme's and the site's {@code templates/assets/} to
     * {@code assets/} (a site file replacing the theme's of the same name), in path order; no
     * symbolic links, no templates. At the root of a host, {@code favicon.ico} also goes to the
     * output's root: every browser asks the host for {@code /favicon.ico}, whatever the pages link.
     * Under a path (like robots.txt) the host's root is not the build's to write, and the pages'
     * {@code <link rel=icon>} is enough.
     */
    private static void copyAssets(Path templates, PageSink sink, List<String> copied, boolean atHostRoot) throws IOException {
        for (var asset : Theme.assets(templates).entrySet()) {
            String path = ASSETS + "/" + asset.getKey();
            sink.copy(path, asset.getValue());
            copied.add(path);
            if (atHostRoot && asset.getKey().equals(FAVICON)) {
                sink.copy(FAVICON, asset.getValue());
                copied.add(FAVICON);
            }
        }
    }

    /** The icon browsers ask a host for, as an asset and (at a host root) at the root. */
    private static final String FAVICON = "favicon.ico";

    /** The one wording of a template that cannot be loaded, for {@code build} and {@code serve}. */
    private static RenderException templateError(Exception e, Path templates) {
        if (e instanceof freemarker.core.ParseException p) {
            return new RenderException(List.of("templates/" + p.getTemplateName() + ":" + p.getLineNumber() + ":"
                    + p.getColumnNumber() + ": " + p.getEditorMessage().strip().replaceAll("\\s+", " ")));
        }
        if (e instanceof freemarker.template.TemplateNotFoundException n) {
            return new RenderException(List.of("templates/" + n.getTemplateName() + ":1:1: template not found, neither in the"
                    + " site's templates/ nor in the built-in theme; check the name in the <#import> or <#include> that asks for it"));
        }
        // FreeMarker refuses templates that resolve outside templates/ (a symbolic link, say).
        return new RenderException(List.of("templates: " + e.getMessage() + "; templates must be plain files inside templates/"));
    }

    /**
     * For a site under a path, the {@code Sitemap:} line to add to the host's robots.txt (the
     * build writes robots.txt only at a host root); null at a host root.
     */
    public static String robotsLine(String baseUrl) {
        return Sitemap.robotsLine(baseUrl);
    }

    // ---- threads --------------------------------------------------------------------------

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /** Starts {@code task} on a daemon thread of its own, named for what it does. */
    private static <T> FutureTask<T> beside(Callable<T> task, String name) {
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = new Thread(future, name);
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /** Waits for {@code task} to end, even when interrupted, ignoring how. */
    private static void awaitQuietly(FutureTask<?> task) {
        try {
            finish(task);
        } catch (IOException | RuntimeException | Error e) {
            // the caller reports its own failure
        }
    }

    /** Waits for {@code task}, even when interrupted; rethrows what it threw, as itself. */
    private static <T> T finish(FutureTask<T> task) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
