package dev.versus.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.FolderSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code versus build} stopped with SIGKILL, SIGTERM or SIGINT at random moments of rebuilds of the repository's
 * site leaves the previous site or the new one, byte for byte, once the next build has opened
 * the output folder, and nothing beside it.
 *
 * <p>Two versions of the sources (the repository's, and the same with a line added to the
 * layout's footer and a code's title changed, so that most pages differ) are built once each
 * for reference. The output starts as the first; each round runs {@code versus build} of the
 * other version in a separate JVM, kills it after a random delay between zero and the time an
 * uninterrupted rebuild took, opens the output as the next build would ({@link OutputFolder#open},
 * which finishes or undoes what the killed build left) and compares it with both references.
 * The manifest beside the output must then describe exactly the files in it. The signal of each round is SIGKILL, SIGTERM and SIGINT in turn ({@code -Dversus.signals=KILL}
 * for SIGKILL only). Five rounds in {@code mvn verify -Pslow}; {@code -Dversus.kills=20} for more;
 * seed: {@code -Dversus.killSeed}. A report goes to {@code target/rebuild-kill.txt}.
 */
@Tag("slow")
class RebuildKillTest {
    @TempDir
    Path dir;

    @Test
    void aRebuildKilledAtRandomMomentsLeavesTheOldOrTheNewSite() throws Exception {
        // Five kills in mvn verify -Pslow (a minute or two); -Dversus.kills=20 for the full run.
        int rounds = Integer.getInteger("versus.kills", 5);
        // The signals, in turn: SIGKILL ends the JVM at once; SIGTERM and SIGINT (Ctrl-C) run its
        // shutdown hooks, which wait for a swap under way and remove the staging folder.
        List<String> signals = List.of(System.getProperty("versus.signals", "KILL,TERM,INT").split(","));
        long seed = Long.getLong("versus.killSeed", System.nanoTime());
        Random random = new Random(seed);
        Path a = copySources(Path.of("."), dir.resolve("a"));
        Path b = copySources(Path.of("."), dir.resolve("b"));
        edit(b.resolve("templates/layout.ftlh"), "</footer>", "<p>Rebuilt.</p></footer>");
        edit(b.resolve("content/smtp/421.yaml"), "\ntitle: ", "\ntitle: Now ");
        Map<String, String> siteA = reference(a, dir.resolve("ref-a"));
        Map<String, String> siteB = reference(b, dir.resolve("ref-b"));
        assertThat(siteA).isNotEqualTo(siteB);

        Path www = Files.createDirectories(dir.resolve("www"));
        Path out = www.resolve("public");
        new Build(new Build.Options(a, out, null, UrlStyle.PRETTY)).run();
        // An uninterrupted rebuild (a to b and back), timed: the range the kills are drawn from.
        long t0 = System.nanoTime();
        assertThat(runBuild(b, out).waitFor()).isZero();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(runBuild(a, out).waitFor()).isZero();
        assertThat(FolderSnapshot.of(out)).isEqualTo(siteA);

        List<String> report = new ArrayList<>();
        report.add("seed " + seed + "; an uninterrupted rebuild took " + millis + " ms; the load average was "
                + String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        report.add("round  signal  delay ms  from  to  on disk after the signal            after the next open");
        boolean onA = true;
        int old = 0;
        int fresh = 0;
        for (int round = 1; round <= rounds; round++) {
            Path next = onA ? b : a;
            long delay = (long) (random.nextDouble() * millis);
            String signal = signals.get((round - 1) % signals.size()).strip();
            Process p = runBuild(next, out);
            boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                switch (signal) {
                    case "KILL" -> p.destroyForcibly();
                    case "TERM" -> p.destroy();
                    default -> new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
                }
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the build ends after SIG%s", signal).isTrue();
            }
            String found = describe(www);
            OutputFolder.open(out, next).close();
            Map<String, String> now = FolderSnapshot.of(out);
            String which = now.equals(siteA) ? "a" : now.equals(siteB) ? "b" : "MIXED";
            report.add(String.format("%5d  %6s  %8d  %4s  %2s  %-36s %s%s", round, signal, delay, onA ? "a" : "b", onA ? "b" : "a",
                    finished ? "(finished before the kill)" : found, which, FolderSnapshot.listing(www).equals(List.of(".public.versus-manifest", "public"))
                            ? "" : ", left beside: " + FolderSnapshot.listing(www)));
            assertThat(which).as(String.join("\n", report)).isNotEqualTo("MIXED");
            AtomicPublishTest.assertManifestDescribes(out, String.join("\n", report));
            assertThat(FolderSnapshot.listing(www)).as(String.join("\n", report)).containsExactly(".public.versus-manifest", "public");
            boolean changed = which.equals(onA ? "b" : "a");
            if (changed) fresh++; else old++;
            onA = which.equals("a");
        }
        report.add(rounds + " signals (" + String.join(", ", signals) + " in turn): " + old + " left the previous site, " + fresh
                + " the new one, none a mix");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/rebuild-kill.txt"), report, StandardCharsets.UTF_8);
    }

    /** What a killed build left beside and in place of the output, in words. */
    private static String describe(Path www) {
        List<String> names = FolderSnapshot.listing(www);
        List<String> parts = new ArrayList<>();
        if (!names.contains("public")) parts.add("no public");
        if (!names.contains(".public.versus-manifest")) parts.add("no manifest");
        for (String n : names) {
            if (n.equals(".public.versus-new")) parts.add("staging");
            if (n.equals(".public.versus-old")) parts.add("old");
            if (n.equals(".public.versus-journal")) parts.add("journal");
            if (n.equals(".public.versus-lock")) parts.add("lock");
            if (n.equals(".public.versus-manifest-new")) parts.add("new manifest");
        }
        return parts.isEmpty() ? "public and its manifest" : String.join(", ", parts);
    }

    private Process runBuild(Path source, Path out) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // The launcher's settings (target/versus): C1 only, the parallel collector, 384 MB.
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmx384m", "-cp", classpath,
                "dev.versus.cli.Main", "build", "--source", source.toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("build.log").toFile()).start();
    }

    private static Map<String, String> reference(Path source, Path where) throws Exception {
        Path out = where.resolve("public");
        new Build(new Build.Options(source, out, null, UrlStyle.PRETTY)).run();
        return FolderSnapshot.of(out);
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    private static Path copySources(Path project, Path to) {
        for (String folder : new String[] {"content", "locales", "templates"}) {
            Path from = project.resolve(folder);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path dest = to.resolve(project.relativize(p).toString());
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(dest);
                    else Files.copy(p, dest);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return to;
    }
}
