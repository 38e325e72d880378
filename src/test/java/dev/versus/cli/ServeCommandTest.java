package dev.versus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.versus.testing.TestSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code versus serve} from the command line: it prints where it serves, serves, and stops. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandTest {
    @TempDir
    Path dir;

    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();

    CommandLine versus() {
        CommandLine cl = VersusCommand.commandLine();
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl;
    }

    @Test
    void servesOnAFreePortUntilStopped() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread command = new Thread(() -> exit.set(versus().execute("serve", "--port", "0", "--source", site.root().toString())));
        command.start();
        Matcher url = Pattern.compile("Serving (http://127\\.0\\.0\\.1:(\\d+)/) \\(Ctrl-C to stop\\)").matcher("");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!url.reset(stdout.toString()).find()) {
            assertThat(System.nanoTime()).as("serve prints its address").isLessThan(end);
            assertThat(command.isAlive()).as("serve is running; stderr: " + stderr).isTrue();
            Thread.sleep(20);
        }
        assertThat(Integer.parseInt(url.group(2))).isPositive();
        assertThat(stdout.toString()).containsPattern("Built \\d+ files in ");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1) + "en/smtp/421/"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("421");

        command.interrupt();
        command.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(command.isAlive()).isFalse();
        assertThat(exit).hasValue(VersusCommand.OK);
        assertThat(stdout.toString()).endsWith("Stopped." + System.lineSeparator());
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        assertThat(versus().execute("serve", "--port", "70000")).isEqualTo(VersusCommand.USAGE);
        assertThat(stderr.toString()).contains("--port must be between 0 and 65535");
    }

    @Test
    void aPortInUseIsReported() throws Exception {
        TestSite site = TestSite.create(dir.resolve("site"));
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int code = versus().execute("serve", "--port", String.valueOf(taken.getLocalPort()), "--source", site.root().toString());
            assertThat(code).isEqualTo(VersusCommand.FAILED);
            assertThat(stderr.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--port");
        }
    }

    @Test
    void helpNamesTheOptions() {
        assertThat(versus().execute("serve", "--help")).isEqualTo(VersusCommand.OK);
        assertThat(stdout.toString()).contains("--port=PORT", "--host=ADDRESS", "--source=DIR", "1313", "127.0.0.1");
    }
}
