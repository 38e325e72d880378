package dev.versus.serve;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The site {@code versus serve} serves: every file of the last good build, in memory, by its
 * path relative to the site root ({@code en/smtp/421/index.html}), and the errors of the latest
 * build if it failed. Reads are lock-free and may run while a rebuild is applied; a reader sees
 * each file either before or after the rebuild, never half written.
 */
final class SiteMemory {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private volatile List<String> errors = List.of();
    /** The path of site.yaml's baseUrl ({@code /docs/errors/}), under which the site is served. */
    private volatile String basePath = "/";

    /** The file at {@code path}, or null. */
    byte[] get(String path) {
        return files.get(path);
    }

    boolean has(String path) {
        return files.containsKey(path);
    }

    int size() {
        return files.size();
    }

    /** Every file's path, sorted. */
    Set<String> paths() {
        return new TreeSet<>(files.keySet());
    }

    /**
     * Applies a successful build: stores {@code written} and removes every file that is neither
     * written nor {@code kept} (null keeps all). Returns the paths whose content changed, was
     * added or was removed.
     */
    Set<String> apply(Map<String, byte[]> written, Predicate<String> kept) {
        Set<String> changed = new TreeSet<>();
        written.forEach((path, bytes) -> {
            byte[] old = files.put(path, bytes);
            if (old == null || !Arrays.equals(old, bytes)) changed.add(path);
        });
        if (kept == null) return changed;
        for (String path : List.copyOf(files.keySet())) {
            if (!written.containsKey(path) && !kept.test(path)) {
                files.remove(path);
                changed.add(path);
            }
        }
        return changed;
    }

    String basePath() {
        return basePath;
    }

    void basePath(String path) {
        this.basePath = path;
    }

    /** The errors of the latest build, {@code path:line:column: message} each; empty if it succeeded. */
    List<String> errors() {
        return errors;
    }

    void errors(List<String> errors) {
        this.errors = List.copyOf(errors);
    }
}
