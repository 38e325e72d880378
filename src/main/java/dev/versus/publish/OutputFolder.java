package dev.versus.publish;

import dev.versus.render.site.PageSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The write stage. The output folder is always exactly the previous site or exactly the new one:
 * the new site is assembled in a staging folder beside it and swapped in with two renames once
 * it is complete.
 *
 * <ul>
 *   <li>Files whose content did not change are hard links to the published ones (compared byte
 *       for byte, not by size), so a rebuild writes only the files that changed, and a rebuild
 *       that changes nothing leaves the output folder alone altogether.</li>
 *   <li>Files in the output that Versus did not write (found by walking the output without
 *       following links, against the manifest in the marker file) are carried into the new
 *       folder; one that stands where the new site needs a file or a folder stops the build
 *       before anything is replaced.</li>
 *   <li>The manifest is kept beside the output ({@code .public.versus-manifest}), never in it, so
 *       the output holds only what is published. The new manifest is written beside the staging
 *       folder ({@code .public.versus-manifest-new}) and names it by its file key, which the
 *       rename keeps; it replaces the old one right after the folders are swapped.</li>
 *   <li>Before the swap a journal ({@code .public.versus-journal}) records that the staging folder
 *       and its manifest are complete. A build killed during the swap is finished by the next one
 *       (folder and manifest), which also removes any staging folder, old folder or new manifest
 *       a killed build left. Ctrl-C waits for a swap under way and removes the staging folder.</li>
 *   <li>One build per output folder at a time ({@link OutputLock}).</li>
 * </ul>
 * Versus replaces only folders it created, recognised by a manifest that proves it and names that
 * very folder ({@link Manifest}), and never follows a symbolic link inside them: deleting the old
 * folder removes links, not what they point to. Thread-safe: pages are written from several threads.
 */
public final class OutputFolder implements PageSink, AutoCloseable {
    /**
     * The marker earlier builds wrote into the output folder, with the manifest of format 2; read
     * once, when no manifest beside the folder describes it, and left out of the new output.
     */
    static final String LEGACY_MARKER = ".versus-output";

    /**
     * Called with a name at each step of publishing; tests install a hook that copies the disk
     * as it is at that moment, which is what a build killed there would leave.
     */
    static volatile Consumer<String> checkpoint = step -> { };

    private final Path target;
    private final Path staging;
    private final Path old;
    private final Path journal;
    /** The manifest beside the output, and the new one beside it while the swap is prepared. */
    private final Path manifest;
    private final Path manifestNew;
    private final OutputLock lock;
    /** The previous build's manifest, or null when the output is new or replaced whole. */
    private final Map<String, String> previous;
    /**
     * The previous manifest lies beside the output and names it by its current key: if this
     * build writes the same files, there is nothing to publish.
     */
    private final boolean previousIsCurrent;
    /** Whether the target exists now (a folder to swap out). */
    private final boolean targetExists;
    /** The staging folder's file key, which the output will have once it is renamed. */
    private final String stagingKey;
    /**
     * What is in the output now, walked without following links (null before a first build); the
     * walk runs on a thread of its own while the sources are validated.
     */
    private final java.util.concurrent.FutureTask<OutputScan> scan;
    /**
     * Path → fingerprint of every file of this build, sorted by path when the manifest is
     * written ({@link #sortedPaths}). A sorted concurrent map (a skip list) cost the rendering
     * threads more, comparing paths as they inserted (2 % of a build's CPU on the repository's
     * site, 3 % at 90,000 pages) than one sort at the end, on both cores.
     */
    private final ConcurrentHashMap<String, String> written = new ConcurrentHashMap<>(1 << 14);
    /** The paths of {@link #written} in order, once sorted (by {@link #commit}). */
    private String[] sorted;
    /** The files this rebuild changed; a first build changes every file and does not keep the set. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    /** Folders already made in the staging folder, relative. */
    private final Set<String> stagedFolders = ConcurrentHashMap.newKeySet(1 << 13);
    /** Pages write under the read lock; commit, close and Ctrl-C take the write lock. */
    private final ReentrantReadWriteLock state = new ReentrantReadWriteLock();
    private final List<String> notes = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger staged = new java.util.concurrent.atomic.AtomicInteger();
    private final Thread onInterrupt;
    private boolean committed;
    /** The staging folder became the output folder. */
    private boolean swapped;
    private boolean stopped;

