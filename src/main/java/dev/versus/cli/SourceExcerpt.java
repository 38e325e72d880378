package dev.versus.cli;

import dev.versus.diagnostics.Location;
import dev.versus.model.Text;
import dev.versus.diagnostics.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of a source file an error points at, shown under the error with a caret at its
 * column, as compilers do:
 *
 * <pre>
 * content/smtp/421.yaml:25:8: scope 'galaxy' is not one of [connection, session, ...]
 *    25 | scope: galaxy
 *       |        ^
 * </pre>
 *
 * Only for a place inside a file: line 1, column 1 stands for the whole file ("missing required
 * field") and gets none. The line is printed as text, never as terminal input: control and
 * format characters (escape sequences, bidirectional overrides) are shown as their escapes
 * ({@code \u001b}, {@code \u202e}) by {@link TerminalText#visible}, the caret still under its column. When a line
 * cannot be trusted to be the one the error counts (the file is gone, unreadable or too large,
 * counts lines differently from Java, or is shorter than the column), there is no excerpt rather
 * than a wrong one.
 */
final class SourceExcerpt {
    /** Columns of source shown; a longer line is cut to a window around the caret. */
    static final int WIDTH = 100;
    private static final long MAX_BYTES = 1 << 20;

    private final Path root;
    private final Map<String, List<String>> files = new HashMap<>();

    /** @param root the project folder the errors' paths are relative to */
    SourceExcerpt(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The two lines to print under an error at {@code at}, or none. */
    List<String> of(Location at) {
        if (at.line() < 1 || at.column() < 1 || at.line() == 1 && at.column() == 1) return List.of();
        List<String> lines = files.computeIfAbsent(at.path(), this::read);
        if (lines == null || at.line() > lines.size()) return List.of();
        int[] text = lines.get(at.line() - 1).codePoints().toArray();
        if (at.column() - 1 > text.length) return List.of();

        int caret = at.column() - 1;
        int from = 0;
        int to = text.length;
        if (width(text, 0, to) > WIDTH) {
            from = Math.max(0, caret - WIDTH / 2);
            to = from;
            while (to < text.length && width(text, from, to + 1) <= WIDTH) to++;
        }
        StringBuilder shown = new StringBuilder(from > 0 ? "…" : "");
        StringBuilder under = new StringBuilder(from > 0 ? " " : "");
        for (int i = from; i < to; i++) {
            int cp = text[i];
            String shownCp = cp == '\t' ? " " : TerminalText.visible(cp);
            shown.append(shownCp);
            if (i < caret) under.append(wide(cp) ? "  " : " ".repeat(shownCp.codePointCount(0, shownCp.length())));
        }
        if (to < text.length) shown.append('…');
        under.append('^');
        String number = String.valueOf(at.line());
        return List.of("  " + number + " | " + shown.toString().stripTrailing(),
                "  " + " ".repeat(number.length()) + " | " + under);
    }

    /** The file's lines, or null if it cannot be shown safely. */
    private List<String> read(String path) {
        Path file = root.resolve(path).normalize();
        try {
            if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(file) > MAX_BYTES) {
                return null;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            // YAML also breaks lines at NEL, LS and PS; Java's lines() does not, and the numbers would disagree.
            if (text.indexOf('\u0085') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0) return null;
            return text.lines().toList();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** Two terminal columns: CJK and full-width forms. */
    private static boolean wide(int cp) {
        return cp < 0x10000 ? Text.isWide((char) cp) || cp >= 0xAC00 && cp <= 0xD7A3 : cp >= 0x20000 && cp <= 0x3FFFD;
    }

    private static int width(int[] text, int from, int to) {
        int w = 0;
        for (int i = from; i < to; i++) w += wide(text[i]) ? 2 : 1;
        return w;
    }
}
