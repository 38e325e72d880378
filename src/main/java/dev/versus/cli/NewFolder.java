package dev.versus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder that {@code versus new site} or {@code versus theme export} fills with files shipped in
 * the jar: it must be new or empty, so that nothing of the user's is ever overwritten.
 */
final class NewFolder {
    private NewFolder() {}

    /** True if {@code dir} does not exist, or is a folder (not a link to one) with nothing in it. */
    static boolean isNewOrEmpty(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return true;
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Writes each file (relative path with "/" → its source, on disk or in the jar) under {@code dir}. */
    static void copy(Map<String, Path> files, Path dir) throws IOException {
        for (Map.Entry<String, Path> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, Files.readAllBytes(f.getValue()));
        }
    }
}
