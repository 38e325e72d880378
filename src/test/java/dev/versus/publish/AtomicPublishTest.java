package dev.versus.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.Build;
import dev.versus.render.site.UrlStyle;
import dev.versus.testing.FolderSnapshot;
import dev.versus.testing.TestSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build stopped at any step of publishing (as SIGKILL would stop it) leaves the output folder
 * exactly as the previous site or exactly as the new one, once the next build has started, with
 * the manifest beside it describing exactly that folder; and nothing else beside it. Each step of {@link OutputFolder} calls a checkpoint; here the checkpoint
 * copies the disk as it is at that moment, and each copy is then opened the way the next build
 * opens it.
 */
class AtomicPublishTest {
    @TempDir
    Path dir;

    @AfterEach
    void removeHook() {
        OutputFolder.checkpoint = step -> { };
    }

    /** The disk (the output's parent folder) at each checkpoint of one build. */
    private List<Path> crashImages(Path parent, Runnable build) {
        List<Path> images = new ArrayList<>();
        OutputFolder.checkpoint = step -> {
            Path image = dir.resolve("crash-" + images.size() + "-" + step);
            copy(parent, image);
            images.add(image);
        };
        try {
            build.run();
        } finally {
            OutputFolder.checkpoint = step -> { };
        }
        return images;
    }

    private static void build(TestSite site, Path out) {
        try {
            new Build(new Build.Options(site.root(), out, null, UrlStyle.PRETTY)).run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRebuildStoppedAtAnyStepLeavesTheOldOrTheNewSiteAndNothingBeside() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Path parent = Files.createDirectories(dir.resolve("www"));
        Path out = parent.resolve("public");
        build(site, out);
        Map<String, String> before = FolderSnapshot.of(out);
        // A change that rewrites many pages, one that removes pages and one that adds them.
        site.edit("content/smtp/421.yaml", "title: Service Not Available", "title: Service Unavailable");
        site.delete("content/smtp/552.yaml");
        site.replaceLine("content/smtp/452.yaml", "related:", "related: ['421']");
        site.write("content/smtp/451.yaml", site.read("content/smtp/452.yaml").replace("code: '452'", "code: '451'"));
        Path fresh = dir.resolve("fresh");
        build(site, fresh);
        Map<String, String> after = FolderSnapshot.of(fresh);
        assertThat(after).isNotEqualTo(before);

        List<Path> images = crashImages(parent, () -> build(site, out));

        assertThat(FolderSnapshot.of(out)).isEqualTo(after);
        assertThat(FolderSnapshot.listing(parent)).containsExactly(".public.versus-manifest", "public");
        assertThat(images.stream().map(p -> p.getFileName().toString().replaceFirst("crash-[0-9]+-", "")))
                .contains("writing", "staged", "linking", "complete", "journal", "swapping", "swapped", "manifest",
                        "journal-deleted", "done");
        for (Path image : images) {
            Path o = image.resolve("public");
            OutputFolder.open(o, site.root()).close();
            assertThat(FolderSnapshot.of(o)).as(image.getFileName().toString()).isIn(before, after);
            assertThat(FolderSnapshot.listing(image)).as(image.getFileName().toString())
                    .containsExactly(".public.versus-manifest", "public");
            assertManifestDescribes(o, image.getFileName().toString());
        }
    }

    @Test
    void aFirstBuildStoppedAtAnyStepLeavesNoSiteOrTheNewOne() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Path parent = Files.createDirectories(dir.resolve("www"));
        Path out = parent.resolve("public");

        List<Path> images = crashImages(parent, () -> build(site, out));

        Map<String, String> after = FolderSnapshot.of(out);
        assertThat(images).isNotEmpty();
        for (Path image : images) {
            Path o = image.resolve("public");
            OutputFolder.open(o, site.root()).close();
            if (Files.exists(o)) {
                assertThat(FolderSnapshot.of(o)).as(image.getFileName().toString()).isEqualTo(after);
                assertThat(FolderSnapshot.listing(image)).containsExactly(".public.versus-manifest", "public");
                assertManifestDescribes(o, image.getFileName().toString());
            } else {
                assertThat(FolderSnapshot.listing(image)).as(image.getFileName().toString()).isEmpty();
            }
        }
    }

