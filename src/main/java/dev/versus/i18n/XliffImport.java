package dev.versus.i18n;

import dev.versus.model.Code;
import dev.versus.model.Family;
import dev.versus.model.Site;
import dev.versus.model.Text;
import dev.versus.validate.Limits;
import dev.versus.validate.SourceHash;
import dev.versus.validate.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import net.sf.okapi.lib.xliff2.XLIFFException;
import net.sf.okapi.lib.xliff2.core.Part;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.reader.Event;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;

/**
 * {@code versus i18n import}: writes the targets of an XLIFF 2 file back into the
 * {@code <code>.<locale>.yaml} files and records the English each was translated from.
 *
 * <ul>
 *   <li>A unit is identified by its id, {@code <family>:<code>:<field>} (see {@link FieldStatus#unitId()}).
 *   <li>Errors (the file is not XLIFF 2, its languages are not the site's, a unit id is malformed,
 *       repeated, or names a family, code or field that does not exist) stop the import before
 *       anything is written.
 *   <li>A unit whose source is no longer the current English (after {@link SourceHash#normalize})
 *       is refused with the reason; the other units are still imported.
 *   <li>A unit without a target, or with an empty one, is skipped: there is nothing to import.
 *   <li>A unit whose translation in the file changed since the export (the XLIFF records the
 *       translation each unit was exported with) is refused, unless asked to overwrite.
 *   <li>Before anything is written, the sources with every change applied are loaded and
 *       validated as {@code check} does them, in a copy; whatever check would refuse (a file over
 *       the size limit, say) stops the import.
 * </ul>
 */
public final class XliffImport {
    private XliffImport() {}

    /**
     * What an import did. Nothing was written if {@code errors} is not empty. {@code imported}
     * counts fields whose text or source record changed, {@code unchanged} those already as in
     * the file, {@code skipped} units without a target.
     */
    public record Outcome(String locale, List<String> errors, List<String> refused, int imported, int unchanged,
                          int skipped, List<String> changedFiles, List<String> createdFiles) {
        public Outcome {
            errors = List.copyOf(errors);
            refused = List.copyOf(refused);
            changedFiles = List.copyOf(changedFiles);
            createdFiles = List.copyOf(createdFiles);
        }
    }

    /**
     * A unit as read: its id, source and target (null if it has none) as plain text, and the hash
     * of the translation it was exported with ({@code "none"} for none; null if the file does
     * not say: exported by another tool or an earlier Versus).
     */
    private record Read(String id, String source, String target, String exportedTranslation) {}

    public static Outcome run(Path root, Site site, Path xliff) throws IOException {
        return run(root, site, xliff, false);
    }

