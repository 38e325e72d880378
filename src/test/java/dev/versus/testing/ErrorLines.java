package dev.versus.testing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines of an error report, told apart: the {@code path:line:column: message} lines and the
 * source excerpts printed under them ({@code "  12 | text"} and the caret line
 * {@code "     |    ^"}). Tests about messages compare the messages; CliTest shows the full form.
 */
public final class ErrorLines {
    private static final Pattern EXCERPT = Pattern.compile("  (\\d+| +) \\| .*");

    private ErrorLines() {}

    /** The report without its source excerpts. */
    public static List<String> messages(String report) {
        return report.lines().filter(line -> !EXCERPT.matcher(line).matches()).toList();
    }

    /** Only the source excerpts of the report. */
    public static List<String> excerpts(String report) {
        return report.lines().filter(line -> EXCERPT.matcher(line).matches()).toList();
    }
}
