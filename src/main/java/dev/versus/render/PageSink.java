package dev.versus.render;

import java.io.IOException;

/** Receives rendered files; implementations must accept calls from several threads at once. */
@FunctionalInterface
public interface PageSink {
    /** @param path relative to the output root, with "/" separators */
    void write(String path, byte[] content) throws IOException;
}
