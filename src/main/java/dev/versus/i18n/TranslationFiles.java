package dev.versus.i18n;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The translation files one command changes: each is read once, edited in memory by a
 * {@link TranslationFileEditor}, and written only after every file's edit has been checked, each
 * through a temporary file beside it that replaces it in one move.
 */
final class TranslationFiles {
    private final Path root;
    private final Map<String, TranslationFileEditor> editors = new TreeMap<>();
    private final Map<String, Boolean> existed = new TreeMap<>();

    TranslationFiles(Path root) {
        this.root = root;
    }

    /**
     * The editor of a translation file, by its path relative to the source folder, of a code whose
     * family has {@code audiences}; a missing file starts empty.
     */
    TranslationFileEditor editor(String path, List<String> audiences) throws IOException, TranslationEditException {
        TranslationFileEditor e = editors.get(path);
        if (e != null) return e;
        Path file = root.resolve(path);
        boolean exists = Files.exists(file);
        String text = exists ? Files.readString(file, StandardCharsets.UTF_8) : "";
        e = TranslationFileEditor.of(path, text, audiences);
        editors.put(path, e);
        existed.put(path, exists);
        return e;
    }

    /**
     * What {@code check} would report about the sources once every edit is written: the content
     * and locale files are copied into a temporary folder, the edited files written there, and
     * the copy loaded and validated. Empty if nothing would be refused.
     */
    List<String> check() throws IOException, TranslationEditException {
        Map<String, String> results = new TreeMap<>();
        for (var e : editors.entrySet()) {
            if (e.getValue().changed()) results.put(e.getKey(), e.getValue().result());
        }
        if (results.isEmpty()) return List.of();
        Path copy = Files.createTempDirectory("versus-import-check-");
        try {
            for (String folder : new String[] {"content", "locales"}) {
                Path from = root.resolve(folder);
                if (!Files.isDirectory(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
                    for (Path p : walk.toList()) {
                        Path to = copy.resolve(root.relativize(p).toString());
                        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(to);
                        else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.copy(p, to);
                    }
                }
            }
            Files.createDirectories(copy.resolve("templates"));
            for (var e : results.entrySet()) {
                Path to = copy.resolve(e.getKey());
                Files.createDirectories(to.getParent());
                Files.writeString(to, e.getValue(), StandardCharsets.UTF_8);
            }
            dev.versus.diagnostics.Problems problems = new dev.versus.diagnostics.Problems();
            var raw = new dev.versus.load.SourceLoader(copy).load(problems);
            new dev.versus.validate.SiteValidator(problems).validate(raw);
            return problems.sorted().stream().map(Object::toString).toList();
        } finally {
            deleteTree(copy);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** What a write did. */
    record Written(List<String> changed, List<String> created) {}

    /** Checks every edit, then writes the files that changed; nothing is written if any edit fails its check. */
    Written writeAll() throws IOException, TranslationEditException {
        Map<String, String> results = new TreeMap<>();
        for (var e : editors.entrySet()) {
            if (e.getValue().changed()) results.put(e.getKey(), e.getValue().result());
        }
        List<String> changed = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (var e : results.entrySet()) {
            Path file = root.resolve(e.getKey());
            Path temp = file.resolveSibling("." + file.getFileName() + ".versus-edit");
            Files.writeString(temp, e.getValue(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException ex) {
                Files.deleteIfExists(temp);
                throw ex;
            }
            (existed.get(e.getKey()) ? changed : created).add(e.getKey());
        }
        return new Written(changed, created);
    }
}
