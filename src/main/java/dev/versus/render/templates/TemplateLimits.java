package dev.versus.render.templates;

import freemarker.core.Environment;
import freemarker.core.TemplateProcessingTracer;

/**
 * Limits on one page's rendering, so that a template that calls itself without end or loops for
 * ever fails with its {@code template:line:column} instead of a thousand-frame Java stack trace
 * or a build (or a preview server) that never finishes. FreeMarker reports every element it
 * enters and leaves to this tracer: nesting deeper than {@link #DEPTH} elements, or a page still
 * rendering after {@link #MILLIS} ms, stops the page with {@link Exceeded}.
 */
public final class TemplateLimits implements TemplateProcessingTracer {
    /**
     * Elements nested in one another (each macro or function call and each directive inside it
     * counts one). Real templates nest a few dozen; a render thread's stack holds about two
     * thousand before Java overflows.
     */
    static final int DEPTH = 400;
    /** Time one page may take; a real page takes a millisecond or two. */
    static final long MILLIS = 3_000;
    /**
     * Bytes one page may have. Real pages are 10 to 300 KB; a loop that writes without end fills
     * the heap long before the page's time is up (two render threads at tens of megabytes a
     * second each), so the page's size is watched too.
     */
    static final int PAGE_BYTES = 16 << 20;
    /** The clock is read every this many elements: reading it is slower than the rest of the check. */
    private static final int CLOCK_EVERY = 1 << 10;

    /**
     * When a whole build must stop (a {@link System#nanoTime} value), and the limit in words:
     * {@code serve} gives its builds one, so that a site whose every page is slow, though none
     * is stopped by {@link #MILLIS}, cannot keep its watcher busy for hours.
     */
    public record BuildDeadline(long nanos, String limit) {
        public static BuildDeadline after(java.time.Duration d) {
            long ms = d.toMillis();
            String limit = ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
            return new BuildDeadline(System.nanoTime() + d.toNanos(), limit);
        }

        public boolean passed() {
            return System.nanoTime() - nanos > 0;
        }

        /** The message of a build stopped by this deadline. */
        public String message() {
            return "the build took more than " + limit + " and was stopped here; the next save builds again (is a"
                    + " template slow on every page?)";
        }
    }

    private final long deadline;
    private final BuildDeadline build;
    private int depth;
    private int entered;

    TemplateLimits(BuildDeadline build) {
        this.deadline = System.nanoTime() + MILLIS * 1_000_000;
        this.build = build;
    }

    @Override
    public void enterElement(Environment env, TracedElement element) {
        if (++depth > DEPTH) {
            throw new Exceeded(element, "templates nest more than " + DEPTH + " levels deep here; does a macro or"
                    + " function call itself without end?");
        }
        if ((++entered & (CLOCK_EVERY - 1)) == 0) {
            // The build's deadline first: when it is the nearer one, it is what stopped the page.
            if (build != null && build.passed()) throw new Exceeded(element, build.message());
            if (System.nanoTime() - deadline > 0) {
                throw new Exceeded(element, "the page took more than " + MILLIS / 1000 + " s to render and was stopped"
                        + " here; does a loop never end?");
            }
            if (env.getOut() instanceof PageBuffer page && page.sizeSoFar() > PAGE_BYTES) {
                throw new Exceeded(element, "the page is larger than " + (PAGE_BYTES >> 20) + " MB and was stopped here;"
                        + " does a loop never end?");
            }
        }
    }

    @Override
    public void exitElement(Environment env, TracedElement element) {
        depth--;
    }

    /** A page stopped by a limit, with the place in its template. */
    public static final class Exceeded extends RuntimeException {
        final String template;
        final int line;
        final int column;

        Exceeded(TracedElement at, String message) {
            super(message, null, false, false);
            this.template = at.getTemplate() != null ? at.getTemplate().getSourceName() : "?";
            this.line = at.getBeginLine();
            this.column = at.getBeginColumn();
        }

        /** {@code templates/x.ftlh:7:3: message (while rendering page)}, as {@link TemplateErrors} writes. */
        public String describe(String page) {
            return "templates/" + template + ":" + line + ":" + column + ": " + getMessage() + " (while rendering " + page + ")";
        }
    }
}
