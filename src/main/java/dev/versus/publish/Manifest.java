package dev.versus.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * What an output folder holds: every file Versus wrote there with its length and CRC-32C. It is
 * kept in the folder's marker file, so the next build can tell which files changed without
 * reading them, and which files it must delete because no page produces them any more.
 */
final class Manifest {
    static final String HEADER = "# Written by Versus: this folder is its output and is updated on every build. Do not edit.";

    private Manifest() {}

    /** The fingerprint of a file's content: length and CRC-32C, as one comparable string. */
    static String fingerprint(byte[] content, int length) {
        CRC32C crc = new CRC32C();
        crc.update(content, 0, length);
        return Long.toHexString(crc.getValue()) + ":" + length;
    }

    /** The entries of a marker file; null if the file is not a manifest (or an old-style marker). */
    static Map<String, String> read(Path marker) throws IOException {
        if (!Files.isRegularFile(marker)) return null;
        var lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) return null;
        Map<String, String> entries = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int space = line.indexOf(' ');
            if (space > 0) entries.put(line.substring(space + 1), line.substring(0, space));
        }
        return entries;
    }

    /** The marker text for {@code entries}, sorted by path so identical builds write identical markers. */
    static byte[] write(SortedMap<String, String> entries) {
        StringBuilder out = new StringBuilder(entries.size() * 48 + 128).append(HEADER).append('\n');
        // Sorted by the caller as it fills: OutputFolder keeps its entries sorted as the pages are
        // written, on all cores; sorting 16,000 paths here, on one core at the end, was a visible pause.
        entries.forEach((path, fp) -> out.append(fp).append(' ').append(path).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
