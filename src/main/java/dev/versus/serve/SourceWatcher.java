package dev.versus.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the source folders ({@code content/}, {@code templates/}, {@code locales/}) and every
 * folder inside them, including folders created later, and reports what changed in batches:
 * after the first event it waits until the folders have been quiet for {@code quiet}, so the
 * several writes of one save (an editor's temporary file, rename, attribute change) make one
 * batch. Events that arrive while a batch is being handled make the next batch.
 *
 * <p>A batch is the set of changed files and folders; null if the system dropped events (the
 * caller must then assume anything changed). Editors' and tools' temporary, backup and swap
 * files are ignored ({@link #ignored}).
 */
final class SourceWatcher implements AutoCloseable {
    private final Path root;
    private final List<String> folders;
    private final Duration quiet;
    private final Consumer<Set<Path>> onBatch;
    private final WatchService service;
    private final Map<WatchKey, Path> watched = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Starts watching the {@code folders} of {@code root} (that exist now or appear later);
     * {@code onBatch} runs on the watcher's own thread, one batch at a time.
     */
    SourceWatcher(Path root, List<String> folders, Duration quiet, Consumer<Set<Path>> onBatch) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.folders = List.copyOf(folders);
        this.quiet = quiet;
        this.onBatch = onBatch;
        this.service = this.root.getFileSystem().newWatchService();
        // The project folder itself, non-recursively, to see a source folder being created or replaced.
        watched.put(register(this.root), this.root);
        for (String folder : this.folders) {
            Path dir = this.root.resolve(folder);
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) registerTree(dir, null);
        }
        thread = new Thread(this::loop, "versus-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (!closed) {
                Set<Path> batch = new TreeSet<>();
                boolean lost = collect(service.take(), batch);
                WatchKey next;
                while ((next = service.poll(quiet.toNanos(), TimeUnit.NANOSECONDS)) != null) {
                    lost |= collect(next, batch);
                }
                if (lost) onBatch.accept(null);
                else if (!batch.isEmpty()) onBatch.accept(batch);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Adds the events of {@code key} to {@code batch}; true if events were lost. */
    private boolean collect(WatchKey key, Set<Path> batch) {
        Path dir = watched.get(key);
        boolean lost = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                lost = true;
                continue;
            }
            if (dir == null) continue;
            Path child = dir.resolve((Path) event.context());
            if (dir.equals(root) && !folders.contains(child.getFileName().toString())) continue;
            if (ignored(child.getFileName().toString())) continue;
            batch.add(child);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    // Files may have been written into the new folder before it was registered.
                    registerTree(child, batch);
                } catch (IOException e) {
                    lost = true;
                }
            }
        }
        if (!key.reset()) watched.remove(key);
        return lost;
    }

    /** Registers {@code top} and the folders inside it; adds what they hold to {@code found} if not null. */
    private void registerTree(Path top, Collection<Path> found) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                watched.put(register(dir), dir);
                if (found != null) found.add(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (found != null && !ignored(file.getFileName().toString())) found.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Registers one folder. Linux and Windows report changes at once; where the JDK has no native
     * watcher (macOS) it polls, every second from JDK 19 on (JDK-8285956). No sensitivity
     * modifier: the native watchers ignore it, JDK 21 ignores it everywhere (JDK-8303413), and it
     * is deprecated for removal.
     */
    private WatchKey register(Path dir) throws IOException {
        return dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
    }

    /**
     * The temporary files editors and tools write beside a file they save, never sources, so a
     * save is logged under the file saved: vim's swap files ({@code .x.swp} to {@code .x.swa},
     * {@code .swx}), its write test {@code 4913} and backup {@code x~}; Emacs's lock {@code .#x}
     * and autosave {@code #x#}; {@code sed -i}'s {@code sedXXXXXX}; JetBrains's safe write
     * ({@code x___jb_tmp___}, {@code x___jb_old___}); GLib's (gedit) {@code .goutputstream-XXXXXX};
     * Kate's {@code .x.kate-swp}; and any {@code .tmp}.
     */
    static boolean ignored(String name) {
        return name.endsWith("~") || name.startsWith(".#") || name.equals("4913")
                || name.length() > 1 && name.startsWith("#") && name.endsWith("#")
                || VIM_SWAP.matcher(name).matches() || SED_TEMP.matcher(name).matches()
                || name.endsWith("___jb_tmp___") || name.endsWith("___jb_old___")
                || name.startsWith(".goutputstream-") || name.endsWith(".kate-swp")
                || name.toLowerCase(java.util.Locale.ROOT).endsWith(".tmp");
    }

    /** Vim's swap files: {@code .swp}, then {@code .swo} down to {@code .swa} while older ones exist; {@code .swx} tests the folder. */
    private static final java.util.regex.Pattern VIM_SWAP = java.util.regex.Pattern.compile(".*\\.sw[a-px]");
    /** GNU sed -i writes the new text to {@code sed} and six random letters or digits, then renames it over the file. */
    private static final java.util.regex.Pattern SED_TEMP = java.util.regex.Pattern.compile("sed[A-Za-z0-9]{6}");

    @Override
    public void close() throws IOException {
        closed = true;
        service.close();
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
