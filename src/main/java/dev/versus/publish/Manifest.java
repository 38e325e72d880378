package dev.versus.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.CRC32C;

/**
 * What an output folder holds: every file Versus wrote there with its length and CRC-32C, so the
 * next build knows which files are its own, which it may keep and which no page produces any more.
 *
 * <p>The manifest lives beside the folder, never in it ({@code .public.versus-manifest} for
 * {@code public}), so the output holds only what is published. It names the folder it describes
 * by its file key (device and inode, where the file system has them), and
 * {@link OutputFolder} takes it for that folder's only if the key matches and the folder holds
 * one of its files with the listed length, or, with another key, every listed file with its
 * length (a copy or a restore of the folder): a manifest never applies to another folder.
 *
 * <p>The file proves that Versus wrote it: a header, a format line, the folder's key, the entries
 * and a last line with the SHA-256 of everything above it. An empty or hand-made manifest, or one
 * edited since, is not a manifest. Earlier builds of Versus kept the same list inside the output,
 * as {@code .versus-output} (format 2, without a key); it is still read, once, and removed from the
 * output by the next build.
 */
final class Manifest {
    static final String HEADER = "# Written by Versus: the files of the folder beside this file, which is its output. Do not edit.";
    static final String FORMAT = "format versus-manifest/3";
    private static final String KEY = "key ";
    /** The marker kept inside the output by earlier versions. */
    static final String LEGACY_HEADER = "# Written by Versus: this folder is its output and is updated on every build. Do not edit.";
    static final String LEGACY_FORMAT = "format versus-output/2";
    private static final String CHECKSUM = "sha256 ";
    /** The key written for a folder on a file system that gives none (Windows). */
    static final String NO_KEY = "-";

    /** What a manifest file turned out to be. */
    enum Kind {
        /** No such file (or not a regular file). */
        NONE,
        /** A manifest of this format, or a marker of format 2, whose checksum matches. */
        VALID,
        /** The marker of an earlier Versus (header and entries, no format line or checksum). */
        OLD_FORMAT,
        /** Anything else: empty, edited, truncated or not Versus's. */
        INVALID
    }

    /**
     * A manifest as read: its kind, the key of the folder it describes ({@code null} for a marker
     * of format 2, which lived inside its folder) and its entries (path → fingerprint) if valid.
     */
    record Read(Kind kind, String key, Map<String, String> entries) {}

    private Manifest() {}

    /** The fingerprint of a file's content: length and CRC-32C, as one comparable string. */
    static String fingerprint(byte[] content, int length) {
        CRC32C crc = new CRC32C();
        crc.update(content, 0, length);
        return Long.toHexString(crc.getValue()) + ":" + length;
    }

