package dev.versus.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.versus.cli.VersusCommand;
import dev.versus.testing.FolderSnapshot;
import dev.versus.testing.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Faults while a site is published: what a killed build left, obstacles in the output, two
 * builds at once, a full disk, links and forged manifests planted in the output, a marker Versus
 * did not write. After each, the output is exactly the previous site or exactly the new one, the
 * message says which, and nothing is left beside it.
 */
class PublishFaultsTest {
    @TempDir
    Path dir;

    TestSite site;
    Path www;
    Path out;
    Path outside;

    @BeforeEach
    void writeValidSite() throws IOException {
        site = TestSite.create(dir.resolve("site"));
        www = Files.createDirectories(dir.resolve("www"));
        out = www.resolve("public");
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("canary.txt"), "outside the output\n");
    }

    record Run(int exit, String out, String err) {}

    static Run versus(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cl = VersusCommand.commandLine(args);
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        int exit = cl.execute(args);
        return new Run(exit, stdout.toString(), stderr.toString());
    }

    Run build() {
        return build(site, out);
    }

    static Run build(TestSite site, Path out) {
        return versus("build", "--source", site.root().toString(), "--out", out.toString());
    }

    /** The site the current sources make, built into a fresh folder. */
    Map<String, String> freshBuild() {
        Path fresh = dir.resolve("fresh-" + System.nanoTime());
        assertThat(build(site, fresh).exit()).isZero();
        return FolderSnapshot.of(fresh);
    }

    /** A change to every page made with the layout (a line in its footer). */
    void changeEveryPage() {
        site.edit("templates/layout.ftlh", "</footer>", "<p>Rebuilt.</p></footer>");
    }

    void assertNothingBeside() {
        assertThat(FolderSnapshot.listing(www)).containsExactly(".public.versus-manifest", "public");
    }

    @Test
    void whatAKilledBuildLeftBesideTheOutputIsRemovedByTheNextBuild() throws IOException {
        assertThat(build().exit()).isZero();
        // Staging folders of this version and of earlier ones, and a journal without a staging folder.
        Files.createDirectories(www.resolve(".public.versus-new/en/smtp"));
        Files.writeString(www.resolve(".public.versus-new/en/smtp/index.html"), "half");
        Files.createDirectories(www.resolve(".public.versus-8215934471"));
        Files.createDirectories(www.resolve(".public.old-3418"));
        Files.writeString(www.resolve(".public.versus-lock"), "versus build, process 1, started 2026-01-01 00:00:00 UTC\n");
        Map<String, String> before = FolderSnapshot.of(out);

        Run r = build();

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("removed what a stopped build had left beside " + out + "; public itself was not changed");
        assertThat(FolderSnapshot.of(out)).isEqualTo(before);
        assertNothingBeside();
    }

    @Test
    void aFolderWhereAPageGoesStopsTheRebuildBeforeAnythingIsReplaced() throws IOException {
        assertThat(build().exit()).isZero();
        changeEveryPage();
        // Someone replaced a page in the middle of the site by a folder of their own.
        Path page = out.resolve("en/smtp/452/index.html");
        Files.delete(page);
        Files.createDirectories(page);
        Files.writeString(page.resolve("notes.txt"), "mine\n");
        Map<String, String> before = FolderSnapshot.of(out);

        Run r = build();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .isEqualTo("versus build: cannot write the site: " + out + ": en/smtp/452/index.html is a folder where the"
                        + " new site has a file; move it out of the output folder (nothing was replaced: " + out
                        + " still holds the previous site)");
        assertThat(FolderSnapshot.of(out)).isEqualTo(before);
        assertNothingBeside();
    }

    @Test
    void aFileWhereAFolderGoesStopsTheRebuildBeforeAnythingIsReplaced() throws IOException {
        assertThat(build().exit()).isZero();
        changeEveryPage();
        Path folder = out.resolve("ja/smtp/421");
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) Files.delete(p);
        }
        Files.delete(folder);
        Files.writeString(folder, "a file of mine\n");
        Map<String, String> before = FolderSnapshot.of(out);

        Run r = build();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("ja/smtp/421 is a file Versus did not write, where the new site has a folder")
                .contains("still holds the previous site").doesNotContain("\tat ");
        assertThat(FolderSnapshot.of(out)).isEqualTo(before);
        assertNothingBeside();
    }

    @Test
    void anImmutablePageDoesNotStopTheSwapAndIsNamedIfTheOldSiteCannotBeRemoved() throws Exception {
        assertThat(build().exit()).isZero();
        changeEveryPage();
        Path page = out.resolve("en/smtp/452/index.html");
        assumeTrue(run("chattr", "+i", page.toString()) == 0, "chattr +i is not available here");
        try {
            Run r = build();

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).contains("the new site is in place, but the previous one could not be removed entirely")
                    .contains(".public.versus-old");
            Map<String, String> built = FolderSnapshot.of(out);
            assertThat(built).isEqualTo(freshBuild());
        } finally {
            run("chattr", "-i", www.resolve(".public.versus-old/en/smtp/452/index.html").toString());
            run("chattr", "-i", page.toString());
        }
        // Once the file may be removed, the next build removes what is left.
        Run again = build();
        assertThat(again.exit()).isZero();
        assertNothingBeside();
    }

    @Test
    void aBuildWaitsForNoOneItNamesTheBuildThatHoldsTheOutput() throws Exception {
        assertThat(build().exit()).isZero();
        Map<String, String> before = FolderSnapshot.of(out);
        changeEveryPage();
        // Another process holds the lock (POSIX record locks, as FileChannel takes them).
        Path lock = www.resolve(".public.versus-lock");
        Process holder;
        try {
            holder = new ProcessBuilder("python3", "-c", "import fcntl, sys, time\n"
                    + "f = open(sys.argv[1], 'a+')\nfcntl.lockf(f, fcntl.LOCK_EX)\n"
                    + "f.write('versus build, process 4242, started 2026-12-02 13:00:00 UTC\\n'); f.flush()\n"
                    + "print('locked', flush=True)\ntime.sleep(60)\n", lock.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not available");
            return;
        }
        try {
            assertThat(new String(holder.getInputStream().readNBytes(7), StandardCharsets.UTF_8)).isEqualTo("locked\n");

            Run r = build();

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().lines()).singleElement().asString().isEqualTo("versus build: cannot write the site: " + out
                    + " is being written by versus build, process 4242, started 2026-12-02 13:00:00 UTC; wait for it to"
                    + " finish, or stop it, then build again (" + out + " was not changed)");
            assertThat(FolderSnapshot.of(out)).isEqualTo(before);
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // Once the holder is gone (killed: its lock file stays), the next build takes over.
        Run r = build();
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(FolderSnapshot.of(out)).isEqualTo(freshBuild());
        assertNothingBeside();
    }

    @Test
    void twoBuildsIntoOneOutputAtOnceNeverMix() throws Exception {
        TestSite other = TestSite.create(dir.resolve("other"));
        other.edit("content/site.yaml", "title: Versus", "title: Other site");
        Map<String, String> mine = freshBuild();
        Map<String, String> theirs;
        {
            Path fresh = dir.resolve("fresh-other");
            assertThat(build(other, fresh).exit()).isZero();
            theirs = FolderSnapshot.of(fresh);
        }
        for (int round = 0; round < 3; round++) {
            CountDownLatch go = new CountDownLatch(1);
            List<Run> runs = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (TestSite s : List.of(site, other)) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    runs.add(build(s, out));
                });
                t.start();
                threads.add(t);
            }
            go.countDown();
            for (Thread t : threads) t.join();
            for (Run r : runs) {
                if (r.exit() != 0) assertThat(r.err()).contains("is being written by another build in this process");
            }
            assertThat(runs).anyMatch(r -> r.exit() == 0);
            assertThat(FolderSnapshot.of(out)).isIn(mine, theirs);
            assertNothingBeside();
        }
    }

    @Test
    void aFullDiskLeavesThePreviousSiteAndNothingBeside() throws Exception {
        // A small file system of its own (a tmpfs), filled up after the first build but for 16 KB.
        Files.delete(www);
        Files.createDirectories(www);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=8m", "versus-test", www.toString()) == 0,
                "cannot mount a small file system here (needs root)");
        try {
            assertThat(build().exit()).isZero();
            Map<String, String> before = FolderSnapshot.of(out);
            long free = Files.getFileStore(www).getUsableSpace();
            try (var filler = java.nio.channels.FileChannel.open(www.resolve("filler"), java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(4096);
                for (long left = free - 16 * 1024; left > 0; left -= 4096) {
                    block.clear();
                    filler.write(block);
                }
            }
            changeEveryPage();

            Run r = build();

            assertThat(r.exit()).as(r.out()).isEqualTo(1);
            assertThat(r.err()).startsWith("versus build: cannot write the site: ")
                    .contains("no space left on")
                    .endsWith("(nothing was replaced: " + out + " still holds the previous site)\n")
                    .doesNotContain("\tat ");
            assertThat(FolderSnapshot.of(out)).isEqualTo(before);
            assertThat(FolderSnapshot.listing(www)).containsExactly(".public.versus-manifest", "filler", "public");
        } finally {
            run("umount", www.toString());
        }
    }

    @Test
    void aLinkPlantedInThePublishedSiteIsNeverFollowedToDelete() throws IOException {
        assertThat(build().exit()).isZero();
        // A page folder replaced by a link to a folder with an index.html of its own, then its code
        // removed from the sources: the rebuild must not delete what the link points to.
        Files.writeString(outside.resolve("index.html"), "not Versus's\n");
        Map<String, String> outsideBefore = FolderSnapshot.of(outside);
        Path pageFolder = out.resolve("en/smtp/552");
        try (Stream<Path> files = Files.list(pageFolder)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(pageFolder);
        Files.createSymbolicLink(pageFolder, outside);
        site.delete("content/smtp/552.yaml");
        site.replaceLine("content/smtp/452.yaml", "related:", "related: ['421']");

        Run r = build();

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(FolderSnapshot.of(outside)).isEqualTo(outsideBefore);
        // The link is not Versus's: it is kept, as a link.
        assertThat(Files.isSymbolicLink(pageFolder)).isTrue();
        assertNothingBeside();
    }

    @Test
    void aForgedManifestEntryUnderALinkedFolderDeletesNothing() throws Exception {
        assertThat(build().exit()).isZero();
        Files.writeString(outside.resolve("victim.txt"), "keep me\n");
        Files.createSymbolicLink(out.resolve("linked"), outside);
        // The manifest rewritten to claim the file behind the link (its checksum made to match).
        Path marker = www.resolve(".public.versus-manifest");
        String text = Files.readString(marker);
        String body = text.substring(0, text.lastIndexOf("sha256 "));
        body = body.replace("\n404.html", "\n404.html") + "1234:8 linked/victim.txt\n1234:8 ../outside/canary.txt\n";
        String sum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(marker, body + "sha256 " + sum + "\n");

        Run r = build();

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(outside.resolve("victim.txt")).hasContent("keep me");
        assertThat(outside.resolve("canary.txt")).hasContent("outside the output");
        assertThat(Files.readString(marker)).doesNotContain("victim").doesNotContain("canary");
        assertNothingBeside();
    }

    @Test
    void aPublishedPageEditedToTheSameSizeIsWrittenAgain() throws IOException {
        assertThat(build().exit()).isZero();
        Map<String, String> good = FolderSnapshot.of(out);
        // What an interrupted publish of older versions, and a hand edit, could leave: a page of
        // the recorded size with other bytes.
        Path page = out.resolve("en/smtp/421/index.html");
        String html = Files.readString(page);
        Files.writeString(page, html.replace("Service Not Available", "Service Not Availabl!"));

        Run r = build();

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(", 1 written to ");
        assertThat(FolderSnapshot.of(out)).isEqualTo(good);
    }

    @Test
    void aManifestVersusDidNotWriteDoesNotLetABuildReplaceAFolder() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "\\documentclass{article}\n");
        for (String manifest : new String[] {"", "anything\n",
            "# Written by Versus: the files of the folder beside this file, which is its output. Do not edit.\n"
                    + "format versus-manifest/3\nkey -\nabc:24 thesis.tex\nsha256 0000\n"}) {
            Files.writeString(dir.resolve(".mine.versus-manifest"), manifest);
            Map<String, String> before = FolderSnapshot.of(mine);

            Run r = build(site, mine);

            assertThat(r.exit()).as(manifest).isEqualTo(2);
            assertThat(r.err()).contains(mine + " exists and the .mine.versus-manifest beside it was not written by Versus,"
                    + " or was edited since");
            assertThat(FolderSnapshot.of(mine)).isEqualTo(before);
        }
    }

    @Test
    void aMarkerOfAnEarlierVersionVersusDidNotWriteDoesNotLetABuildReplaceAFolder() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "\\documentclass{article}\n");
        for (String marker : new String[] {"", "anything\n",
            "# Written by Versus: this folder is its output and is updated on every build. Do not edit.\n"
                    + "format versus-output/2\nabc:1 thesis.tex\nsha256 0000\n"}) {
            Files.writeString(mine.resolve(".versus-output"), marker);
            Map<String, String> before = FolderSnapshot.of(mine);

            Run r = build(site, mine);

            assertThat(r.exit()).as(marker).isEqualTo(2);
            assertThat(r.err()).contains(mine + " exists and its .versus-output was not written by Versus, or was edited since");
            assertThat(FolderSnapshot.of(mine)).isEqualTo(before);
        }
    }

    @Test
    void aManifestNeverAppliesToAnotherFolder() throws IOException {
        assertThat(build().exit()).isZero();
        Path manifest = www.resolve(".public.versus-manifest");
        // The site moved away and a folder of someone else's put in its place, the manifest left beside it.
        Files.move(out, www.resolve("moved"));
        Files.createDirectories(out.resolve("en"));
        Files.writeString(out.resolve("index.html"), "<p>mine</p>\n");
        Files.writeString(out.resolve("en/notes.txt"), "mine\n");
        Map<String, String> before = FolderSnapshot.of(out);

        Run r = build();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(out + " exists and is not the folder that .public.versus-manifest describes (it was"
                + " replaced or filled again since); empty it or choose another folder");
        assertThat(FolderSnapshot.of(out)).isEqualTo(before);
        // The same manifest beside a copy of the folder it describes (a restore from a backup)
        // describes it: every file it lists is there, with its length.
        deleteTree(out);
        copyTree(www.resolve("moved"), out);
        deleteTree(www.resolve("moved"));
        changeEveryPage();
        Run again = build();
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(FolderSnapshot.of(out)).isEqualTo(freshBuild());
        assertThat(manifest).isRegularFile();
        assertNothingBeside();
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        }
    }

    static int run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        }
    }
}
