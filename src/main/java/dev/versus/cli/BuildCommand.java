package dev.versus.cli;

import dev.versus.diagnostics.TerminalText;
import dev.versus.Build;
import dev.versus.diagnostics.ContentException;
import dev.versus.i18n.FieldStatus;
import dev.versus.i18n.TranslationStatus;
import dev.versus.publish.PublishException;
import dev.versus.publish.UnsafeOutputException;
import dev.versus.render.site.UrlStyle;
import dev.versus.render.templates.RenderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code versus build}: validates, renders every page and replaces the output folder. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site into the output folder. On any error the previous output is left as it was.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    SourceOptions sources;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: public/ in the source folder).")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL", description = "Absolute URL the site is published at; overrides site.yaml.")
    String baseUrl;

    @Option(names = "--offline", description = "Write every link as a file (.../index.html) so the site can be browsed"
            + " from the disk (file://), zipped and handed over.")
    boolean offline;

    @Option(names = "--timings", description = "Also print where the time went: JVM start, loading and validating,"
            + " pages, data files, publishing.")
    boolean timings;

    @Spec
    CommandSpec spec;

    /**
     * "; translations: ja 2 stale, 0 missing" for every locale but the default, so a build shows
     * what its pages fall back on or mark as outdated; empty for a one-language site.
     */
    static String translations(dev.versus.model.Site site) {
        TranslationStatus status = TranslationStatus.of(site);
        List<String> parts = new java.util.ArrayList<>();
        for (String locale : status.locales()) {
            TranslationStatus.Counts c = TranslationStatus.count(status.fields(locale));
            parts.add(locale + " " + c.get(FieldStatus.State.STALE) + " stale, " + c.get(FieldStatus.State.MISSING) + " missing");
        }
        return parts.isEmpty() ? "" : "; translations: " + String.join("; ", parts);
    }

    /** The host's robots.txt: {@code https://example.com/robots.txt} for {@code https://example.com/docs/}. */
    static String robotsUrl(String baseUrl) {
        int slash = baseUrl.indexOf('/', baseUrl.indexOf("://") + 3);
        return (slash < 0 ? baseUrl : baseUrl.substring(0, slash)) + "/robots.txt";
    }

    /** The --timings line. The JVM's start-up is its uptime now less the build (and the summary line). */
    static String describe(Build.Timings t) {
        long total = t.validate() + t.pages() + t.publish();
        long jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - total;
        return String.format(Locale.ROOT, "Timings: JVM start %d ms, load and validate %d ms, pages %d ms"
                + " (data files %d ms alongside), publish %d ms", jvm, t.validate(), t.pages(), t.data(), t.publish());
    }

    /** One line that says which file and why, for the I/O failures a user can act on. */
    static String describe(IOException e) {
        return PublishException.describe(e);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path target = out != null ? out : sources.source.resolve("public").normalize();
        if (baseUrl != null && !baseUrl.matches("https?://[^\\s/\"'<>]+(/[^\\s\"'<>]*)?")) {
            err.println("versus build: --base-url must be an absolute http(s) URL such as https://example.org/docs/");
            err.flush();
            return VersusCommand.USAGE;
        }
        try {
            Build.Result r = new Build(new Build.Options(sources.source, target, baseUrl,
                    offline ? UrlStyle.OFFLINE : UrlStyle.PRETTY)).run();
            String perLocale = r.stats().pagesPerLocale().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            int pages = r.stats().pagesPerLocale().values().stream().mapToInt(Integer::intValue).sum();
            spec.commandLine().getOut().printf(Locale.ROOT, "Built %d pages (%s): %d files, %d written to %s%s in %.2f s%s%n",
                    pages, perLocale, r.files(), r.changedFiles(), TerminalText.visible(target.toString()),
                    offline ? " (offline)" : "", r.millis() / 1000.0,
                    translations(r.site()));
            String robots = Build.robotsLine(r.site().baseUrl());
            if (robots != null) {
                // Crawlers read robots.txt only at the host's root, which this site is not.
                spec.commandLine().getOut().println("No robots.txt: the site is not at the root of its host. Add this line"
                        + " to " + robotsUrl(r.site().baseUrl()) + ":");
                spec.commandLine().getOut().println("  " + robots);
            }
            if (timings) spec.commandLine().getOut().println(describe(r.timings()));
            for (String note : r.notes()) err.println(TerminalText.visible("versus build: note: " + note));
            err.flush();
            spec.commandLine().getOut().flush();
            return VersusCommand.OK;
        } catch (ContentException e) {
            ErrorReport.print(err, "build", e.errors(), sources.source);
        } catch (RenderException e) {
            ErrorReport.print(err, "build", e.messages());
        } catch (UnsafeOutputException e) {
            ErrorReport.print(err, "build", List.of("--out: " + e.getMessage()));
            return VersusCommand.USAGE;
        } catch (PublishException e) {
            err.println(TerminalText.visible("versus build: cannot write the site: " + describe(e) + " (" + e.outcome(target.toString()) + ")"));
            if (sources.debug) e.printStackTrace(err);
            err.flush();
        } catch (IOException e) {
            // Before the output folder was opened (its parent could not be made, say), or while it was locked.
            err.println(TerminalText.visible("versus build: cannot write the site: " + describe(e) + " (" + target + " was not changed)"));
            if (sources.debug) e.printStackTrace(err);
            err.flush();
        }
        return VersusCommand.FAILED;
    }
}
