package dev.versus.load;

import dev.versus.diagnostics.Location;
import dev.versus.diagnostics.Problems;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML file into a {@link YamlNode} tree that remembers where each value came from.
 *
 * <p>Only SnakeYAML's composer runs: no Java object is ever constructed from a tag, so a file
 * cannot make the generator instantiate classes. Anything beyond plain data (custom tags,
 * duplicate keys, deep nesting, alias bombs, files that are too large or not UTF-8) is a content
 * error with a location. Thread-safe: SnakeYAML's parser and composer are made per call, as
 * they are not.
 */
public final class YamlLoader {
    /** Largest file read; our largest real file is a few KB. */
    static final int MAX_FILE_BYTES = 1 << 20;
    static final int MAX_DEPTH = 20;
    static final int MAX_ALIASES = 10;
    /** Nodes after alias expansion; stops "billion laughs" files that stay under the alias limit. */
    static final int MAX_NODES = 50_000;

    private static final Set<Tag> PLAIN_TAGS = Set.of(
            Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP, Tag.TIMESTAMP);

    /** How SnakeYAML's composer refuses a {@code !!java.class} tag, before anything is constructed. */
    private static final Pattern GLOBAL_TAG = Pattern.compile("Global tag is not allowed: (\\S+)");

    private final Path root;

    /** Which implicit type a plain scalar has; one serves every file and thread (it is only read). */
    static final Resolver RESOLVER = new TextResolver();

