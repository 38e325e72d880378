package dev.versus.diagnostics;

import java.util.List;

/** Thrown by a stage when the sources have errors; carries all of them. */
public final class ContentException extends Exception {
    private final List<ContentError> errors;

    public ContentException(List<ContentError> errors) {
        super(errors.size() + " content error(s)", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<ContentError> errors() {
        return errors;
    }
}