    private OutputFolder(Path target, OutputLock lock, Previous previous, boolean targetExists,
                         java.util.concurrent.FutureTask<OutputScan> scan, List<String> notes) throws IOException {
        this.target = target;
        this.lock = lock;
        this.staging = sibling(target, "new");
        this.old = sibling(target, "old");
        this.journal = sibling(target, "journal");
        this.manifest = sibling(target, "manifest");
        this.manifestNew = sibling(target, "manifest-new");
        this.previous = previous.entries();
        this.previousIsCurrent = previous.current();
        this.targetExists = targetExists;
        this.scan = scan;
        this.notes.addAll(notes);
        Files.createDirectory(staging);
        // A published site must be readable like any folder, whatever the umask of the build.
        if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        this.stagingKey = keyOf(staging);
        onInterrupt = new Thread(this::stop, "versus-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    /** {@code .public.versus-new} and the like: the names Versus uses beside {@code public}. */
    static Path sibling(Path target, String what) {
        return target.resolveSibling("." + target.getFileName() + ".versus-" + what);
    }

    /**
     * Prepares to write {@code target}: refuses a target Versus must never replace (see
     * {@link #checkTarget}), takes the folder's lock, finishes a swap that a killed build left
     * half done, removes what such a build left beside the output, and reads the manifest.
     */
    public static OutputFolder open(Path target, Path source) throws UnsafeOutputException, IOException {
        // The checks before and after the lock read the same manifest: its bytes are parsed once.
        Manifest.Reads manifests = new Manifest.Reads();
        Path t = check(target, source, manifests).target();
        Files.createDirectories(t.getParent());
        OutputLock lock = OutputLock.take(t);
        try {
            List<String> notes = new ArrayList<>(recover(t));
            boolean exists = Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS);
            // The checks again, now that no other build can change the folder; they read the record
            // of a folder that has files, and an empty one has none of this build's to keep.
            Previous previous = check(t, source, manifests).previous();
            if (previous.status() != Previous.Status.OURS) previous = Previous.NOTHING; // a new or an empty folder
            java.util.concurrent.FutureTask<OutputScan> scan = null;
            if (previous.entries() != null) {
                scan = new java.util.concurrent.FutureTask<>(() -> OutputScan.of(t));
                Thread walker = new Thread(scan, "versus-output-scan");
                walker.setDaemon(true);
                walker.start();
            }
            return new OutputFolder(t, lock, previous, exists, scan, notes);
        } catch (IOException | UnsafeOutputException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Checks that {@code target} is a folder Versus may replace, before any work is done, so a
     * wrong {@code --out} is reported as such even when the sources have errors too: not the
     * file system root, the home folder, the sources or a folder inside them, a symbolic link,
     * a file, or an existing non-empty folder without a marker file Versus wrote. Paths are
     * compared where they really lead (symbolic links, {@code ..} and {@code /proc/self/cwd}
     * resolved). Returns the target as a real path.
     */
    public static Path checkTarget(Path target, Path source) throws UnsafeOutputException, IOException {
        return check(target, source, new Manifest.Reads()).target();
    }

    /**
     * A target that passed {@link #checkTarget}: its real path, and what the last build left as
     * the record of its files ({@link Previous#NOTHING} for a new or an empty folder).
     */
    private record Checked(Path target, Previous previous) {}

    private static Checked check(Path target, Path source, Manifest.Reads manifests) throws UnsafeOutputException, IOException {
        Path t = RealPaths.ofParent(target);
        Path src = RealPaths.of(source);
        Path home = RealPaths.of(Path.of(System.getProperty("user.home")));
        if (t.getParent() == null) throw new UnsafeOutputException(t + " is the root of the file system; choose a folder for the site");
        if (t.equals(home)) throw new UnsafeOutputException(t + " is your home folder; choose a folder for the site, such as public/");
        if (src.startsWith(t)) throw new UnsafeOutputException(t + " contains the sources; choose a folder of its own, such as public/");
        Path real = RealPaths.of(target);
        for (String folder : new String[] {"content", "templates", "locales"}) {
            if (t.startsWith(src.resolve(folder)) || real.startsWith(src.resolve(folder))
                    || real.startsWith(RealPaths.of(src.resolve(folder)))) {
                throw new UnsafeOutputException(t + " is inside the sources (" + folder + "/); choose a folder of its own,"
                        + " such as public/");
            }
        }
        if (Files.isSymbolicLink(t)) throw new UnsafeOutputException(t + " is a symbolic link; give the real folder");
        if (Files.exists(t, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeOutputException(t + " is a file, not a folder");
        }
        Previous previous = Previous.NOTHING;
        if (Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS) && !isEmpty(t)) {
            String manifest = sibling(t, "manifest").getFileName().toString();
            previous = previousOf(t, manifests);
            switch (previous.status()) {
                case OURS -> { }
                case NONE -> throw new UnsafeOutputException(t + " exists and was not created by Versus (no " + manifest
                        + " beside it); empty it or choose another folder");
                case INVALID -> throw new UnsafeOutputException(t + " exists and the " + manifest + " beside it was not"
                        + " written by Versus, or was edited since; empty the folder or choose another one");
                case ANOTHER_FOLDER -> throw new UnsafeOutputException(t + " exists and is not the folder that "
                        + manifest + " describes (it was replaced or filled again since); empty it or choose another folder");
                case LEGACY_INVALID -> throw new UnsafeOutputException(t + " exists and its " + LEGACY_MARKER + " was not"
                        + " written by Versus, or was edited since; empty the folder or choose another one");
            }
        }
        return new Checked(t, previous);
    }

    /**
     * What the last build left as the record of {@code target}'s files: the manifest beside it if
     * it describes this folder, else (a build killed between the swap and the manifest's
     * replacement, before the next build finishes it) the new manifest the journal vouches for,
     * else the marker that earlier versions kept inside the output.
     */
    record Previous(Status status, Map<String, String> entries, boolean current) {
        enum Status { OURS, NONE, INVALID, ANOTHER_FOLDER, LEGACY_INVALID }

        static final Previous NOTHING = new Previous(Status.NONE, null, false);
    }

    static Previous previousOf(Path target) throws IOException {
        return previousOf(target, new Manifest.Reads());
    }

    private static Previous previousOf(Path target, Manifest.Reads manifests) throws IOException {
        Manifest.Read beside = manifests.read(sibling(target, "manifest"));
        if (beside.kind() == Manifest.Kind.VALID && beside.key() != null) {
            Boolean current = describes(beside, target);
            if (current != null) return new Previous(Previous.Status.OURS, beside.entries(), current);
        }
        if (Files.exists(sibling(target, "journal"), LinkOption.NOFOLLOW_LINKS)) {
            Manifest.Read pending = manifests.read(sibling(target, "manifest-new"));
            if (pending.kind() == Manifest.Kind.VALID && pending.key() != null && describes(pending, target) != null) {
                return new Previous(Previous.Status.OURS, pending.entries(), false);
            }
        }
        Manifest.Read inside = manifests.read(target.resolve(LEGACY_MARKER));
        switch (inside.kind()) {
            case VALID -> {
                return new Previous(Previous.Status.OURS, inside.entries(), false);
            }
            case OLD_FORMAT -> {
                return new Previous(Previous.Status.OURS, null, false);
            }
            case INVALID -> {
                return new Previous(Previous.Status.LEGACY_INVALID, null, false);
            }
            case NONE -> { }
        }
        return switch (beside.kind()) {
            case NONE -> Previous.NOTHING;
            case VALID -> new Previous(Previous.Status.ANOTHER_FOLDER, null, false);
            default -> new Previous(Previous.Status.INVALID, null, false);
        };
    }

    /**
     * Whether {@code manifest} describes {@code folder}: TRUE if it names the folder's file key
     * and the folder holds one of its files with the listed length (which an emptied and refilled
     * folder that got the same inode does not); FALSE if it names another key (a copy, a restore,
     * another file system) but the folder holds every file it lists, with the listed lengths;
     * null if it does not describe the folder.
     */
    private static Boolean describes(Manifest.Read manifest, Path folder) throws IOException {
        String key = keyOf(folder);
        if (!key.equals(Manifest.NO_KEY) && key.equals(manifest.key())) {
            for (var e : manifest.entries().entrySet()) {
                if (lengthIs(folder, e.getKey(), Manifest.length(e.getValue()))) return true;
            }
            return null;
        }
        if (manifest.entries().isEmpty()) return null;
        Map<String, Long> files = OutputScan.of(folder).files();
        for (var e : manifest.entries().entrySet()) {
            Long size = files.get(e.getKey());
            if (size == null || size != Manifest.length(e.getValue())) return null;
        }
        return false;
    }

    private static boolean lengthIs(Path folder, String path, long length) {
        try {
            checkPath(path);
            BasicFileAttributes a = Files.readAttributes(folder.resolve(path), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && a.size() == length;
        } catch (IOException e) {
            return false;
        }
    }

    /** A folder's file key (device and inode) as text, or {@link Manifest#NO_KEY} where the file system has none. */
    static String keyOf(Path folder) throws IOException {
        Object key = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        String text = key == null ? Manifest.NO_KEY : key.toString().replaceAll("[\\s\\p{Cntrl}]", "_");
        return text.isEmpty() ? Manifest.NO_KEY : text;
    }

    /**
     * Finishes or undoes what a killed build left beside {@code target}: with a journal the
     * staging folder and its manifest were complete, so the swap is finished (the folders, then
     * the manifest); without one they were not, so they are removed. Returns what it did, for the
     * user.
     */
    static List<String> recover(Path target) throws IOException {
        Path staging = sibling(target, "new");
        Path old = sibling(target, "old");
        Path journal = sibling(target, "journal");
        Path manifestNew = sibling(target, "manifest-new");
        List<String> notes = new ArrayList<>();
        boolean targetExists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)) {
                if (targetExists) {
                    deleteTree(old);
                    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                notes.add("a build was stopped while it replaced " + target + "; its new site was complete, and is now"
                        + " in place");
            }
            // The folders are swapped; the new manifest replaces the old one if it is this folder's
            // (it always is, unless someone moved things by hand: then it is dropped below).
            Manifest.Read pending = Manifest.read(manifestNew);
            if (pending.kind() == Manifest.Kind.VALID && pending.key() != null
                    && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) && describes(pending, target) != null) {
                Files.move(manifestNew, sibling(target, "manifest"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.delete(journal);
        } else if (!targetExists && Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
            // Cannot happen in the order commit works, but the only copy of a site is never deleted.
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            notes.add("a build was stopped while it replaced " + target + "; the previous site is back in place");
        }
        boolean leftovers = false;
        for (Path p : leftovers(target)) {
            deleteTree(p);
            leftovers = true;
        }
        if (leftovers && notes.isEmpty()) {
            notes.add("removed what a stopped build had left beside " + target + "; " + target.getFileName()
                    + " itself was not changed");
        }
        return notes;
    }

    /** Staging and old folders and new manifests of earlier builds beside {@code target} (and those of earlier versions). */
    private static List<Path> leftovers(Path target) throws IOException {
        String name = target.getFileName().toString();
        String ours = "." + name + ".versus-";
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(target.getParent())) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                boolean current = n.equals(ours + "new") || n.equals(ours + "old") || n.equals(ours + "manifest-new");
                // Earlier versions named their staging folders .public.versus-<digits>, .public.old-<digits>.
                boolean earlier = (n.startsWith(ours) && n.substring(ours.length()).matches("[0-9]+")
                        || n.startsWith("." + name + ".old-") && n.substring(name.length() + 6).matches("[0-9]+"))
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                if (current || earlier) found.add(p);
            }
        }
        return found;
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        write(path, content, content.length);
    }

    @Override
    public void write(String path, byte[] buffer, int length) throws IOException {
        checkPath(path);
        String fingerprint = Manifest.fingerprint(buffer, length);
        if (written.put(path, fingerprint) != null) throw new IOException("two pages were written to " + path);
        if (previous != null && fingerprint.equals(previous.get(path)) && publishedEquals(path, buffer, length)) {
            return; // unchanged: the new folder links to the published file
        }
        stage(path, file -> {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
                while (bytes.hasRemaining()) {
                    out.write(bytes.limit(Math.min(length, bytes.position() + WRITE_CHUNK)));
                    bytes.limit(length);
                }
            }
        });
    }

