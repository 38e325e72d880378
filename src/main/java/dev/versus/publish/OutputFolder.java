package dev.versus.publish;

import dev.versus.render.site.PageSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The write stage. Nothing reaches the output folder until the whole build has succeeded:
 * every file first goes to a staging folder beside it, and {@link #commit()} publishes it.
 *
 * <ul>
 *   <li>A first build (no output yet) stages the whole site and moves the staging folder into
 *       place in one rename.</li>
 *   <li>A rebuild compares each file with the manifest of the previous build (length and
 *       CRC-32C, kept in the marker file) and stages only files that changed; commit moves those
 *       into place and deletes files no page produces any more. Rebuilding an unchanged site
 *       writes nothing but the marker.</li>
 * </ul>
 * A failed build deletes its staging folder and leaves the last good site as it was. Versus
 * replaces only folders it created, recognised by the marker file, and never follows a symbolic
 * link inside them. Thread-safe: pages are written from several threads.
 */
public final class OutputFolder implements PageSink, AutoCloseable {
    /** Written into every output folder; its presence is what allows Versus to replace it. */
    public static final String MARKER = ".versus-output";

    private final Path target;
    private final Path staging;
    /** The previous build's manifest, or null for a first build (the staging folder becomes the output). */
    private final Map<String, String> previous;
    /**
     * Path → fingerprint of every file of this build; kept sorted as it fills (the manifest is
     * sorted). The comparator is explicit: without one, the map casts every key to
     * {@code Comparable}, an interface check that on this JDK makes the rendering threads contend
     * for one cache line of {@code String}'s class (JDK-8180450).
     */
    private final ConcurrentSkipListMap<String, String> written = new ConcurrentSkipListMap<>(String::compareTo);
    /** The files this rebuild changed; a first build changes every file and does not keep the set. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private boolean committed;

    private OutputFolder(Path target, Path staging, Map<String, String> previous) {
        this.target = target;
        this.staging = staging;
        this.previous = previous;
    }

    /**
     * Prepares to write {@code target}. Refuses a target that Versus must never replace (see
     * {@link #checkTarget}).
     */
    public static OutputFolder open(Path target, Path source) throws UnsafeOutputException, IOException {
        Path t = checkTarget(target, source);
        Files.createDirectories(t.getParent());
        Map<String, String> previous = Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)
                ? Manifest.read(t.resolve(MARKER)) : null;
        Path staging = Files.createTempDirectory(t.getParent(), "." + t.getFileName() + ".versus-");
        // Temporary folders are private (0700); a published site must be readable like any folder.
        if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return new OutputFolder(t, staging, previous);
    }

    /**
     * Checks that {@code target} is a folder Versus may replace, before any work is done, so a
     * wrong {@code --out} is reported as such even when the sources have errors too: not the
     * file system root, the home folder, the sources or a folder inside them, a symbolic link,
     * a file, or an existing non-empty folder without the marker.
     */
    public static Path checkTarget(Path target, Path source) throws UnsafeOutputException, IOException {
        Path t = target.toAbsolutePath().normalize();
        Path src = source.toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (t.getParent() == null) throw new UnsafeOutputException(t + " is the root of the file system; choose a folder for the site");
        if (t.equals(home)) throw new UnsafeOutputException(t + " is your home folder; choose a folder for the site, such as public/");
        if (src.startsWith(t)) throw new UnsafeOutputException(t + " contains the sources; choose a folder of its own, such as public/");
        if (t.startsWith(src.resolve("content")) || t.startsWith(src.resolve("templates")) || t.startsWith(src.resolve("locales"))) {
            throw new UnsafeOutputException(t + " is inside the sources; choose a folder of its own, such as public/");
        }
        if (Files.isSymbolicLink(t)) throw new UnsafeOutputException(t + " is a symbolic link; give the real folder");
        if (Files.exists(t) && !Files.isDirectory(t)) throw new UnsafeOutputException(t + " is a file, not a folder");
        if (Files.isDirectory(t) && !Files.exists(t.resolve(MARKER)) && !isEmpty(t)) {
            throw new UnsafeOutputException(t + " exists and was not created by Versus (no " + MARKER
                    + " file); empty it or choose another folder");
        }
        return t;
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        write(path, content, content.length);
    }

    @Override
    public void write(String path, byte[] buffer, int length) throws IOException {
        if (path.equals(MARKER)) throw new IOException("a page may not be called " + MARKER);
        String fingerprint = Manifest.fingerprint(buffer, length);
        if (written.put(path, fingerprint) != null) throw new IOException("two pages were written to " + path);
        if (previous != null && fingerprint.equals(previous.get(path)) && publishedIntact(path, length)) {
            return; // unchanged: keep the published file
        }
        Path file = inside(staging, path);
        Files.createDirectories(file.getParent());
        // One write call for the whole file (Files.write hands a channel 8 KB at a time: two or
        // three system calls for a comparison page).
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(buffer, 0, length);
        }
        if (previous != null) changed.add(path);
    }

    /** The published copy is still there with the recorded size (someone may have deleted or edited it by hand). */
    private boolean publishedIntact(String path, int length) {
        try {
            Path file = inside(target, path);
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == length;
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies a folder of static assets into {@code into} (relative), skipping symbolic links. */
    public void copyTree(Path from, String into, Predicate<Path> include) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted().toList()) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && include.test(file)) {
                    write(into + "/" + from.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
        }
    }

    /** How many files this build produced. */
    public int files() {
        return written.size();
    }

    /** How many files this build changed in the output (all of them on a first build). */
    public int changedFiles() {
        return previous == null ? written.size() : changed.size();
    }

    /** Publishes the staged site. */
    public void commit() throws IOException {
        byte[] manifest = Manifest.write(written);
        if (previous == null) {
            Files.write(staging.resolve(MARKER), manifest);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                // An old-style or empty output folder: replace it whole.
                Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } else {
            for (String path : changed.stream().sorted().toList()) {
                Path dest = inside(target, path);
                createRealDirectories(dest.getParent());
                Files.move(inside(staging, path), dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            for (String path : previous.keySet()) {
                if (!written.containsKey(path)) deleteFileAndEmptyParents(inside(target, path));
            }
            Path marker = staging.resolve(MARKER);
            Files.write(marker, manifest);
            Files.move(marker, target.resolve(MARKER), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(staging);
        }
        committed = true;
    }

    /** Drops the staging folder unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) deleteTree(staging);
    }

    /** {@code root/path}, refusing any path that would leave {@code root}. */
    private static Path inside(Path root, String path) throws IOException {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IOException("refusing to write outside the output folder: " + path);
        }
        return file;
    }

    /** Creates {@code dir} under the target, refusing to pass through a symbolic link planted there. */
    private void createRealDirectories(Path dir) throws IOException {
        Path rel = target.relativize(dir);
        Path current = target;
        for (Path part : rel) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                throw new IOException("refusing to follow the symbolic link " + current + " inside the output folder");
            }
        }
        Files.createDirectories(dir);
    }

    private void deleteFileAndEmptyParents(Path file) throws IOException {
        Files.deleteIfExists(file);
        for (Path dir = file.getParent(); dir != null && !dir.equals(target) && dir.startsWith(target); dir = dir.getParent()) {
            if (!isEmpty(dir)) break;
            Files.delete(dir);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
