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

    /**
     * Receives a copy of {@code file} (a static asset, read where it is). This default reads it
     * whole; sinks that may receive large files ({@code OutputFolder}, {@code serve}'s memory)
     * copy or keep them on disk instead of holding them in memory, so that an asset of hundreds
     * of megabytes, or over the 2 GB a Java array holds, neither fills the heap nor fails.
     */
    default void copy(String path, java.nio.file.Path file) throws IOException {
        write(path, java.nio.file.Files.readAllBytes(file));
    }
}
