package dev.versus.serve;

import dev.versus.Build;
import dev.versus.diagnostics.ContentError;
import dev.versus.diagnostics.Problems;
import dev.versus.load.ParseCache;
import dev.versus.load.RawSources;
import dev.versus.load.SourceLoader;
import dev.versus.model.Site;
import dev.versus.render.data.JsonExport;
import dev.versus.render.site.Page;
import dev.versus.render.site.PageSink;
import dev.versus.render.site.SitePages;
import dev.versus.render.site.UrlStyle;
import dev.versus.render.templates.RenderException;
import dev.versus.render.templates.TemplateEngine;
import dev.versus.render.templates.TemplateLimits;
import dev.versus.render.views.SiteRenderer;
import dev.versus.validate.SiteValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The builds of {@code versus serve}: the first renders the whole site into a {@link SiteMemory};
 * each later one loads and validates all the sources again (files that did not change are not
 * parsed again) and renders only the pages that the change affects ({@link ChangeImpact}), plus
 * pages the memory does not hold yet; pages the site no longer has are removed.
 *
 * <p>A build that fails changes no page: the memory keeps the last good site and takes the
 * errors. The next build is compared with that last good site, and template changes since then
 * are remembered, so what a failed build skipped is rendered once the sources are fixed.
 * Not thread-safe: one build at a time (the watcher's thread).
 */
final class IncrementalBuild {
    /** What one build did. */
    record Outcome(List<String> errors, Set<String> changed, int rendered, boolean everything,
                   long loadNanos, long renderNanos) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private static final String ASSETS = "assets";

    private final Path source;
    private final Path templates;
    private final SiteMemory memory;
    private final ParseCache parsed = new ParseCache();
    private TemplateEngine engine;
    /** The model of the site in memory, and its renderer; null until the first good build. */
    private Site built;
    private SiteRenderer renderer;
    /** Templates changed since the last good build ("code.ftlh"). */
    private final Set<String> templatesSinceBuilt = new TreeSet<>();
    private boolean assetsSinceBuilt = true;
    /** Families ("locale\0family") whose JSON copies are still to be written for the last good build. */
    private final Set<String> dataFamilies = new HashSet<>();
    /** The files copied from templates/assets/ by the last build that read them. */
    private Set<String> assetFiles = Set.of();
    /** The watcher lost events since the last good build: anything may have changed. */
    private boolean everythingSinceBuilt = true;

    /** How long one build may take before it is stopped with an error (null: no limit). */
    private Duration limit;

    IncrementalBuild(Path source, SiteMemory memory) {
        this.source = source.toAbsolutePath().normalize();
        this.templates = this.source.resolve(SourceLoader.TEMPLATES);
        this.memory = memory;
    }

    /** Stops every later build that takes longer than {@code limit}, with an error; the next one starts afresh. */
    IncrementalBuild limit(Duration limit) {
        this.limit = limit;
        return this;
    }

    /**
     * Builds after {@code changed} files or folders changed (absolute paths); null means anything
     * may have changed (the first build, or the watcher lost events).
     */
    Outcome run(Collection<Path> changed) {
        TemplateLimits.BuildDeadline deadline = limit == null ? null : TemplateLimits.BuildDeadline.after(limit);
        long start = System.nanoTime();
        if (changed == null) {
            engine = null;
            assetsSinceBuilt = true;
            everythingSinceBuilt = true;
        } else {
            for (Path p : changed) {
                Path file = p.toAbsolutePath().normalize();
                if (file.equals(templates)) {
                    // The whole folder appeared, went or was replaced: any template may have changed.
                    templatesSinceBuilt.add("*");
                    assetsSinceBuilt = true;
                    engine = null;
                }
                if (!file.startsWith(templates) || file.equals(templates)) continue;
                String name = templates.relativize(file).toString().replace('\\', '/');
                if (name.equals(ASSETS) || name.startsWith(ASSETS + "/")) {
                    assetsSinceBuilt = true;
                } else {
                    templatesSinceBuilt.add(name);
                    engine = null;
                }
            }
        }

        Problems problems = new Problems();
        RawSources raw = new SourceLoader(source, parsed).load(problems);
        Site site = new SiteValidator(problems).validate(raw);
        long loaded = System.nanoTime();
        if (!problems.isEmpty() || site == null) {
            return failed(problems.sorted().stream().map(ContentError::toString).toList(), start, loaded);
        }

        memory.basePath(dev.versus.render.site.SitePaths.basePath(site.baseUrl()));
        boolean everything = everythingSinceBuilt || built == null;
        ChangeImpact impact = everything ? ChangeImpact.everything()
                : ChangeImpact.between(built, site, templatesSinceBuilt);
        Map<String, Object> written = new ConcurrentHashMap<>();
        // With the same locales, families and codes the site has the same pages, all in memory
        // already: no page to add or remove, so no need to keep track of them (16,000 on the full site).
        boolean samePages = !everything && SitePages.shape(built).equals(SitePages.shape(site));
        Set<String> pages = samePages ? null : new HashSet<>();
        // The JSON files of a family in a locale hold what its index and code pages show.
        Set<String> jsonFamilies = new HashSet<>();
        Predicate<Page> select = page -> {
            boolean selected;
            if (samePages) {
                selected = impact.test(page);
            } else {
                String path = page.path();
                pages.add(path);
                selected = impact.test(page) || !memory.has(path);
            }
            if (selected && (page.kind() == Page.Kind.CODE || page.kind() == Page.Kind.FAMILY)) {
                jsonFamilies.add(page.locale() + "\u0000" + page.family());
            }
            return selected;
        };
        Set<Build.Output> outputs = EnumSet.of(Build.Output.PAGES, Build.Output.SEARCH_INDEX);
        if (!samePages || impact.everyPage()) outputs.add(Build.Output.SITEMAP);
        if (assetsSinceBuilt) outputs.add(Build.Output.ASSETS);
        // The JSON copies come after, in writeData(): no page shows them.
        SiteRenderer next;
        Build.Written wrote;
        Set<String> assetsBefore = assetFiles;
        try {
            if (engine == null) engine = new TemplateEngine(templates);
            next = new SiteRenderer(site, engine, UrlStyle.PRETTY).stopAt(deadline);
            if (!everything) next.reuseViews(renderer, impact::keepsView);
            wrote = Build.write(next, site, UrlStyle.PRETTY, templates, new Build.Selection(outputs, select, (l, f) -> false),
                    sink(written));
        } catch (RenderException e) {
            engine = null;
            return failed(e.messages(), start, loaded);
        } catch (IOException | UncheckedIOException e) {
            engine = null;
            return failed(List.of(SourceLoader.TEMPLATES + ":1:1: cannot read the templates: " + e.getMessage()), start, loaded);
        }
        if (assetsSinceBuilt) assetFiles = Set.copyOf(wrote.assets());
        Set<String> json = samePages ? null : JsonExport.files(site);
        // The same pages keep every file but the assets that went (deleted or renamed): a build
        // would not write them either.
        Predicate<String> kept = !samePages ? path -> pages.contains(path) || json.contains(path) || assetFiles.contains(path)
                : assetsSinceBuilt ? path -> !assetsBefore.contains(path) || assetFiles.contains(path) : null;
        Set<String> changedFiles = memory.apply(written, kept);
        memory.errors(List.of());
        built = site;
        renderer = next;
        dataFamilies.addAll(jsonFamilies);
        templatesSinceBuilt.clear();
        assetsSinceBuilt = false;
        everythingSinceBuilt = false;
        int rendered = rendered(written.keySet());
        return new Outcome(List.of(), changedFiles, rendered, everything || impact.everyPage(),
                loaded - start, System.nanoTime() - loaded);
    }

    /**
     * Loads and validates the sources {@code rounds} times, or until {@code stop} says so, and
     * throws the results away: run in the background after the first build, it lets the JIT
     * compile the load and validate stages before the author's first save, which otherwise takes
     * two to three times longer. Touches nothing a build uses; safe beside one.
     */
    void warmUp(int rounds, BooleanSupplier stop) {
        ParseCache own = new ParseCache();
        for (int i = 0; i < rounds && !stop.getAsBoolean(); i++) {
            Problems problems = new Problems();
            new SiteValidator(problems).validate(new SourceLoader(source, own).load(problems));
        }
    }

    private Outcome failed(List<String> errors, long start, long loaded) {
        memory.errors(errors);
        return new Outcome(errors, Set.of(), 0, false, loaded - start, System.nanoTime() - loaded);
    }

    /** A sink into {@code written}: the bytes of every file, or where a large asset is ({@link SiteMemory.OnDisk}). */
    private static PageSink sink(Map<String, Object> written) {
        return new PageSink() {
            @Override
            public void write(String path, byte[] content) {
                written.put(path, content);
            }

            @Override
            public void copy(String path, Path file) throws IOException {
                if (Files.size(file) > SiteMemory.KEEP_AT_MOST) {
                    written.put(path, SiteMemory.OnDisk.of(file));
                } else {
                    written.put(path, Files.readAllBytes(file));
                }
            }
        };
    }

    /** The pages among the files of a build (HTML; JSON, scripts, sitemap and assets are not pages). */
    private static int rendered(Set<String> files) {
        return (int) files.stream().filter(f -> f.endsWith(".html")).count();
    }

    /**
     * Writes the JSON copies of the families the last good build changed ({@code <l>/<family>/<code>.json},
     * {@code index.json}); returns the files that changed. Separate from {@link #run} because no
     * page shows them: {@code serve} tells the open pages to reload first, then writes these
     * (tens of milliseconds for a family, as every code's Markdown is rendered again for them).
     */
    Set<String> writeData() {
        if (dataFamilies.isEmpty() || built == null) return Set.of();
        Map<String, Object> written = new ConcurrentHashMap<>();
        try {
            Build.write(renderer, built, UrlStyle.PRETTY, templates, new Build.Selection(EnumSet.of(Build.Output.JSON),
                    page -> false, (locale, family) -> dataFamilies.contains(locale + "\u0000" + family)), sink(written));
        } catch (IOException | RenderException e) {
            throw new IllegalStateException(e); // no page nor template: the sink is a map and cannot fail
        }
        dataFamilies.clear();
        return memory.apply(written, null);
    }
}
