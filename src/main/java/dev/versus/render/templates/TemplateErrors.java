package dev.versus.render.templates;

import freemarker.template.TemplateException;

/** Turns FreeMarker's exceptions into one line: {@code templates/x.ftlh:7:3: message (rendering page)}. */
public final class TemplateErrors {
    private TemplateErrors() {}

    public static String describe(TemplateException e, String page) {
        String where = "templates/" + (e.getTemplateSourceName() != null ? e.getTemplateSourceName() : "?")
                + ":" + orOne(e.getLineNumber()) + ":" + orOne(e.getColumnNumber());
        return where + ": " + firstLine(e.getMessageWithoutStackTop()) + " (while rendering " + page + ")";
    }

    private static int orOne(Integer n) {
        return n == null ? 1 : n;
    }

    /**
     * FreeMarker's message up to its "----" tips block, on one line: it keeps the part that
     * names the failing expression ("==> page.titel") and drops the generic advice.
     */
    static String firstLine(String s) {
        if (s == null) return "template error";
        String t = s.strip();
        int tips = t.indexOf("\n----");
        if (tips >= 0) t = t.substring(0, tips);
        t = t.replaceAll("\\s*\\[in template [^\\]]*]", "");
        return t.replaceAll("\\s+", " ").strip();
    }
}
