package dev.versus.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.versus.cli.VersusCommand;
import dev.versus.testing.ErrorLines;
import dev.versus.testing.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The inputs of issue 20 that had no limit: each makes {@code check} and {@code build} fail
 * within seconds with located errors (the limit and what to do), never a Java stack trace, where
 * they used to run for minutes, die of memory or say OK.
 */
class LimitsTest {
    @TempDir
    Path dir;

    static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /**
     * What one run printed, and the CPU time it took: on a machine shared with other builds the
     * wall-clock time says more about the neighbours (a two-second check took twelve).
     */
    record Run(int exit, String out, String err, long millis) {
        List<String> messages() {
            return ErrorLines.messages(err);
        }
    }

    static Run versus(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = VersusCommand.commandLine(args);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            long start = CPU.getProcessCpuTime();
            int exit = cl.execute(args);
            return new Run(exit, out.toString(), err.toString(), (CPU.getProcessCpuTime() - start) / 1_000_000);
        }, "versus " + String.join(" ", args) + " did not finish within 60 s");
    }

    /** Runs check, then build, on {@code site}; both must fail with exactly {@code errors}, quickly, without a trace. */
    void bothFail(TestSite site, List<String> errors) {
        for (String command : List.of("check", "build")) {
            Run r = command.equals("check") ? versus("check", "--source", site.root().toString())
                    : versus("build", "--source", site.root().toString(), "--out", dir.resolve("out").toString());
            assertThat(r.exit()).as("%s exit; %s", command, r.err()).isEqualTo(1);
            assertThat(r.err()).as(command).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Error:");
            List<String> expected = new ArrayList<>(errors);
            expected.add(command + " failed: " + errors.size() + (errors.size() == 1 ? " error" : " errors"));
            assertThat(r.messages()).as(command).containsExactlyElementsOf(expected);
            assertThat(r.millis()).as("%s: CPU ms", command).isLessThan(5_000);
        }
    }

    TestSite site() {
        return TestSite.create(dir.resolve("site"));
    }

    @Test
    void aCodePatternThatBacktracksExponentiallyIsMatchedInLinearTime() {
        String code = "a".repeat(40);
        TestSite site = site()
                .edit("content/smtp/_family.yaml", "codePattern: '[2-5][0-9][0-9]'", "codePattern: '[2-5][0-9][0-9]|((a+)+)+b'")
                .write("content/smtp/" + code + ".yaml", TestSite.CODE_421.replace("code: '421'", "code: '" + code + "'"));
        bothFail(site, List.of("content/smtp/" + code + ".yaml:1:7: code '" + code
                + "' does not match the family's codePattern [2-5][0-9][0-9]|((a+)+)+b"));
    }

    @Test
    void aGroupByThatBacktracksExponentiallyIsMatchedInLinearTime() {
        String code = "a".repeat(40);
        TestSite site = site()
                .edit("content/smtp/_family.yaml", "codePattern: '[2-5][0-9][0-9]'", "codePattern: '[2-5][0-9][0-9]|a+'")
                .edit("content/smtp/_family.yaml", "groupBy: '^([0-9])'", "groupBy: '^([0-9]|((a+)+)+b)'")
                .write("content/smtp/" + code + ".yaml", TestSite.CODE_421.replace("code: '421'", "code: '" + code + "'"));
        bothFail(site, List.of("content/smtp/" + code + ".yaml:1:7: code " + code
                + " falls in group 'null', which the family does not define; known groups: [2, 3, 4, 5]"));
    }

    @Test
    void aPatternWithBackreferencesIsExplainedNotRun() {
        TestSite site = site().edit("content/smtp/_family.yaml", "codePattern: '[2-5][0-9][0-9]'", "codePattern: '([2-5])\\1[0-9]'");
        Run r = versus("check", "--source", site.root().toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.messages().get(0)).startsWith("content/smtp/_family.yaml:6:14: codePattern is not a valid regular expression")
                .endsWith("(backreferences and lookaround are not supported: patterns are matched in linear time)");
    }

    @Test
    void threeMarkdownFieldsOfOneMegabyteFailFastWithTheLimit() {
        // 10,000 lines of 99 characters: 999,999 characters once YAML has taken the indentation off.
        String line = "word ".repeat(19) + "word";
        java.util.function.Function<String, String> big = indent -> indent + String.join("\n" + indent, java.util.Collections.nCopies(10_000, line));
        TestSite site = site()
                .edit("content/smtp/421.yaml", "  The server is shutting down this session (RFC 5321 §4.2.3).", big.apply("  "))
                .edit("content/smtp/452.yaml", "  - The spool is nearly full.", big.apply("  "))
                .edit("content/smtp/552.yaml", "    Make the message smaller.", big.apply("    "));
        String limit = " characters long, more than the limit of 20000 for one field; shorten it (every page that shows it"
                + " repeats it) or move the detail to a reference";
        bothFail(site, List.of(
                "content/smtp/421.yaml:4:14: field 'description' is 999999" + limit,
                "content/smtp/452.yaml:6:7: field 'when' is 999999" + limit,
                "content/smtp/552.yaml:9:11: 'fix.sender' is 999999" + limit));
    }

    @Test
    void aMegabyteOnOneLineIsRefusedBeforeYamlReadsIt() {
        // SnakeYAML's time grows with the square of a line's length: half a minute for this one.
        TestSite site = site().edit("content/smtp/421.yaml", "  The server is shutting down this session (RFC 5321 §4.2.3).",
                "  " + "word ".repeat(200_000).strip());
        bothFail(site, List.of("content/smtp/421.yaml:5:1: line 5 is 1000001 characters long, more than the limit of 21000;"
                + " a text field holds at most 20000 characters, so shorten the text or break it into lines"));
    }

    @Test
    void aLongPairNoteIsRefusedToo() {
        TestSite site = site().write("content/smtp/pairs/421-vs-452.md", "x".repeat(20_001));
        bothFail(site, List.of("content/smtp/pairs/421-vs-452.md:1:1: the pair note is 20001 characters long, more than"
                + " the limit of 20000 for one field; shorten it (every page that shows it repeats it) or move the detail"
                + " to a reference"));
    }

    @Test
    void aFamilyWithMorePagesThanTheLimitFailsInCheckAsInBuildAndPointsToPairSelection() {
        TestSite site = site();
        StringBuilder codes = new StringBuilder();
        int n = 0;
        for (int c = 200; c < 600 && n < 700; c++) {
            for (char suffix : new char[] {0, 'a'}) {
                String id = suffix == 0 ? String.valueOf(c) : c + "a";
                if (List.of("421", "452", "552").contains(id)) continue;
                site.write("content/smtp/" + id + ".yaml", TestSite.CODE_421.replace("code: '421'", "code: '" + id + "'")
                        .replace("related: ['452']", "related: []"));
                n++;
            }
        }
        site.edit("content/smtp/_family.yaml", "codePattern: '[2-5][0-9][0-9]'", "codePattern: '[2-5][0-9][0-9]a?'");
        long codeCount = n + 3;
        long pairs = codeCount * (codeCount - 1) / 2;
        long pages = 2 * (1 + codeCount + pairs);
        assertThat(pages).isGreaterThan(200_000);
        bothFail(site, List.of("content/smtp/_family.yaml:1:1: family 'smtp' would make " + pages + " pages (" + codeCount
                + " codes, " + pairs + " pairs, in 2 locales), more than the limit of 200000 pages per family; choose the"
                + " pairs worth a page with pair selection (pairs: in _family.yaml), or split the family"));
    }

    @Test
    void aSentencePatternRepeatingAPlaceholderAHundredThousandTimesIsRefused() {
        TestSite site = site();
        int line = site.lineOf("locales/en.yaml", "  diffNone:");
        site.replaceLine("locales/en.yaml", "  diffNone:", "  diffNone: \"" + "{a} ".repeat(100_000).strip() + "\"");
        bothFail(site, List.of("locales/en.yaml:" + line + ":1: line " + line + " is 400013 characters long, more than the"
                + " limit of 21000; a text field holds at most 20000 characters, so shorten the text or break it into lines"));
    }

    @Test
    void aLongSentencePatternIsRefused() {
        TestSite site = site();
        int line = site.lineOf("locales/en.yaml", "  diffNone:");
        site.replaceLine("locales/en.yaml", "  diffNone:", "  diffNone: \"" + "{a} and {b} differ. ".repeat(30).strip() + "\"");
        bothFail(site, List.of("locales/en.yaml:" + line + ":13: label 'pattern.diffNone' has 60 placeholders, more than"
                + " the limit of 20; a sentence pattern names each of its values once or twice"));
        site.replaceLine("locales/en.yaml", "  diffNone:", "  diffNone: \"" + "They differ. ".repeat(200).strip() + "\"");
        bothFail(site, List.of("locales/en.yaml:" + line + ":13: label 'pattern.diffNone' is 2599 characters long, more than"
                + " the limit of 2000; a label is a phrase or a sentence"));
    }

    @Test
    void aSentencePatternWithTooManyPlaceholdersIsRefused() {
        TestSite site = site();
        int line = site.lineOf("locales/en.yaml", "  diffNone:");
        site.replaceLine("locales/en.yaml", "  diffNone:", "  diffNone: \"" + "{a}".repeat(21) + "\"");
        bothFail(site, List.of("locales/en.yaml:" + line + ":13: label 'pattern.diffNone' has 21 placeholders, more than"
                + " the limit of 20; a sentence pattern names each of its values once or twice"));
    }

    @Test
    void anEscapedUnpairedSurrogateIsALocatedError() {
        TestSite site = site().edit("content/smtp/421.yaml", "title: Service Not Available", "title: \"Service \\ud800 Not Available\"");
        bothFail(site, List.of("content/smtp/421.yaml:2:8: the text contains U+D800, half of a surrogate pair, which is"
                + " not a character; write the character itself instead of the escape (or both halves, as in"
                + " \"\\ud83d\\ude00\")"));
    }

    @Test
    void aPairOfSurrogateEscapesIsOneCharacterAndBuilds() {
        TestSite site = site().edit("content/smtp/421.yaml", "title: Service Not Available", "title: \"Service \\ud83d\\ude00 Not Available\"");
        Run r = versus("build", "--source", site.root().toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void aTemplateThatCallsItselfWithoutEndIsATemplateErrorNotATrace() {
        TestSite site = site().append("templates/code.ftlh", "<#macro r n><@r n + 1/></#macro><@r 0/>\n");
        int line = site.read("templates/code.ftlh").split("\n", -1).length - 1;
        Run r = versus("build", "--source", site.root().toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("StackOverflow");
        assertThat(r.messages()).hasSize(2);
        assertThat(r.messages().get(0)).matches("templates/code\\.ftlh:" + line + ":[0-9]+: templates nest more than 400 levels"
                + " deep here; does a macro or function call itself without end\\? \\(while rendering [a-z]+/smtp/[0-9]+/index\\.html.*\\)");
        assertThat(r.millis()).isLessThan(5_000);
    }

    @Test
    void aTemplateThatLoopsForEverIsStoppedWithItsPlace() {
        TestSite site = site().append("templates/code.ftlh", "<#list 1.. as i></#list>\n");
        int line = site.read("templates/code.ftlh").split("\n", -1).length - 1;
        Run r = versus("build", "--source", site.root().toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.messages()).hasSize(2);
        assertThat(r.messages().get(0)).matches("templates/code\\.ftlh:" + line + ":[0-9]+: the page took more than 3 s to render"
                + " and was stopped here; does a loop never end\\? \\(while rendering [a-z]+/smtp/[0-9]+/index\\.html.*\\)");
        assertThat(r.millis()).isLessThan(8_000);
    }

    @Test
    void aTemplateThatWritesForEverIsStoppedWithItsPlaceWithinTheLaunchersMemory() throws Exception {
        // Writing as it loops, a page filled the launcher's 384 MB before its 3 s were up.
        TestSite site = site().append("templates/code.ftlh", "<#list 1.. as i>${i?left_pad(1000)}</#list>\n");
        int line = site.read("templates/code.ftlh").split("\n", -1).length - 1;
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaCommand, "-XX:TieredStopAtLevel=1", "-Xmx384m", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), "dev.versus.cli.Main", "build", "--source", site.root().toString(),
                "--out", dir.resolve("out").toString()).start();
        p.getOutputStream().close();
        p.getInputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isEqualTo(1);
        List<String> messages = ErrorLines.messages(err.lines().filter(l -> !l.startsWith("log4j:"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        // Each render thread stops its page where it is: in the loop, or in the expression inside it.
        // Either page limit may come first: on a loaded machine the 3 s before the 16 MB (as in
        // ServeHardeningTest); what matters is that the build stops within the launcher's memory.
        assertThat(messages.size()).as(err).isBetween(2, 3);
        for (String m : messages.subList(0, messages.size() - 1)) {
            assertThat(m).matches("templates/code\\.ftlh:" + line + ":[0-9]+: the page (is larger than 16 MB|took more than 3 s"
                    + " to render) and was stopped here; does a loop never end\\? \\(while rendering [a-z]+/smtp/[0-9]+/index\\.html.*\\)");
        }
    }

    @Test
    void aTwentyMegabyteXliffTargetIsRefusedBeforeItIsParsed() throws IOException {
        TestSite site = site();
        Path xliff = dir.resolve("ja.xlf");
        Run export = versus("i18n", "export", "--source", site.root().toString(), "--locale", "ja", "--out", xliff.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        String text = Files.readString(xliff);
        int at = text.indexOf("<target");
        assertThat(at).isPositive();
        int close = text.indexOf('>', at) + 1;
        Files.writeString(xliff, text.substring(0, close) + "x".repeat(20 << 20) + text.substring(text.indexOf("</target>", close)),
                StandardCharsets.UTF_8);
        long size = Files.size(xliff);
        Run r = versus("i18n", "import", "--source", site.root().toString(), xliff.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().lines().toList()).containsExactly(xliff + ":1:1: file is " + size + " bytes, more than the limit of"
                + " 8388608; export fewer units at a time (--only missing,stale) or split the file",
                "i18n import failed: 1 error; no file was changed");
        assertThat(r.millis()).isLessThan(5_000);
    }

    @Test
    void aTargetOverTheFieldLimitIsRefusedAsCheckWouldRefuseIt() throws IOException {
        TestSite site = site();
        Path xliff = dir.resolve("ja.xlf");
        assertThat(versus("i18n", "export", "--source", site.root().toString(), "--locale", "ja", "--out", xliff.toString()).exit())
                .isZero();
        String text = Files.readString(xliff);
        Files.writeString(xliff, text.replace("<target xml:space=\"preserve\">サービス利用不可</target>",
                "<target xml:space=\"preserve\">" + "あ".repeat(20_001) + "</target>"), StandardCharsets.UTF_8);
        Run r = versus("i18n", "import", "--source", site.root().toString(), xliff.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines().toList()).containsExactly(xliff + ": unit 'smtp:421:title': the target is 20001 characters"
                + " long, more than the limit of 20000 for one field, which check would refuse",
                "i18n import failed: 1 error; no file was changed");
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void runningOutOfMemoryIsOneLineNamingTheHeapAndVersusJavaOpts() throws Exception {
        TestSite site = site();
        String big = "word ".repeat(3_900).strip();
        // A hundred codes of nearly the largest texts a field may hold: 60 no longer reliably ran
        // out of 24 MB once the renderer's memory use came down (one clean run of CI built them all).
        for (int c = 200; c < 300; c++) {
            site.write("content/smtp/" + c + ".yaml", TestSite.CODE_421.replace("code: '421'", "code: '" + c + "'")
                    .replace("related: ['452']", "related: []")
                    .replace("  The server is shutting down this session (RFC 5321 §4.2.3).", "  " + big));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The launcher's collector: G1 in so small a heap could spend minutes collecting before it gave up.
        Process p = new ProcessBuilder(java, "-Xmx24m", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), "dev.versus.cli.Main", "build", "--source", site.root().toString(),
                "--out", dir.resolve("out").toString())
                .redirectErrorStream(false).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("exit; out %s err %s", out, err).isEqualTo(1);
        // log4j (a test dependency, not in versus.jar) warns about FreeMarker's logger.
        // The heap it names is what Java reports it may use: with this collector, 24 MB less one survivor space.
        List<String> lines = err.lines().filter(l -> !l.startsWith("log4j:")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("versus: out of memory: the site needs more than the 2[0-4] MB of"
                + " memory this Java may use; raise it with VERSUS_JAVA_OPTS=-Xmx1g for target/versus \\(java -Xmx\\.\\.\\.g -jar"
                + " versus\\.jar for the jar\\)");
    }
}
