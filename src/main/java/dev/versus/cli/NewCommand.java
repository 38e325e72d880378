package dev.versus.cli;

import dev.versus.Build;
import dev.versus.i18n.Stamp;
import dev.versus.i18n.TranslationEditException;
import dev.versus.i18n.TranslationStatus;
import dev.versus.load.SourceLoader;
import dev.versus.load.Theme;
import dev.versus.load.YamlLoader;
import dev.versus.load.YamlNode;
import dev.versus.model.Site;
import dev.versus.render.site.UrlStyle;
import dev.versus.diagnostics.ContentException;
import dev.versus.diagnostics.Problems;
import dev.versus.validate.Suggest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code versus new site DIR} and {@code versus new code FAMILY CODE}: starting points to edit. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Start a site of your own, or a new code in one of its families.",
        subcommands = {NewCommand.SiteCommand.class, NewCommand.CodeCommand.class})
final class NewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Where the example site lies on the class path (src/main/resources). */
    static final String SCAFFOLD = "dev/versus/scaffold/site";

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose what to create: site or code");
    }

    @Command(name = "site", mixinStandardHelpOptions = true,
            description = "Write a small site into DIR (a new or empty folder): site.yaml, one family with two codes"
                    + " and a pair note in English and Japanese, and a README saying what to edit.")
    static final class SiteCommand implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The folder to create.")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!NewFolder.isNewOrEmpty(dir)) {
                err.println("versus new site: " + dir + " already exists and is not an empty folder; name a new folder");
                err.flush();
                return VersusCommand.FAILED;
            }
            Path scaffold = Theme.classPathFile(SCAFFOLD + "/content/site.yaml").getParent().getParent();
            Map<String, Path> written = new TreeMap<>();
            try (Stream<Path> files = Files.walk(scaffold)) {
                files.filter(Files::isRegularFile)
                        .forEach(file -> written.put(scaffold.relativize(file).toString().replace('\\', '/'), file));
            }
            NewFolder.copy(written, dir);
            // The example translations are current: record the English they were made from, as
            // `versus i18n stamp` would, so that `check --strict` is clean from the start.
            try {
                Site site = new Build(new Build.Options(dir, null, null, UrlStyle.PRETTY)).validate();
                Stamp.run(dir.toAbsolutePath().normalize(), TranslationStatus.of(site), false, Set.of());
            } catch (ContentException | TranslationEditException e) {
                throw new IllegalStateException("the example site does not validate: " + e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Created a site in " + dir + " (" + written.size() + " files; README.md says what to edit). Next:");
            out.println("  cd " + dir);
            out.println("  versus build     # the site is in public/");
            out.println("  versus serve     # preview at http://127.0.0.1:1313/, rebuilt on every save");
            out.flush();
            return VersusCommand.OK;
        }
    }

    @Command(name = "code", mixinStandardHelpOptions = true,
            description = "Add content/FAMILY/CODE.yaml with every field, commented, and a translation stub per other"
                    + " locale (its fields commented out: the page shows the English until they are written).")
    static final class CodeCommand implements Callable<Integer> {
        @Mixin
        SourceOptions sources;

        @Parameters(index = "0", paramLabel = "FAMILY", description = "The family folder under content/, e.g. http.")
        String family;

        @Parameters(index = "1", paramLabel = "CODE", description = "The code, e.g. 503.")
        String code;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Path root = sources.source;
            Path content = root.resolve(SourceLoader.CONTENT);
            Path familyDir = content.resolve(family);
            Path familyFile = familyDir.resolve(SourceLoader.FAMILY_FILE + ".yaml");
            if (!family.matches("[a-z0-9]+(-[a-z0-9]+)*") || !Files.isRegularFile(familyFile)) {
                Set<String> families = new TreeSet<>();
                if (Files.isDirectory(content)) {
                    try (Stream<Path> s = Files.list(content)) {
                        s.filter(p -> Files.isRegularFile(p.resolve(SourceLoader.FAMILY_FILE + ".yaml")))
                                .forEach(p -> families.add(p.getFileName().toString()));
                    }
                }
                String hint = Suggest.closest(family, families).map(f -> "; did you mean '" + f + "'?")
                        .orElse(families.isEmpty() ? "; there is no family in " + content
                                + " (is --source pointing at the project folder?)" : "; families: " + String.join(", ", families));
                return fail(err, "no family '" + family + "' (no " + SourceLoader.CONTENT + "/" + family + "/"
                        + SourceLoader.FAMILY_FILE + ".yaml)" + hint);
            }
            Problems problems = new Problems();
            YamlLoader yaml = new YamlLoader(root.toAbsolutePath().normalize());
            YamlNode fam = yaml.load(familyFile, problems).orElse(null);
            YamlNode site = yaml.load(content.resolve("site.yaml"), problems).orElse(null);
            if (fam == null || site == null) {
                problems.sorted().forEach(e -> err.println(e.location() + ": " + e.message()));
                return fail(err, "fix the errors above first");
            }
            String pattern = scalar(fam, "codePattern");
            try {
                if (pattern != null && !Pattern.compile(pattern).matcher(code).matches()) {
                    return fail(err, "code '" + code + "' does not match the family's codePattern '" + pattern + "'");
                }
            } catch (PatternSyntaxException e) {
                // The family file's own error: check reports it.
            }
            if (!code.matches("[A-Za-z0-9]+([._-][A-Za-z0-9]+)*") || code.contains("-vs-")) {
                return fail(err, "code '" + code + "' must be letters and digits with single '.', '_' or '-' between them");
            }
            Path file = familyDir.resolve(code + ".yaml");
            if (Files.exists(file)) return fail(err, file + " already exists");
            // The family's facts, each with the values it allows, as comments to fill in.
            List<String> commands = new ArrayList<>();
            if (fam instanceof YamlNode.Mapping m && m.get("facts") instanceof YamlNode.Sequence facts) {
                for (YamlNode f : facts.items()) {
                    if (!(f instanceof YamlNode.Mapping fm) || !(fm.get("id") instanceof YamlNode.Scalar id)) continue;
                    String kind = fm.get("kind") instanceof YamlNode.Scalar k ? k.value() : "";
                    List<String> values = fm.get("values") instanceof YamlNode.Mapping vs ? List.copyOf(vs.entries().keySet()) : List.of();
                    commands.add(id.value() + ": " + ("several-of".equals(kind) ? "[]" : values.isEmpty() ? "" : values.get(0))
                            + (values.isEmpty() ? "" : "   # " + kind + " of " + String.join(", ", values)));
                }
            }
            // The family's audiences (audiences: in _family.yaml), or the default ones.
            List<String> audiences = new ArrayList<>();
            if (fam instanceof YamlNode.Mapping m && m.get("audiences") instanceof YamlNode.Sequence as) {
                for (YamlNode a : as.items()) {
                    if (a instanceof YamlNode.Mapping am && am.get("id") instanceof YamlNode.Scalar id && id.value() != null) {
                        audiences.add(id.value());
                    }
                }
            }
            if (audiences.isEmpty()) audiences.addAll(dev.versus.validate.Vocabulary.DEFAULT_AUDIENCES);
            String defaultLocale = scalar(site, "defaultLocale");
            List<String> locales = new ArrayList<>();
            if (site instanceof YamlNode.Mapping m && m.get("locales") instanceof YamlNode.Sequence seq) {
                for (YamlNode n : seq.items()) if (n instanceof YamlNode.Scalar s && s.value() != null) locales.add(s.value());
            }
            List<Path> written = new ArrayList<>();
            Files.writeString(file, codeFile(code, commands, audiences), StandardCharsets.UTF_8);
            written.add(file);
            for (String locale : locales) {
                if (locale.equals(defaultLocale)) continue;
                Path t = familyDir.resolve(code + "." + locale + ".yaml");
                if (Files.exists(t)) continue;
                Files.writeString(t, translationStub(family, code, locale, audiences.get(0)), StandardCharsets.UTF_8);
                written.add(t);
            }
            PrintWriter out = spec.commandLine().getOut();
            for (Path p : written) out.println("Created " + p.normalize());
            out.println("Write its text, then run versus check.");
            out.flush();
            return VersusCommand.OK;
        }

        private static int fail(PrintWriter err, String message) {
            err.println("versus new code: " + message);
            err.flush();
            return VersusCommand.FAILED;
        }

        private static String scalar(YamlNode node, String key) {
            return node instanceof YamlNode.Mapping m && m.get(key) instanceof YamlNode.Scalar s ? s.value() : null;
        }
    }

    /** A code file with every field, each explained; the placeholder values validate. */
    static String codeFile(String code, List<String> facts, List<String> audiences) {
        // Commented out: the group's defaults stand until the author writes the code's own value.
        String example = facts.isEmpty() ? "# (the family declares no facts)"
                : String.join("\n", facts.stream().map(f -> "# " + f).toList());
        return """
                # One code: its facts and its English text (docs/CONTENT-FORMAT.md has every rule).
                code: '%1$s'                         # must equal the file name
                # A short name, Title Case in English.
                title: Title of %1$s
                # One sentence, ending with a full stop: shown in lists, previews and the page's description.
                summary: Write in one sentence what %1$s means.
                # Markdown: what the code means, with the section of the standard it comes from
                # (written as RFC 9110 §15.5.5, it becomes a link).
                description: |
                  Write what %1$s means.
                # Markdown, usually a list: the situations that produce it.
                when: |
                  - Write a situation that produces %1$s.
                # Optional Markdown: when a server should send it (shown under "Which to use when").
                # use: |
                #   Send %1$s when ...
                # Markdown per audience of the family: %3$s (at least one).
                fix:
                  %4$s: |
                    Write what the one who sees %1$s should do.
                # Optional Markdown: what a careful reader must know besides.
                # notes: |
                #   ...
                # Its facts: a line per fact of the family's facts: in _family.yaml, where its group
                # gives no default or it differs from it (for example: retry: later).
                %2$s
                # Codes of this family a reader should compare it with (may be empty: []).
                related: []
                # Optional: codes of other families it travels with, as family:code.
                # seeAlso: []
                # At least one source, an https URL to the exact section.
                references:
                  - title: The source that defines %1$s
                    url: https://example.com/
                """.formatted(code, example, String.join(", ", audiences), audiences.get(0));
    }

    /**
     * A translation stub: every text field, commented out. A field left out shows the English
     * (marked as such), so the stub builds as it is and {@code check} lists what is missing.
     */
    static String translationStub(String family, String code, String locale, String audience) {
        return """
                # The %2$s text of %1$s. Uncomment a field and translate it; a field left out shows the
                # English. Then run `versus i18n stamp %3$s` to record which English you translated,
                # or translate with `versus i18n export --locale %2$s` and `versus i18n import`.
                # title: ...
                # summary: ...
                # description: |
                #   ...
                # when: |
                #   - ...
                # use: |
                #   ...
                # fix:
                #   %4$s: |
                #     ...
                # notes: |
                #   ...
                """.formatted(code, locale, "content/" + family + "/" + code + "." + locale + ".yaml", audience);
    }
}
