package dev.versus;

import dev.versus.load.RawSources;
import dev.versus.load.SourceLoader;
import dev.versus.model.Site;
import dev.versus.publish.OutputFolder;
import dev.versus.publish.UnsafeOutputException;
import dev.versus.render.JsonExport;
import dev.versus.render.RenderException;
import dev.versus.render.SearchIndex;
import dev.versus.render.Sitemap;
import dev.versus.render.SiteRenderer;
import dev.versus.render.TemplateEngine;
import dev.versus.render.UrlStyle;
import dev.versus.validate.ContentException;
import dev.versus.validate.Problems;
import dev.versus.validate.SiteValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    public record Result(Site site, SiteRenderer.Stats stats, int files, int changedFiles, long millis) {}

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
            site = new Site(site.title(), options.baseUrl(), site.defaultLocale(), site.locales(), site.labels(),
                    site.families());
        }
        return site;
    }

    /** The whole build; the output folder changes only if every stage succeeded. */
    public Result run() throws ContentException, RenderException, UnsafeOutputException, IOException {
        long start = System.nanoTime();
        OutputFolder.checkTarget(options.out(), options.source());
        Site site = validate();
        Path templates = options.source().resolve(SourceLoader.TEMPLATES);
        TemplateEngine engine = new TemplateEngine(templates);
        try (OutputFolder out = OutputFolder.open(options.out(), options.source())) {
            SiteRenderer.Stats stats = new SiteRenderer(site, engine, options.urlStyle()).render(out);
            new JsonExport(site).write(out);                        // <l>/<family>/<code>.json, index.json
            new SearchIndex(site, options.urlStyle()).write(out);   // assets/search-index.<l>.js
            new Sitemap(site).write(out);                           // sitemap.xml, robots.txt
            out.copyTree(templates.resolve("assets"), "assets", p -> !p.getFileName().toString().endsWith(".ftlh"));
            out.commit();
            return new Result(site, stats, out.files(), out.changedFiles(), (System.nanoTime() - start) / 1_000_000);
        } catch (freemarker.core.ParseException e) {
            throw new RenderException(List.of("templates/" + e.getTemplateName() + ":" + e.getLineNumber() + ":"
                    + e.getColumnNumber() + ": " + e.getEditorMessage().strip().replaceAll("\\s+", " ")));
        } catch (SecurityException e) {
            // FreeMarker refuses templates that resolve outside templates/ (a symbolic link, say).
            throw new RenderException(List.of("templates: " + e.getMessage()
                    + "; templates must be plain files inside templates/"));
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new RenderException(List.of("templates/" + e.getTemplateName() + ":1:1: template not found in "
                    + templates + (Files.isDirectory(templates) ? "" : " (the folder does not exist)")));
        }
    }
}
