package dev.versus.publish;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One build per output folder at a time: a lock file beside the output ({@code .public.versus-lock}
 * for {@code public}), locked with {@link FileChannel#tryLock()} and holding a line that names its
 * holder, so a second build says who is writing instead of mixing its files with the first's.
 *
 * <p>The file is deleted when the build ends. A build killed by the system leaves it, unlocked
 * (the kernel releases the lock of a dead process); the next build takes it over. A build that
 * locked a file which the previous holder deleted meanwhile finds the path no longer leads to
 * it, and tries again on the new file.
 *
 * <p>The operating system's lock belongs to the process, and closing any channel of the file in
 * the process would drop it; builds in one process therefore check a set of the folders locked
 * here before they open the file at all.
 */
final class OutputLock implements AutoCloseable {
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Path target;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private OutputLock(Path file, Path target, FileChannel channel, FileLock lock) {
        this.file = file;
        this.target = target;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code target} (a real path). */
    static Path fileOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".versus-lock");
    }

    /** Takes the lock of {@code target}, or throws {@link OutputBusyException} naming the build that holds it. */
    static OutputLock take(Path target) throws IOException {
        Path file = fileOf(target);
        if (!HELD_HERE.add(target)) {
            throw new OutputBusyException(target, "another build in this process");
        }
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                if (Files.isSymbolicLink(file)) Files.delete(file); // never lock (or write) through a link
                Object before = key(file);
                if (before == null) {
                    // Create it first, so that the file locked below can be compared with the one at the path.
                    FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS).close();
                    continue;
                }
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    String holder = holder(channel);
                    channel.close();
                    throw new OutputBusyException(target, holder);
                }
                if (before.equals(key(file))) {
                    // The path led to this file before it was opened and still does once it is
                    // locked; the file cannot have been replaced in between by one with the same
                    // number while this channel keeps it alive.
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(describeThisProcess().getBytes(StandardCharsets.UTF_8)), 0);
                    channel.force(false);
                    return new OutputLock(file, target, channel, lock);
                }
                // The file this build locked was deleted or replaced by the previous holder: try the new one.
                lock.release();
                channel.close();
            }
            throw new OutputBusyException(target, "builds that keep taking turns");
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(target);
            throw e;
        }
    }

    private static Object key(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
            // Only what this class writes is repeated: digits, letters and a few separators.
            return text.isEmpty() || !text.matches("[\\p{Alnum} :,.()_-]{1,200}") ? "another build" : text;
        } catch (IOException e) {
            return "another build";
        }
    }

    private static String describeThisProcess() {
        String started = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        return "versus build, process " + ProcessHandle.current().pid() + ", started " + started + " UTC\n";
    }

    /** Deletes the lock file and releases the lock (in that order, so a build waiting on this file tries the next). */
    @Override
    public synchronized void close() throws IOException {
        if (released) return;
        released = true;
        try {
            Files.deleteIfExists(file);
        } finally {
            try {
                lock.release();
                channel.close();
            } finally {
                HELD_HERE.remove(target);
            }
        }
    }

    /** The output is being written by another build. */
    static final class OutputBusyException extends IOException {
        OutputBusyException(Path target, String holder) {
            super(target + " is being written by " + holder + "; wait for it to finish, or stop it, then build again");
        }
    }
}
