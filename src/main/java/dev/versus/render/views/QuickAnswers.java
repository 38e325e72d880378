package dev.versus.render.views;

import static dev.versus.render.templates.TemplateEngine.markup;

import dev.versus.model.Code;
import dev.versus.model.Fact;
import dev.versus.model.FactText;
import dev.versus.model.Family;
import dev.versus.model.LabelKey;
import dev.versus.model.Labels;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.render.prose.Html;
import dev.versus.render.views.Views.CodeView;
import dev.versus.render.views.Views.QuickAnswer;
import dev.versus.render.views.Views.QuickFix;
import dev.versus.render.views.Views.QuickRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The quick answer at the top of a code page, made from the code's facts: the facts its family
 * marks {@code quick: true} (for SMTP: the class, what happens afterwards, who must act), each
 * with the code's values and, where a value has an {@code effect} form, what it means; then the
 * first sentence of each audience's fix. This is the one place that reads facts for it; which
 * facts those are is the family's choice, not Java's.
 */
final class QuickAnswers {
    /** The form of a value that says what it means for the reader, shown after the value. */
    static final String EFFECT = "effect";
    static final int MAX_LINE = dev.versus.render.prose.FirstSentence.MAX_LINE;

    private final Site site;

    QuickAnswers(Site site) {
        this.site = site;
    }

    /** The first fact of the family's quick answer, which the family index shows per code too; or null. */
    static Fact lead(Family family) {
        return family.facts().stream().filter(Fact::quick).findFirst().orElse(null);
    }

    /** A code's values of {@code fact} in a locale, as inline HTML joined by the locale's separator. */
    static String values(Site site, String locale, Fact fact, List<String> values) {
        FactText ft = fact.text(locale);
        List<String> names = new ArrayList<>();
        for (String v : values) {
            if (fact.kind() == Fact.Kind.NUMBER) {
                names.add(Html.escape(v));
                continue;
            }
            // Only the first of several names keeps its capital: "The recipient, the receiving server's administrator".
            Text name = ft.form(v, FactText.VALUE);
            if (!names.isEmpty()) name = new Text(PairSentences.asClause(name.value()), name.lang());
            names.add(Html.inline(name, locale));
        }
        return String.join(Html.escape(site.labels(locale).get(LabelKey.PATTERN_LIST_SEPARATOR)), names);
    }

    QuickAnswer of(String locale, Family family, Code code, CodeView view) {
        Labels l = site.labels(locale);
        String separator = Html.escape(l.get(LabelKey.PATTERN_LIST_SEPARATOR));
        List<QuickRow> rows = new ArrayList<>();
        String kind = null;
        for (Fact fact : family.facts()) {
            if (!fact.quick()) continue;
            List<String> values = code.fact(fact.id());
            if (values.isEmpty()) continue;
            FactText ft = fact.text(locale);
            List<String> effects = new ArrayList<>();
            for (String v : values) {
                Text effect = fact.kind().listed() ? ft.form(v, EFFECT) : null;
                if (effect != null) effects.add(Html.inline(effect, locale));
            }
            if (rows.isEmpty()) kind = values.get(0);
            rows.add(new QuickRow(markup(Html.inline(ft.label(), locale)), markup(values(site, locale, fact, values)),
                    effects.isEmpty() ? null : markup(String.join(separator, effects)), rows.isEmpty()));
        }
        List<QuickFix> fixes = new ArrayList<>();
        for (var f : view.fixes()) {
            Text t = code.text(locale).fix().get(f.audience());
            fixes.add(new QuickFix(f.label(), firstSentence(t.value()), t.lang().equals(locale) ? null : t.lang()));
        }
        return new QuickAnswer(kind, rows, fixes);
    }

    /** The first sentence of a Markdown text, as plain text (links keep their words). */
    static String firstSentence(String markdown) {
        return dev.versus.render.prose.FirstSentence.of(markdown);
    }
}
