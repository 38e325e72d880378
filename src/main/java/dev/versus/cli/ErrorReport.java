package dev.versus.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints a list of errors the same way for every command: one per line, then a count. */
final class ErrorReport {
    private ErrorReport() {}

    static void print(PrintWriter err, String stage, List<?> errors) {
        for (Object e : errors) err.println(e);
        err.println(stage + " failed: " + errors.size() + (errors.size() == 1 ? " error" : " errors"));
        err.flush();
    }
}
