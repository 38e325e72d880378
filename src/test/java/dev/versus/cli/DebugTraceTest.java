package dev.versus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * An internal error (a bug, never content: content errors are located) is one line without
 * {@code --debug} and that line plus the Java stack trace with it. {@code --debug} is an option
 * of each subcommand ({@code versus build --debug}), so the handler must look for it there.
 */
class DebugTraceTest {
    /** A command that fails the way a bug would, with the same options as build. */
    @Command(name = "planted")
    static final class Planted implements Callable<Integer> {
        @Mixin
        SourceOptions sources;

        @Override
        public Integer call() {
            throw new IllegalStateException("planted bug");
        }
    }

    private static String run(String... args) {
        CommandLine cl = VersusCommand.commandLine(args);
        cl.addSubcommand("planted", new Planted());
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute(args)).isEqualTo(1);
        return err.toString();
    }

    @Test
    void withoutDebugOneLineAndAHint() {
        assertThat(run("planted")).isEqualTo("versus: internal error: java.lang.IllegalStateException: planted bug\n"
                + "run again with --debug for the stack trace, and please report it\n");
    }

    @Test
    void withDebugTheTrace() {
        assertThat(run("planted", "--debug")).startsWith("versus: internal error: java.lang.IllegalStateException: planted bug\n")
                .contains("\tat dev.versus.cli.DebugTraceTest$Planted.call");
    }
}
