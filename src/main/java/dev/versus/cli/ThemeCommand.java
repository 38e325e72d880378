package dev.versus.cli;

import dev.versus.load.Theme;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code versus theme export [DIR]}: the built-in theme, copied out for anyone who wants to change it. */
@Command(name = "theme", mixinStandardHelpOptions = true,
        description = "The built-in theme: templates, assets and UI labels every site uses unless it has its own.",
        subcommands = {ThemeCommand.Export.class})
final class ThemeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: export");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Copy the built-in theme's templates/ (with assets/) and locales/ into DIR (default: theme)."
                    + " Copy the files you want to change into your site's templates/ and locales/: the site's file"
                    + " wins over the theme's, one file (and one label) at a time.")
    static final class Export implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "theme", description = "A new or empty folder.")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!NewFolder.isNewOrEmpty(dir)) {
                err.println("versus theme export: " + dir + " already exists and is not an empty folder; name a new folder");
                err.flush();
                return VersusCommand.FAILED;
            }
            Map<String, Path> files = Theme.files();
            NewFolder.copy(files, dir);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Exported the built-in theme (" + files.size() + " files) to " + dir);
            out.flush();
            return VersusCommand.OK;
        }
    }
}
