package dev.versus.render.prose;

import java.util.regex.Pattern;

/**
 * The first sentence of a Markdown text, as plain text: the one line of each audience's fix in a
 * code's quick answer, on its page and in its JSON.
 */
public final class FirstSentence {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern MARKS = Pattern.compile("[*_`]+");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*[-+] ");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** The end of a first sentence: a full stop, ! or ? before a space, or a Japanese full stop. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s|(?<=。)");
    /** Longer first sentences are cut here, with an ellipsis. */
    public static final int MAX_LINE = 240;

    private FirstSentence() {}

    /** The first sentence of {@code markdown}, as plain text (links keep their words). */
    public static String of(String markdown) {
        String text = LINK.matcher(markdown).replaceAll("$1");
        text = MARKS.matcher(text).replaceAll("");
        text = SPACES.matcher(LIST_ITEM.matcher(text).replaceAll("")).replaceAll(" ").strip();
        var m = SENTENCE_END.matcher(text);
        String first = m.find() ? text.substring(0, m.start()).strip() : text;
        if (first.length() > MAX_LINE) first = first.substring(0, MAX_LINE - 1).strip() + "…";
        return first;
    }
}
