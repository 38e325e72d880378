package dev.versus.cli;

import dev.versus.diagnostics.ContentError;
import dev.versus.diagnostics.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints a list of errors the same way for every command: one per line, then a count. Every line
 * goes through {@link TerminalText#visible}: errors quote file names and values from content.
 */
final class ErrorReport {
    private ErrorReport() {}

    static void print(PrintWriter err, String stage, List<?> errors) {
        for (Object e : errors) err.println(TerminalText.visible(String.valueOf(e)));
        count(err, stage, errors.size());
    }

    /**
     * Errors in the sources under {@code root}: each on its own {@code path:line:column: message}
     * line, which editors and CI logs recognise, followed by the line it points at (see
     * {@link SourceExcerpt}), indented so that it is not mistaken for another error.
     */
    static void print(PrintWriter err, String stage, List<ContentError> errors, Path root) {
        SourceExcerpt excerpts = new SourceExcerpt(root);
        for (ContentError e : errors) {
            err.println(TerminalText.visible(e.toString()));
            excerpts.of(e.location()).forEach(err::println);
        }
        count(err, stage, errors.size());
    }

    private static void count(PrintWriter err, String stage, int errors) {
        err.println(stage + " failed: " + errors + (errors == 1 ? " error" : " errors"));
        err.flush();
    }
}
