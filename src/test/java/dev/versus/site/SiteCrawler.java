package dev.versus.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a built site as a browser on {@code file://} or a static web server would: every
 * {@code href}, {@code src}, form {@code action} and meta-refresh target of every HTML page,
 * resolved against the page's folder (or, for a root-relative link, the site's base path).
 * Versus writes every attribute in double quotes, so a regular expression reads them exactly.
 */
final class SiteCrawler {
    private static final Pattern LINK = Pattern.compile("\\s(?:href|src|action)=\"([^\"]*)\"|content=\"\\d+; url=([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");

    final Path root;
    final boolean offline;
    final String basePath;
    /** Every file of the site, relative to the root, with "/" separators. */
    final Set<String> files;
    /** Every HTML page and its text. */
    final Map<String, String> pages;
    /** Every HTML page's links and ids, read once. */
    private final Map<String, Parsed> parsed;

    private record Parsed(List<String> links, Set<String> ids) {}

    SiteCrawler(Path root, boolean offline, String basePath) {
        this.root = root;
        this.offline = offline;
        this.basePath = basePath;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages = files.parallelStream().filter(f -> f.endsWith(".html"))
                .collect(Collectors.toConcurrentMap(f -> f, this::read));
        parsed = pages.entrySet().parallelStream().collect(Collectors.toConcurrentMap(Map.Entry::getKey,
                e -> new Parsed(links(e.getValue()), ids(e.getValue()))));
    }

    private String read(String file) {
        try {
            return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isRedirect(String html) {
        return html.contains("<meta http-equiv=\"refresh\"");
    }

    /** The raw link targets of a page, in document order. */
    static List<String> links(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) out.add((m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&"));
        return out;
    }

    /** A link to another site (or a mail address), which this crawler does not follow. */
    static boolean isExternal(String link) {
        return link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }

    /**
     * The file a link from {@code page} leads to, relative to the root, or a message saying why
     * it leads nowhere. A fragment must name an id on its page.
     */
    Target resolve(String page, String link) {
        String fragment = null;
        int hash = link.indexOf('#');
        if (hash >= 0) {
            fragment = link.substring(hash + 1);
            link = link.substring(0, hash);
        }
        String path;
        if (link.isEmpty()) {
            path = page;
        } else {
            String base;
            if (link.startsWith("/")) {
                if (!link.startsWith(basePath)) return Target.broken("root-relative link outside the site's base path " + basePath);
                base = "";
                link = link.substring(basePath.length());
            } else {
                base = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
            }
            Deque<String> parts = new ArrayDeque<>();
            for (String part : (base + link).split("/", -1)) {
                if (part.equals("..")) {
                    if (parts.isEmpty()) return Target.broken("climbs above the site root");
                    parts.removeLast();
                } else if (!part.equals(".")) {
                    parts.addLast(part);
                }
            }
            path = String.join("/", parts);
            if (path.isEmpty() || path.endsWith("/")) {
                if (offline) return Target.broken("names a folder; offline links must name a file");
                path = path + "index.html";
            }
        }
        if (!files.contains(path)) return Target.broken("no such file " + path);
        if (fragment != null && !fragment.isEmpty() && path.endsWith(".html") && !parsed.get(path).ids().contains(fragment)) {
            return Target.broken("no id \"" + fragment + "\" in " + path);
        }
        return new Target(path, null);
    }

    private static Set<String> ids(String html) {
        Set<String> ids = new HashSet<>();
        Matcher m = ID.matcher(html);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    /** Every link that leads nowhere, as "page: link: why", sorted. */
    List<String> brokenLinks() {
        return parsed.entrySet().parallelStream().flatMap(e -> e.getValue().links().stream()
                        .filter(l -> !isExternal(l))
                        .map(l -> {
                            Target t = resolve(e.getKey(), l);
                            return t.problem() == null ? null : e.getKey() + ": " + l + ": " + t.problem();
                        })
                        .filter(java.util.Objects::nonNull))
                .sorted().toList();
    }

    /** The pages reached by following links from {@code start}. */
    Set<String> reachableFrom(String start) {
        Set<String> seen = new HashSet<>(Set.of(start));
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String page = todo.pop();
            for (String l : parsed.get(page).links()) {
                if (isExternal(l)) continue;
                Target t = resolve(page, l);
                if (t.problem() == null && t.path().endsWith(".html") && seen.add(t.path())) todo.push(t.path());
            }
        }
        return seen;
    }

    /** Count of files by kind, for messages. */
    Map<String, Long> census() {
        return files.stream().collect(Collectors.groupingBy(f -> f.substring(f.lastIndexOf('.') + 1), TreeMap::new,
                Collectors.counting()));
    }

    record Target(String path, String problem) {
        static Target broken(String why) {
            return new Target(null, why);
        }
    }
}
