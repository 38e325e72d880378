package dev.versus.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *
 * <p>Assets larger than {@link #KEEP_AT_MOST} stay on disk, where {@code templates/assets/} has
 * them, and are streamed from there ({@link OnDisk}): a 300 MB video would otherwise be held
 * twice over in the heap, and a file over 2 GB cannot be held in one Java array at all.
 */
final class SiteMemory {
    /** Files up to this size are held in memory; larger assets are streamed from disk. */
    static final long KEEP_AT_MOST = 1 << 20;

    /** A large asset served from where it is: the file, and its size and time when the build saw it. */
    record OnDisk(Path file, long size, long modified) {
        static OnDisk of(Path file) throws IOException {
            return new OnDisk(file, Files.size(file), Files.getLastModifiedTime(file).toMillis());
        }
    }

    private final Map<String, Object> files = new ConcurrentHashMap<>();
    private volatile List<String> errors = List.of();
    /** The path of site.yaml's baseUrl ({@code /docs/errors/}), under which the site is served. */
    private volatile String basePath = "/";

    /**
     * The content of the file at {@code path}, or null; a file kept on disk is read (for tests and
     * small checks: {@link SiteHandler} streams those with {@link #onDisk}).
     */
    byte[] get(String path) {
        Object f = files.get(path);
        if (f instanceof OnDisk d) {
            try {
                return Files.readAllBytes(d.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return (byte[]) f;
    }

    /** The file at {@code path} if it is kept on disk, or null. */
    OnDisk onDisk(String path) {
        return files.get(path) instanceof OnDisk d ? d : null;
    }

    boolean has(String path) {
        return files.containsKey(path);
    }

    int size() {
        return files.size();
    }

    /** The bytes the files held in memory take (those kept on disk not counted). */
    long bytesHeld() {
        long sum = 0;
        for (Object f : files.values()) {
            if (f instanceof byte[] b) sum += b.length;
        }
        return sum;
    }

    /** Every file's path, sorted. */
    Set<String> paths() {
        return new TreeSet<>(files.keySet());
    }

    /**
     * Applies a successful build: stores {@code written} (each a {@code byte[]} or an
     * {@link OnDisk}) and removes every file that is neither written nor {@code kept} (null keeps
     * all). Returns the paths whose content changed, was added or was removed.
     */
    Set<String> apply(Map<String, ?> written, Predicate<String> kept) {
        Set<String> changed = new TreeSet<>();
        written.forEach((path, content) -> {
            Object old = files.put(path, content);
            boolean same = old instanceof byte[] a && content instanceof byte[] b ? Arrays.equals(a, b) : content.equals(old);
            if (!same) changed.add(path);
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
