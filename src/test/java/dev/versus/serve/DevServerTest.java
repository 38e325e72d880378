package dev.versus.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.testing.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code versus serve} end to end, on loopback and a free port: a page is served, a saved edit
 * reaches it and the open page is told to reload; a broken file replaces every page with its
 * errors until it is fixed; what the server refuses and how it answers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DevServerTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    TestSite site;
    DevServer server;
    StringWriter terminal = new StringWriter();
    HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
    final List<Thread> readers = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        site = TestSite.create(dir.resolve("site"));
        server = DevServer.start(new DevServer.Options(site.root(), "127.0.0.1", 0, Duration.ofMillis(30)),
                new PrintWriter(terminal, true));
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
        for (Thread t : readers) t.join(WAIT.toMillis());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.url().resolve(path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the event stream as a page does; its lines arrive in the queue. */
    BlockingQueue<String> events() throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<java.util.stream.Stream<String>> r = http.send(
                        HttpRequest.newBuilder(server.url().resolve(LiveReload.EVENTS)).build(),
                        HttpResponse.BodyHandlers.ofLines());
                lines.add("status " + r.statusCode() + " " + r.headers().firstValue("content-type").orElse(""));
                r.body().forEach(lines::add);
            } catch (IOException | InterruptedException | RuntimeException e) {
                lines.add("closed");
            }
            lines.add("closed");
        });
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
        assertThat(lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("status 200 text/event-stream; charset=utf-8");
        // The first comment: from now on the server knows this page.
        awaitLine(lines, ": connected");
        return lines;
    }

    /** Waits for the next reload event and returns its data lines. */
    static List<String> nextReload(BlockingQueue<String> lines) throws InterruptedException {
        awaitLine(lines, "event: reload");
        List<String> data = new ArrayList<>();
        while (true) {
            String line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(line).as("the rest of the reload event").isNotNull();
            if (line.isEmpty()) return data;
            data.add(line.substring("data: ".length()));
        }
    }

    static void awaitLine(BlockingQueue<String> lines, String expected) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            String line = lines.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (expected.equals(line)) return;
            assertThat(line).as("waiting for '" + expected + "'").isNotNull().isNotEqualTo("closed");
        }
        throw new AssertionError("no '" + expected + "' within " + WAIT);
    }

    @Test
    void anEditReachesThePageAndTheOpenPageReloads() throws Exception {
        assertThat(server.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(server.port()).isPositive();
        HttpResponse<String> page = get("/en/smtp/421/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("Service Not Available")
                .contains("<script src=\"/__versus/live-reload.js\"></script>\n</body>");

        BlockingQueue<String> events = events();
        site.edit("content/smtp/421.yaml", "- The server is overloaded.", "- The server is restarting.");
        // The pages that show the English text; the Japanese ones have their own translation of it.
        assertThat(nextReload(events)).containsExactlyInAnyOrder("/en/smtp/421/", "/en/smtp/421-vs-452/", "/en/smtp/421-vs-552/");
        assertThat(get("/en/smtp/421/").body()).contains("The server is restarting.");
        assertThat(get("/en/smtp/421-vs-552/").body()).contains("The server is restarting.");

        // Broken: every page shows the errors, escaped, and the terminal printed them once.
        site.append("content/smtp/421.yaml", "\"<b>bold</b>\": yes\n");
        assertThat(nextReload(events)).containsExactly("*");
        HttpResponse<String> broken = get("/en/smtp/552/");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        int line = site.lineOf("content/smtp/421.yaml", "\"<b>bold</b>\"");
        assertThat(broken.body()).contains("<code>content/smtp/421.yaml:" + line + ":1: &#39;&lt;b&gt;bold&lt;/b&gt;&#39;: unknown field")
                .doesNotContain("<b>bold").contains(LiveReload.TAG);
        assertThat(get("/assets/style.css").statusCode()).isEqualTo(200);
        String printed = terminal.toString();
        assertThat(printed).containsPattern("content/smtp/421\\.yaml:\\d+:\\d+: ");
        String firstError = printed.lines().filter(l -> l.startsWith("content/smtp/421.yaml:")).findFirst().orElseThrow();
        assertThat(printed.split(java.util.regex.Pattern.quote(firstError), -1)).hasSize(2);

        // Fixed: the page is back, and the pages that showed errors reload.
        site.write("content/smtp/421.yaml", site.read("content/smtp/421.yaml").replace("\"<b>bold</b>\": yes\n", "")
                .replace("title: Service Not Available", "title: Service Back"));
        assertThat(nextReload(events)).containsExactly("*");
        HttpResponse<String> fixed = get("/en/smtp/421/");
        assertThat(fixed.statusCode()).isEqualTo(200);
        assertThat(fixed.body()).contains("Service Back");
        assertThat(terminal.toString()).contains("Errors fixed.");
    }

    @Test
    void aBurstOfSavesMakesOneBuild() throws Exception {
        server.close();
        server = DevServer.start(new DevServer.Options(site.root(), "127.0.0.1", 0, Duration.ofMillis(400)),
                new PrintWriter(terminal, true));
        AtomicInteger builds = new AtomicInteger();
        BlockingQueue<DevServer.Report> reports = new LinkedBlockingQueue<>();
        server.onBuild(r -> {
            builds.incrementAndGet();
            reports.add(r);
        });
        for (int i = 1; i <= 5; i++) site.edit("content/smtp/552.yaml", i == 1 ? "Make the message smaller." : "save " + (i - 1),
                "save " + i);
        DevServer.Report report = reports.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(report).isNotNull();
        assertThat(report.errors()).isEmpty();
        assertThat(get("/en/smtp/552/").body()).contains("save 5");
        assertThat(reports.poll(800, TimeUnit.MILLISECONDS)).isNull();
        assertThat(builds).hasValue(1);
    }

    @Test
    void aNewFolderIsWatchedAndANewCodeAppears() throws Exception {
        BlockingQueue<DevServer.Report> reports = new LinkedBlockingQueue<>();
        server.onBuild(reports::add);
        // A note in a folder that did not exist: the watcher must pick up the folder and the file in it.
        site.write("content/smtp/pairs/421-vs-552.md", "---\nsection: differences\n---\nThe one to retry is 421.\n");
        awaitBuildWhere(reports, r -> r.changedFiles().contains("en/smtp/421-vs-552/index.html"));
        assertThat(get("/en/smtp/421-vs-552/").body()).contains("The one to retry is");
        site.write("content/smtp/554.yaml", TestSite.CODE_552.replace("'552'", "'554'").replace("related: ['452']", "related: []"));
        awaitBuildWhere(reports, r -> r.changedFiles().contains("en/smtp/554/index.html"));
        assertThat(get("/en/smtp/552-vs-554/").statusCode()).isEqualTo(200);
        site.delete("content/smtp/554.yaml");
        awaitBuildWhere(reports, r -> r.changedFiles().contains("en/smtp/554/index.html"));
        assertThat(get("/en/smtp/554/").statusCode()).isEqualTo(404);
    }

    static void awaitBuildWhere(BlockingQueue<DevServer.Report> reports, java.util.function.Predicate<DevServer.Report> p)
            throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            DevServer.Report r = reports.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (r != null && p.test(r)) return;
        }
        throw new AssertionError("no such build within " + WAIT);
    }

    @Test
    void contentTypesHeadRedirectsAndNotFound() throws Exception {
        HttpResponse<String> css = get("/assets/style.css");
        assertThat(css.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
        assertThat(css.body()).doesNotContain("__versus");
        assertThat(get("/__versus/live-reload.js").headers().firstValue("content-type"))
                .hasValue("text/javascript; charset=utf-8");
        assertThat(get("/").body()).contains("<html");

        HttpResponse<String> page = get("/en/smtp/");
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(server.url().resolve("/en/smtp/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("content-length")).hasValue(String.valueOf(
                page.body().getBytes(StandardCharsets.UTF_8).length));

        HttpResponse<String> moved = get("/en/smtp");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("location")).hasValue("/en/smtp/");

        HttpResponse<String> missing = get("/en/smtp/999/");
        assertThat(missing.statusCode()).isEqualTo(404);
        // The site's own 404 page, as a web host serves it.
        assertThat(missing.body()).contains("<h1>Page not found</h1>").contains(LiveReload.TAG);
        assertThat(get("/en/smtp/421/nothing.json").statusCode()).isEqualTo(404);

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.url().resolve("/en/smtp/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    /** Sends one raw request line, exactly as written, and returns the status code. */
    int rawStatus(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') line.append((char) c);
            String status = line.toString().trim();
            assertThat(status).as("status line for " + target).matches("HTTP/1\\.1 \\d{3}.*");
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void pathsThatLeaveTheSiteAreRefused() throws Exception {
        // Something worth stealing beside the site folder.
        site.write("secret.txt", "secret");
        for (String target : List.of("/../secret.txt", "/en/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                "/.%2e/secret.txt", "/en/%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/..%5csecret.txt", "/..%5Csecret.txt",
                "/en/..%5c..%5csecret.txt", "/en/smtp/421/index.html%00.css", "/%00", "/./en/", "//secret.txt",
                "/%c0%ae%c0%ae/secret.txt", "/%zz", "/en/smtp/421/%")) {
            assertThat(rawStatus(target)).as(target).isBetween(400, 404);
        }
        assertThat(rawStatus("/en/smtp/421/")).isEqualTo(200);
        assertThat(rawStatus("/en/smtp/%34%32%31/")).isEqualTo(200);
    }

    @Test
    void closingStopsTheServerAndEndsTheEventStreams() throws Exception {
        BlockingQueue<String> events = events();
        int port = server.port();
        server.close();
        awaitLine(events, "closed");
        try (Socket s = new Socket("127.0.0.1", port)) {
            throw new AssertionError("the port still accepts connections");
        } catch (ConnectException expected) {
            // closed
        }
    }
}
