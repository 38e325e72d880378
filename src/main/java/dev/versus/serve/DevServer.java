package dev.versus.serve;

import com.sun.net.httpserver.HttpServer;
import dev.versus.diagnostics.TerminalText;
import dev.versus.load.SourceLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code versus serve}: builds the site into memory, serves it over HTTP with the JDK's server
 * and keeps it current: a watcher reports changed sources, an {@link IncrementalBuild} renders
 * what they affect, and {@link LiveReload} tells the open pages that changed to reload. Errors
 * do not stop it; they replace the pages until they are fixed, and are printed once per build.
 */
public final class DevServer implements AutoCloseable {
    /** The source folders that are watched. */
    static final List<String> WATCHED = List.of(SourceLoader.CONTENT, SourceLoader.TEMPLATES, SourceLoader.LOCALES);
    /** Load-and-validate rounds run in the background after the first build; about 1 s of one core on the full site. */
    static final int WARM_UP_ROUNDS = 100;
    /**
     * Threads that answer requests. The JDK's server reads a request's headers on one of them,
     * so a slow client holds one until it has sent them or {@code maxReqTime} closes it; an event
     * stream holds one while it is open ({@link LiveReload#MAX_STREAMS} at most). More requests
     * wait in line. Idle threads end after {@link #THREAD_IDLE_SECONDS}.
     */
    static final int THREADS = 64;
    static final int THREAD_IDLE_SECONDS = 10;

