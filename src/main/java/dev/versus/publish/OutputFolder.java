package dev.versus.publish;

import dev.versus.render.PageSink;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The write stage: every file goes into a fresh staging folder beside the output, and the
 * output is replaced only when the whole build succeeded. A failed build deletes its staging
 * folder and leaves the last good site as it was. Versus deletes only folders it created,
 * recognised by the marker file it writes into each.
 */
public final class OutputFolder implements PageSink, AutoCloseable {
    /** Written into every output folder; its presence is what allows Versus to replace it. */
    public static final String MARKER = ".versus-output";

    private final Path target;
    private final Path staging;
    private boolean committed;

    private OutputFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Prepares to write {@code target}. Refuses a target that Versus must never replace: the
     * file system root, the home folder, the source folder or one of its parents, or an existing
     * non-empty folder without the marker.
     */
    public static OutputFolder open(Path target, Path source) throws UnsafeOutputException, IOException {
        Path t = checkTarget(target, source);
        Files.createDirectories(t.getParent());
        Path staging = Files.createTempDirectory(t.getParent(), "." + t.getFileName() + ".versus-");
        // Temporary folders are private (0700); a published site must be readable like any folder.
        if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(staging.resolve(MARKER), "This folder is written by Versus and replaced on every build.\n");
        return new OutputFolder(t, staging);
    }

    /**
     * Checks that {@code target} is a folder Versus may replace, before any work is done, so a
     * wrong {@code --out} is reported as such even when the sources have errors too.
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
        Path file = resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** Copies a folder of static assets into {@code into} (relative), skipping symbolic links. */
    public void copyTree(Path from, String into, java.util.function.Predicate<Path> include) throws IOException {
        if (!Files.isDirectory(from)) return;
        Path dest = resolve(into);
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && include.test(file)) {
                    Path out = dest.resolve(from.relativize(file).toString());
                    Files.createDirectories(out.getParent());
                    Files.copy(file, out, StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Replaces the target with the staged site. */
    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        if (old != null) deleteTree(old);
    }

    /** Drops the staging folder unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) deleteTree(staging);
    }

    private Path resolve(String path) throws IOException {
        Path file = staging.resolve(path).normalize();
        if (!file.startsWith(staging)) throw new IOException("refusing to write outside the output folder: " + path);
        return file;
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
