package dev.versus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bin\versus.bat}, checked on its text, since the tests do not run on Windows: what can go
 * wrong in a batch file without running it. Line endings cmd.exe reads reliably; every
 * {@code goto} has its label; every path is quoted and none is expanded inside a parenthesised
 * block (a {@code )} in {@code C:\Program Files (x86)} would end it); JAVA_HOME is honoured; the
 * arguments pass through as {@code %*}; the exit code is Java's; the JVM options and the
 * class-data archive are those of {@code bin/versus}; and the distribution ships the file.
 * Running it on Windows is not covered here.
 */
class WindowsLauncherTest {
    static final Path BAT = Path.of("src/main/sh/versus.bat");
    static final Path SH = Path.of("src/main/sh/versus");

    /** The variables that hold a path (or a program that may live under one). */
    static final List<String> PATHS = List.of("%~dp0", "%VERSUS_LIB%", "%VERSUS_JSA%", "%VERSUS_TMP%", "%VERSUS_JAVA%",
            "%JAVA_HOME:\"=%");

    static String text() throws IOException {
        return Files.readString(BAT, StandardCharsets.US_ASCII);
    }

    /** The lines, without comments. */
    static List<String> code() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : text().split("\r\n", -1)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.regionMatches(true, 0, "rem", 0, 3) && !t.startsWith("::")) lines.add(t);
        }
        return lines;
    }

    @Test
    void itIsAsciiWithCrLfLineEndingsAndStartsQuietAndLocal() throws IOException {
        byte[] bytes = Files.readAllBytes(BAT);
        for (int i = 0; i < bytes.length; i++) {
            assertThat(bytes[i] & 0xff).as("byte %d", i).isLessThan(0x80);
            if (bytes[i] == '\n') assertThat(i > 0 && bytes[i - 1] == '\r').as("LF without CR at byte %d", i).isTrue();
        }
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).endsWith("\r\n");
        List<String> code = code();
        assertThat(code.get(0)).isEqualTo("@echo off");
        assertThat(code.get(1)).as("variables stay local to the script").isEqualToIgnoringCase("setlocal");
    }

    @Test
    void everyGotoHasItsLabelAndNoBlockIsOpened() throws IOException {
        Set<String> labels = new LinkedHashSet<>();
        Set<String> targets = new LinkedHashSet<>();
        Matcher gotoTarget = Pattern.compile("(?i)\\bgoto\\s+:?(\\w+)").matcher("");
        for (String line : code()) {
            if (line.startsWith(":")) labels.add(line.substring(1).toLowerCase());
            if (gotoTarget.reset(line).find()) targets.add(gotoTarget.group(1).toLowerCase());
            // A parenthesised block would expand every path in it at once, ")" included: gotos instead.
            assertThat(unquoted(line)).as(line).doesNotContain("(").doesNotContain(")");
        }
        assertThat(labels).containsAll(targets).doesNotHaveDuplicates();
    }

    @Test
    void everyPathIsQuoted() throws IOException {
        for (String line : code()) {
            String outside = unquoted(line);
            for (String path : PATHS) assertThat(outside).as(line).doesNotContain(path);
            // Within a set "NAME=value", a quote would leave the rest unquoted ("&" in a path would end the command).
            if (line.startsWith("set \"")) {
                assertThat(line.replace("%JAVA_HOME:\"=%", "").chars().filter(c -> c == '"').count()).as(line).isEqualTo(2);
            }
        }
        // %~dp0 ends with a backslash: bin\versus.bat finds ..\lib from any folder, and versus.jar beside it (target\).
        assertThat(text()).contains("set \"VERSUS_LIB=%~dp0..\\lib\"").contains("if exist \"%~dp0versus.jar\" set \"VERSUS_LIB=%~dp0.\"");
    }

    @Test
    void javaHomeIsHonouredAndAMissingJavaIsOneClearLine() throws IOException {
        String text = text();
        assertThat(text).contains("if not defined JAVA_HOME goto javaonpath")
                .contains("set \"VERSUS_JAVA=%JAVA_HOME:\"=%\\bin\\java.exe\"")
                .contains("where java >nul 2>nul")
                .contains(">&2 echo versus: java not found; install Java 17 or newer and put it on PATH, or set JAVA_HOME");
        assertThat(Files.readString(SH)).contains("versus: java not found; install Java 17 or newer and put it on PATH, or set JAVA_HOME");
    }

    @Test
    void everyJavaRunPassesTheArgumentsAndItsExitCode() throws IOException {
        List<String> code = code();
        int runs = 0;
        for (int i = 0; i < code.size(); i++) {
            String line = code.get(i);
            if (!line.startsWith("\"%VERSUS_JAVA%\"")) continue;
            runs++;
            assertThat(line).as("the arguments, as given").endsWith(" -jar \"%VERSUS_LIB%\\versus.jar\" %*")
                    .contains("%VERSUS_JAVA_OPTS%");
            String next = code.get(i + 1);
            if (next.startsWith("set \"VERSUS_STATUS=")) {
                assertThat(next).isEqualTo("set \"VERSUS_STATUS=%ERRORLEVEL%\"");
                assertThat(code.subList(i + 2, code.size()).stream().filter(l -> l.startsWith("exit")).findFirst())
                        .hasValue("exit /b %VERSUS_STATUS%");
            } else {
                assertThat(next).isEqualTo("exit /b %ERRORLEVEL%");
            }
        }
        assertThat(runs).as("the run that records the archive, the run with it and the run without").isEqualTo(3);
        for (String line : code) {
            if (line.toLowerCase().startsWith("exit")) assertThat(line).as("exit /b, never closing the user's console").startsWith("exit /b ");
        }
    }

    @Test
    void theJvmOptionsAndTheClassDataArchiveAreThoseOfThePosixLauncher() throws IOException {
        String sh = Files.readString(SH);
        String bat = text();
        Matcher batch = Pattern.compile("opts=\"(-XX:TieredStopAtLevel[^\"]*)\"").matcher(sh);
        assertThat(batch.find()).isTrue();
        assertThat(bat).contains("set \"VERSUS_OPTS=" + batch.group(1) + "\"");
        Matcher quiet = Pattern.compile("quiet=\"([^\"]*)\"").matcher(sh);
        assertThat(quiet.find()).isTrue();
        assertThat(bat).contains("set \"VERSUS_QUIET=" + quiet.group(1) + "\"");
        // serve keeps the JVM's defaults in both.
        assertThat(sh).contains("if [ \"$1\" != \"serve\" ]");
        assertThat(bat).contains("if /I \"%~1\"==\"serve\" goto run");
        // The archive: used when present, recorded by a first build under a name of its own, moved into place.
        assertThat(bat).contains("set \"VERSUS_JSA=%VERSUS_LIB%\\versus.jsa\"")
                .contains("\"-XX:SharedArchiveFile=%VERSUS_JSA%\" -Xshare:auto")
                .contains("\"-XX:ArchiveClassesAtExit=%VERSUS_TMP%\"")
                .contains("if exist \"%VERSUS_TMP%\" move /y \"%VERSUS_TMP%\" \"%VERSUS_JSA%\"");
        assertThat(bat.indexOf("if /I not \"%~1\"==\"build\" goto run")).as("recorded by a build only")
                .isBetween(bat.indexOf("if exist \"%VERSUS_JSA%\" goto witharchive"), bat.indexOf("ArchiveClassesAtExit"));
    }

    @Test
    void theDistributionShipsIt() throws IOException {
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<zipfileset file=\"${project.basedir}/src/main/sh/versus.bat\" fullpath=\"${dist}/bin/versus.bat\"/>");
        assertThat(Files.readString(Path.of(".gitattributes"))).as("git keeps its CRLF").contains("src/main/sh/versus.bat -text");
    }

    /** The line with its double-quoted parts removed. */
    static String unquoted(String line) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (!quoted) out.append(c);
        }
        return out.toString();
    }
}