    /**
     * The most bytes handed to one write call. The JDK copies a heap buffer into a native one of
     * the call's size, which it keeps for the thread, but makes and zeroes a new one whenever a
     * call is larger than the one it kept: with calls of at most this size a thread keeps one
     * buffer for the whole build (the data files reach megabytes), and a page is still one
     * system call (Files.write hands a channel 8 KB at a time: two or three for a comparison page).
     */
    static final int WRITE_CHUNK = 1 << 16;

    /** Files up to this size are read into memory to be compared and written; larger ones are streamed. */
    static final long STREAM_ABOVE = 8 << 20;

    /**
     * Copies a static asset: small ones as {@link #write}; larger ones are fingerprinted,
     * compared with the published copy and copied in a stream, never held in memory whole.
     */
    @Override
    public void copy(String path, Path from) throws IOException {
        if (Files.size(from) <= STREAM_ABOVE) {
            PageSink.super.copy(path, from);
            return;
        }
        checkPath(path);
        String fingerprint = Manifest.fingerprint(from);
        if (written.put(path, fingerprint) != null) throw new IOException("two pages were written to " + path);
        if (previous != null && fingerprint.equals(previous.get(path)) && publishedEquals(path, from)) return;
        stage(path, file -> Files.copy(from, file, LinkOption.NOFOLLOW_LINKS));
    }

