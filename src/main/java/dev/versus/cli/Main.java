package dev.versus.cli;

import picocli.CommandLine;

/** Entry point of {@code versus}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(VersusCommand.commandLine().execute(args));
    }
}