    /**
     * Imports {@code xliff}. A unit whose translation was edited in the file since the export
     * (or whose export did not record it, and which would change it) is refused unless
     * {@code overwrite}; the files are checked as {@code check} would check them before any is
     * written.
     */
    public static Outcome run(Path root, Site site, Path xliff, boolean overwrite) throws IOException {
        String name = xliff.toString();
        List<String> errors = new ArrayList<>();
        String[] langs = new String[2];
        List<Read> units = read(xliff, name, langs, errors);
        if (!errors.isEmpty()) return failed(null, errors);
        String locale = langs[1];
        if (!site.defaultLocale().equals(langs[0])) {
            errors.add(name + ": srcLang is '" + langs[0] + "', but the site's source language is '" + site.defaultLocale() + "'");
        }
        if (locale == null || locale.equals(site.defaultLocale()) || !site.locales().contains(locale)) {
            errors.add(name + ": trgLang is '" + locale + "', which is not a translated locale of this site ("
                    + String.join(", ", site.locales().stream().filter(l -> !l.equals(site.defaultLocale())).toList()) + ")");
        }
        if (!errors.isEmpty()) return failed(locale, errors);

        List<String> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        TranslationFiles files = new TranslationFiles(root);
        int imported = 0;
        int unchanged = 0;
        int skipped = 0;
        for (Read u : units) {
            String where = name + ": unit '" + u.id() + "'";
            if (!seen.add(u.id())) {
                errors.add(where + " appears twice; each field may be imported once");
                continue;
            }
            String[] parts = u.id().split(":", -1);
            if (parts.length != 3) {
                errors.add(where + ": not a Versus unit id (<family>:<code>:<field>, e.g. smtp:421:title)");
                continue;
            }
            Family family = site.family(parts[0]);
            Code code = family == null ? null : family.code(parts[1]);
            String field = parts[2];
            if (family == null) {
                errors.add(where + ": family '" + parts[0] + "' does not exist (content/" + parts[0] + "/)");
                continue;
            }
            if (code == null) {
                errors.add(where + ": code " + parts[1] + " does not exist in family " + family.id() + " (no content/"
                        + family.id() + "/" + parts[1] + ".yaml)");
                continue;
            }
            List<String> fieldIds = Vocabulary.translatedFieldIds(family.audiences());
            if (!fieldIds.contains(field)) {
                errors.add(where + ": '" + field + "' is not a text field (" + String.join(", ", fieldIds) + ")");
                continue;
            }
            if (u.target() == null || u.target().isBlank()) {
                skipped++;
                continue;
            }
            Text english = code.text(site.defaultLocale()).fields().get(field);
            if (english == null) {
                refused.add(where + " refused: " + code.source().path() + " has no '" + field + "' any more, so there is"
                        + " nothing to translate");
                continue;
            }
            if (!SourceHash.normalize(u.source()).equals(SourceHash.normalize(english.value()))) {
                refused.add(where + " refused: its source is not the current English of '" + field + "' ("
                        + english.at() + "), which changed after the export; export again and translate the new text");
                continue;
            }
            String value = u.target().replace("\r\n", "\n").replace('\r', '\n').strip();
            if (value.length() > Limits.FIELD_CHARS) {
                errors.add(where + ": the target is " + value.length() + " characters long, more than the limit of "
                        + Limits.FIELD_CHARS + " for one field, which check would refuse");
                continue;
            }
            String path = TranslationStatus.translationPath(code, locale);
            try {
                TranslationFileEditor editor = files.editor(path, family.audiences());
                // The same text with a current record changes nothing; the same text with an old or
                // no record is the translator confirming it for the current English.
                String recorded = editor.currentHash(field);
                String current = editor.currentText(field);
                if (value.equals(current) && recorded != null
                        && SourceHash.matches(recorded, english.value())) {
                    unchanged++;
                    continue;
                }
                String edited = editedSinceExport(u, current);
                if (edited != null && !overwrite && !value.equals(current)) {
                    refused.add(where + " refused: " + path + " " + edited + "; merge the two by hand, or import again"
                            + " with --overwrite to replace it");
                    continue;
                }
                editor.setText(field, value);
                editor.setHash(field, SourceHash.of(english.value()));
                imported++;
            } catch (TranslationEditException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) return failed(locale, errors);
        List<String> wouldFail;
        try {
            wouldFail = files.check();
        } catch (TranslationEditException e) {
            return failed(locale, List.of(e.getMessage()));
        }
        if (!wouldFail.isEmpty()) {
            List<String> all = new ArrayList<>();
            for (String e : wouldFail) all.add(e + " (after the import; check would refuse it)");
            return failed(locale, all);
        }
        try {
            TranslationFiles.Written written = files.writeAll();
            return new Outcome(locale, List.of(), refused, imported, unchanged, skipped, written.changed(), written.created());
        } catch (TranslationEditException e) {
            return failed(locale, List.of(e.getMessage()));
        }
    }

    /**
     * Why the translation in the file ({@code current}, null if none) is not the one the unit was
     * exported with, or null if it is.
     */
    private static String editedSinceExport(Read u, String current) {
        String exported = u.exportedTranslation();
        if (exported == null) {
            return current == null ? null : "has a translation, and this file does not say which one it was exported with";
        }
        if (exported.equals(XliffExport.NO_TRANSLATION)) {
            return current == null ? null : "has a translation that was added after the export";
        }
        if (current == null) return "no longer has the translation this file was exported with";
        return SourceHash.FORMAT.matcher(exported).matches() && SourceHash.matches(exported, current) ? null
                : "has a translation that was edited after the export";
    }

    private static Outcome failed(String locale, List<String> errors) {
        return new Outcome(locale, errors, List.of(), 0, 0, 0, List.of(), List.of());
    }

    /**
     * Largest XLIFF file read: an export of every field of the repository's site is about 2 MB, and
     * the XLIFF reader needs many times a file's size in memory.
     */
    static final long MAX_BYTES = 8 << 20;

    private static List<Read> read(Path xliff, String name, String[] langs, List<String> errors) throws IOException {
        if (!Files.isRegularFile(xliff)) {
            errors.add(name + ": no such file");
            return List.of();
        }
        long size = Files.size(xliff);
        if (size > MAX_BYTES) {
            errors.add(name + ":1:1: file is " + size + " bytes, more than the limit of " + MAX_BYTES + "; export fewer"
                    + " units at a time (--only missing,stale) or split the file");
            return List.of();
        }
        if (hasDoctype(xliff, name, errors)) return List.of();
        List<Read> units = new ArrayList<>();
        try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(xliff.toFile());
            while (reader.hasNext()) {
                Event e = reader.next();
                if (e.isStartXliff()) {
                    langs[0] = e.getStartXliffData().getSourceLanguage();
                    langs[1] = e.getStartXliffData().getTargetLanguage();
                } else if (e.isUnit()) {
                    units.add(read(e.getUnit()));
                }
            }
        } catch (XLIFFException e) {
            errors.add(name + ": not a valid XLIFF 2.0 file: " + firstLine(e.getMessage()));
        }
        return units;
    }

    /**
     * A unit's source and target as plain text, segments and the text between them joined in
     * order (a tool may have split the field into sentences). A target missing from any segment
     * means the unit is not (completely) translated.
     */
    private static Read read(Unit unit) {
        StringBuilder source = new StringBuilder();
        StringBuilder target = new StringBuilder();
        boolean complete = true;
        boolean any = false;
        for (Part p : unit) {
            source.append(p.getSource().getPlainText());
        }
        for (Part p : unit.getTargetOrderedParts()) {
            if (p.hasTarget()) {
                target.append(p.getTarget().getPlainText());
                any |= p.isSegment();
            } else if (p.isSegment()) {
                complete = false;
            } else {
                target.append(p.getSource().getPlainText());
            }
        }
        return new Read(unit.getId(), source.toString(), any && complete ? target.toString() : null,
                unit.getExtAttributeValue(XliffExport.NAMESPACE, XliffExport.EXPORTED_TRANSLATION));
    }

    /** XLIFF never needs a DTD; refusing one keeps entity tricks out before any parser resolves them. */
    private static boolean hasDoctype(Path xliff, String name, List<String> errors) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(xliff)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.DTD) {
                        errors.add(name + ": has a <!DOCTYPE>; XLIFF files have none, so it is refused");
                        return true;
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) return false;
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            errors.add(name + ": not well-formed XML: " + firstLine(e.getMessage()));
            return true;
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