    static {
        // The JDK's HTTP server reads these once, when its first server starts. Without them a
        // client that sends its headers slowly holds a thread for ever, and connections have no cap.
        setIfAbsent("sun.net.httpserver.maxReqTime", "10");      // seconds to send a request
        setIfAbsent("sun.net.httpserver.idleInterval", "10");    // seconds an idle kept-alive connection stays
        setIfAbsent("jdk.httpserver.maxConnections", "256");     // open connections at once; more are closed
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) System.setProperty(property, value);
    }

    /**
     * @param quiet how long the sources must be quiet after a change before the build starts, so
     *              that the several writes of one save make one build
     */
    public record Options(Path source, String host, int port, Duration quiet, Duration buildLimit) {
        /** The default wait for a quiet moment: an editor's writes for one save come within a few ms. */
        public static final Duration QUIET = Duration.ofMillis(30);
        /**
         * How long one build may take before it is stopped with an error in the page and the
         * terminal, so that the watcher is free for the next save. A page is stopped after 3 s
         * already; this stops a site whose every page is slow. The repository's site builds in
         * seconds; five minutes leaves room for a far larger site on a busy machine.
         */
        public static final Duration BUILD_LIMIT = Duration.ofMinutes(5);

        public Options(Path source, String host, int port, Duration quiet) {
            this(source, host, port, quiet, BUILD_LIMIT);
        }
    }

    /** One build as seen from outside: when it ended, what changed, its errors. */
    public record Report(long endNanos, List<String> errors, Set<String> changedFiles, List<String> reloaded,
                         int rendered, long loadNanos, long renderNanos) {}

    private final Options options;
    private final PrintWriter out;
    private final SiteMemory memory = new SiteMemory();
    private final IncrementalBuild builder;
    private final LiveReload live = new LiveReload();
    private final List<Consumer<Report>> listeners = new CopyOnWriteArrayList<>();
    private final Path source;
    private SourceWatcher watcher;
    private HttpServer server;
    private ExecutorService executor;
    private List<String> lastErrors = List.of();
    /** A build stopped half way (an Error): the next one starts from the sources alone. */
    private boolean broken;
    /** A change was saved since the start (the warm-up then gives way); the server is closing. */
    private volatile boolean saved;
    private volatile boolean closed;

    private DevServer(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
        this.source = options.source().toAbsolutePath().normalize();
        this.builder = new IncrementalBuild(source, memory).limit(options.buildLimit());
    }

    /**
     * Builds the site, starts the watcher and the HTTP server, and returns once it accepts
     * requests; progress and errors go to {@code out}.
     */
    public static DevServer start(Options options, PrintWriter out) throws IOException {
        if (!Files.isDirectory(options.source())) {
            throw new IOException("the source folder " + options.source() + " does not exist");
        }
        DevServer s = new DevServer(options, out);
        try {
            s.startAll();
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void startAll() throws IOException {
        // Take the port first: if it is in use, say so before spending seconds on a build.
        server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        // Watch before building, so that nothing saved during the first build is missed; builds
        // run one at a time.
        watcher = new SourceWatcher(source, WATCHED, options.quiet(), this::rebuild);
        long start = System.nanoTime();
        IncrementalBuild.Outcome first = build(null);
        if (first.ok()) {
            out.printf(Locale.ROOT, "Built %d files in %.2f s%n", memory.size(), (System.nanoTime() - start) / 1e9);
        }
        Thread warmUp = new Thread(() -> builder.warmUp(WARM_UP_ROUNDS, () -> saved || closed), "versus-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, THREAD_IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "versus-http-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        executor = pool;
        HostCheck hosts = new HostCheck(options.host(), port());
        server.createContext("/", new SiteHandler(memory)).getFilters().add(hosts);
        server.createContext(LiveReload.EVENTS, live).getFilters().add(hosts);
        server.setExecutor(executor);
        server.start();
        out.flush();
    }

    /** The address the site is served at, with the real port when 0 was asked for. */
    public URI url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port() + memory.basePath());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** How many event streams (open pages) are connected. */
    int eventStreams() {
        return live.clients();
    }

    /** How many files the site in memory has. */
    public int files() {
        return memory.size();
    }

    /** The bytes of the files held in memory (large assets are streamed from disk and not counted). */
    long bytesInMemory() {
        return memory.bytesHeld();
    }

    /** Called after every build with what it did (for tests and the benchmark). */
    public void onBuild(Consumer<Report> listener) {
        listeners.add(listener);
    }

    private void rebuild(Set<Path> changed) {
        saved = true;
        try {
            build(changed);
        } catch (RuntimeException | Error e) {
            // Not even the report of a build may stop the watcher's thread.
            broken = true;
            out.println(TerminalText.visible(stopped(e)));
            out.flush();
        }
    }

    private synchronized IncrementalBuild.Outcome build(Collection<Path> changed) {
        IncrementalBuild.Outcome o;
        try {
            o = builder.run(broken ? null : changed);
            broken = false;
        } catch (RuntimeException | Error e) {
            // Whatever it was (a bug, a stack overflow, memory), the watcher lives on: the page and the
            // terminal say what stopped the build, and the next save builds again, from the sources.
            broken = true;
            o = new IncrementalBuild.Outcome(List.of(stopped(e)), Set.of(), 0, false, 0, 0);
            memory.errors(o.errors());
        }
        long end = System.nanoTime();
        List<String> reloaded = new ArrayList<>();
        if (!o.ok()) {
            if (!o.errors().equals(lastErrors)) reloaded.add("*");
            for (String e : o.errors()) out.println(TerminalText.visible(e));
            out.printf(Locale.ROOT, "%d %s; the browser shows %s until %s fixed%n", o.errors().size(),
                    o.errors().size() == 1 ? "error" : "errors", o.errors().size() == 1 ? "it" : "them",
                    o.errors().size() == 1 ? "it is" : "they are");
        } else {
            if (!lastErrors.isEmpty()) {
                out.println("Errors fixed.");
                reloaded.add("*");
            } else {
                reloaded.addAll(addresses(o.changed()));
            }
            if (changed != null) {
                out.printf(Locale.ROOT, "%s: %d %s rendered, %d %s changed in %d ms (load and validate %d ms, render %d ms)%n",
                        TerminalText.visible(describe(changed)), o.rendered(), o.rendered() == 1 ? "page" : "pages", o.changed().size(),
                        o.changed().size() == 1 ? "file" : "files", (o.loadNanos() + o.renderNanos()) / 1_000_000,
                        o.loadNanos() / 1_000_000, o.renderNanos() / 1_000_000);
            }
        }
        out.flush();
        lastErrors = o.errors();
        live.reload(reloaded);
        Report report = new Report(end, o.errors(), o.changed(), List.copyOf(reloaded), o.rendered(),
                o.loadNanos(), o.renderNanos());
        for (Consumer<Report> l : listeners) l.accept(report);
        // Pages first, then the JSON copies no page shows.
        if (o.ok()) builder.writeData();
        return o;
    }

    /** The one line for a build that an exception or an Error stopped. */
    static String stopped(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "versus: the build ran out of memory (" + e.getMessage() + ", " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB of heap; raise it with VERSUS_JAVA_OPTS=-Xmx...); the next save builds again";
        }
        if (e instanceof StackOverflowError) {
            return "versus: the build stopped: Java's stack overflowed (something nests without end); the next save builds again";
        }
        return "versus: internal error: " + e + "; the next save builds again; please report it";
    }

    /**
     * The addresses of the changed pages ({@code /en/smtp/421/}), or {@code *} if a file that pages
     * load changed (a stylesheet, a script). Data files no page shows (JSON, the sitemap,
     * robots.txt) reload nothing, and neither does the search index: it changes with almost every
     * edit of a code's text (it holds key phrases of each code), and an open page picks it up the
     * next time it loads, so reloading every open tab for it would only get in the way.
     */
    static List<String> addresses(Collection<String> files) {
        List<String> pages = new ArrayList<>();
        for (String f : files) {
            if (f.equals("index.html") || f.endsWith("/index.html")) {
                pages.add("/" + f.substring(0, f.length() - "index.html".length()));
            } else if (f.endsWith(".html")) {
                pages.add("/" + f);
            } else if (!f.endsWith(".json") && !f.endsWith(".xml") && !f.endsWith(".txt")
                    && !f.startsWith("assets/search-index.")) {
                return List.of("*");
            }
        }
        return pages;
    }

    private String describe(Collection<Path> changed) {
        List<String> names = changed.stream().limit(3).map(p -> source.relativize(p).toString().replace('\\', '/')).toList();
        String more = changed.size() > 3 ? " and " + (changed.size() - 3) + " more" : "";
        return String.join(", ", names) + more;
    }

    /** Stops watching and serving; open pages lose their event stream and reconnect to the next server. */
    @Override
    public void close() {
        closed = true;
        try {
            if (watcher != null) watcher.close();
        } catch (IOException e) {
            // closing anyway
        }
        live.close();
        if (server != null) server.stop(0);
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
