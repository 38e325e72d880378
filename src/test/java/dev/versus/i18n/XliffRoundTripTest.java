package dev.versus.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.testing.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XLIFF export and import on the minimal site, byte for byte: what an import changes is exactly
 * the fields whose targets changed and their source records.
 */
class XliffRoundTripTest {
    static final String JA = "content/smtp/421.ja.yaml";

    @TempDir
    Path dir;

    TestSite site;
    Path xliff;

    @BeforeEach
    void writeAndStampSite() {
        site = TestSite.create(dir.resolve("site"));
        xliff = dir.resolve("ja.xlf");
        assertThat(versus("i18n", "stamp").exit).isZero();
    }

    Cli versus(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--source";
        all[args.length + 1] = site.root().toString();
        return Cli.run(all);
    }

    String exported(String... only) {
        Cli r = only.length == 0 ? versus("i18n", "export", "--locale", "ja", "--out", xliff.toString())
                : versus("i18n", "export", "--locale", "ja", "--only", String.join(",", only), "--out", xliff.toString());
        assertThat(r.exit).as(r.toString()).isZero();
        return read(xliff);
    }

    @Test
    void anExportValidatesAgainstTheXliff2CoreSchema() throws Exception {
        // Every state at once: 421 summary stale, 421 title unstamped, 452 and 552 missing, the rest translated.
        site.replaceLine("content/smtp/421.yaml", "summary:", "summary: The server is closing the connection now.");
        site.deleteLine(JA, "  title: ");
        String text = exported();
        assertThat(text).contains("subState=\"versus:stale\"", "subState=\"versus:unstamped\"", "state=\"translated\"",
                "<unit id=\"smtp:552:fix.recipient\"");

        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
        URL schema = getClass().getResource("/xliff/xliff_core_2.0.xsd");
        factory.newSchema(schema).newValidator().validate(new StreamSource(xliff.toFile()));
    }

    @Test
    void theShippedSchemaIsOkapisCopy() throws IOException {
        try (InputStream ours = getClass().getResourceAsStream("/xliff/xliff_core_2.0.xsd");
             InputStream okapis = net.sf.okapi.lib.xliff2.reader.XLIFFReader.class
                     .getResourceAsStream("/net/sf/okapi/lib/xliff2/xliff_core_2.0.xsd")) {
            assertThat(ours).hasSameContentAs(okapis);
        }
    }

    @Test
    void anExportHasOneUnitPerFieldWithTheEnglishAndTheCurrentTranslation() {
        String text = exported();
        assertThat(text).contains("""
                 <file id="smtp:421" original="content/smtp/421.ja.yaml">
                  <unit id="smtp:421:title" name="content/smtp/421.ja.yaml#title" versus:translation="b4d266c0cf">
                   <notes>
                    <note category="location">English: content/smtp/421.yaml:2:8</note>
                   </notes>
                   <segment canResegment="no" state="translated">
                    <source xml:space="preserve">Service Not Available</source>
                    <target xml:space="preserve">サービス利用不可</target>
                   </segment>
                  </unit>
                """);
        assertThat(text).contains("""
                  <unit id="smtp:452:title" name="content/smtp/452.ja.yaml#title" versus:translation="none">
                   <notes>
                    <note category="location">English: content/smtp/452.yaml:2:8</note>
                   </notes>
                   <segment canResegment="no">
                    <source xml:space="preserve">Insufficient System Storage</source>
                   </segment>
                  </unit>
                """);
        assertThat(text.split("<unit ", -1)).hasSize(16 + 1);
    }

