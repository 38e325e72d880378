package dev.versus.load;

import dev.versus.diagnostics.ContentError;
import dev.versus.diagnostics.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed YAML files kept from one load to the next, for {@code versus serve}: a file whose bytes
 * have not changed is not parsed again (parsing is most of the load stage's time). What the
 * parse reported is kept with it and reported again, so a load through the cache reports exactly
 * what a fresh load would. Thread-safe.
 */
public final class ParseCache {
    private record Entry(byte[] bytes, Optional<YamlNode> node, List<ContentError> problems) {}

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

    /** What {@code yaml.load(file, problems)} returns, parsing only if the file changed since last time. */
    Optional<YamlNode> load(YamlLoader yaml, Path file, Problems problems) {
        byte[] before = read(file);
        Entry cached = before == null ? null : entries.get(file);
        if (cached != null && Arrays.equals(cached.bytes(), before)) {
            report(cached.problems(), problems);
            return cached.node();
        }
        Problems own = new Problems();
        Optional<YamlNode> node = yaml.load(file, own);
        // Keep the result only if the file did not change while it was parsed: then it is the
        // parse of exactly these bytes.
        if (before != null && Arrays.equals(before, read(file))) {
            entries.put(file, new Entry(before, node, own.sorted()));
        } else {
            entries.remove(file);
        }
        report(own.sorted(), problems);
        return node;
    }

    private static void report(List<ContentError> errors, Problems problems) {
        for (ContentError e : errors) problems.add(e.location(), e.message());
    }

    private static byte[] read(Path file) {
        try {
            return Files.size(file) > YamlLoader.MAX_FILE_BYTES ? null : Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }
}
