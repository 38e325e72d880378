package dev.versus.load;

import dev.versus.model.Location;
import dev.versus.validate.Problems;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
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
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML file into a {@link YamlNode} tree that remembers where each value came from.
 *
 * <p>Only SnakeYAML's composer runs: no Java object is ever constructed from a tag, so a file
 * cannot make the generator instantiate classes. Anything beyond plain data (custom tags,
 * duplicate keys, deep nesting, alias bombs, files that are too large or not UTF-8) is a content
 * error with a location. Thread-safe: a {@link Yaml} instance is made per call, as SnakeYAML's
 * own instances are not.
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

    /** Parses YAML text already in memory; {@code name} is the path printed in errors. */
    public static Optional<YamlNode> parse(String text, String name, Problems problems) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            report(e, name, problems);
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(Location.fileStart(name), "invalid YAML: " + firstLine(e.getMessage()));
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(new YamlNode.Mapping(Map.of(), Location.fileStart(name)));
        }
        Converter converter = new Converter(name, problems);
        YamlNode node = converter.convert(root, 0);
        return converter.failed ? Optional.empty() : Optional.of(node);
    }

    private String displayPath(Path file) {
        Path rel = file.startsWith(root) ? root.relativize(file) : file;
        return rel.toString().replace('\\', '/');
    }

    private static String decodeUtf8(byte[] bytes, String name, Problems problems) {
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
     * Reports a SnakeYAML syntax error where the author has to look. SnakeYAML gives two marks:
     * where it noticed the problem and where the construct it was reading began. When the
     * problem is the end of the file (an unclosed quote or bracket), the end says nothing, so the
     * error points at the start of the construct instead.
     */
    private static void report(MarkedYAMLException e, String name, Problems problems) {
        String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
        problem = problem.replaceAll("\\s+", " ").trim();
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
            problems.add(at(name, problemMark), "invalid YAML: mapping values are not allowed here;"
                    + " put a text that contains ': ' in quotes");
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

    private static String firstLine(String message) {
        if (message == null) return "unreadable YAML";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    static Location at(String name, Mark mark) {
        return mark == null ? Location.fileStart(name) : new Location(name, mark.getLine() + 1, mark.getColumn() + 1);
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
            if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
                return fail(loc, "document is too large or too deeply nested (aliases expand to more than "
                        + MAX_NODES + " values); write the data out plainly");
            }
            if (!PLAIN_TAGS.contains(node.getTag())) {
                return fail(loc, tagNotAllowed(node.getTag().getValue()));
            }
            if (node instanceof ScalarNode scalar) {
                String value = node.getTag().equals(Tag.NULL) ? null : scalar.getValue();
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
                if (!(keyNode instanceof ScalarNode key) || !PLAIN_TAGS.contains(keyNode.getTag())) {
                    return fail(keyLoc, "a key must be a plain word");
                }
                if ("<<".equals(key.getValue())) {
                    return fail(keyLoc, "merge keys (<<) are not supported; write the fields out");
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