    @Test
    void exportEditImportChangesOnlyTheEditedFieldsAndTheirRecords() {
        String before = site.read(JA);
        Map<String, String> others = snapshot(site.root());
        others.remove(JA);
        site.replaceLine("content/smtp/421.yaml", "summary:", "summary: The server is closing the connection now.");
        String text = exported("stale", "translated");

        Files2.write(xliff, text
                .replace("<target xml:space=\"preserve\">サーバーが接続を閉じようとしています。</target>",
                        "<target xml:space=\"preserve\">サーバーが今まさに接続を閉じようとしています。</target>")
                .replace("<target xml:space=\"preserve\">サーバーはこのセッションを打ち切ります（RFC 5321 §4.2.3）。</target>",
                        "<target xml:space=\"preserve\">サーバーはこのセッションを打ち切ります（RFC 5321 §4.2.3）。\n\n"
                                + "- 再試行してください。\n  - 4〜5 日間です。</target>"));
        Cli r = versus("i18n", "import", xliff.toString());

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.out).isEqualTo("Imported 2 fields into 1 files (0 created) for ja; 3 unchanged, 0 without a target,"
                + " 0 refused\n");
        assertThat(site.read(JA)).isEqualTo(before
                .replace("summary: サーバーが接続を閉じようとしています。\n", "summary: サーバーが今まさに接続を閉じようとしています。\n")
                .replace("  サーバーはこのセッションを打ち切ります（RFC 5321 §4.2.3）。\n",
                        "  サーバーはこのセッションを打ち切ります（RFC 5321 §4.2.3）。\n\n  - 再試行してください。\n    - 4〜5 日間です。\n")
                .replace("  summary: " + hash("The server is closing the connection."),
                        "  summary: " + hash("The server is closing the connection now.")));
        Map<String, String> after = snapshot(site.root());
        after.remove(JA);
        others.put("content/smtp/421.yaml", after.get("content/smtp/421.yaml"));
        assertThat(after).as("no other file changed").isEqualTo(others);
        assertThat(versus("check").out).contains("Translations ja: 5 of 16 fields translated, 0 stale");
    }

    @Test
    void importingAnUnchangedExportChangesNoByte() {
        Map<String, String> before = snapshot(site.root());
        exported();

        Cli r = versus("i18n", "import", xliff.toString());

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.out).isEqualTo("Imported 0 fields into 0 files (0 created) for ja; 5 unchanged, 11 without a target,"
                + " 0 refused\n");
        assertThat(snapshot(site.root())).isEqualTo(before);
    }

    @Test
    void importWritesTheTranslationFileOfACodeThatHadNone() {
        String text = exported("missing");
        Files2.write(xliff, text
                .replace("<source xml:space=\"preserve\">Insufficient System Storage</source>",
                        "<source xml:space=\"preserve\">Insufficient System Storage</source>\n"
                                + "    <target xml:space=\"preserve\">システム記憶域不足</target>")
                .replace("<source xml:space=\"preserve\">Free space on the spool.</source>",
                        "<source xml:space=\"preserve\">Free space on the spool.</source>\n"
                                + "    <target xml:space=\"preserve\">スプールの空きを作ってください。\nディスクを確認します。</target>"));

        Cli r = versus("i18n", "import", xliff.toString());

        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.out).startsWith("Imported 2 fields into 1 files (1 created) for ja; 0 unchanged, 9 without a target");
        assertThat(site.read("content/smtp/452.ja.yaml")).isEqualTo("""
                title: システム記憶域不足
                fix:
                  admin: |
                    スプールの空きを作ってください。
                    ディスクを確認します。
                # Written by versus i18n: a hash of the English each field was translated from. Do not edit.
                source:
                  title: %s
                  fix.admin: %s
                """.formatted(hash("Insufficient System Storage"), hash("Free space on the spool.")));
        assertThat(versus("check").out).contains("Translations ja: 7 of 16 fields translated, 0 stale, 0 unstamped, 9 missing");
    }

    @Test
    void aUnitForACodeThatDoesNotExistIsAnErrorNamingItAndNothingIsWritten() {
        String text = exported();
        Files2.write(xliff, text.replace("<target xml:space=\"preserve\">サービス利用不可</target>",
                        "<target xml:space=\"preserve\">サービスは利用できません</target>")
                .replace("<unit id=\"smtp:452:title\"", "<unit id=\"smtp:999:title\""));
        Map<String, String> before = snapshot(site.root());

        Cli r = versus("i18n", "import", xliff.toString());

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.lines()).containsExactly(
                xliff + ": unit 'smtp:999:title': code 999 does not exist in family smtp (no content/smtp/999.yaml)",
                "i18n import failed: 1 error; no file was changed");
        assertThat(snapshot(site.root())).isEqualTo(before);
    }

    @Test
    void aUnitWhoseEnglishChangedSinceTheExportIsRefusedAndTheOthersAreImported() {
        String text = exported("translated");
        Files2.write(xliff, text
                .replace("<target xml:space=\"preserve\">サービス利用不可</target>",
                        "<target xml:space=\"preserve\">サービスは利用できません</target>")
                .replace("<target xml:space=\"preserve\">サーバーが接続を閉じようとしています。</target>",
                        "<target xml:space=\"preserve\">サーバーが今まさに接続を閉じようとしています。</target>"));
        site.replaceLine("content/smtp/421.yaml", "summary:", "summary: The server is closing the connection now.");
        String before = site.read(JA);

        Cli r = versus("i18n", "import", xliff.toString());

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.lines()).containsExactly(xliff + ": unit 'smtp:421:summary' refused: its source is not the"
                + " current English of 'summary' (content/smtp/421.yaml:3:10), which changed after the export; export"
                + " again and translate the new text");
        assertThat(r.out).isEqualTo("Imported 1 fields into 1 files (0 created) for ja; 3 unchanged, 0 without a target,"
                + " 1 refused\n");
        assertThat(site.read(JA)).isEqualTo(before.replace("title: サービス利用不可\n", "title: サービスは利用できません\n"));
    }

    @Test
    void anImportThatCheckWouldRefuseIsRefusedBeforeAnythingIsWritten() throws IOException {
        String text = exported("translated");
        Map<String, String> before = snapshot(site.root());
        // A target of 2 MiB: the translation file would break the 1 MiB limit of every source file;
        // the field's own limit refuses it first.
        String huge = "長".repeat(700_000);
        Files2.write(xliff, text.replace("<target xml:space=\"preserve\">サービス利用不可</target>",
                "<target xml:space=\"preserve\">" + huge + "</target>"));
        Cli r = versus("i18n", "import", xliff.toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.lines().toList()).containsExactly(xliff + ": unit 'smtp:421:title': the target is 700000 characters"
                + " long, more than the limit of 20000 for one field, which check would refuse",
                "i18n import failed: 1 error; no file was changed");
        assertThat(snapshot(site.root())).isEqualTo(before);

        // Within the field's limit, but written as a quoted YAML line of 30,009 characters: the file
        // as it would be written is read back, as check reads it, and breaks the line limit.
        Files2.write(xliff, text.replace("<target xml:space=\"preserve\">サービス利用不可</target>",
                "<target xml:space=\"preserve\">" + "'".repeat(15_000) + "</target>"));
        r = versus("i18n", "import", xliff.toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.lines()).hasSize(2);
        assertThat(r.err.lines().findFirst().orElseThrow()).startsWith(JA + ": the edited file would not be valid YAML (line 1"
                + " is 30009 characters long, more than the limit of 21000").endsWith("; nothing was written");
        assertThat(r.err).endsWith("i18n import failed: 1 error; no file was changed\n");
        assertThat(snapshot(site.root())).isEqualTo(before);
        assertThat(versus("check").exit).isZero();
    }

    @Test
    void aTranslationEditedByHandSinceTheExportIsNotOverwrittenUnlessAsked() {
        String text = exported("translated");
        // The translator works on the file; meanwhile someone corrects the title in the sources.
        Files2.write(xliff, text.replace("<target xml:space=\"preserve\">サービス利用不可</target>",
                "<target xml:space=\"preserve\">サービスは利用できません</target>"));
        site.edit(JA, "title: サービス利用不可", "title: サービス停止中");
        String edited = site.read(JA);

        Cli r = versus("i18n", "import", xliff.toString());

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.lines()).containsExactly(xliff + ": unit 'smtp:421:title' refused: " + JA + " has a translation"
                + " that was edited after the export; merge the two by hand, or import again with --overwrite to replace it");
        assertThat(site.read(JA)).isEqualTo(edited);

        Cli forced = versus("i18n", "import", "--overwrite", xliff.toString());

        assertThat(forced.exit).as(forced.toString()).isZero();
        assertThat(site.read(JA)).contains("title: サービスは利用できません\n");
    }

    @Test
    void aTranslationAddedSinceTheExportIsNotOverwritten() {
        String text = exported("missing");
        Files2.write(xliff, text.replace("<source xml:space=\"preserve\">Insufficient System Storage</source>",
                "<source xml:space=\"preserve\">Insufficient System Storage</source>\n"
                        + "    <target xml:space=\"preserve\">システム記憶域不足</target>"));
        site.write("content/smtp/452.ja.yaml", "title: 記憶域が足りません\n");

        Cli r = versus("i18n", "import", xliff.toString());

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).contains("unit 'smtp:452:title' refused: content/smtp/452.ja.yaml has a translation that was"
                + " added after the export");
        assertThat(site.read("content/smtp/452.ja.yaml")).isEqualTo("title: 記憶域が足りません\n");
    }

    @Test
    void exportNeverWritesIntoTheSourcesThroughALinkOrOverAFolder() throws IOException {
        Map<String, String> before = snapshot(site.root());
        Path linkToFile = Files.createSymbolicLink(dir.resolve("link.xlf"), site.path(JA));
        Path linkToFolder = Files.createSymbolicLink(dir.resolve("content-link"), site.path("content/smtp"));
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        String[][] cases = {
            {site.path("content/smtp/ja.xlf").toString(), "is inside the sources (content/)"},
            {linkToFolder.resolve("ja.xlf").toString(), "is inside the sources (content/)"},
            {linkToFolder.resolve("../../locales/ja.yaml").toString(), "is inside the sources (locales/)"},
            {linkToFile.toString(), "is a symbolic link; give the path of a file"},
            {folder.toString(), "is a folder; give a file name, such as " + folder.resolve("ja.xlf")},
            {dir.resolve("missing/ja.xlf").toString(), "the folder " + dir.toRealPath().resolve("missing") + " does not exist"},
        };
        for (String[] c : cases) {
            Cli r = versus("i18n", "export", "--locale", "ja", "--out", c[0]);

            assertThat(r.exit).as(c[0]).isEqualTo(2);
            assertThat(r.err).as(c[0]).startsWith("versus i18n export: --out: ").contains(c[1]).doesNotContain("internal error");
        }
        assertThat(snapshot(site.root())).isEqualTo(before);
        assertThat(folder).isEmptyDirectory();
        // A file that shares its content with a source (a hard link) is replaced, not written through.
        Path hard = Files.createLink(dir.resolve("hard.xlf"), site.path(JA));
        assertThat(versus("i18n", "export", "--locale", "ja", "--out", hard.toString()).exit).isZero();
        assertThat(snapshot(site.root())).isEqualTo(before);
        assertThat(Files.readString(hard)).startsWith("<?xml");
    }

    @Test
    void aFileWithADoctypeIsRefusedBeforeAnyEntityIsRead() {
        String text = exported();
        Files2.write(xliff, text.replaceFirst("\n", "\n<!DOCTYPE xliff [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n")
                .replace("サービス利用不可", "&e;"));

        Cli r = versus("i18n", "import", xliff.toString());

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).startsWith(xliff + ": has a <!DOCTYPE>; XLIFF files have none, so it is refused\n");
    }

    @Test
    void aFileForAnotherLanguageIsRefused() {
        Files2.write(xliff, exported().replace("trgLang=\"ja\"", "trgLang=\"fr\""));

        Cli r = versus("i18n", "import", xliff.toString());

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).startsWith(xliff + ": trgLang is 'fr', which is not a translated locale of this site (ja)\n");
    }

    @Test
    void exportNamesWhatItCannotDo() {
        assertThat(versus("i18n", "export", "--locale", "en").exit).isEqualTo(2);
        Cli r = versus("i18n", "export", "--locale", "ja", "--only", "stale,old");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).isEqualTo("versus i18n export: --only takes missing, stale, unstamped or translated, not 'old'\n");
    }

    static String hash(String english) {
        return dev.versus.validate.SourceHash.of(english);
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code root} with the SHA-256 of its bytes. */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'),
                        HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return files;
    }

    /** Writes a file as UTF-8, unchecked. */
    static final class Files2 {
        static void write(Path p, String text) {
            try {
                Files.writeString(p, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
