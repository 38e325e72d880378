package dev.versus.render;

import freemarker.template.TemplateException;

/** Turns FreeMarker's exceptions into one line: {@code templates/x.ftlh:7:3: message (rendering page)}. */
final class TemplateErrors {
    private TemplateErrors() {}

    static String describe(TemplateException e, String page) {
        String where = "templates/" + (e.getTemplateSourceName() != null ? e.getTemplateSourceName() : "?")
                + ":" + orOne(e.getLineNumber()) + ":" + orOne(e.getColumnNumber());
        return where + ": " + firstLine(e.getMessageWithoutStackTop()) + " (while rendering " + page + ")";
    }

    private static int orOne(Integer n) {
        return n == null ? 1 : n;
    }

    private static String firstLine(String s) {
        if (s == null) return "template error";
        String t = s.strip();
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).strip();
    }
}
