package dev.versus.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening an output reads its manifest before and after taking the lock: the same bytes are parsed once. */
class ManifestReadsTest {
    @TempDir
    Path dir;

    @Test
    void theSameBytesAreParsedOnceAndChangedOnesAgain() throws Exception {
        Path file = dir.resolve(".public.versus-manifest");
        Map<String, String> one = Map.of("index.html", "1a:3", "en/index.html", "2b:4");
        Files.write(file, Manifest.write("k1", new String[] {"en/index.html", "index.html"}, one));
        Manifest.Reads reads = new Manifest.Reads();
        Manifest.Read first = reads.read(file);
        assertThat(first.kind()).isEqualTo(Manifest.Kind.VALID);
        assertThat(first.entries()).isEqualTo(one);
        assertThat(reads.read(file)).isSameAs(first);

        Files.write(file, Manifest.write("k2", new String[] {"index.html"}, one));
        Manifest.Read second = reads.read(file);
        assertThat(second.key()).isEqualTo("k2");
        assertThat(second.entries()).isEqualTo(Map.of("index.html", "1a:3"));
        assertThat(Manifest.read(file)).isEqualTo(second);
    }
}
