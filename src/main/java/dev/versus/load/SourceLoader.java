package dev.versus.load;

import dev.versus.diagnostics.Location;
import dev.versus.diagnostics.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The load stage: finds the source files under a project folder ({@code content/},
 * {@code locales/}, {@code templates/}) and parses each YAML file once. File names decide what a
 * file is; what is inside is checked by the validate stage.
 */
public final class SourceLoader {
    public static final String CONTENT = "content";
    public static final String LOCALES = "locales";
    public static final String TEMPLATES = "templates";
    public static final String FAMILY_FILE = "_family";
    /** Subfolder of a family with hand-written notes on single comparisons. */
    public static final String PAIRS = "pairs";

    private final Path root;
    private final YamlLoader yaml;
    private final ParseCache cache;

    public SourceLoader(Path root) {
        this(root, null);
    }

    /** A loader that parses only the files that changed since {@code cache} last saw them (null: all). */
    public SourceLoader(Path root, ParseCache cache) {
        this.root = root.toAbsolutePath().normalize();
        this.yaml = new YamlLoader(this.root);
        this.cache = cache;
    }

    public RawSources load(Problems problems) {
        Path content = root.resolve(CONTENT);
        Path siteFile = content.resolve("site.yaml");
        YamlNode site = null;
        // A linked folder or site file would be read from wherever it points, and its names and
        // lines would appear in error messages: refused like linked code files, before any reading.
        boolean linkedContent = refuseLink(content, "move the folder here instead", problems);
        boolean linkedLocales = refuseLink(root.resolve(LOCALES), "move the folder here instead", problems);
        if (!refuseLink(root.resolve(TEMPLATES), "move the folder here instead", problems)) {
            refuseLink(root.resolve(TEMPLATES).resolve("assets"), "move the folder here instead", problems);
        }
        if (linkedContent) {
            return new RawSources(root, null, List.of(), List.of(), List.of(), root.resolve(TEMPLATES));
        }
        List<Path> yamlFiles = new ArrayList<>();
        boolean readSite = false;
        if (refuseLink(siteFile, "copy the file instead", problems)) {
            // reported; not read
        } else if (!Files.isRegularFile(siteFile)) {
            problems.add(Location.fileStart(CONTENT + "/site.yaml"),
                    "missing site file; create it with title, baseUrl, defaultLocale and locales"
                            + " (is --source pointing at the project folder?)");
        } else {
            yamlFiles.add(siteFile);
            readSite = true;
        }
        // A site may have no locales/ at all: the built-in theme's labels serve it.
        List<Path> localeFiles = !linkedLocales && Files.isDirectory(root.resolve(LOCALES))
                ? yamlFiles(root.resolve(LOCALES), problems) : List.of();
        yamlFiles.addAll(localeFiles);
        List<Path> familyDirs = new ArrayList<>();
        List<List<Path>> familyFiles = new ArrayList<>();
        for (Path dir : children(content, problems)) {
            if (Files.isSymbolicLink(dir) && Files.isDirectory(dir)) {
                problems.add(Location.fileStart(rel(dir)), "symbolic links are not followed; move the family folder here instead");
            } else if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                familyDirs.add(dir);
                familyFiles.add(yamlFiles(dir, problems));
                yamlFiles.addAll(familyFiles.get(familyFiles.size() - 1));
            }
        }
        // Every YAML file in one parallel pass, in this order, so that both cores stay busy from
        // the first file to the last rather than waiting for each other at the end of each folder.
        List<RawSources.RawFile> parsed = loadAll(yamlFiles, problems);
        int next = 0;
        if (readSite) {
            RawSources.RawFile file = parsed.get(next++);
            site = file == null ? null : file.node();
        }
        List<RawSources.RawFile> locales = new ArrayList<>();
        for (int i = 0; i < localeFiles.size(); i++) addIfParsed(parsed.get(next++), locales);
        List<RawSources.RawFamily> families = new ArrayList<>();
        for (int f = 0; f < familyDirs.size(); f++) {
            List<Path> files = familyFiles.get(f);
            families.add(loadFamily(familyDirs.get(f), files, parsed.subList(next, next + files.size()), problems));
            next += files.size();
        }
        return new RawSources(root, site, locales, Theme.localeFiles(problems), families, root.resolve(TEMPLATES));
    }

    /** Reports {@code path} if it is a symbolic link; true if it was. */
    private boolean refuseLink(Path path, String instead, Problems problems) {
        if (!Files.isSymbolicLink(path)) return false;
        problems.add(Location.fileStart(rel(path)), "symbolic links are not followed; " + instead);
        return true;
    }

    /** A family folder, from its YAML {@code files} as {@link #loadAll} parsed them, and its pair notes. */
    private RawSources.RawFamily loadFamily(Path dir, List<Path> files, List<RawSources.RawFile> parsed, Problems problems) {
        RawSources.RawFile family = null;
        List<RawSources.RawFile> familyTranslations = new ArrayList<>();
        List<RawSources.RawFile> codes = new ArrayList<>();
        List<RawSources.RawFile> translations = new ArrayList<>();
        List<String> codeNames = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String stem = stem(files.get(i));
            RawSources.RawFile file = parsed.get(i);
            if (stem.equals(FAMILY_FILE)) {
                family = file;
            } else if (stem.startsWith(FAMILY_FILE + ".")) {
                addIfParsed(file, familyTranslations);
            } else if (localeSuffix(stem) != null) {
                addIfParsed(file, translations);
            } else {
                codeNames.add(stem);
                addIfParsed(file, codes);
            }
        }
        String rel = rel(dir);
        if (family == null && !Files.exists(dir.resolve(FAMILY_FILE + ".yaml"))) {
            problems.add(Location.fileStart(rel + "/" + FAMILY_FILE + ".yaml"),
                    "missing family file; every folder under content/ is a family and needs " + FAMILY_FILE + ".yaml");
        }
        List<RawSources.RawText> notes = new ArrayList<>();
        Path pairs = dir.resolve(PAIRS);
        if (refuseLink(pairs, "move the folder here instead", problems)) {
            // reported; not read
        } else if (Files.isDirectory(pairs, LinkOption.NOFOLLOW_LINKS)) {
            for (Path file : children(pairs, problems)) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".md") || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(Location.fileStart(rel(file)), "only Markdown notes (<a>-vs-<b>.md, <a>-vs-<b>.<locale>.md)"
                            + " belong in " + rel(pairs) + "/");
                    continue;
                }
                String text = yaml.readText(file, problems);
                if (text != null) notes.add(new RawSources.RawText(rel(file), name.substring(0, name.length() - 3), text));
            }
        }
        return new RawSources.RawFamily(dir.getFileName().toString(), rel, family, familyTranslations, codes, translations,
                codeNames, notes);
    }

    /**
     * The locale part of a translation file's stem ("421.ja" gives "ja"), or null for a code file.
     * Codes may contain dots themselves (X.2.2), so a locale is a final part made of letters only.
     */
    public static String localeSuffix(String stem) {
        int dot = stem.lastIndexOf('.');
        if (dot < 0) return null;
        String tail = stem.substring(dot + 1);
        return LOCALE_SUFFIX.matcher(tail).matches() ? tail : null;
    }

    /** A locale tag as a file name suffix: "ja", "pt-BR". Compiled once: every file's name is tested. */
    private static final java.util.regex.Pattern LOCALE_SUFFIX = java.util.regex.Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private static void addIfParsed(RawSources.RawFile file, List<RawSources.RawFile> into) {
        if (file != null) into.add(file);
    }

    /**
     * Parses {@code files} on all cores (a site has hundreds), each result at its file's index,
     * null where a file did not parse. Problems is thread-safe and its errors are sorted.
     */
    private List<RawSources.RawFile> loadAll(List<Path> files, Problems problems) {
        return files.parallelStream().map(file -> loadOne(file, problems)).collect(
                java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private RawSources.RawFile loadOne(Path file, Problems problems) {
        return parse(file, problems).map(n -> new RawSources.RawFile(rel(file), stem(file), n)).orElse(null);
    }

    private java.util.Optional<YamlNode> parse(Path file, Problems problems) {
        return cache == null ? yaml.load(file, problems) : cache.load(yaml, file, problems);
    }

    private List<Path> yamlFiles(Path dir, Problems problems) {
        List<Path> out = new ArrayList<>();
        for (Path p : children(dir, problems)) {
            String name = p.getFileName().toString();
            if (name.endsWith(".yml")) {
                problems.add(Location.fileStart(rel(p)), "rename to ." + "yaml: Versus reads *.yaml files only");
            } else if (name.endsWith(".yaml")) {
                if (Files.isSymbolicLink(p)) {
                    problems.add(Location.fileStart(rel(p)), "symbolic links are not followed; copy the file instead");
                } else if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * Directory entries sorted by name, so every run sees files in the same order. Of names that
     * differ only by case ({@code X.2.2.yaml}, {@code x.2.2.yaml}) only the first is kept and the
     * others are errors: on a case-insensitive file system or web server they are one file, so
     * the site would depend on which one happened to win.
     */
    private List<Path> children(Path dir, Problems problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(Location.fileStart(rel(dir)), "missing folder " + rel(dir) + "/; is --source pointing at the project folder?");
            return List.of();
        }
        List<Path> sorted;
        try (Stream<Path> s = Files.list(dir)) {
            sorted = s.sorted().toList();
        } catch (IOException e) {
            problems.add(Location.fileStart(rel(dir)), "cannot list folder: " + e.getMessage());
            return List.of();
        }
        Map<String, Path> byFoldedName = new HashMap<>();
        List<Path> out = new ArrayList<>();
        for (Path p : sorted) {
            Path first = byFoldedName.putIfAbsent(p.getFileName().toString().toLowerCase(Locale.ROOT), p);
            if (first == null) {
                out.add(p);
            } else {
                problems.add(Location.fileStart(rel(p)), "name differs from " + rel(first)
                        + " only by case; on a case-insensitive file system or web server they are the same file,"
                        + " so rename or remove one");
            }
        }
        return out;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".yaml".length());
    }

    private String rel(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
