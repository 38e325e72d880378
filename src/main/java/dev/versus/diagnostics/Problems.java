package dev.versus.diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every content error of a run so that they are reported together, sorted, instead of
 * stopping at the first one. Thread-safe: stages that work in parallel report into one instance.
 */
public final class Problems {
    private final List<ContentError> errors = new ArrayList<>();

    public synchronized void add(Location at, String message) {
        errors.add(new ContentError(at, message));
    }

    public synchronized boolean isEmpty() {
        return errors.isEmpty();
    }

    /** True if an error was already reported in the file {@code path}. */
    public synchronized boolean hasErrorIn(String path) {
        return errors.stream().anyMatch(e -> e.location().path().equals(path));
    }

    public synchronized int count() {
        return errors.size();
    }

    /** All errors so far, sorted by file, line and column; duplicates removed. */
    public synchronized List<ContentError> sorted() {
        return errors.stream().distinct().sorted().toList();
    }
}
