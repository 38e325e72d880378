package dev.versus.cli;

import dev.versus.diagnostics.TerminalText;
import dev.versus.Build;
import dev.versus.diagnostics.ContentError;
import dev.versus.diagnostics.ContentException;
import dev.versus.diagnostics.Problems;
import dev.versus.i18n.FieldStatus;
import dev.versus.i18n.TranslationStatus;
import dev.versus.model.Family;
import dev.versus.model.Site;
import dev.versus.render.site.UrlStyle;
import dev.versus.validate.Glossary;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code versus check}: validates the sources and writes nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate content/, locales/ and templates/ (one page of each kind is rendered, into nothing);"
                + " print every error; write nothing.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    SourceOptions sources;

    @Option(names = "--strict", description = "Treat missing, stale and unstamped translations, terms to avoid and links to missing assets as errors.")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        try {
            Build build = new Build(new Build.Options(sources.source, null, null, UrlStyle.PRETTY));
            Site site = build.validate();
            Build.TemplateCheck templates = build.checkTemplates(site);
            if (!templates.errors().isEmpty()) {
                ErrorReport.print(spec.commandLine().getErr(), "check", templates.errors());
                return VersusCommand.FAILED;
            }
            TranslationStatus status = TranslationStatus.of(site);
            Problems glossaryFiles = new Problems();
            List<ContentError> terms = Glossary.check(sources.source, site.locales(), site.defaultLocale(), glossaryFiles)
                    .stream().map(Glossary.Finding::asError).toList();
            if (!glossaryFiles.isEmpty()) {
                ErrorReport.print(spec.commandLine().getErr(), "check", glossaryFiles.sorted(), sources.source);
                return VersusCommand.FAILED;
            }
            // A link to an asset no file provides is a warning, as a translation left to do is: the
            // host may serve the file itself; --strict makes it an error.
            List<ContentError> warnings = java.util.stream.Stream.of(status.problems(), terms, templates.missingAssets())
                    .flatMap(List::stream).sorted().toList();
            if (strict && !warnings.isEmpty()) {
                ErrorReport.print(spec.commandLine().getErr(), "check --strict", warnings);
                printTranslations(spec.commandLine().getErr(), status);
                return VersusCommand.FAILED;
            }
            PrintWriter out = spec.commandLine().getOut();
            warnings.forEach(m -> out.println(TerminalText.visible(m.location() + ": warning: " + m.message())));
            int codes = site.families().stream().mapToInt(f -> f.codes().size()).sum();
            out.printf("OK: %s, %s, %s (%s), no errors%n", count(site.families().size(), "family", "families"),
                    count(codes, "code", "codes"), count(site.locales().size(), "locale", "locales"),
                    String.join(", ", site.locales()));
            for (Family f : site.families()) {
                int n = f.codes().size();
                out.printf("  %s: %s, %s%n", f.id(), count(n, "code", "codes"), count(f.pairCount(), "pair", "pairs"));
            }
            printTranslations(out, status);
            out.flush();
            return VersusCommand.OK;
        } catch (ContentException e) {
            ErrorReport.print(spec.commandLine().getErr(), "check", e.errors(), sources.source);
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

    /** "1 family", "2 families": the summary is read by people. */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
