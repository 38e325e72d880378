package dev.versus.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of {@code versus}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        EarlyInit.start(args);
        CommandLine cl = VersusCommand.commandLine(args);
        // Java 17 encodes standard output in the platform charset; pages, YAML and XLIFF are UTF-8.
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        System.exit(cl.execute(args));
    }
}
