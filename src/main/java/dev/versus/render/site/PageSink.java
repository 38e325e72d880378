package dev.versus.render.site;

import java.io.IOException;

/** Receives rendered files; implementations must accept calls from several threads at once. */
@FunctionalInterface
public interface PageSink {
    /** @param path relative to the output root, with "/" separators */
    void write(String path, byte[] content) throws IOException;

    /**
     * Receives the first {@code length} bytes of {@code buffer}, which the caller reuses as soon
     * as this returns: a sink that keeps the content must copy it, and this default does. The
     * renderer hands over its page buffer this way; a sink that only writes the bytes out
     * ({@code OutputFolder}) saves a copy of every page, the size of the whole site.
     */
    default void write(String path, byte[] buffer, int length) throws IOException {
        write(path, java.util.Arrays.copyOf(buffer, length));
    }
}