    private interface StagedWrite {
        void to(Path file) throws IOException;
    }

    /** Writes one changed file into the staging folder, unless the build was stopped. */
    private void stage(String path, StagedWrite write) throws IOException {
        ReentrantReadWriteLock.ReadLock read = state.readLock();
        read.lock();
        try {
            if (stopped) throw new IOException("the build was interrupted");
            makeStagedFolders(path);
            write.to(staging.resolve(path));
        } finally {
            read.unlock();
        }
        if (previous != null) changed.add(path);
        if (staged.incrementAndGet() == 20) checkpoint.accept("writing");
    }

    /** Refuses a path that would leave the output folder or pass for an earlier version's marker. */
    private static void checkPath(String path) throws IOException {
        if (path.equals(LEGACY_MARKER)) throw new IOException("a page may not be called " + LEGACY_MARKER);
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            throw new IOException("refusing to write outside the output folder: " + path);
        }
        // Every segment, without splitting the path into strings (this runs for every file).
        for (int start = 0, end; start <= path.length(); start = end + 1) {
            end = path.indexOf('/', start);
            if (end < 0) end = path.length();
            int length = end - start;
            if (length == 0 || path.charAt(start) == '.' && (length == 1 || length == 2 && path.charAt(start + 1) == '.')) {
                throw new IOException("refusing to write outside the output folder: " + path);
            }
        }
    }

    private void makeStagedFolders(String path) throws IOException {
        int slash = path.lastIndexOf('/');
        if (slash < 0) return;
        String folder = path.substring(0, slash);
        if (stagedFolders.contains(folder)) return;
        Files.createDirectories(staging.resolve(folder));
        stagedFolders.add(folder);
    }

    /** The walk of the output folder, once it is done. */
    private OutputScan scan() throws IOException {
        try {
            return scan.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The published copy of {@code path} is a file Versus wrote (reached without passing a link)
     * with exactly these bytes; someone may have edited, replaced or removed it since.
     */
    private boolean publishedEquals(String path, byte[] buffer, int length) throws IOException {
        Long size = scan().files().get(path);
        if (size == null || size != length) return false;
        try (FileChannel in = FileChannel.open(target.resolve(path), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer published = ByteBuffer.allocate(length + 1);
            while (in.read(published) > 0) {
                if (published.position() > length) return false;
            }
            return published.position() == length && Arrays.equals(published.array(), 0, length, buffer, 0, length);
        } catch (IOException e) {
            return false;
        }
    }

    /** As {@link #publishedEquals(String, byte[], int)}, for a large file compared in a stream. */
    private boolean publishedEquals(String path, Path file) throws IOException {
        Long size = scan().files().get(path);
        if (size == null || size != Files.size(file)) return false;
        try (FileChannel published = FileChannel.open(target.resolve(path), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             FileChannel source = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer a = ByteBuffer.allocate(1 << 16);
            ByteBuffer b = ByteBuffer.allocate(1 << 16);
            while (true) {
                a.clear();
                b.clear();
                int n = readFully(published, a);
                int m = readFully(source, b);
                if (n != m || !a.flip().equals(b.flip())) return false;
                if (n < a.capacity()) return true;
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static int readFully(FileChannel in, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining() && in.read(buffer) >= 0) { }
        return buffer.position();
    }

    /** Copies a folder of static assets into {@code into} (relative), skipping symbolic links. */
    public void copyTree(Path from, String into, Predicate<Path> include) throws IOException {
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted().toList()) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && include.test(file)) {
                    copy(into + "/" + from.relativize(file).toString().replace('\\', '/'), file);
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

    /** What the user should know about this build's output beyond the summary (a recovered swap, say). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Whether the output folder held a site (or anything) before this build. */
    boolean previousSiteExists() {
        return targetExists;
    }

    /** The output folder, as a real path. */
    public Path target() {
        return target;
    }

    /**
     * Publishes the staged site: completes the staging folder (links to unchanged files, the
     * files Versus did not write) and writes its manifest beside it, records in the journal that
     * both are complete, and swaps them with the output folder and its manifest. Throws {@link PublishException} saying which site the
     * output holds if anything fails.
     */
    public void commit() throws IOException {
        ReentrantReadWriteLock.WriteLock write = state.writeLock();
        write.lock();
        try {
            if (stopped) throw new PublishException("the build was interrupted", false, targetExists);
            if (previousIsCurrent && changed.isEmpty() && written.equals(previous)) {
                // Every file is the published one, and the manifest beside says so: the output
                // already is the new site.
                committed = true;
                return;
            }
            byte[] manifest = Manifest.write(stagingKey, sortedPaths(), written);
            try {
                checkpoint.accept("staged");
                if (previous != null) {
                    carryOver();
                    linkUnchanged();
                }
                writeManifest(manifest);
                checkpoint.accept("complete");
                writeJournal();
                checkpoint.accept("journal");
            } catch (IOException e) {
                Files.deleteIfExists(journal);
                Files.deleteIfExists(manifestNew);
                throw new PublishException(e, false, targetExists);
            }
            swap();
            committed = true;
        } finally {
            write.unlock();
        }
        try {
            deleteTree(old);
        } catch (IOException e) {
            notes.add("the new site is in place, but the previous one could not be removed entirely ("
                    + PublishException.describe(e) + "); remove " + old + " by hand");
        }
        checkpoint.accept("done");
    }

    /**
     * The two renames of the folders, then the new manifest's over the old one; a failure between
     * the first two puts the previous site back.
     */
    private void swap() throws IOException {
        boolean moved = false;
        try {
            if (targetExists) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                moved = true;
                checkpoint.accept("swapping");
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            swapped = true;
            checkpoint.accept("swapped");
            Files.move(manifestNew, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            checkpoint.accept("manifest");
            Files.delete(journal);
            checkpoint.accept("journal-deleted");
        } catch (IOException e) {
            if (swapped) {
                // The new site is in place; the journal is left, and the next build puts the new
                // manifest in place if this one could not, and removes the journal.
                return;
            }
            try {
                if (moved) Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                Files.deleteIfExists(journal);
                Files.deleteIfExists(manifestNew);
            } catch (IOException again) {
                e.addSuppressed(again);
                throw new PublishException(e, false, false);
            }
            throw new PublishException(e, false, targetExists);
        }
    }

    /** The paths this build wrote, in order (sorted once, after the last page). */
    private String[] sortedPaths() {
        if (sorted == null) {
            String[] paths = written.keySet().toArray(new String[0]);
            Arrays.parallelSort(paths);
            sorted = paths;
        }
        return sorted;
    }

    /** Hard links to the published files this build left as they were, in path order. */
    private void linkUnchanged() throws IOException {
        int linked = 0;
        for (String path : sortedPaths()) {
            if (changed.contains(path)) continue;
            makeStagedFolders(path);
            Path from = target.resolve(path);
            Path to = staging.resolve(path);
            try {
                Files.createLink(to, from);
            } catch (FileSystemException | UnsupportedOperationException refused) {
                // A file system without hard links, or a file that may not be linked (immutable):
                // a copy has the same bytes, checked when the file was compared.
                Files.copy(from, to, LinkOption.NOFOLLOW_LINKS);
            }
            if (++linked == 3) checkpoint.accept("linking");
        }
    }

    /**
     * Carries what Versus did not write into the staging folder: files as hard links, symbolic
     * links as links (never followed), empty folders as folders. Anything that stands where the
     * new site needs a file or a folder stops the build.
     */
    private void carryOver() throws IOException {
        Set<String> neededFolders = new HashSet<>();
        for (String path : written.keySet()) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                neededFolders.add(path.substring(0, slash));
            }
        }
        List<String> obstacles = new ArrayList<>();
        OutputScan scan = scan();
        for (var e : scan.entries().entrySet()) {
            String path = e.getKey();
            OutputScan.Type type = e.getValue();
            if (path.equals(LEGACY_MARKER)) continue; // an earlier version's marker: not carried
            boolean versusFile = type == OutputScan.Type.FILE && previous.containsKey(path);
            if (versusFile) continue;
            if (type == OutputScan.Type.FOLDER) {
                if (written.containsKey(path)) obstacles.add(path + " is a folder where the new site has a file");
                continue;
            }
            if (written.containsKey(path) || neededFolders.contains(path)) {
                String what = type == OutputScan.Type.LINK ? "a symbolic link" : type == OutputScan.Type.FILE ? "a file" : "something";
                obstacles.add(path + " is " + what + " Versus did not write, where the new site has a "
                        + (written.containsKey(path) ? "file" : "folder"));
            }
        }
        if (!obstacles.isEmpty()) {
            throw new PublishException(target + ": " + obstacles.get(0) + (obstacles.size() > 1 ? " (and "
                    + (obstacles.size() - 1) + " more)" : "") + "; move it out of the output folder", false, targetExists);
        }
        for (var e : scan.entries().entrySet()) {
            String path = e.getKey();
            OutputScan.Type type = e.getValue();
            if (path.equals(LEGACY_MARKER) || type == OutputScan.Type.FILE && previous.containsKey(path)) continue;
            // Anything inside a foreign folder is carried with it; a foreign folder's own entry
            // only needs creating when it is empty.
            if (type == OutputScan.Type.FOLDER && !scan.isEmptyFolder(path)) continue;
            Path from = target.resolve(path);
            Path to = staging.resolve(path);
            Files.createDirectories(to.getParent());
            switch (type) {
                case FOLDER -> Files.createDirectories(to);
                case FILE -> Files.createLink(to, from);
                case LINK -> Files.createSymbolicLink(to, Files.readSymbolicLink(from));
                case OTHER -> { } // sockets and pipes are not content
            }
        }
    }

    /** The staging folder's manifest, beside it; the journal is written after it, so it is complete when the journal exists. */
    private void writeManifest(byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(manifestNew, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) out.write(b);
            out.force(true);
        }
    }

    private void writeJournal() throws IOException {
        byte[] text = ("Versus was replacing " + target.getFileName() + " with " + staging.getFileName() + " and "
                + manifest.getFileName() + " with " + manifestNew.getFileName()
                + ", which are complete; the next build finishes the swap.\n").getBytes(StandardCharsets.UTF_8);
        Path temp = sibling(target, "journal.tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            out.write(ByteBuffer.wrap(text));
            out.force(true);
        }
        Files.move(temp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Ctrl-C or a termination signal: waits for a swap under way, then removes the staging folder. */
    private void stop() {
        ReentrantReadWriteLock.WriteLock write = state.writeLock();
        write.lock();
        try {
            stopped = true;
            if (!swapped) {
                Files.deleteIfExists(sibling(target, "journal.tmp"));
                if (!Files.exists(journal)) {
                    deleteTree(staging);
                    Files.deleteIfExists(manifestNew);
                }
            }
            lock.close();
        } catch (IOException e) {
            // The next build removes what is left.
        } finally {
            write.unlock();
        }
    }

    /** Drops the staging folder unless it was committed, and releases the folder's lock. */
    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook does it
        }
        ReentrantReadWriteLock.WriteLock write = state.writeLock();
        write.lock();
        try {
            if (!swapped && !stopped) {
                deleteTree(staging);
                if (!Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) Files.deleteIfExists(manifestNew);
            }
        } finally {
            write.unlock();
            lock.close();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Deletes a folder and everything in it; symbolic links are deleted, never followed. */
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
                if (exc != null) throw exc;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** What an output folder holds, walked without following links: path → type, and the sizes of regular files. */
    record OutputScan(java.util.NavigableMap<String, Type> entries, Map<String, Long> files) {
        enum Type { FILE, FOLDER, LINK, OTHER }

        boolean isEmptyFolder(String path) {
            String next = entries.higherKey(path + "/");
            return next == null || !next.startsWith(path + "/");
        }

        static OutputScan of(Path root) throws IOException {
            java.util.NavigableMap<String, Type> entries = new TreeMap<>(String::compareTo);
            Map<String, Long> files = new java.util.HashMap<>();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root)) entries.put(rel(dir), Type.FOLDER);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = rel(file);
                    if (attrs.isRegularFile()) {
                        entries.put(rel, Type.FILE);
                        files.put(rel, attrs.size());
                    } else {
                        entries.put(rel, attrs.isSymbolicLink() ? Type.LINK : Type.OTHER);
                    }
                    return FileVisitResult.CONTINUE;
                }

                private String rel(Path p) {
                    return root.relativize(p).toString().replace('\\', '/');
                }
            });
            return new OutputScan(entries, files);
        }
    }
}
