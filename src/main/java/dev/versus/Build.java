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
import dev.versus.render.site.UrlStyle;
import dev.versus.render.templates.RenderException;
import dev.versus.render.templates.TemplateEngine;
import dev.versus.render.views.SiteRenderer;
import dev.versus.validate.SiteValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One build, its stages in the order they run: load → validate → render → write. Each stage
 * either hands a complete result to the next or stops the build with every error it found.
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

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static void awaitQuietly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private static Thread start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits for {@code task}; rethrows what it threw, as itself. */
    private static <T> T finish(FutureTask<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Renders one page of each kind in each locale, into nothing, and returns the template errors
     * a build would meet ({@code check}): a template or partial that neither the site nor the
     * theme has, a syntax error, an unknown variable.
     */
    public List<String> checkTemplates(Site site) throws IOException {
        Path templates = options.source().resolve(SourceLoader.TEMPLATES);
        java.util.Set<String> sampled = new java.util.HashSet<>();
        try {
            TemplateEngine engine = new TemplateEngine(templates).preload(SiteRenderer.TEMPLATES);
            new SiteRenderer(site, engine, options.urlStyle()).render((path, content) -> { },
                    page -> sampled.add(page.kind() + " " + page.locale()));
            return List.of();
        } catch (RenderException e) {
            return e.messages();
        } catch (freemarker.core.ParseException | SecurityException | freemarker.template.TemplateNotFoundException e) {
            return templateErrors(e);
        }
    }

    /** The whole build; the output folder changes only if every stage succeeded. */
    public Result run() throws ContentException, RenderException, UnsafeOutputException, IOException {
        long start = System.nanoTime();
        // The output folder is checked and locked first, so that a wrong --out is reported even
        // when the sources have errors too, and a second build into the same folder stops at once.
        try (OutputFolder out = OutputFolder.open(options.out(), options.source())) {
            Path templates = options.source().resolve(SourceLoader.TEMPLATES);
            // The templates do not depend on the content: they are read and compiled on another core
            // while this one validates the sources. A template that fails to load fails again, with
            // its error, when the renderer asks for it.
            FutureTask<TemplateEngine> loading = new FutureTask<>(() -> new TemplateEngine(templates).preload(SiteRenderer.TEMPLATES));
            start(loading, "versus-templates");
            Site site = validate();
            long validated = System.nanoTime();
            TemplateEngine engine = finish(loading);
            // The data files need nothing from the pages: written on a thread of their own while
            // the pages render, instead of after them on one core.
            long[] dataDone = {0};
            FutureTask<Void> data = new FutureTask<>(() -> {
                new JsonExport(site).write(out);                        // <l>/<family>/<code>.json, index.json
                new SearchIndex(site, options.urlStyle()).write(out);   // assets/search-index.<l>.js
                new Sitemap(site).write(out);                           // sitemap.xml, robots.txt
                for (var asset : Theme.assets(templates).entrySet()) {    // the theme's, then the site's own
                    out.write("assets/" + asset.getKey(), Files.readAllBytes(asset.getValue()));
                }
                dataDone[0] = System.nanoTime();
                return null;
            });
            Thread dataThread = start(data, "versus-data");
            SiteRenderer.Stats stats;
            try {
                stats = new SiteRenderer(site, engine, options.urlStyle()).render(out);
            } catch (freemarker.core.ParseException | freemarker.template.TemplateNotFoundException e) {
                // FreeMarker reports a broken or missing template as an IOException: it is the
                // template's error, reported below with its position, not a failure to write.
                throw e;
            } catch (IOException e) {
                throw PublishException.beforeSwap(e, out);
            } finally {
                // Whatever happened to the pages, the data thread is done with the output folder
                // before it is committed or rolled back.
                awaitQuietly(dataThread);
            }
            long rendered = System.nanoTime();
            try {
                finish(data);
            } catch (IOException e) {
                throw PublishException.beforeSwap(e, out);
            }
            out.commit();
            long end = System.nanoTime();
            Timings timings = new Timings(millis(start, validated), millis(validated, rendered), millis(validated, dataDone[0]),
                    millis(rendered, end));
            return new Result(site, stats, out.files(), out.changedFiles(), millis(start, end), timings, out.notes());
        } catch (freemarker.core.ParseException | SecurityException | freemarker.template.TemplateNotFoundException e) {
            throw new RenderException(templateErrors(e));
        }
    }

    /** A template that cannot be loaded, as one error line. */
    private static List<String> templateErrors(Exception e) {
        if (e instanceof freemarker.core.ParseException p) {
            return List.of("templates/" + p.getTemplateName() + ":" + p.getLineNumber() + ":"
                    + p.getColumnNumber() + ": " + p.getEditorMessage().strip().replaceAll("\\s+", " "));
        }
        if (e instanceof freemarker.template.TemplateNotFoundException n) {
            return List.of("templates/" + n.getTemplateName() + ":1:1: template not found, neither in the"
                    + " site's templates/ nor in the built-in theme; check the name in the <#import> or <#include> that asks for it");
        }
        // FreeMarker refuses templates that resolve outside templates/ (a symbolic link, say).
        return List.of("templates: " + e.getMessage() + "; templates must be plain files inside templates/");
    }
}
