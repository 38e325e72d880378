package dev.versus.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by every command that reads the sources. */
final class SourceOptions {
    @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
            description = "Project folder holding content/, locales/ and templates/ (default: the current folder).")
    Path source;

    @Option(names = "--debug", description = "Print Java stack traces for internal errors.")
    boolean debug;
}
