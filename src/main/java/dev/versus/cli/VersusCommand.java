package dev.versus.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code versus}: the top-level command, which only holds the subcommands. */
@Command(name = "versus", mixinStandardHelpOptions = true, versionProvider = VersusCommand.Version.class,
        description = "Builds a static site that compares protocol reply codes, pair by pair, in every language.",
        subcommands = {BuildCommand.class, CheckCommand.class, I18nCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class VersusCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit codes: 0 success, 1 content, template or I/O errors, 2 usage errors. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: build, check, i18n or serve");
    }

    /** The command line with Versus's error handling, for {@link Main} and for tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VersusCommand());
        cl.setExecutionExceptionHandler((e, cmd, parse) -> {
            PrintWriter err = cmd.getErr();
            err.println("versus: internal error: " + e);
            if (parse.hasMatchedOption("--debug")) e.printStackTrace(err);
            else err.println("run again with --debug for the stack trace, and please report it");
            err.flush();
            return FAILED;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = VersusCommand.class.getPackage().getImplementationVersion();
            return new String[] {"versus " + (v == null ? "development build" : v)};
        }
    }
}
