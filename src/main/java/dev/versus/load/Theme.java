package dev.versus.load;

import dev.versus.diagnostics.ContentError;
import dev.versus.diagnostics.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The built-in theme: the repository's {@code templates/} (with {@code assets/}) and the UI labels
 * of {@code locales/}, packaged into the jar under {@value #RESOURCE} (see pom.xml). A site's own
 * files come first, one file (and one label) at a time, then the theme's: Hugo's lookup order.
 * Labels under {@code site.} are never taken from the theme: they name the site, and come from
 * {@code site.yaml} unless the site's own locale file translates them.
 */
public final class Theme {
    /** Where the theme lies on the class path. */
    public static final String RESOURCE = "dev/versus/theme";
    /** How theme files are named in messages, so that no one looks for them in the site. */
    public static final String DISPLAY = "(built-in theme)";

    private static volatile Path root;

    private Theme() {}

    /** The theme's folder: inside the jar (a zip file system) or in target/classes. */
    public static Path root() {
        Path r = root;
        if (r == null) {
            synchronized (Theme.class) {
                if (root == null) root = classPathFile(RESOURCE + "/templates/layout.ftlh").getParent().getParent();
                r = root;
            }
        }
        return r;
    }

    public static Path templates() {
        return root().resolve(SourceLoader.TEMPLATES);
    }

    public static Path locales() {
        return root().resolve(SourceLoader.LOCALES);
    }

    /**
     * A file on Versus's class path as a {@link Path}, inside the jar (a zip file system, opened
     * once) or in target/classes, so that its folder can be listed and copied.
     */
    public static Path classPathFile(String resource) {
        URL url = Theme.class.getClassLoader().getResource(resource);
        if (url == null) throw new IllegalStateException(resource + " is missing from the class path; the jar is incomplete");
        try {
            URI uri = url.toURI();
            Path layout;
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                layout = fs.provider().getPath(uri);
            } else {
                layout = Path.of(uri);
            }
            return layout;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The static files a site publishes under {@code assets/}: the theme's, then the site's own
     * {@code templates/assets/}, a site file replacing the theme's of the same name. Keyed by the
     * path below {@code assets/}, sorted; templates and symbolic links are left out.
     */
    public static SortedMap<String, Path> assets(Path siteTemplates) throws IOException {
        SortedMap<String, Path> out = new TreeMap<>();
        addFiles(templates().resolve("assets"), out);
        addFiles(siteTemplates.resolve("assets"), out);
        return out;
    }

    private static void addFiles(Path dir, SortedMap<String, Path> into) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !file.getFileName().toString().endsWith(".ftlh")) {
                    into.put(dir.relativize(file).toString().replace('\\', '/'), file);
                }
            }
        }
    }

    /** The theme's locale files as parsed, with what parsing them reported (nothing, for the files Versus ships). */
    private record ParsedLocales(java.util.List<RawSources.RawFile> files, java.util.List<ContentError> problems) {}

    private static final Object LOCALES_LOCK = new Object();
    private static ParsedLocales parsedLocales;

    /**
     * The theme's {@code locales/*.yaml}, parsed once per process (they are in the jar and never
     * change); paths in messages start with {@value #DISPLAY}. A build's first call comes from
     * {@code cli.EarlyInit}'s thread, which opens the jar and parses them while the main thread
     * reads the command line and the site's own files.
     */
    public static java.util.List<RawSources.RawFile> localeFiles(Problems problems) {
        ParsedLocales parsed = parsedLocales();
        for (ContentError e : parsed.problems()) problems.add(e.location(), e.message());
        return parsed.files();
    }

    /** Parsed by the first caller; a second one waits for it rather than parsing the same files beside it. */
    private static ParsedLocales parsedLocales() {
        synchronized (LOCALES_LOCK) {
            if (parsedLocales == null) parsedLocales = parseLocales();
            return parsedLocales;
        }
    }

    private static ParsedLocales parseLocales() {
        Problems problems = new Problems();
        java.util.List<RawSources.RawFile> out = new java.util.ArrayList<>();
        try (Stream<Path> list = Files.list(locales())) {
            for (Path file : list.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".yaml")) continue;
                String stem = name.substring(0, name.length() - ".yaml".length());
                String display = DISPLAY + " " + SourceLoader.LOCALES + "/" + name;
                String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
                YamlLoader.parse(text, display, problems).ifPresent(n -> out.add(new RawSources.RawFile(display, stem, n)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ParsedLocales(java.util.List.copyOf(out), problems.sorted());
    }

    /** The theme's files, relative to its root ({@code templates/layout.ftlh}, {@code locales/en.yaml}), sorted. */
    public static SortedMap<String, Path> files() throws IOException {
        SortedMap<String, Path> out = new TreeMap<>();
        for (String dir : new String[] {SourceLoader.TEMPLATES, SourceLoader.LOCALES}) {
            Path d = root().resolve(dir);
            try (Stream<Path> files = Files.walk(d)) {
                for (Path file : files.toList()) {
                    if (Files.isRegularFile(file)) out.put(dir + "/" + d.relativize(file).toString().replace('\\', '/'), file);
                }
            }
        }
        return out;
    }
}
