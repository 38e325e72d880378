package dev.versus.i18n;

import dev.versus.model.Code;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.okapi.lib.xliff2.core.Note;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.StartFileData;
import net.sf.okapi.lib.xliff2.core.StartXliffData;
import net.sf.okapi.lib.xliff2.core.TargetState;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.writer.XLIFFWriter;

/**
 * Writes the fields of one locale as an XLIFF 2.0 document with Okapi's XLIFF 2 library, for
 * translation tools (memoQ, Trados, OmegaT, Okapi). One {@code <file>} per translation file
 * ({@code original} is its path), one {@code <unit>} per field whose id is
 * {@code <family>:<code>:<field>}; the source is the current English, the target the current
 * translation if there is one. White space is preserved: the texts are Markdown.
 */
public final class XliffExport {
    /** The XLIFF {@code subState} prefix for Versus's own states; XLIFF 2.0 requires "prefix:value". */
    static final String SUBSTATE = "versus:";
    /** Versus's namespace for the attributes it adds to a unit. */
    static final String NAMESPACE = "urn:versus:xliff:1";
    /**
     * The unit attribute that records the translation the file had when the unit was exported
     * (its {@link dev.versus.validate.SourceHash}, or {@link #NO_TRANSLATION}), so that an import
     * can tell a translation edited by hand since from one it would merely update.
     */
    static final String EXPORTED_TRANSLATION = "translation";
    static final String NO_TRANSLATION = "none";

    private XliffExport() {}

    /** Writes the fields of {@code locale} whose state is in {@code only}; returns how many units were written. */
    public static int write(TranslationStatus status, String locale, Set<FieldStatus.State> only, Writer out) {
        Map<Code, List<FieldStatus>> byFile = new LinkedHashMap<>();
        for (FieldStatus f : status.fields(locale)) {
            if (only.contains(f.state())) byFile.computeIfAbsent(f.code(), c -> new ArrayList<>()).add(f);
        }
        String sourceLocale = status.site().defaultLocale();
        int units = 0;
        // The writer closes what it writes to when it is done; the caller owns `out`.
        Writer target = new FilterWriter(out) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (closed) return;
                closed = true;
                out.write('\n');
                out.flush();
            }
        };
        try (XLIFFWriter writer = new XLIFFWriter()) {
            writer.setLineBreak("\n");
            writer.setUseIndentation(true);
            writer.create(target, sourceLocale, locale);
            StartXliffData start = new StartXliffData(null);
            start.setSourceLanguage(sourceLocale);
            start.setTargetLanguage(locale);
            start.getExtAttributes().setNamespace("versus", NAMESPACE);
            writer.writeStartDocument(start, "Versus: " + sourceLocale + " to " + locale + ". Translate the targets;"
                    + " keep Markdown, code mentions (421, X.2.2) and references (RFC 5321 §4.2.3) as they are.");
            for (var e : byFile.entrySet()) {
                Code code = e.getKey();
                StartFileData file = new StartFileData(code.family() + ":" + code.id());
                file.setOriginal(e.getValue().get(0).translation());
                writer.writeStartFile(file);
                for (FieldStatus f : e.getValue()) {
                    writer.writeUnit(unit(f));
                    units++;
                }
                writer.writeEndFile();
            }
            writer.writeEndDocument();
        }
        return units;
    }

    private static Unit unit(FieldStatus f) {
        Unit unit = new Unit(f.unitId());
        unit.setName(f.translation() + "#" + f.field());
        unit.getExtAttributes().setAttribute(NAMESPACE, EXPORTED_TRANSLATION,
                f.state() == FieldStatus.State.MISSING ? NO_TRANSLATION : dev.versus.validate.SourceHash.of(f.text().value()));
        unit.setPreserveWS(true);
        unit.addNote(note("location", "English: " + f.english().at()));
        switch (f.state()) {
            case STALE -> unit.addNote(note("versus", "The English changed after this translation was made: update the"
                    + " target to say what the source says now."));
            case UNSTAMPED -> unit.addNote(note("versus", "Versus does not know which English this translation was made"
                    + " from: check it against the source."));
            default -> { }
        }
        Segment segment = unit.appendSegment();
        segment.setPreserveWS(true);
        segment.setCanResegment(false);
        segment.setSource(f.english().value());
        if (f.state() != FieldStatus.State.MISSING) {
            segment.setTarget(f.text().value());
        }
        switch (f.state()) {
            case TRANSLATED -> segment.setState(TargetState.TRANSLATED);
            case STALE, UNSTAMPED -> {
                segment.setState(TargetState.INITIAL);
                segment.setSubState(SUBSTATE + f.state().word());
            }
            case MISSING -> segment.setState(TargetState.INITIAL);
        }
        return unit;
    }

    private static Note note(String category, String text) {
        Note n = new Note(text);
        n.setCategory(category);
        return n;
    }
}
