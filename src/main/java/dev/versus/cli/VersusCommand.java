package dev.versus.cli;

import dev.versus.diagnostics.TerminalText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code versus}: the top-level command, which only holds the subcommands. */
@Command(name = "versus", mixinStandardHelpOptions = true, versionProvider = VersusCommand.Version.class,
        description = "Builds a static site that compares protocol reply codes, pair by pair, in every language.")
public final class VersusCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit codes: 0 success, 1 content, template or I/O errors, 2 usage errors. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: new, build, check, serve, i18n or theme");
    }

    /** The subcommands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("new", NewCommand::new);
        m.put("build", BuildCommand::new);
        m.put("check", CheckCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("i18n", I18nCommand::new);
        m.put("theme", ThemeCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    /** The command line with Versus's error handling and every subcommand, for tests. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}, with Versus's error handling. picocli reads the
     * annotations of every subcommand it is given, which was a tenth of the start-up of a build:
     * when {@code args} start with a command other than help, only that command is built.
     * Anything else (no command, a misspelt one, {@code --help}) gets them all, for the help
     * text and the "did you mean" hint.
     */
    public static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new VersusCommand());
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        // picocli lets --help win over an unknown word ("versus bogus --help" printed help and
        // exited 0); an unknown word is a usage error whatever else is on the line.
        cl.setExecutionStrategy(parse -> {
            if (!parse.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(parse.commandSpec().commandLine(), parse.unmatched());
            }
            try {
                return new CommandLine.RunLast().execute(parse);
            } catch (OutOfMemoryError e) {
                // Caught here, at the top, the site is garbage and there is room to say so.
                PrintWriter err = cl.getErr();
                err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
                if (debug(parse)) e.printStackTrace(err);
                err.flush();
                return FAILED;
            }
        });
        cl.setExecutionExceptionHandler((e, cmd, parse) -> {
            PrintWriter err = cmd.getErr();
            err.println(TerminalText.visible("versus: internal error: " + e));
            // --debug belongs to the subcommand (versus build --debug): the top level never has it.
            if (debug(parse)) e.printStackTrace(err);
            else err.println("run again with --debug for the stack trace, and please report it");
            err.flush();
            return FAILED;
        });
        return cl;
    }

    /** The one line for a run out of memory: how much it had, and how to give it more. */
    static String outOfMemory(long maxHeapBytes) {
        return "versus: out of memory: the site needs more than the " + (maxHeapBytes >> 20) + " MB of memory this Java"
                + " may use; raise it with VERSUS_JAVA_OPTS=-Xmx" + Math.max(1, 2 * (maxHeapBytes >> 30) + 1) + "g for"
                + " target/versus (java -Xmx...g -jar versus.jar for the jar)";
    }

    private static boolean debug(CommandLine.ParseResult parse) {
        for (CommandLine.ParseResult p = parse; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) return true;
        }
        return false;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = VersusCommand.class.getPackage().getImplementationVersion();
            return new String[] {"versus " + (v == null ? "development build" : v)};
        }
    }
}
