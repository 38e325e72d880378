package dev.versus.i18n;

import dev.versus.cli.VersusCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code versus args...} as the command line would, capturing standard output and error. */
public final class Cli {
    public int exit;
    public String out;
    public String err;

    public static Cli run(String... args) {
        Cli r = new Cli();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = VersusCommand.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        r.exit = cl.execute(args);
        r.out = out.toString();
        r.err = err.toString();
        return r;
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
}
