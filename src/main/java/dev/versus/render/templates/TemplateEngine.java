package dev.versus.render.templates;

import dev.versus.load.Theme;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The FreeMarker side of rendering: one {@link Configuration} for the run, set up as the manual
 * recommends for HTML: {@code .ftlh} templates auto-escape everything, markup produced by Versus
 * arrives as {@link TemplateHTMLOutputModel} so templates never need {@code ?no_esc}, errors
 * are thrown rather than printed into pages, and templates cannot reach arbitrary Java
 * ({@code ?new} and {@code ?api} are off). Thread-safe once built.
 */
public final class TemplateEngine {
    private final Configuration config;
    private final java.util.Map<String, Exception> preloadFailures = new java.util.concurrent.ConcurrentHashMap<>();

    public TemplateEngine(Path templates) throws IOException {
        Configuration c = new LoopCheckingConfiguration();
        c.setTemplateLoader(loader(templates));
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setRecognizeStandardFileExtensions(true);
        c.setOutputFormat(HTMLOutputFormat.INSTANCE);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setNumberFormat("computer");
        c.setObjectWrapper(new RecordWrapper(Configuration.VERSION_2_3_34));
        c.setSharedVariable(CachedDirective.NAME, new CachedDirective());
        // An engine reads each template once: a build is short, and serve makes a new engine when
        // a template changes. Without this FreeMarker checks the file again every five seconds.
        c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        this.config = c;
    }

    /**
     * A configuration whose templates, imported and included ones too, have a check at the start
     * of every loop body (FreeMarker's own thread-interruption check element, added once per
     * template as it is loaded: {@link LoopChecks}). Without it an empty loop body ({@code <#list 1.. as i></#list>})
     * enters no element, so {@link TemplateLimits} never saw it and the page never stopped; with
     * it every round of a loop is one element, and the page's time and size limits apply.
     */
    private static final class LoopCheckingConfiguration extends Configuration {
        private final java.util.Set<Template> checked = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

        LoopCheckingConfiguration() {
            super(Configuration.VERSION_2_3_34);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding, boolean parseAsFTL,
                                    boolean ignoreMissing) throws IOException {
            Template t = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
            if (t != null) {
                synchronized (checked) {
                    if (checked.add(t)) LoopChecks.add(t.getRootTreeNode());
                }
            }
            return t;
        }
    }

    /**
     * Puts FreeMarker's check element first in the body of every {@code <#list>} and
     * {@code <#items>}. FreeMarker adds it to every repeating block with a method of its internal
     * API, user directives included, where it would give {@code <@cached key="k"/>} a body; here
     * only loops get one. FreeMarker's classes are reached by reflection: if a FreeMarker version
     * renames them, the engine fails at once (and LimitsTest with it), not silently.
     */
    static final class LoopChecks {
        private static final java.lang.reflect.Constructor<?> CHECK;
        private static final java.lang.reflect.Method ADD_CHILD;
        private static final java.util.Set<String> LOOPS = java.util.Set.of("freemarker.core.IteratorBlock", "freemarker.core.Items");

        static {
            try {
                CHECK = Class.forName("freemarker.core.ThreadInterruptionSupportTemplatePostProcessor$ThreadInterruptionCheck")
                        .getDeclaredConstructor(freemarker.core.TemplateElement.class);
                CHECK.setAccessible(true);
                ADD_CHILD = freemarker.core.TemplateElement.class.getDeclaredMethod("addChild", int.class,
                        freemarker.core.TemplateElement.class);
                ADD_CHILD.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static void add(freemarker.core.TemplateElement e) {
            if (e == null) return;
            for (int i = 0; i < e.getChildCount(); i++) add((freemarker.core.TemplateElement) e.getChildAt(i));
            if (LOOPS.contains(e.getClass().getName())) {
                try {
                    ADD_CHILD.invoke(e, 0, CHECK.newInstance(e));
                } catch (ReflectiveOperationException x) {
                    throw new IllegalStateException("cannot add the loop check to " + e.getClass().getName(), x);
                }
            }
        }
    }

    /**
     * The site's own {@code templates/} first, then the built-in theme's, one file at a time (Hugo's
     * lookup order): a site overrides {@code layout.ftlh} or a partial without copying the rest.
     */
    private static TemplateLoader loader(Path templates) throws IOException {
        TemplateLoader theme = new ClassTemplateLoader(TemplateEngine.class.getClassLoader(), Theme.RESOURCE + "/templates");
        if (!Files.isDirectory(templates)) return theme;
        return new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(templates.toFile()), theme});
    }

    /** True if {@code name} is read from the built-in theme, not from the site's {@code templates/}. */
    public static boolean fromTheme(Path templates, String name) {
        return name != null && !Files.isRegularFile(templates.resolve(name));
    }

    /** Wraps HTML that Versus produced (rendered Markdown, linked sentences) so templates print it as is. */
    public static TemplateHTMLOutputModel markup(String html) {
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(html);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads and compiles the templates {@code names} now (they stay cached). A failure is kept and
     * thrown by {@link #template} when the renderer asks for that template: asked again, FreeMarker
     * would only say that an earlier attempt failed.
     */
    public TemplateEngine preload(java.util.Collection<String> names) {
        for (String name : names) {
            try {
                config.getTemplate(name);
            } catch (IOException | RuntimeException e) {
                preloadFailures.put(name, e);
            }
        }
        return this;
    }

    public Template template(String name) throws IOException {
        Exception failed = preloadFailures.get(name);
        if (failed instanceof IOException e) throw e;
        if (failed instanceof RuntimeException e) throw e;
        return config.getTemplate(name);
    }

    /**
     * Renders {@code template} with {@code model} into {@code out}; {@code <@cached>} content comes
     * from {@code fragments} when it holds it already (null: render it every time). A page that
     * nests too deep or renders too long throws {@link TemplateLimits.Exceeded}.
     */
    public void render(Template template, Object model, Writer out, CachedDirective.Fragments fragments)
            throws IOException, TemplateException {
        render(template, model, out, fragments, null);
    }

    /** As {@link #render(Template, Object, Writer, CachedDirective.Fragments)}, stopped at {@code build}'s deadline too (null: none). */
    public void render(Template template, Object model, Writer out, CachedDirective.Fragments fragments,
                       TemplateLimits.BuildDeadline build) throws IOException, TemplateException {
        Environment env = template.createProcessingEnvironment(model, out);
        CachedDirective.install(env, fragments);
        env.setTemplateProcessingTracer(new TemplateLimits(build));
        env.process();
    }
}
