package dev.versus.i18n;

import dev.versus.diagnostics.Location;
import dev.versus.diagnostics.Problems;
import dev.versus.load.YamlLoader;
import dev.versus.load.YamlNode;
import dev.versus.validate.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes the text fields and source hashes of one translation file ({@code <code>.<locale>.yaml})
 * by editing its text, never by writing the YAML out again: every line that holds nothing that
 * changed stays byte for byte as it was, comments and blank lines included.
 *
 * <p>Where each value starts comes from the loader's {@link YamlNode} locations (line and
 * column). Where a value ends follows from YAML's indentation rules: the lines after a key that
 * are blank or indented deeper than the key belong to its value. A value is replaced from just
 * after its key's colon to its last character (a trailing comment on the line is kept); a new
 * field is inserted after the field that precedes it in the content format's order. The result
 * is parsed again and every field compared with what was intended; if anything differs, nothing
 * is written and a {@link TranslationEditException} says why.
 */
final class TranslationFileEditor {
    /** Order of the top-level keys of a translation file (docs/CONTENT-FORMAT.md). */
    private static final List<String> ROOT_ORDER = List.of("title", "summary", "description", "when", "use", "fix", "notes",
            Vocabulary.SOURCE);
    private static final String SOURCE_COMMENT =
            "# Written by versus i18n: a hash of the English each field was translated from. Do not edit.";
    /** What SnakeYAML counts as a line break, so that our line numbers are its line numbers. */
    private static final String BREAKS = "\n\r\u0085\u2028\u2029";

    private final String path;
    private final String bom;
    private final String text;
    private final String eol;
    private final YamlNode.Mapping root;
    /** The audiences of the code's family, in their order: the keys of {@code fix}. */
    private final List<String> audiences;
    /** The translated fields of such a code, in the order of the content format. */
    private final List<String> fieldIds;
    private final List<int[]> lines = new ArrayList<>();
    private final Map<String, String> newTexts = new LinkedHashMap<>();
    private final Map<String, String> newHashes = new LinkedHashMap<>();

    private TranslationFileEditor(String path, String original, List<String> audiences) throws TranslationEditException {
        this.path = path;
        this.audiences = List.copyOf(audiences);
        this.fieldIds = Vocabulary.translatedFieldIds(audiences);
        this.bom = original.startsWith("\uFEFF") ? "\uFEFF" : "";
        this.text = original.substring(bom.length());
        this.eol = text.contains("\r\n") ? "\r\n" : "\n";
        Problems problems = new Problems();
        Optional<YamlNode> parsed = YamlLoader.parse(text, path, problems);
        if (parsed.isEmpty() || !(parsed.get() instanceof YamlNode.Mapping m)) {
            throw new TranslationEditException(path + ": cannot be read as a map of fields"
                    + (problems.isEmpty() ? "" : ": " + problems.sorted().get(0)));
        }
        this.root = m;
        indexLines();
    }

    /**
     * An editor for {@code text}, the current content of {@code path} (empty for a file not yet
     * written), the translation of a code whose family has {@code audiences}.
     */
    static TranslationFileEditor of(String path, String text, List<String> audiences) throws TranslationEditException {
        return new TranslationFileEditor(path, text, audiences);
    }

    /** An editor for the translation of a code of a family with the default audiences. */
    static TranslationFileEditor of(String path, String text) throws TranslationEditException {
        return of(path, text, Vocabulary.DEFAULT_AUDIENCES);
    }

    /** Sets a text field ({@code title}, {@code fix.sender}, ...); a value equal to the current one changes nothing. */
    void setText(String field, String value) {
        if (!value.equals(currentText(field))) newTexts.put(field, value);
    }

    /** Records the source hash of a field; the same hash as recorded changes nothing. */
    void setHash(String field, String hash) {
        if (!hash.equals(currentHash(field))) newHashes.put(field, hash);
    }

    boolean changed() {
        return !newTexts.isEmpty() || !newHashes.isEmpty();
    }

