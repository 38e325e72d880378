package dev.versus.render.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.model.Site;
import dev.versus.render.site.UrlStyle;
import dev.versus.render.templates.RenderException;
import dev.versus.render.templates.TemplateEngine;
import dev.versus.testing.RepoSite;
import dev.versus.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <@cached key=...>} pastes content rendered once into every page that reaches the same
 * place with the same key, and the renderer's memo tables ({@link Memo}: each code's views,
 * learn-more links, sentence fragments, anchors) share what pages have in common. A key that
 * leaves out something the content depends on would put one page's text on another: so the
 * repository's whole site, rendered with every cached block made afresh (and, in the slow test,
 * every shared value too), must come out byte for byte the same as with them.
 */
class CachedFragmentsTest {
    @TempDir
    Path dir;

    @Test
    void everyKeyInTheTemplatesNamesWhatItsContentDependsOn() throws Exception {
        // The cached render is the repository's site as the other tests of this run read it
        // (RepoSite builds it once): only the render without the cache is extra.
        Site site = new Build(new Build.Options(Path.of("."), null, null, UrlStyle.PRETTY)).validate();
        Map<String, byte[]> fresh = render(site, Path.of("templates"), UrlStyle.PRETTY, false, true);
        Path built = RepoSite.output();
        Set<String> pages;
        try (Stream<Path> files = Files.walk(built)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).map(f -> built.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(fresh.keySet()).isEqualTo(pages).hasSizeGreaterThan(15_000);
        assertSame(fresh, path -> Files.readAllBytes(built.resolve(path)));
    }

    /**
     * The same in the offline style, rendered twice here, and with every shared value of the
     * renderer made afresh too (slow: two renders of the whole site, the second one making each
     * code's Markdown again for every page).
     */
    @Test
    @Tag("slow")
    void everyKeyNamesWhatItsContentDependsOnOffline() throws Exception {
        Site site = new Build(new Build.Options(Path.of("."), null, null, UrlStyle.OFFLINE)).validate();
        Map<String, byte[]> cached = render(site, Path.of("templates"), UrlStyle.OFFLINE, true);
        Map<String, byte[]> fresh = render(site, Path.of("templates"), UrlStyle.OFFLINE, false, false);

        assertThat(cached.keySet()).isEqualTo(fresh.keySet()).hasSizeGreaterThan(15_000);
        assertSame(fresh, cached::get);
    }

    private interface Pages {
        byte[] get(String path) throws Exception;
    }

    private static void assertSame(Map<String, byte[]> fresh, Pages cached) throws Exception {
        for (String path : fresh.keySet()) {
            byte[] c = cached.get(path);
            if (!java.util.Arrays.equals(c, fresh.get(path))) {
                assertThat(new String(c, StandardCharsets.UTF_8)).as(path)
                        .isEqualTo(new String(fresh.get(path), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aKeyThatLeavesSomethingOutIsCaughtByThatComparison() throws Exception {
        // The check above must be able to fail: key the code sections by code id alone, and the
        // Japanese pages get the English sections (or the other way round).
        TestSite test = TestSite.create(dir.resolve("site"));
        String pair = java.nio.file.Files.readString(test.root().resolve("templates/pair.ftlh"));
        assertThat(pair).contains("<@cached key=c.key>");
        test.write("templates/pair.ftlh", pair.replace("<@cached key=c.key>", "<@cached key=c.id>"));
        Site site = new Build(new Build.Options(test.root(), null, null, UrlStyle.PRETTY)).validate();
        Map<String, byte[]> cached = render(site, test.root().resolve("templates"), UrlStyle.PRETTY, true);
        Map<String, byte[]> fresh = render(site, test.root().resolve("templates"), UrlStyle.PRETTY, false);

        long differ = fresh.keySet().stream().filter(p -> !java.util.Arrays.equals(cached.get(p), fresh.get(p))).count();
        assertThat(differ).isPositive();
    }

    @Test
    void theSameKeyAtTwoPlacesIsTwoFragments() throws Exception {
        TestSite test = TestSite.create(dir.resolve("site"));
        test.write("templates/root.ftlh", "<@cached key=\"k\">one</@cached>|<@cached key=\"k\">two</@cached>\n");
        Site site = new Build(new Build.Options(test.root(), null, null, UrlStyle.PRETTY)).validate();

        Map<String, byte[]> pages = render(site, test.root().resolve("templates"), UrlStyle.PRETTY, true);

        assertThat(new String(pages.get("index.html"), StandardCharsets.UTF_8)).isEqualTo("one|two\n");
    }

    @Test
    void aCallWithoutKeyOrContentIsATemplateErrorThatSaysWhatToWrite() throws Exception {
        TestSite test = TestSite.create(dir.resolve("site"));
        test.write("templates/root.ftlh", "\n<@cached>x</@cached>\n");
        Site site = new Build(new Build.Options(test.root(), null, null, UrlStyle.PRETTY)).validate();
        assertThat(errors(site, test)).singleElement().asString()
                .startsWith("templates/root.ftlh:2:1: <@cached> needs key=\"...\"");

        test.write("templates/root.ftlh", "<@cached key=\"k\"/>\n");
        assertThat(errors(site, test)).singleElement().asString()
                .startsWith("templates/root.ftlh:1:1: <@cached> needs content");
    }

    static java.util.List<String> errors(Site site, TestSite test) {
        try {
            render(site, test.root().resolve("templates"), UrlStyle.PRETTY, true);
        } catch (RenderException e) {
            return e.messages();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the build did not fail");
    }

    static Map<String, byte[]> render(Site site, Path templates, UrlStyle style, boolean cache) throws Exception {
        return render(site, templates, style, cache, true);
    }

    /** With {@code memoize} false, also every value the renderer shares between pages is made for each page. */
    static Map<String, byte[]> render(Site site, Path templates, UrlStyle style, boolean cache, boolean memoize) throws Exception {
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        new SiteRenderer(site, new TemplateEngine(templates), style).cacheFragments(cache).memoize(memoize).render(files::put);
        return new TreeMap<>(files);
    }
}
