package dev.versus.render.views;

import dev.versus.model.Code;
import dev.versus.model.Family;
import dev.versus.model.Group;
import dev.versus.model.Labels;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.render.views.Views.CodeView;
import dev.versus.render.views.Views.QuickAnswer;
import dev.versus.render.views.Views.QuickFix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The quick answer at the top of a code page, made from the code's facts: temporary or
 * permanent (its group's severity, or, where the class digit decides, both), what happens to the
 * message, where the cause usually lies, and the first sentence of each audience's fix. This is
 * the one place that reads those facts for it, so it follows the facts model when that changes.
 */
final class QuickAnswers {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern MARKS = Pattern.compile("[*_`]+");
    /** The end of a first sentence: a full stop, ! or ? before a space, or a Japanese full stop. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s|(?<=。)");
    static final int MAX_LINE = 240;

    private final Site site;

    QuickAnswers(Site site) {
        this.site = site;
    }

    QuickAnswer of(String locale, Family family, Code code, CodeView view) {
        Labels l = site.labels(locale);
        Group group = family.groupOf(code);
        String severity = group.severity();
        String outcome;
        String effect = null;
        if (severity != null) {
            outcome = l.get("severity." + severity);
            effect = l.get("severity." + severity + "Effect");
        } else {
            outcome = l.format("quick.classDecides", Map.of("transient", l.get("severity.transientA"),
                    "permanent", l.get("severity.permanentA")));
        }
        String cause = code.cause() == null || "none".equals(code.cause()) ? null : l.get("cause." + code.cause());
        List<QuickFix> fixes = new ArrayList<>();
        for (var f : view.fixes()) {
            Text t = code.text(locale).fix().get(f.audience());
            fixes.add(new QuickFix(f.label(), firstSentence(t.value()), t.lang().equals(locale) ? null : t.lang()));
        }
        return new QuickAnswer(severity == null ? "class" : severity, outcome, effect, cause, fixes);
    }

    /** The first sentence of a Markdown text, as plain text (links keep their words). */
    static String firstSentence(String markdown) {
        String text = LINK.matcher(markdown).replaceAll("$1");
        text = MARKS.matcher(text).replaceAll("").replaceAll("^\\s*[-+] ", "").replaceAll("\\s+", " ").strip();
        var m = SENTENCE_END.matcher(text);
        String first = m.find() ? text.substring(0, m.start()).strip() : text;
        if (first.length() > MAX_LINE) first = first.substring(0, MAX_LINE - 1).strip() + "…";
        return first;
    }
}
