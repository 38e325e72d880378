package dev.versus.cli;

import dev.versus.Build;
import dev.versus.i18n.FieldStatus;
import dev.versus.i18n.TranslationStatus;
import dev.versus.model.Family;
import dev.versus.model.Site;
import dev.versus.render.UrlStyle;
import dev.versus.validate.ContentException;
import dev.versus.validate.ContentError;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code versus check}: validates the sources and writes nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate content/, locales/ and templates' inputs; print every error; write nothing.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    SourceOptions sources;

    @Option(names = "--strict", description = "Treat missing, stale and unstamped translations as errors.")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Site site = new Build(new Build.Options(sources.source, null, null, UrlStyle.PRETTY)).validate();
            TranslationStatus status = TranslationStatus.of(site);
            List<ContentError> translations = status.problems();
            if (strict && !translations.isEmpty()) {
                ErrorReport.print(spec.commandLine().getErr(), "check --strict", translations);
                printTranslations(spec.commandLine().getErr(), status);
                return VersusCommand.FAILED;
            }
            PrintWriter out = spec.commandLine().getOut();
            translations.forEach(m -> out.println(m.location() + ": warning: " + m.message()));
            int codes = site.families().stream().mapToInt(f -> f.codes().size()).sum();
            out.printf("OK: %d families, %d codes, %d locales (%s), no errors%n",
                    site.families().size(), codes, site.locales().size(), String.join(", ", site.locales()));
            for (Family f : site.families()) {
                out.printf("  %s: %d codes, %d pairs%n", f.id(), f.codes().size(), f.pairs().size());
            }
            printTranslations(out, status);
            out.flush();
            return VersusCommand.OK;
        } catch (ContentException e) {
            ErrorReport.print(spec.commandLine().getErr(), "check", e.errors());
            return VersusCommand.FAILED;
        }
    }

    /** One line per translated locale: how many text fields are translated, stale, unstamped, missing. */
    static void printTranslations(PrintWriter out, TranslationStatus status) {
        for (String locale : status.locales()) {
            TranslationStatus.Counts c = TranslationStatus.count(status.fields(locale));
            out.printf("Translations %s: %d of %d fields translated, %d stale, %d unstamped, %d missing%n", locale,
                    c.get(FieldStatus.State.TRANSLATED), c.total(), c.get(FieldStatus.State.STALE),
                    c.get(FieldStatus.State.UNSTAMPED), c.get(FieldStatus.State.MISSING));
        }
        out.flush();
    }
}