    /** The fingerprint of a file's content, as {@link #fingerprint(byte[], int)}, read in a stream. */
    static String fingerprint(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        long length = 0;
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                length += n;
            }
        }
        return Long.toHexString(crc.getValue()) + ":" + length;
    }

    /** The length a fingerprint records, or -1 if it is not one. */
    static long length(String fingerprint) {
        int colon = fingerprint.indexOf(':');
        try {
            return colon < 0 ? -1 : Long.parseLong(fingerprint.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Reads a manifest (or an earlier version's marker) without following a symbolic link. */
    static Read read(Path file) throws IOException {
        return new Reads().read(file);
    }

    /**
     * Reads manifests, parsing the same bytes once. Opening an output folder checks it before
     * and after taking its lock, and each check reads the manifest beside it: for the
     * repository's site that is 16,000 entries under a SHA-256, and parsing it again was most of
     * a rebuild's start.
     */
    static final class Reads {
        private record Parsed(byte[] bytes, Read read) {}

        private final List<Parsed> parsed = new ArrayList<>();

        /** As {@link Manifest#read}; the result of an earlier call if the file holds the same bytes. */
        Read read(Path file) throws IOException {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return new Read(Kind.NONE, null, null);
            byte[] bytes;
            try (var channel = Files.newByteChannel(file, java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                long size = channel.size();
                if (size > Integer.MAX_VALUE - 16) return new Read(Kind.INVALID, null, null);
                var buffer = java.nio.ByteBuffer.allocate((int) size);
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) { }
                bytes = Arrays.copyOf(buffer.array(), buffer.position());
            }
            for (Parsed p : parsed) {
                if (Arrays.equals(p.bytes(), bytes)) return p.read();
            }
            Read read = parse(bytes);
            parsed.add(new Parsed(bytes, read));
            return read;
        }
    }

    static Read parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String key = null;
        int start;
        if (text.startsWith(HEADER + "\n" + FORMAT + "\n" + KEY)) {
            int end = text.indexOf('\n', HEADER.length() + FORMAT.length() + 2);
            if (end < 0) return invalid();
            key = text.substring(HEADER.length() + FORMAT.length() + 2 + KEY.length(), end);
            if (key.isEmpty()) return invalid();
            start = end + 1;
        } else if (text.startsWith(LEGACY_HEADER + "\n")) {
            if (!text.startsWith(LEGACY_HEADER + "\n" + LEGACY_FORMAT + "\n")) {
                return new Read(text.contains("\n" + LEGACY_FORMAT) ? Kind.INVALID : Kind.OLD_FORMAT, null, null);
            }
            start = LEGACY_HEADER.length() + LEGACY_FORMAT.length() + 2;
        } else {
            return invalid();
        }
        if (!text.endsWith("\n") || text.length() < start + 1) return invalid();
        int last = text.lastIndexOf('\n', text.length() - 2) + 1;
        if (last < start) return invalid();
        String sum = text.substring(last, text.length() - 1);
        if (!sum.startsWith(CHECKSUM) || !sum.substring(CHECKSUM.length()).equals(sha256(bytes, utf8Length(text, last)))) {
            return invalid();
        }
        // A hash map: the build looks every file up in it, and nothing needs its entries in order.
        Map<String, String> entries = new HashMap<>(2 * (last - start) / AVERAGE_LINE + 16);
        for (int from = start, end; from < last; from = end + 1) {
            end = text.indexOf('\n', from); // found: the line before the checksum ends with one
            if (end == from) continue;
            int space = text.indexOf(' ', from);
            if (space <= from || space > end) return invalid();
            entries.put(text.substring(space + 1, end), text.substring(from, space));
        }
        return new Read(Kind.VALID, key, Collections.unmodifiableMap(entries));
    }

    /** About the length of an entry's line, to size the map of a manifest's entries. */
    private static final int AVERAGE_LINE = 50;

    private static Read invalid() {
        return new Read(Kind.INVALID, null, null);
    }

    /**
     * The manifest of a folder with file key {@code key} and these entries, written in the order
     * of {@code sortedPaths} (sorted by path, so identical builds write identical manifests).
     */
    static byte[] write(String key, String[] sortedPaths, Map<String, String> fingerprints) {
        StringBuilder out = new StringBuilder(sortedPaths.length * 48 + 256).append(HEADER).append('\n').append(FORMAT)
                .append('\n').append(KEY).append(key).append('\n');
        for (String path : sortedPaths) out.append(fingerprints.get(path)).append(' ').append(path).append('\n');
        return withChecksum(out);
    }

    /** A marker of format 2, as earlier versions wrote it inside the output (for tests of the migration). */
    static byte[] writeLegacy(SortedMap<String, String> entries) {
        StringBuilder out = new StringBuilder().append(LEGACY_HEADER).append('\n').append(LEGACY_FORMAT).append('\n');
        entries.forEach((path, fp) -> out.append(fp).append(' ').append(path).append('\n'));
        return withChecksum(out);
    }

    private static byte[] withChecksum(StringBuilder out) {
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] sum = (CHECKSUM + sha256(body, body.length) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(body, body.length + sum.length);
        System.arraycopy(sum, 0, all, body.length, sum.length);
        return all;
    }

    private static int utf8Length(String text, int chars) {
        return text.substring(0, chars).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, 0, length);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