    /**
     * SnakeYAML's resolver tries regular expressions (booleans, numbers, dates, null) on most plain
     * scalars, an eighth of a file's parsing time. {@link Converter} reads a number, a boolean or a
     * date as the text it is written with, and tells apart only null, the merge key {@code <<} and
     * the YAML indicators, which are these exact spellings; every other plain scalar is a text.
     * YamlLoaderTest checks that this resolves every value as SnakeYAML's own resolver would, up
     * to that difference.
     */
    private static final class TextResolver extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind != NodeId.scalar || !implicit) return super.resolve(kind, value, implicit);
            return switch (value) {
                case "", "~", "null", "Null", "NULL", " " -> Tag.NULL;
                case "<<" -> Tag.MERGE;
                case "!", "&", "*" -> Tag.YAML;
                default -> Tag.STR;
            };
        }
    }

    /** @param root the source folder; locations are printed relative to it */
    public YamlLoader(Path root) {
        this.root = root;
    }

    /** Loads {@code file}; on any problem reports it and returns empty. An empty file is an empty map. */
    public Optional<YamlNode> load(Path file, Problems problems) {
        String text = readText(file, problems);
        return text == null ? Optional.empty() : parse(text, displayPath(file), problems);
    }

    /** Reads a source file as UTF-8 within the size limit; null (after reporting) if it cannot be. */
    public String readText(Path file, Problems problems) {
        String name = displayPath(file);
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(Location.fileStart(name), "file is " + size + " bytes, more than the limit of "
                        + MAX_FILE_BYTES + "; split it or remove what does not belong");
                return null;
            }
            return decodeUtf8(Files.readAllBytes(file), name, problems);
        } catch (IOException e) {
            problems.add(Location.fileStart(name), "cannot read file: " + e.getMessage());
            return null;
        }
    }

    /**
     * Longest line: SnakeYAML copies its read window once per 1,024 characters of a line it
     * looks ahead on, so its time grows with the square of the longest line (a 1 MB line took
     * half a minute). A text field holds at most 20,000 characters anyway ({@code validate.Limits}).
     */
    public static final int MAX_LINE_CHARS = 21_000;

    /** Parses YAML text already in memory; {@code name} is the path printed in errors. */
    public static Optional<YamlNode> parse(String text, String name, Problems problems) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (!linesWithinLimit(text, name, problems)) return Optional.empty();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        Node root;
        MarkTrackingParser parser = new MarkTrackingParser(new ParserImpl(new StreamReader(new StringReader(text)), options));
        try {
            // What Yaml#compose does, with a parser that remembers where it was: SnakeYAML's alias
            // and nesting limits throw without a position, and the author needs one.
            root = new Composer(parser, RESOLVER, options).getSingleNode();
        } catch (MarkedYAMLException e) {
            report(e, text, name, problems);
            return Optional.empty();
        } catch (ReaderException e) {
            problems.add(codePointLocation(name, text, e.getPosition()), "character " + codePointName(e.getCodePoint())
                    + " is not allowed in a YAML file; remove it (control characters such as NUL never belong in content)");
            return Optional.empty();
        } catch (YAMLException e) {
            String message = printable(firstLine(e.getMessage()));
            Location at = at(name, parser.lastMark);
            if (message.startsWith("Number of aliases for non-scalar nodes exceeds")) {
                problems.add(at, "more than " + MAX_ALIASES + " aliases (*name) of lists or maps; aliases that multiply"
                        + " like this are a \"billion laughs\" attack or a mistake, so write the data out plainly");
            } else if (message.startsWith("Nesting Depth exceeded")) {
                problems.add(at, "nested more than " + MAX_DEPTH + " levels deep; content needs only a few levels,"
                        + " so check the indentation and brackets here");
            } else {
                problems.add(at, "invalid YAML: " + message);
            }
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(new YamlNode.Mapping(Map.of(), Location.fileStart(name)));
        }
        Converter converter = new Converter(name, problems);
        YamlNode node = converter.convert(root, 0);
        return converter.failed ? Optional.empty() : Optional.of(node);
    }

    private static boolean linesWithinLimit(String text, String name, Problems problems) {
        if (text.length() <= MAX_LINE_CHARS) return true;
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    problems.add(new Location(name, line, 1), "line " + line + " is " + (i - start) + " characters long,"
                            + " more than the limit of " + MAX_LINE_CHARS + "; a text field holds at most 20000"
                            + " characters, so shorten the text or break it into lines");
                    return false;
                }
                line++;
                start = i + 1;
            }
        }
        return true;
    }

    private String displayPath(Path file) {
        Path rel = file.startsWith(root) ? root.relativize(file) : file;
        return rel.toString().replace('\\', '/');
    }

    private static String decodeUtf8(byte[] bytes, String name, Problems problems) {
        // The common case, quickly: String's own decoder replaces every malformed sequence with
        // U+FFFD, so a result without one came from valid UTF-8. A file with U+FFFD (written in
        // it, or from a bad byte) takes the strict decoder, which finds the bad byte.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) return text;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            problems.add(byteLocation(name, bytes, offset), "file is not valid UTF-8: bad byte 0x"
                    + String.format("%02X", bytes[offset] & 0xFF) + " at byte offset " + offset
                    + "; save the file as UTF-8");
            return null;
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /**
     * Whether the problem is on a line that is indented and starts with {@code key:}, as a field
     * indented by mistake does (the colon YAML stopped at is the first one on the line).
     */
    private static boolean startsIndentedField(String text, Mark problem) {
        String line = text.lines().skip(problem.getLine()).findFirst().orElse("");
        String field = line.stripLeading();
        int indent = line.length() - field.length();
        return indent > 0 && field.indexOf(':') == problem.getColumn() - indent && FIELD_START.matcher(field).lookingAt();
    }

    private static final Pattern FIELD_START = Pattern.compile("[A-Za-z0-9_.-]+:( |$)");

    /**
     * Reports a SnakeYAML syntax error where the author has to look. SnakeYAML gives two marks:
     * where it noticed the problem and where the construct it was reading began. When the
     * problem is the end of the file (an unclosed quote or bracket), the end says nothing, so the
     * error points at the start of the construct instead.
     */
    private static void report(MarkedYAMLException e, String text, String name, Problems problems) {
        String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
        problem = printable(problem.replaceAll("\\s+", " ").trim());
        Mark problemMark = e.getProblemMark();
        Mark contextMark = e.getContextMark();
        Matcher global = GLOBAL_TAG.matcher(problem);
        if (global.matches()) {
            problems.add(at(name, problemMark), tagNotAllowed(global.group(1)));
            return;
        }
        if (problem.startsWith("found duplicate key")) {
            problems.add(at(name, problemMark), "duplicate key" + problem.substring("found duplicate key".length())
                    + "; each field may appear once");
            return;
        }
        String construct = e.getContext() == null ? null : construct(e.getContext());
        if (problem.equals("mapping values are not allowed here")) {
            // Two slips end here: "key: text: more" (the text needs quotes), and a field indented
            // under the one above it, which YAML reads as more of that field's text.
            problems.add(at(name, problemMark), "invalid YAML: mapping values are not allowed here; "
                    + (problemMark != null && startsIndentedField(text, problemMark)
                    ? "this line is indented, so it continues the text above it: if it starts a field, remove the"
                    + " spaces before it; if it is text, put the text in quotes"
                    : "put a text that contains ': ' in quotes"));
        } else if (construct == null || contextMark == null) {
            problems.add(at(name, problemMark != null ? problemMark : contextMark), "invalid YAML: " + problem);
        } else if (problemMark == null || problem.contains("end of stream") || problem.contains("<stream end>")) {
            problems.add(at(name, contextMark), "invalid YAML: the " + construct
                    + " that starts here is not closed before the end of the file");
        } else {
            problems.add(at(name, problemMark), "invalid YAML: " + problem + " (in the " + construct
                    + " that starts at line " + (contextMark.getLine() + 1) + ", column " + (contextMark.getColumn() + 1) + ")");
        }
    }

    /** SnakeYAML's "while scanning a quoted scalar" as the words an author wrote it with. */
    private static String construct(String context) {
        String c = context.replaceFirst("^while (scanning|parsing) (an? )?", "").trim();
        if (c.equals(context.trim())) return null;
        return switch (c) {
            case "quoted scalar" -> "quoted text";
            case "plain scalar" -> "text";
            case "block scalar" -> "text block";
            case "flow sequence" -> "list [ ]";
            case "flow mapping" -> "map { }";
            case "block sequence" -> "list";
            case "block mapping" -> "map";
            case "block collection" -> "list or map";
            case "block node", "flow node" -> "value";
            case "for the next token", "simple key" -> null;
            default -> c;
        };
    }

    /** The one message for any tag beyond plain data, whichever layer noticed it. */
    static String tagNotAllowed(String tag) {
        String shown = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
        return "tag " + shown + " is not allowed; Versus reads plain data only, so remove the tag";
    }

    /**
     * The line and column of byte {@code offset}, counted in characters as editors count them.
     * Everything before the offset decoded cleanly, and a newline byte is always a newline in UTF-8.
     */
    private static Location byteLocation(String name, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        return new Location(name, line, before.codePointCount(0, before.length()) + 1);
    }

    /** The line and column of the {@code index}-th code point of {@code text}, as SnakeYAML counts them. */
    private static Location codePointLocation(String name, String text, int index) {
        int line = 1;
        int column = 1;
        int i = 0;
        for (int seen = 0; seen < index && i < text.length(); seen++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(name, line, column);
    }

    /** "U+0000 (NUL)" for the control characters people meet, "U+XXXX" for the rest. */
    static String codePointName(int cp) {
        String hex = String.format("U+%04X", cp);
        return switch (cp) {
            case 0 -> hex + " (NUL)";
            case 0x1B -> hex + " (ESC)";
            case 0x7F -> hex + " (DEL)";
            default -> hex;
        };
    }

    /**
     * SnakeYAML quotes the character it stopped at, which may be a control character (NUL at the
     * end of the file): errors are printed one per line to a terminal, so those are named instead.
     */
    private static String printable(String message) {
        StringBuilder out = new StringBuilder(message.length());
        message.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(codePointName(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** The first surrogate in {@code s} that is not half of a pair, or -1. */
    private static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return c;
            }
        }
        return -1;
    }

    /** The first control character in {@code s} other than tab and line breaks, or -1. */
    private static int controlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') return c;
        }
        return -1;
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable YAML";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    static Location at(String name, Mark mark) {
        return mark == null ? Location.fileStart(name) : new Location(name, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** A parser that remembers where the last event it handed out started. */
    private static final class MarkTrackingParser implements Parser {
        private final Parser parser;
        Mark lastMark;

        MarkTrackingParser(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event e = parser.getEvent();
            if (e != null) lastMark = e.getStartMark();
            return e;
        }
    }

    /** Turns SnakeYAML nodes into {@link YamlNode}s, rejecting what plain data cannot contain. */
    private static final class Converter {
        private final String name;
        private final Problems problems;
        private int nodes;
        boolean failed;

        Converter(String name, Problems problems) {
            this.name = name;
            this.problems = problems;
        }

        YamlNode convert(Node node, int depth) {
            Location loc = at(name, node.getStartMark());
            // The composer already limits nesting and aliases as written; these limits are on what
            // aliases expand to, which only this walk sees.
            if (++nodes > MAX_NODES) {
                return fail(loc, "more than " + MAX_NODES + " values in one file, counting what aliases expand to;"
                        + " a content file holds a few dozen, so write the data out plainly or split the file");
            }
            if (depth > MAX_DEPTH) {
                return fail(loc, "aliases here expand to more than " + MAX_DEPTH + " levels of nesting (does a list"
                        + " or map contain itself?); write the data out plainly");
            }
            if (!PLAIN_TAGS.contains(node.getTag())) {
                return fail(loc, tagNotAllowed(node.getTag().getValue()));
            }
            if (node instanceof ScalarNode scalar) {
                String value = node.getTag().equals(Tag.NULL) ? null : scalar.getValue();
                int control = value == null ? -1 : controlCharacter(value);
                if (control >= 0) {
                    // Only an escape ("\0", "\x07") gets here: the reader refuses the raw bytes.
                    return fail(loc, "the text contains the control character " + codePointName(control)
                            + "; remove the escape that writes it");
                }
                int surrogate = value == null ? -1 : loneSurrogate(value);
                if (surrogate >= 0) {
                    // Only an escape ("\ud800") gets here: UTF-8 cannot encode half a character. A page
                    // would show it as "?", and strict JSON parsers refuse the data files.
                    return fail(loc, "the text contains " + String.format("U+%04X", surrogate) + ", half of a"
                            + " surrogate pair, which is not a character; write the character itself instead of the"
                            + " escape (or both halves, as in \"\\ud83d\\ude00\")");
                }
                return new YamlNode.Scalar(value, loc);
            }
            if (node instanceof SequenceNode seq) {
                List<YamlNode> items = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    items.add(convert(item, depth + 1));
                    if (failed) break;
                }
                return new YamlNode.Sequence(items, loc);
            }
            MappingNode map = (MappingNode) node;
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Location keyLoc = at(name, keyNode.getStartMark());
                if (keyNode instanceof ScalarNode merge && "<<".equals(merge.getValue())) {
                    return fail(keyLoc, "merge keys (<<) are not supported; write the fields out");
                }
                if (!(keyNode instanceof ScalarNode key) || !PLAIN_TAGS.contains(keyNode.getTag())) {
                    return fail(keyLoc, "a key must be a plain word");
                }
                int control = controlCharacter(key.getValue());
                if (control >= 0) {
                    return fail(keyLoc, "the key contains the control character " + codePointName(control)
                            + "; remove the escape that writes it");
                }
                if (entries.containsKey(key.getValue())) {
                    return fail(keyLoc, "duplicate key '" + key.getValue() + "' (first at line "
                            + entries.get(key.getValue()).keyLocation().line() + "); each field may appear once");
                }
                YamlNode value = convert(tuple.getValueNode(), depth + 1);
                if (failed) break;
                entries.put(key.getValue(), new YamlNode.Entry(key.getValue(), keyLoc, value));
            }
            return new YamlNode.Mapping(entries, loc);
        }

        private YamlNode fail(Location loc, String message) {
            if (!failed) problems.add(loc, message);
            failed = true;
            return new YamlNode.Scalar(null, loc);
        }
    }
}
