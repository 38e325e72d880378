package dev.versus.cli;

import dev.versus.diagnostics.TerminalText;
import dev.versus.Build;
import dev.versus.diagnostics.ContentException;
import dev.versus.i18n.FieldStatus;
import dev.versus.i18n.Stamp;
import dev.versus.i18n.StatusReport;
import dev.versus.i18n.TranslationEditException;
import dev.versus.i18n.TranslationStatus;
import dev.versus.i18n.XliffExport;
import dev.versus.i18n.XliffImport;
import dev.versus.model.Site;
import dev.versus.publish.PublishException;
import dev.versus.publish.RealPaths;
import dev.versus.render.site.UrlStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code versus i18n}: the translation workflow (status, XLIFF export and import, source stamps). */
@Command(name = "i18n", mixinStandardHelpOptions = true,
        description = "Translation workflow: what is translated, stale or missing; XLIFF 2.0 for translation tools.",
        subcommands = {I18nCommand.Status.class, I18nCommand.Export.class, I18nCommand.Import.class,
            I18nCommand.StampCommand.class})
final class I18nCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: status, export, import or stamp");
    }

    /** Validates the sources; prints the errors and returns null if there are any. */
    static Site site(SourceOptions sources, PrintWriter err, String stage) {
        try {
            return new Build(new Build.Options(sources.source, null, null, UrlStyle.PRETTY)).validate();
        } catch (ContentException e) {
            ErrorReport.print(err, stage, e.errors(), sources.source);
            return null;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Per locale and family: fields translated, stale, unstamped and missing, and the share done.")
    static final class Status implements Callable<Integer> {
        @Mixin
        SourceOptions sources;

        @Option(names = "--json", description = "Write the report as JSON, with every field's state and location.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Site site = site(sources, spec.commandLine().getErr(), "i18n status");
            if (site == null) return VersusCommand.FAILED;
            TranslationStatus status = TranslationStatus.of(site);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? StatusReport.json(status) : StatusReport.table(status));
            out.flush();
            return VersusCommand.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the fields of one locale as XLIFF 2.0: English source, current translation as target.")
    static final class Export implements Callable<Integer> {
        @Mixin
        SourceOptions sources;

        @Option(names = "--locale", required = true, paramLabel = "LOCALE", description = "The locale to translate into.")
        String locale;

        @Option(names = "--only", split = ",", paramLabel = "STATE",
                description = "Only fields in these states: missing, stale, unstamped, translated (default: all).")
        List<String> only = new ArrayList<>();

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Set<FieldStatus.State> states = EnumSet.noneOf(FieldStatus.State.class);
            for (String word : only) {
                try {
                    states.add(FieldStatus.State.valueOf(word.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    err.println("versus i18n export: --only takes missing, stale, unstamped or translated, not '" + TerminalText.visible(word) + "'");
                    err.flush();
                    return VersusCommand.USAGE;
                }
            }
            if (states.isEmpty()) states = EnumSet.allOf(FieldStatus.State.class);
            Site site = site(sources, err, "i18n export");
            if (site == null) return VersusCommand.FAILED;
            if (locale.equals(site.defaultLocale()) || !site.locales().contains(locale)) {
                err.println("versus i18n export: --locale must be one of the translated locales "
                        + site.locales().stream().filter(l -> !l.equals(site.defaultLocale())).toList() + ", not '" + TerminalText.visible(locale) + "'");
                err.flush();
                return VersusCommand.USAGE;
            }
            TranslationStatus status = TranslationStatus.of(site);
            int units;
            if (out == null) {
                // Standard output is UTF-8 (Main), as the XML declares by having no encoding.
                units = XliffExport.write(status, locale, states, spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
                err.printf("Exported %d units (%s) for %s%n", units, words(states), locale);
            } else {
                String refused = refuseOut(out, sources.source);
                if (refused != null) {
                    err.println("versus i18n export: --out: " + refused);
                    err.flush();
                    return VersusCommand.USAGE;
                }
                // Written beside and moved into place: never through a link, never into a file
                // that shares its content with another (a hard link), never half written.
                Path file = RealPaths.ofParent(out);
                Path temp = file.resolveSibling("." + file.getFileName() + ".versus-export");
                try {
                    try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                        units = XliffExport.write(status, locale, states, w);
                    }
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.deleteIfExists(temp);
                    err.println("versus i18n export: cannot write " + out + ": " + PublishException.describe(e)
                            + " (nothing was written)");
                    err.flush();
                    return VersusCommand.FAILED;
                }
                spec.commandLine().getOut().printf("Exported %d units (%s) for %s to %s%n", units, words(states), locale,
                        TerminalText.visible(out.toString()));
                spec.commandLine().getOut().flush();
            }
            err.flush();
            return VersusCommand.OK;
        }

        /**
         * Why {@code out} may not be written, or null: a folder, a symbolic link, a file inside
         * the sources (where it leads, links and {@code ..} resolved), or in a folder that does
         * not exist.
         */
        static String refuseOut(Path out, Path source) throws IOException {
            Path file = RealPaths.ofParent(out);
            if (Files.isSymbolicLink(file)) return out + " is a symbolic link; give the path of a file";
            if (Files.isDirectory(file)) return out + " is a folder; give a file name, such as " + out.resolve("ja.xlf");
            if (!Files.isDirectory(file.getParent())) return "the folder " + file.getParent() + " does not exist";
            Path src = RealPaths.of(source);
            for (String folder : new String[] {"content", "locales", "templates"}) {
                if (file.startsWith(src.resolve(folder)) || file.startsWith(RealPaths.of(src.resolve(folder)))) {
                    return out + " is inside the sources (" + folder + "/); write the XLIFF file outside them,"
                            + " such as ja.xlf in the project folder";
                }
            }
            return null;
        }

        private static String words(Set<FieldStatus.State> states) {
            return states.size() == FieldStatus.State.values().length ? "all fields"
                    : String.join(", ", states.stream().map(FieldStatus.State::word).toList());
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Write the targets of an XLIFF 2.0 file into the translation files and record their source.")
    static final class Import implements Callable<Integer> {
        @Mixin
        SourceOptions sources;

        @Parameters(paramLabel = "FILE", description = "The XLIFF file, as exported by versus i18n export and translated.")
        Path file;

        @Option(names = "--overwrite", description = "Also replace translations that were edited in the translation"
                + " files after the export (refused by default).")
        boolean overwrite;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            Site site = site(sources, err, "i18n import");
            if (site == null) return VersusCommand.FAILED;
            XliffImport.Outcome o = XliffImport.run(sources.source.toAbsolutePath().normalize(), site, file, overwrite);
            if (!o.errors().isEmpty()) {
                for (String e : o.errors()) err.println(TerminalText.visible(e));
                err.println("i18n import failed: " + o.errors().size() + (o.errors().size() == 1 ? " error" : " errors")
                        + "; no file was changed");
                err.flush();
                return VersusCommand.FAILED;
            }
            for (String r : o.refused()) err.println(TerminalText.visible(r));
            err.flush();
            List<String> files = new ArrayList<>(o.changedFiles());
            files.addAll(o.createdFiles());
            out.printf("Imported %d fields into %d files (%d created) for %s; %d unchanged, %d without a target, %d refused%n",
                    o.imported(), files.size(), o.createdFiles().size(), o.locale(), o.unchanged(), o.skipped(),
                    o.refused().size());
            out.flush();
            err.flush();
            return o.refused().isEmpty() ? VersusCommand.OK : VersusCommand.FAILED;
        }
    }

    @Command(name = "stamp", mixinStandardHelpOptions = true,
            description = {"Record in translation files which English each translated field was made from.",
                "Stamps fields with no record; with --refresh also stale ones (after updating them by hand)."})
    static final class StampCommand implements Callable<Integer> {
        @Mixin
        SourceOptions sources;

        @Option(names = "--refresh", description = "Also declare stale fields current.")
        boolean refresh;

        @Parameters(paramLabel = "FILE", arity = "0..*",
                description = "Translation files to stamp (default: all), e.g. content/smtp/421.ja.yaml.")
        List<Path> files = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Site site = site(sources, err, "i18n stamp");
            if (site == null) return VersusCommand.FAILED;
            Path root = sources.source.toAbsolutePath().normalize();
            TranslationStatus status = TranslationStatus.of(site);
            Set<String> known = new LinkedHashSet<>(status.fields().stream().map(FieldStatus::translation).toList());
            Set<String> wanted = new LinkedHashSet<>();
            for (Path f : files) {
                Path abs = f.toAbsolutePath().normalize();
                String rel = abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : f.toString();
                if (!known.contains(rel)) {
                    err.println(TerminalText.visible("versus i18n stamp: " + f + " is not the translation file of a code under " + root));
                    err.flush();
                    return VersusCommand.USAGE;
                }
                wanted.add(rel);
            }
            try {
                Stamp.Result r = Stamp.run(root, status, refresh, wanted);
                spec.commandLine().getOut().printf("Stamped %d fields in %d files%n", r.fields(), r.files().size());
                spec.commandLine().getOut().flush();
                return VersusCommand.OK;
            } catch (TranslationEditException e) {
                ErrorReport.print(err, "i18n stamp", List.of(e.getMessage() + "; no file was changed"));
                return VersusCommand.FAILED;
            }
        }
    }
}
