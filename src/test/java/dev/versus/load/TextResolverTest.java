package dev.versus.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YamlLoader's resolver gives every plain scalar the type SnakeYAML's own resolver gives it, except
 * that numbers, booleans and dates are texts, which is how the loader reads them anyway: null, the
 * merge key and the YAML indicators stay what they are (the loader refuses the last two).
 */
class TextResolverTest {
    private static final Set<Tag> TEXT = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.TIMESTAMP);

    @Test
    void everyValueResolvesAsSnakeYamlResolvesItUpToTexts() throws IOException {
        List<String> values = new ArrayList<>(List.of("", " ", "~", "null", "Null", "NULL", "nULL", "nul", "none", "<<", "<",
                "<<<", "!", "&", "*", "=", "yes", "No", "on", "OFF", "true", "y", "n", "1", "-1", "+0x1F", "0b101", "0o7", "1_000",
                "1.5", ".5", "1e3", ".inf", "-.INF", ".NaN", "1:20", "190:20:30", "2024-01-01", "2024-1-1 10:00:00 +01:00",
                "421", "4.7.0", "X.7.18", "5XX", "smtp:421", "a: b"));
        // and every line of the repository's content, whole and after its first ': '
        try (Stream<Path> files = Files.walk(projectFolder().resolve("content"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String t = line.strip();
                    values.add(t);
                    int colon = t.indexOf(": ");
                    if (colon >= 0) values.add(t.substring(colon + 2));
                    if (t.startsWith("- ")) values.add(t.substring(2));
                }
            }
        }
        Resolver snakeYaml = new Resolver();
        for (String v : values) {
            Tag theirs = snakeYaml.resolve(NodeId.scalar, v, true);
            Tag ours = YamlLoader.RESOLVER.resolve(NodeId.scalar, v, true);
            assertThat(TEXT.contains(theirs) ? Tag.STR : theirs).as("'%s'", v).isEqualTo(ours);
            assertThat(YamlLoader.RESOLVER.resolve(NodeId.scalar, v, false)).isEqualTo(snakeYaml.resolve(NodeId.scalar, v, false));
        }
        assertThat(YamlLoader.RESOLVER.resolve(NodeId.sequence, null, true)).isEqualTo(Tag.SEQ);
        assertThat(YamlLoader.RESOLVER.resolve(NodeId.mapping, null, true)).isEqualTo(Tag.MAP);
    }

    private static Path projectFolder() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) p = p.getParent();
        return p;
    }
}
