package dev.versus.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * What an output folder holds: every file Versus wrote there with its length and CRC-32C. It is
 * kept in the folder's marker file, so the next build knows which files are its own, which it
 * may keep and which no page produces any more.
 *
 * <p>The marker proves that Versus wrote it: a header, a format line, the entries and a last
 * line with the SHA-256 of everything above it. An empty or hand-made {@code .versus-output}, or
 * one edited since, is not a manifest, and the folder is not taken for Versus's output.
 */
final class Manifest {
    static final String HEADER = "# Written by Versus: this folder is its output and is updated on every build. Do not edit.";
    static final String FORMAT = "format versus-output/2";
    private static final String CHECKSUM = "sha256 ";

    /** What a marker file turned out to be. */
    enum Kind {
        /** No marker file (or not a regular file). */
        NONE,
        /** A manifest of this format whose checksum matches. */
        VALID,
        /** The marker of an earlier Versus (header and entries, no format line or checksum). */
        OLD_FORMAT,
        /** Anything else: empty, edited, truncated or not Versus's. */
        INVALID
    }

    /** A marker as read: its kind, its entries (path → fingerprint) if valid, its bytes. */
    record Read(Kind kind, Map<String, String> entries, byte[] bytes) {}

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

    /** Reads a marker file without following a symbolic link. */
    static Read read(Path marker) throws IOException {
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) return new Read(Kind.NONE, null, null);
        byte[] bytes;
        try (var channel = Files.newByteChannel(marker, java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) return new Read(Kind.INVALID, null, null);
            var buffer = java.nio.ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) { }
            bytes = Arrays.copyOf(buffer.array(), buffer.position());
        }
        return parse(bytes);
    }

    static Read parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith(HEADER + "\n")) return new Read(Kind.INVALID, null, bytes);
        if (!text.startsWith(HEADER + "\n" + FORMAT + "\n")) {
            return new Read(text.contains("\n" + FORMAT) ? Kind.INVALID : Kind.OLD_FORMAT, null, bytes);
        }
        if (!text.endsWith("\n")) return new Read(Kind.INVALID, null, bytes);
        int last = text.lastIndexOf('\n', text.length() - 2) + 1;
        String sum = text.substring(last, text.length() - 1);
        if (!sum.startsWith(CHECKSUM) || !sum.substring(CHECKSUM.length()).equals(sha256(bytes, utf8Length(text, last)))) {
            return new Read(Kind.INVALID, null, bytes);
        }
        Map<String, String> entries = new TreeMap<>(String::compareTo);
        String body = text.substring(HEADER.length() + FORMAT.length() + 2, last);
        for (String line : body.split("\n")) {
            if (line.isEmpty()) continue;
            int space = line.indexOf(' ');
            if (space <= 0) return new Read(Kind.INVALID, null, bytes);
            entries.put(line.substring(space + 1), line.substring(0, space));
        }
        return new Read(Kind.VALID, entries, bytes);
    }

    /** The marker text for {@code entries}, sorted by path so identical builds write identical markers. */
    static byte[] write(SortedMap<String, String> entries) {
        StringBuilder out = new StringBuilder(entries.size() * 48 + 256).append(HEADER).append('\n').append(FORMAT).append('\n');
        // Sorted by the caller as it fills: OutputFolder keeps its entries sorted as the pages are
        // written, on all cores; sorting 16,000 paths here, on one core at the end, was a visible pause.
        entries.forEach((path, fp) -> out.append(fp).append(' ').append(path).append('\n'));
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
