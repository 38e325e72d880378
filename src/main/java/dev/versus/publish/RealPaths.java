package dev.versus.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a path really leads, for comparing it with other paths: every symbolic link on the way
 * (including {@code /proc/self/cwd} and the like) is followed and every {@code ..} is taken after
 * the link before it, as the kernel does; a spelling such as {@code public/../content} or a link
 * named {@code out} that points into {@code content/} cannot hide where a path goes.
 */
public final class RealPaths {
    private RealPaths() {}

    /**
     * {@code path} with its folders resolved to real paths; the last name is kept as it is when it
     * is itself a symbolic link (the caller decides what a link there means), and the part of the
     * path that does not exist yet is appended as spelt.
     */
    public static Path ofParent(Path path) throws IOException {
        Path abs = path.toAbsolutePath();
        Path name = abs.getFileName();
        if (name == null || name.toString().equals("..") || name.toString().equals(".")) return of(abs);
        Path parent = abs.getParent();
        return (parent == null ? abs.getRoot() : of(parent)).resolve(name);
    }

    /** {@code path} with every symbolic link and {@code ..} resolved; the part that does not exist yet is appended as spelt. */
    public static Path of(Path path) throws IOException {
        return of(path, 0);
    }

    private static Path of(Path path, int links) throws IOException {
        if (links > 40) throw new java.nio.file.FileSystemException(path.toString(), null, "too many levels of symbolic links");
        Path abs = path.toAbsolutePath();
        Path current = abs.getRoot();
        int count = abs.getNameCount();
        for (int i = 0; i < count; i++) {
            String name = abs.getName(i).toString();
            if (name.equals(".")) continue;
            if (name.equals("..")) {
                // current is real (no link in it), so its parent is where ".." leads.
                if (current.getParent() != null) current = current.getParent();
                continue;
            }
            Path next = current.resolve(name);
            if (Files.isSymbolicLink(next)) {
                try {
                    current = next.toRealPath();
                } catch (IOException dangling) {
                    // A link to nowhere: where it would lead is its target, resolved the same way.
                    Path target = Files.readSymbolicLink(next);
                    current = of(current.resolve(target), links + 1);
                }
            } else if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                current = next;
            } else {
                // Nothing below a missing folder exists, so the rest is only spelling.
                return current.resolve(abs.subpath(i, count)).normalize();
            }
        }
        return current;
    }
}
