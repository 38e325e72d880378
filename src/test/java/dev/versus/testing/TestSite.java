package dev.versus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A whole minimal valid site in a temporary folder: one family ({@code smtp}) with three codes
 * (421, 452, 552), a Japanese translation of 421, the repository's own locale files and
 * templates. A test breaks one thing ({@link #write}, {@link #edit}, {@link #delete}) and then
 * runs the build on {@link #root()}.
 *
 * <p>The content files are the text blocks below, so a test can name the line it expects an
 * error on. Locales and templates are copied from the project folder (the tests' working
 * directory) so that they always match what the generator requires.
 */
public final class TestSite {

    public static final String SITE = """
            title: Versus
            baseUrl: https://versus.example.org/
            defaultLocale: en
            locales: [en, ja]
            """;

    public static final String FAMILY = """
            id: smtp
            name: SMTP
            title: SMTP reply codes
            description: |
              Every SMTP reply starts with a three-digit code (RFC 5321 §4.2.1).
            codePattern: '[2-5][0-9][0-9]'
            groupBy: '^([0-9])'
            groups:
              - key: '2'
                name: Positive Completion
                severity: success
              - key: '3'
                name: Positive Intermediate
                severity: intermediate
              - key: '4'
                name: Transient Negative Completion
                severity: transient
              - key: '5'
                name: Permanent Negative Completion
                severity: permanent
            facts:
              - id: severity
                kind: one-of
                weight: 100
                glance: true
                label: Class
                values:
                  success: {value: Success, plural: successes}
                  intermediate: {value: Intermediate reply, plural: intermediate replies}
                  transient: {value: Temporary failure, plural: temporary failures}
                  permanent: {value: Permanent failure, plural: permanent failures}
                patterns:
                  same: are {plural}
                  differ: "{a} is a {aValue}; {b} is a {bValue}."
                  advice.transient: On {code}, retry later.
                  advice.permanent: On {code}, stop retrying.
              - id: scope
                kind: one-of
                weight: 50
                glance: true
                label: Affects
                values:
                  connection: the whole connection
                  session: the rest of the session
                  transaction: the whole mail transaction
                  recipient: a single recipient
                  message: the message itself
                  command: only the command answered
                patterns:
                  same: affect {value}
                  differ: "{a} affects {aValue}, while {b} affects {bValue}."
              - id: cause
                kind: one-of
                weight: 30
                label: Usually caused on
                values:
                  sender: the sending side
                  receiver: the receiving side
                  either: either side
                  none: no problem
                patterns:
                  differ: "{a} usually points to {aValue}, {b} to {bValue}."
              - id: commands
                kind: several-of
                weight: 40
                glance: true
                label: Sent
                values:
                  CONNECT: {value: connection opening (greeting), when: when the connection opens}
                  MAIL: {value: MAIL, when: in reply to MAIL}
                  RCPT: {value: RCPT, when: in reply to RCPT}
                  END-OF-DATA: {value: end of message data, when: after the message data}
                  ANY: {value: any command, when: in reply to any command}
                patterns:
                  same: are sent {when}
                  differ: "{a} is sent {aWhen}; {b}, {bWhen}."
            """;

    /** The Japanese names of the family's facts and groups. */
    public static final String FAMILY_JA = """
            title: SMTP 応答コード
            facts:
              severity:
                label: クラス
                values:
                  success: {value: 成功, plural: 成功応答}
                  intermediate: {value: 中間応答, plural: 中間応答}
                  transient: {value: 一時的エラー, plural: 一時的エラー}
                  permanent: {value: 恒久的エラー, plural: 恒久的エラー}
                patterns:
                  same: "{plural}"
                  differ: "{a} は{aValue}、{b} は{bValue}です。"
                  advice.transient: "{code} を受け取ったら、後で再試行してください。"
                  advice.permanent: "{code} を受け取ったら、再試行をやめてください。"
              scope:
                label: 影響範囲
                values:
                  connection: 接続全体
                  session: 以降のセッション
                  transaction: メールトランザクション全体
                  recipient: 1 人の宛先
                  message: メッセージそのもの
                  command: 応答したコマンドだけ
                patterns:
                  same: 影響範囲は{value}
                  differ: "{a} の影響範囲は{aValue}、{b} の影響範囲は{bValue}です。"
              cause:
                label: 主な原因の所在
                values:
                  sender: 送信側
                  receiver: 受信側
                  either: 送信側と受信側のどちらか
                  none: 問題なし
                patterns:
                  differ: "{a} は主に{aValue}、{b} は主に{bValue}の問題を示します。"
              commands:
                label: 返される場面
                values:
                  CONNECT: {value: 接続開始時（グリーティング）, when: 接続開始時に}
                  MAIL: {value: MAIL, when: MAIL に対して}
                  RCPT: {value: RCPT, when: RCPT に対して}
                  END-OF-DATA: {value: メッセージデータの終了後, when: メッセージデータの終了後に}
                  ANY: {value: 任意のコマンド, when: 任意のコマンドに対して}
                patterns:
                  same: 返される場面は {value}
                  differ: "{a} は {aWhen} 返され、{b} は {bWhen} 返されます。"
            """;

    /** Line numbers matter: tests point at them (title is line 2, scope 11, commands 13, related 14). */
    public static final String CODE_421 = """
            code: '421'
            title: Service Not Available
            summary: The server is closing the connection.
            description: |
              The server is shutting down this session (RFC 5321 §4.2.3).
            when: |
              - The server is overloaded.
            fix:
              sender: |
                Nothing to change; your server retries.
            scope: connection
            cause: receiver
            commands: [CONNECT, ANY]
            related: ['452']
            references:
              - title: RFC 5321 §4.2.3 Reply Codes in Numeric Order
                url: https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3
            """;

    public static final String CODE_421_JA = """
            title: サービス利用不可
            summary: サーバーが接続を閉じようとしています。
            description: |
              サーバーはこのセッションを打ち切ります（RFC 5321 §4.2.3）。
            when: |
              - サーバーが過負荷です。
            fix:
              sender: |
                直すことはありません。送信側のサーバーが自動で再送します。
            """;

    public static final String CODE_452 = """
            code: '452'
            title: Insufficient System Storage
            summary: The server is short of storage for now.
            description: |
              Requested action not taken: insufficient system storage (RFC 5321 §4.2.3).
            when: |
              - The spool is nearly full.
            fix:
              admin: |
                Free space on the spool.
            scope: transaction
            cause: receiver
            commands: [MAIL, RCPT, END-OF-DATA]
            related: ['552', '421']
            references:
              - title: RFC 5321 §4.2.3 Reply Codes in Numeric Order
                url: https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3
            """;

    public static final String CODE_552 = """
            code: '552'
            title: Exceeded Storage Allocation
            summary: The message is too large or the mailbox is full.
            description: |
              The mail action was aborted: it would exceed a storage allocation (RFC 5321 §4.2.3).
            when: |
              - The message is larger than the server accepts.
            fix:
              sender: |
                Make the message smaller.
              recipient: |
                Make room in your mailbox.
            scope: message
            cause: either
            commands: [MAIL, RCPT, END-OF-DATA]
            related: ['452']
            references:
              - title: RFC 5321 §4.2.3 Reply Codes in Numeric Order
                url: https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3
            """;

    private final Path root;

    private TestSite(Path root) {
        this.root = root;
    }

    /** Writes the minimal valid site into {@code dir} (a JUnit {@code @TempDir}). */
    public static TestSite create(Path dir) {
        TestSite site = new TestSite(dir);
        site.write("content/site.yaml", SITE);
        site.write("content/smtp/_family.yaml", FAMILY);
        site.write("content/smtp/_family.ja.yaml", FAMILY_JA);
        site.write("content/smtp/421.yaml", CODE_421);
        site.write("content/smtp/421.ja.yaml", CODE_421_JA);
        site.write("content/smtp/452.yaml", CODE_452);
        site.write("content/smtp/552.yaml", CODE_552);
        Path project = projectFolder();
        // The labels and patterns, not the repository's glossary: a test site's texts are not the
        // repository's, and GlossaryTest writes the glossaries it needs.
        site.copyTree(project.resolve("locales"), dir.resolve("locales"), "glossary");
        site.copyTree(project.resolve("templates"), dir.resolve("templates"));
        return site;
    }

    /** The source folder, as given to {@code --source}. */
    public Path root() {
        return root;
    }

    /** A file of the site by its path relative to {@link #root()}. */
    public Path path(String relative) {
        return root.resolve(relative);
    }

    /** Adds or replaces a file. */
    public TestSite write(String relative, String text) {
        return writeBytes(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestSite writeBytes(String relative, byte[] bytes) {
        try {
            Path file = path(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestSite delete(String relative) {
        try {
            Files.delete(path(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces {@code from} with {@code to} in a file. {@code from} must occur exactly once, so that
     * a change to the files above breaks the test loudly instead of making it test nothing.
     */
    public TestSite edit(String relative, String from, String to) {
        String text = read(relative);
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + from + "' must occur exactly once in " + relative
                    + (at < 0 ? " but does not occur" : " but occurs more than once"));
        }
        return write(relative, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    /** Appends text to a file (a line should end with a newline). */
    public TestSite append(String relative, String text) {
        return write(relative, read(relative) + text);
    }

    /** The 1-based number of the one line that starts with {@code prefix}. */
    public int lineOf(String relative, String prefix) {
        List<String> lines = read(relative).lines().toList();
        int[] found = IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith(prefix)).toArray();
        if (found.length != 1) {
            throw new IllegalArgumentException("expected one line starting with '" + prefix + "' in " + relative
                    + ", found " + found.length);
        }
        return found[0] + 1;
    }

    /** Removes the one line that starts with {@code prefix}. */
    public TestSite deleteLine(String relative, String prefix) {
        int line = lineOf(relative, prefix);
        List<String> lines = new ArrayList<>(read(relative).lines().toList());
        lines.remove(line - 1);
        return write(relative, String.join("\n", lines) + "\n");
    }

    /** Replaces the one line that starts with {@code prefix} by {@code line}. */
    public TestSite replaceLine(String relative, String prefix, String line) {
        int at = lineOf(relative, prefix);
        List<String> lines = new ArrayList<>(read(relative).lines().toList());
        lines.set(at - 1, line);
        return write(relative, String.join("\n", lines) + "\n");
    }

    /** The project folder: the working directory of the tests, which holds locales/ and templates/. */
    private static Path projectFolder() {
        Path dir = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("locales")) || !Files.isDirectory(dir.resolve("templates"))) {
            throw new IllegalStateException("run the tests from the project folder (found no locales/ and templates/ in "
                    + dir + ")");
        }
        return dir;
    }

    private void copyTree(Path from, Path to, String... skipFolders) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                if (!p.equals(from) && java.util.Arrays.asList(skipFolders).contains(from.relativize(p).getName(0).toString())) continue;
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
