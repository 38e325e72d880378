package dev.versus.cli;

import dev.versus.Build;
import dev.versus.model.Family;
import dev.versus.model.Site;
import dev.versus.render.UrlStyle;
import dev.versus.validate.ContentException;
import dev.versus.validate.ContentError;
import dev.versus.validate.TranslationCoverage;
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

    @Option(names = "--strict", description = "Treat missing translations as errors.")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Site site = new Build(new Build.Options(sources.source, null, null, UrlStyle.PRETTY)).validate();
            List<ContentError> missing = TranslationCoverage.missing(site);
            if (strict && !missing.isEmpty()) {
                ErrorReport.print(spec.commandLine().getErr(), "check --strict", missing);
                return VersusCommand.FAILED;
            }
            missing.forEach(m -> spec.commandLine().getOut().println("warning: " + m));
            int codes = site.families().stream().mapToInt(f -> f.codes().size()).sum();
            spec.commandLine().getOut().printf("OK: %d families, %d codes, %d locales (%s), no errors, %d missing translations%n",
                    site.families().size(), codes, site.locales().size(), String.join(", ", site.locales()), missing.size());
            for (Family f : site.families()) {
                spec.commandLine().getOut().printf("  %s: %d codes, %d pairs%n", f.id(), f.codes().size(), f.pairs().size());
            }
            return VersusCommand.OK;
        } catch (ContentException e) {
            ErrorReport.print(spec.commandLine().getErr(), "check", e.errors());
            return VersusCommand.FAILED;
        }
    }
}