    @Test
    void aRebuildThatChangesNothingLeavesTheOutputFolderAlone() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Path out = dir.resolve("public");
        build(site, out);
        Object key = Files.readAttributes(out, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Object page = Files.readAttributes(out.resolve("en/smtp/421/index.html"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        List<Path> images = crashImages(dir, () -> build(site, out));

        assertThat(images).as("no step of publishing ran").isEmpty();
        assertThat(Files.readAttributes(out, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(key);
        assertThat(Files.readAttributes(out.resolve("en/smtp/421/index.html"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(page);
        assertThat(FolderSnapshot.listing(dir)).containsExactly(".public.versus-manifest", "public", "site");
    }

    @Test
    void aOneFileChangeWritesOnlyThatFilesPagesAndLinksTheRest() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Path out = dir.resolve("public");
        build(site, out);
        Object unchanged = Files.readAttributes(out.resolve("en/smtp/552/index.html"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        site.edit("content/smtp/421.yaml", "Nothing to change; your server retries.", "Nothing to change; your server tries again.");

        Build.Result r = new Build(new Build.Options(site.root(), out, null, UrlStyle.PRETTY)).run();

        assertThat(r.changedFiles()).isBetween(1, r.files() / 2);
        // The page that did not change is the same file as before (a hard link), not a copy.
        assertThat(Files.readAttributes(out.resolve("en/smtp/552/index.html"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(unchanged);
    }

    @Test
    void aLargeAssetIsCopiedInAStreamComparedInOneAndLinkedWhenUnchanged() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Path out = dir.resolve("public");
        byte[] video = new byte[(int) OutputFolder.STREAM_ABOVE * 6];
        new java.util.Random(20).nextBytes(video);
        Files.write(site.path("templates/assets/clip.webm"), video);
        // A heap smaller than the asset: the build must not hold it (it used to read it whole).
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaCommand, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "dev.versus.cli.Main", "build", "--source", site.root().toString(),
                "--out", out.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(Files.readAllBytes(out.resolve("assets/clip.webm"))).isEqualTo(video);

        Object copied = Files.readAttributes(out.resolve("assets/clip.webm"), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        site.edit("content/smtp/421.yaml", "Nothing to change; your server retries.", "Nothing to change; your server tries again.");
        build(site, out);
        assertThat(Files.readAttributes(out.resolve("assets/clip.webm"), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey()).as("unchanged: linked, not copied again").isEqualTo(copied);

        video[video.length - 1] ^= 1; // same size, one bit different: compared, not trusted by size
        Files.write(site.path("templates/assets/clip.webm"), video);
        Build.Result r = new Build(new Build.Options(site.root(), out, null, UrlStyle.PRETTY)).run();
        assertThat(r.changedFiles()).isEqualTo(1);
        assertThat(Files.readAllBytes(out.resolve("assets/clip.webm"))).isEqualTo(video);
    }

    @Test
    void theMarkerOfAnEarlierVersionInsideTheOutputIsReadOnceAndLeftOutOfTheNewOutput() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Path out = dir.resolve("public");
        build(site, out);
        Path manifest = OutputFolder.sibling(out, "manifest");
        Manifest.Read m = Manifest.read(manifest);
        // The output as an earlier version left it: the list inside, as .versus-output, nothing beside.
        Files.write(out.resolve(".versus-output"), Manifest.writeLegacy(new java.util.TreeMap<>(m.entries())));
        Files.delete(manifest);
        Files.writeString(out.resolve("mine.txt"), "a file of the user's\n");
        Object page = Files.readAttributes(out.resolve("en/smtp/552/index.html"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        Build.Result r = new Build(new Build.Options(site.root(), out, null, UrlStyle.PRETTY)).run();

        assertThat(out.resolve(".versus-output")).doesNotExist();
        assertThat(out.resolve("mine.txt")).hasContent("a file of the user's");
        assertThat(r.changedFiles()).as("the old list was used: nothing was written again").isZero();
        assertThat(Files.readAttributes(out.resolve("en/smtp/552/index.html"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(page);
        assertThat(Manifest.read(manifest).entries()).isEqualTo(m.entries());
        assertThat(FolderSnapshot.listing(dir)).containsExactly(".public.versus-manifest", "public", "site");
    }

    @Test
    void aCopyOfTheOutputWithItsManifestIsRecognisedAndAnEmptiedRefilledFolderIsNot() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        Path parent = Files.createDirectories(dir.resolve("www"));
        Path out = parent.resolve("public");
        build(site, out);
        Path manifest = OutputFolder.sibling(out, "manifest");
        assertThat(OutputFolder.previousOf(out).current()).as("same folder: its key").isTrue();
        Path copy = dir.resolve("copy");
        copy(parent, copy);
        assertThat(OutputFolder.previousOf(copy.resolve("public")).status()).isEqualTo(OutputFolder.Previous.Status.OURS);
        assertThat(OutputFolder.previousOf(copy.resolve("public")).current()).as("another key: by its files").isFalse();
        // The copy with one page gone: not every listed file is there, and the key is another.
        Files.delete(copy.resolve("public/en/smtp/421/index.html"));
        assertThat(OutputFolder.previousOf(copy.resolve("public")).status())
                .isEqualTo(OutputFolder.Previous.Status.ANOTHER_FOLDER);
        assertThat(Manifest.read(manifest).key()).isEqualTo(OutputFolder.keyOf(out));
    }

    /**
     * The manifest beside {@code out} is Versus's, describes this folder and lists exactly the
     * files in it (the output holds nothing else: no marker, no dotfile).
     */
    static void assertManifestDescribes(Path out, String as) throws IOException {
        OutputFolder.Previous p = OutputFolder.previousOf(out);
        assertThat(p.status()).as(as).isEqualTo(OutputFolder.Previous.Status.OURS);
        Manifest.Read m = Manifest.read(OutputFolder.sibling(out, "manifest"));
        assertThat(m.kind()).as(as).isEqualTo(Manifest.Kind.VALID);
        assertThat(p.entries()).as(as).isEqualTo(m.entries());
        List<String> files = FolderSnapshot.of(out).keySet().stream().filter(k -> !k.endsWith("/") && !k.isEmpty()).toList();
        assertThat(m.entries().keySet()).as(as).containsExactlyInAnyOrderElementsOf(files);
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) Files.createSymbolicLink(dest, Files.readSymbolicLink(p));
                else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(dest);
                else Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
