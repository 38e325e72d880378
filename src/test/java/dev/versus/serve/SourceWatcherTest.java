package dev.versus.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s watcher reports a save under the file saved, whatever temporary files the
 * editor or tool wrote on the way, so its log line names only real sources.
 */
class SourceWatcherTest {
    @TempDir
    Path dir;

    @Test
    void editorsAndToolsTemporaryFilesAreNotSources() {
        for (String name : List.of("sedAb12Xz", "sed0Q9zzz", ".421.yaml.swp", ".421.yaml.swo", ".421.yaml.swa", ".421.yaml.swx",
                "4913", "421.yaml~", ".#421.yaml", "#421.yaml#", "421.yaml___jb_tmp___", "421.yaml___jb_old___",
                "421.yaml.tmp", "x.TMP", ".goutputstream-7ZQ1K2", ".421.yaml.kate-swp")) {
            assertThat(SourceWatcher.ignored(name)).as(name).isTrue();
        }
        for (String name : List.of("421.yaml", "421.ja.yaml", "_family.yaml", "layout.ftlh", "logo.svg", "style.css",
                "sed.yaml", "sedative.yaml", "4913.yaml", "#", "421-vs-552.md", "swap.js")) {
            assertThat(SourceWatcher.ignored(name)).as(name).isFalse();
        }
    }

    @Test
    void aSaveIsReportedUnderTheFileSavedOnly() throws Exception {
        Path code = Files.createDirectories(dir.resolve("content/smtp")).resolve("421.yaml");
        Files.writeString(code, "title: Service Not Available\n");
        BlockingQueue<Set<Path>> batches = new LinkedBlockingQueue<>();
        try (SourceWatcher watcher = new SourceWatcher(dir, List.of("content", "templates", "locales"), Duration.ofMillis(60),
                batch -> batches.add(batch == null ? Set.of(Path.of("LOST")) : batch))) {
            // sed -i: the new text in sedXXXXXX, renamed over the file.
            Process sed = new ProcessBuilder("sed", "-i", "s/Not Available/Unavailable/", code.toString()).inheritIO().start();
            assertThat(sed.waitFor()).isZero();
            assertThat(reported(batches, 1)).containsExactly("421.yaml");

            // vim: the swap file, the write test, a backup, the file, the swap file removed.
            Path folder = code.getParent();
            Files.writeString(folder.resolve(".421.yaml.swp"), "swap");
            Files.writeString(folder.resolve("4913"), "");
            Files.delete(folder.resolve("4913"));
            Files.copy(code, folder.resolve("421.yaml~"));
            Files.writeString(code, "title: Service Unavailable (vim)\n");
            Files.delete(folder.resolve("421.yaml~"));
            Files.delete(folder.resolve(".421.yaml.swp"));
            assertThat(reported(batches, 1)).containsExactly("421.yaml");

            // JetBrains' safe write and Emacs's lock and autosave files.
            Files.writeString(folder.resolve("421.yaml___jb_tmp___"), "title: Service Unavailable (idea)\n");
            Files.move(code, folder.resolve("421.yaml___jb_old___"));
            Files.move(folder.resolve("421.yaml___jb_tmp___"), code);
            Files.delete(folder.resolve("421.yaml___jb_old___"));
            Files.writeString(folder.resolve(".#421.yaml"), "user@host");
            Files.writeString(folder.resolve("#421.yaml#"), "autosave");
            Files.delete(folder.resolve("#421.yaml#"));
            Files.delete(folder.resolve(".#421.yaml"));
            Files.writeString(folder.resolve("552.yaml.tmp"), "title: x\n");
            Files.move(folder.resolve("552.yaml.tmp"), folder.resolve("552.yaml"), StandardCopyOption.ATOMIC_MOVE);
            assertThat(reported(batches, 2)).containsExactly("421.yaml", "552.yaml");
            assertThat(batches.poll(300, TimeUnit.MILLISECONDS)).as("nothing else").isNull();
        }
    }

    /**
     * The names the next batches report, until {@code count} distinct ones came (a slow machine may
     * split one save into two batches; no batch is ever made of temporary files alone).
     */
    private static Set<String> reported(BlockingQueue<Set<Path>> batches, int count) throws InterruptedException {
        Set<String> names = new TreeSet<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (names.size() < count && System.nanoTime() < end) {
            Set<Path> batch = batches.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (batch == null) break;
            assertThat(batch).as("a batch of temporary files only").isNotEmpty();
            for (Path p : batch) names.add(p.getFileName().toString());
        }
        return names;
    }
}
