package dev.versus.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark behind {@code bench/serve-latency.sh} (not a test): the time from saving one
 * code file to the rebuilt pages being in {@code versus serve}'s memory, ready to be served, on
 * the repository's whole site. It copies {@code content/}, {@code locales/} and
 * {@code templates/} into a temporary folder, starts the server there as {@code versus serve}
 * does (the watcher and its quiet period included), saves the file {@code --edits} times, one
 * save at a time, and prints every latency, the median and where the time went.
 *
 * <pre>
 * ServeLatency [--source DIR] [--file content/smtp/421.yaml] [--field description|title]
 *              [--edits 20] [--warmup 5] [--pause 3000]
 * </pre>
 */
public final class ServeLatency {
    private ServeLatency() {}

    public static void main(String[] args) throws Exception {
        Path source = Path.of(".");
        String file = "content/smtp/421.yaml";
        String field = "description";
        int edits = 20;
        int warmup = 5;
        long pause = 3000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--source" -> source = Path.of(args[++i]);
                case "--file" -> file = args[++i];
                case "--field" -> field = args[++i];
                case "--edits" -> edits = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--pause" -> pause = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!field.equals("description") && !field.equals("title")) throw new IllegalArgumentException("--field description|title");
        if (edits < 1) throw new IllegalArgumentException("--edits must be at least 1");

        Path copy = Files.createTempDirectory("versus-serve-latency-");
        for (String folder : DevServer.WATCHED) copyTree(source.resolve(folder), copy.resolve(folder));
        Path edited = copy.resolve(file);
        String original = Files.readString(edited, StandardCharsets.UTF_8);
        String page = pageOf(file);
        String json = page.substring(0, page.length() - "/index.html".length()) + ".json";

        BlockingQueue<DevServer.Report> reports = new LinkedBlockingQueue<>();
        // CPU time of the whole JVM (all threads, JIT and GC included), read when each build ends.
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<DevServer.Report, Long> cpuAtEnd = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
        try (DevServer server = DevServer.start(new DevServer.Options(copy, "127.0.0.1", 0, DevServer.Options.QUIET), quiet)) {
            System.out.printf(Locale.ROOT, "first build: %d files in %.2f s (%d cores)%n",
                    server.files(), (System.nanoTime() - started) / 1e9, Runtime.getRuntime().availableProcessors());
            // An author's first save comes a few seconds after the server starts.
            Thread.sleep(pause);
            server.onBuild(r -> {
                cpuAtEnd.put(r, os.getProcessCpuTime());
                reports.add(r);
            });
            HttpClient http = HttpClient.newHttpClient();
            List<long[]> runs = new ArrayList<>();
            for (int i = 1; i <= warmup + edits; i++) {
                String marker = "Edit" + i + "z";
                String text = edit(original, field, marker);
                // Editors write in place or by rename; a plain write is the smaller of the two events.
                long cpuBefore = os.getProcessCpuTime();
                long saved = System.nanoTime();
                Files.writeString(edited, text, StandardCharsets.UTF_8);
                DevServer.Report r = awaitPage(reports, page);
                long latency = r.endNanos() - saved;
                long cpu = cpuAtEnd.get(r) - cpuBefore;
                String body = http.send(HttpRequest.newBuilder(URI.create(server.url() + page.replace("index.html", "")))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                if (!body.contains(marker)) throw new IllegalStateException("the served page lacks edit " + i);
                // The JSON copy is written right after the pages: when is it there too?
                long jsonAt;
                URI jsonUri = URI.create(server.url() + json);
                while (true) {
                    String data = http.send(HttpRequest.newBuilder(jsonUri).build(), HttpResponse.BodyHandlers.ofString()).body();
                    jsonAt = System.nanoTime();
                    if (data.contains(marker)) break;
                    if (jsonAt - saved > TimeUnit.SECONDS.toNanos(60)) throw new IllegalStateException("no JSON for edit " + i);
                    Thread.sleep(1);
                }
                if (i > warmup) {
                    runs.add(new long[] {latency, r.loadNanos(), r.renderNanos(), r.rendered(), r.changedFiles().size(), cpu,
                        jsonAt - saved});
                    System.out.printf(Locale.ROOT, "edit %2d: %6.1f ms (load+validate %5.1f, render %5.1f; CPU %5.1f ms;"
                            + " %d pages rendered, %d changed; JSON at most %.0f ms)%n", i - warmup, latency / 1e6,
                            r.loadNanos() / 1e6, r.renderNanos() / 1e6, cpu / 1e6, r.rendered(), r.changedFiles().size(),
                            (jsonAt - saved) / 1e6);
                }
                // Let the watcher settle so that the next save is a build of its own.
                Thread.sleep(150);
                reports.clear();
            }
            long[] latency = column(runs, 0);
            long[] load = column(runs, 1);
            long[] render = column(runs, 2);
            long[] cpu = column(runs, 5);
            long[] waited = new long[runs.size()];
            for (int i = 0; i < runs.size(); i++) waited[i] = runs.get(i)[0] - runs.get(i)[1] - runs.get(i)[2];
            Arrays.sort(waited);
            System.out.printf(Locale.ROOT, "%nsave %s (%s) → %s in memory, %d edits:%n", file, field, page, runs.size());
            System.out.printf(Locale.ROOT, "median %.1f ms (min %.1f, p90 %.1f, max %.1f)%n", median(latency) / 1e6,
                    latency[0] / 1e6, latency[(int) Math.ceil(latency.length * 0.9) - 1] / 1e6, latency[latency.length - 1] / 1e6);
            System.out.printf(Locale.ROOT, "medians of the parts: watcher and quiet period %.1f ms (quiet %d ms), load and"
                    + " validate the whole site %.1f ms, render and store %.1f ms; %.0f pages rendered per save%n",
                    median(waited) / 1e6, DevServer.Options.QUIET.toMillis(), median(load) / 1e6, median(render) / 1e6,
                    median(column(runs, 3)));
            System.out.printf(Locale.ROOT, "the JSON copy (%s), written after the pages: in memory at most %.1f ms after the"
                    + " save (median; measured by polling over HTTP)%n", json, median(column(runs, 6)) / 1e6);
            System.out.printf(Locale.ROOT, "CPU time per save (all threads of the JVM): median %.1f ms; system load average"
                    + " at the end %.2f on %d cores (a busy machine stretches wall time, not CPU time)%n",
                    median(cpu) / 1e6, os.getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        } finally {
            deleteTree(copy);
        }
    }

    /** The page that shows the edited field, as a file of the site ("en/smtp/421/index.html"). */
    static String pageOf(String file) {
        String[] parts = file.split("/");
        String code = parts[2].substring(0, parts[2].length() - ".yaml".length());
        int dot = code.lastIndexOf('.');
        String locale = "en";
        if (dot > 0 && code.substring(dot + 1).matches("[a-z]{2,3}")) {
            locale = code.substring(dot + 1);
            code = code.substring(0, dot);
        }
        return locale + "/" + parts[1] + "/" + code + "/index.html";
    }

    /** The file with {@code marker} added to the first line of the description, or to the title. */
    static String edit(String text, String field, String marker) {
        if (field.equals("title")) {
            String edited = text.replaceFirst("(?m)^(title: .*?)(')?$", "$1 " + marker + "$2");
            if (edited.equals(text)) throw new IllegalArgumentException("no title: line");
            return edited;
        }
        int at = text.indexOf("description: |\n");
        if (at < 0) throw new IllegalArgumentException("no 'description: |' block");
        int end = text.indexOf('\n', at + "description: |\n".length());
        return text.substring(0, end) + " " + marker + "." + text.substring(end);
    }

    private static DevServer.Report awaitPage(BlockingQueue<DevServer.Report> reports, String page) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            DevServer.Report r = reports.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (r == null) break;
            if (!r.errors().isEmpty()) throw new IllegalStateException("the edit broke the site: " + r.errors());
            if (r.changedFiles().contains(page)) return r;
        }
        throw new IllegalStateException("no build changed " + page + " within 60 s");
    }

    private static long[] column(List<long[]> runs, int i) {
        return runs.stream().mapToLong(r -> r[i]).sorted().toArray();
    }

    private static double median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