    /** The current text of a field as the validator reads it (stripped), or null. */
    String currentText(String field) {
        YamlNode n = node(root, field);
        return n instanceof YamlNode.Scalar s && s.value() != null ? s.value().strip() : null;
    }

    String currentHash(String field) {
        YamlNode n = root.get(Vocabulary.SOURCE) instanceof YamlNode.Mapping src ? src.get(field) : null;
        return n instanceof YamlNode.Scalar s && s.value() != null ? s.value().strip() : null;
    }

    /** The file with every change applied, checked by reading it back. */
    String result() throws TranslationEditException {
        if (!changed()) return bom + text;
        List<Edit> edits = new ArrayList<>();
        // Text fields: replace in place, or insert after the field that comes before them.
        Map<String, String> rootInserts = new LinkedHashMap<>();
        Map<String, String> fixInserts = new LinkedHashMap<>();
        for (String field : fieldIds) {
            if (!newTexts.containsKey(field)) continue;
            String value = newTexts.get(field);
            boolean fix = field.startsWith("fix.");
            YamlNode.Mapping map = fix ? childMap("fix") : root;
            String key = fix ? field.substring(4) : field;
            YamlNode.Entry entry = map == null ? null : map.entries().get(key);
            if (entry != null) edits.add(replaceValue(entry, value));
            else if (fix) fixInserts.put(key, value);
            else rootInserts.put(key, entryText(key, value, 0));
        }
        Map<String, String> sourceInserts = new LinkedHashMap<>();
        YamlNode.Mapping source = childMap(Vocabulary.SOURCE);
        for (String field : fieldIds) {
            if (!newHashes.containsKey(field)) continue;
            YamlNode.Entry entry = source == null ? null : source.entries().get(field);
            if (entry != null) edits.add(replaceValue(entry, newHashes.get(field)));
            else sourceInserts.put(field, newHashes.get(field));
        }
        insertChildren("fix", fixInserts, audiences, rootInserts, edits, null);
        insertChildren(Vocabulary.SOURCE, sourceInserts, fieldIds, rootInserts, edits, SOURCE_COMMENT);
        insertInto(root, rootInserts, ROOT_ORDER, edits);

        edits.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::order));
        StringBuilder out = new StringBuilder(text.length() + 256);
        int at = 0;
        for (Edit e : edits) {
            if (e.start() < at) throw new TranslationEditException(path + ": two changes overlap; edit the file by hand");
            out.append(text, at, e.start()).append(e.text());
            at = e.end();
        }
        out.append(text, at, text.length());
        String result = out.toString();
        verify(result);
        return bom + result;
    }

    // ---- replacing ----------------------------------------------------------------------------

    private record Edit(int start, int end, String text, int order) {}

    private int order;

    private Edit replaceValue(YamlNode.Entry entry, String value) throws TranslationEditException {
        int keyStart = offset(entry.keyLocation());
        int colon = text.indexOf(':', keyStart);
        int valueStart = offset(entry.value().location());
        if (colon < 0 || colon >= valueStart) {
            throw new TranslationEditException(entry.keyLocation() + ": cannot find the ':' after '" + entry.key() + "'");
        }
        if (!(entry.value() instanceof YamlNode.Scalar)) {
            throw new TranslationEditException(entry.value().location() + ": '" + entry.key() + "' is " + entry.value().kind()
                    + ", not a text");
        }
        int end = valueEnd(entry, valueStart);
        int indent = entry.keyLocation().column() - 1 + 2;
        return new Edit(colon + 1, end, " " + YamlScalars.render(value, indent, eol), order++);
    }

    /** The offset just after the last character of a scalar value (before a trailing comment or line break). */
    private int valueEnd(YamlNode.Entry entry, int valueStart) throws TranslationEditException {
        int last = lastLine(entry);
        int blockEnd = lines.get(last)[1];
        char first = text.charAt(valueStart);
        if (first == '|' || first == '>') return blockEnd;
        if (first == '\'' || first == '"') {
            for (int i = valueStart + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (first == '"' && c == '\\') {
                    i++;
                } else if (c == first) {
                    if (first == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') i++;
                    else return i + 1;
                }
            }
            throw new TranslationEditException(entry.value().location() + ": the quoted text is not closed");
        }
        // A plain scalar ends at a comment (" #") or at the end of its last line.
        int end = blockEnd;
        for (int i = valueStart + 1; i < blockEnd; i++) {
            if (text.charAt(i) == '#' && Character.isWhitespace(text.charAt(i - 1))) {
                end = i;
                break;
            }
        }
        while (end > valueStart && Character.isWhitespace(text.charAt(end - 1))) end--;
        return end;
    }

    /**
     * The index of the last line of an entry: its key's line, then every following line that is
     * indented deeper than the key, skipping blank lines (which stay where they are).
     */
    private int lastLine(YamlNode.Entry entry) {
        int keyIndent = entry.keyLocation().column() - 1;
        int last = Math.max(entry.keyLocation().line(), entry.value().location().line()) - 1;
        for (int i = last + 1; i < lines.size(); i++) {
            if (blank(i)) continue;
            if (indent(i) <= keyIndent) break;
            last = i;
        }
        return last;
    }

    // ---- inserting ----------------------------------------------------------------------------

    /**
     * Inserts entries into the map {@code name} (fix or source); if the file has no such map, the
     * whole map becomes a new top-level entry, handed back in {@code rootInserts} as ready text.
     */
    private void insertChildren(String name, Map<String, String> inserts, List<String> order,
                                Map<String, String> rootInserts, List<Edit> edits, String comment) throws TranslationEditException {
        if (inserts.isEmpty()) return;
        YamlNode.Mapping map = childMap(name);
        if (map != null && !map.entries().isEmpty()) {
            int indent = map.entries().values().iterator().next().keyLocation().column() - 1;
            Map<String, String> entries = new LinkedHashMap<>();
            inserts.forEach((k, v) -> entries.put(k, entryText(k, v, indent)));
            insertInto(map, entries, order, edits);
            return;
        }
        if (root.get(name) != null) {
            throw new TranslationEditException(root.get(name).location() + ": '" + name + "' must be a map to add "
                    + String.join(", ", inserts.keySet()) + " to it");
        }
        StringBuilder block = new StringBuilder(comment == null ? "" : comment + eol).append(name).append(':').append(eol);
        for (String key : order) {
            if (inserts.containsKey(key)) block.append(entryText(key, inserts.get(key), 2));
        }
        rootInserts.put(name, block.toString());
    }

    /** Inserts ready entry texts (key → text) into {@code map}, each where its key belongs in {@code order}. */
    private void insertInto(YamlNode.Mapping map, Map<String, String> entries, List<String> order, List<Edit> edits) {
        for (String key : order) {
            if (entries.containsKey(key)) edits.add(insertionPoint(map, key, order, entries.get(key)));
        }
    }

    private String entryText(String key, String value, int indent) {
        return " ".repeat(indent) + key + ": " + YamlScalars.render(value, indent + 2, eol) + eol;
    }

    /** After the nearest key that comes before {@code key} in {@code order}, else before the nearest that comes after. */
    private Edit insertionPoint(YamlNode.Mapping map, String key, List<String> order, String entry) {
        int index = order.indexOf(key);
        for (int i = index - 1; i >= 0; i--) {
            YamlNode.Entry before = map.entries().get(order.get(i));
            if (before != null) {
                int last = lastLine(before);
                int at = lines.get(last)[2];
                // The last line may lack a line break at the end of the file.
                String prefix = at == lines.get(last)[1] ? eol : "";
                return new Edit(at, at, prefix + entry, order());
            }
        }
        for (int i = index + 1; i < order.size(); i++) {
            YamlNode.Entry after = map.entries().get(order.get(i));
            if (after != null) {
                int at = lines.get(after.keyLocation().line() - 1)[0];
                return new Edit(at, at, entry, order());
            }
        }
        // Keys the order does not know (an invalid file would not get here), or an empty file.
        int at = text.length();
        String prefix = text.isEmpty() || BREAKS.indexOf(text.charAt(text.length() - 1)) >= 0 ? "" : eol;
        return new Edit(at, at, prefix + entry, order());
    }

    private int order() {
        return order++;
    }

    // ---- checking -----------------------------------------------------------------------------

    /** Reads the result back: every field must hold what was intended, and nothing else may have changed. */
    private void verify(String result) throws TranslationEditException {
        Problems problems = new Problems();
        Optional<YamlNode> parsed = YamlLoader.parse(result, path, problems);
        if (parsed.isEmpty() || !(parsed.get() instanceof YamlNode.Mapping after)) {
            throw new TranslationEditException(path + ": the edited file would not be valid YAML ("
                    + (problems.isEmpty() ? "not a map" : problems.sorted().get(0).message()) + "); nothing was written");
        }
        for (String field : fieldIds) {
            String expected = newTexts.containsKey(field) ? newTexts.get(field) : currentText(field);
            YamlNode n = node(after, field);
            String actual = n instanceof YamlNode.Scalar s && s.value() != null ? s.value().strip() : null;
            if (!Objects.equals(expected, actual)) {
                throw new TranslationEditException(path + ": editing '" + field + "' safely is not possible here (it would read back"
                        + " differently); change the file by hand or rewrite the field as a plain | block");
            }
            String expectedHash = newHashes.containsKey(field) ? newHashes.get(field) : currentHash(field);
            YamlNode h = after.get(Vocabulary.SOURCE) instanceof YamlNode.Mapping src ? src.get(field) : null;
            String actualHash = h instanceof YamlNode.Scalar s && s.value() != null ? s.value().strip() : null;
            if (!Objects.equals(expectedHash, actualHash)) {
                throw new TranslationEditException(path + ": recording the source of '" + field + "' safely is not possible here;"
                        + " check the file's '" + Vocabulary.SOURCE + "' map");
            }
        }
        for (String key : root.entries().keySet()) {
            if (after.get(key) == null) throw new TranslationEditException(path + ": the edit would lose '" + key + "'");
        }
    }

    // ---- the file's lines and nodes -----------------------------------------------------------

    private static YamlNode node(YamlNode.Mapping map, String field) {
        if (field.startsWith("fix.")) {
            return map.get("fix") instanceof YamlNode.Mapping fix ? fix.get(field.substring(4)) : null;
        }
        return map.get(field);
    }

    private YamlNode.Mapping childMap(String key) throws TranslationEditException {
        YamlNode n = root.get(key);
        if (n instanceof YamlNode.Mapping m) {
            int at = offset(m.location());
            if (at < text.length() && text.charAt(at) == '{') {
                throw new TranslationEditException(m.location() + ": '" + key + "' is written as { }; write it as one entry per"
                        + " line so that Versus can edit it");
            }
            return m;
        }
        return null;
    }

    /** Line starts, ends (before the break) and the start of the next line, with SnakeYAML's idea of a break. */
    private void indexLines() {
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (BREAKS.indexOf(c) >= 0) {
                int next = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                lines.add(new int[] {start, i, next});
                start = next;
                i = next;
            } else {
                i++;
            }
        }
        lines.add(new int[] {start, text.length(), text.length()});
    }

    private int offset(Location at) {
        int[] line = lines.get(Math.min(at.line() - 1, lines.size() - 1));
        int offset = line[0];
        // SnakeYAML counts columns in code points.
        for (int c = 1; c < at.column() && offset < line[1]; c++) {
            offset += Character.charCount(text.codePointAt(offset));
        }
        return offset;
    }

    private boolean blank(int line) {
        int[] l = lines.get(line);
        for (int i = l[0]; i < l[1]; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') return false;
        }
        return true;
    }

    private int indent(int line) {
        int[] l = lines.get(line);
        int i = l[0];
        while (i < l[1] && text.charAt(i) == ' ') i++;
        return i - l[0];
    }
}
