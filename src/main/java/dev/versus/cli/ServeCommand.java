package dev.versus.cli;

import dev.versus.diagnostics.TerminalText;
import dev.versus.serve.DevServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code versus serve}: the site in memory, served locally and rebuilt as the sources change. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Build the site in memory and serve it on this computer. Every saved change to content/, "
                + "templates/ or locales/ re-renders the pages it affects, and open pages reload themselves. "
                + "Errors are shown in the browser and printed here; the server keeps running. Ctrl-C stops it."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    SourceOptions sources;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "1313",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only).")
    String host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("versus serve: --port must be between 0 and 65535");
            err.flush();
            return VersusCommand.USAGE;
        }
        DevServer server;
        try {
            server = DevServer.start(new DevServer.Options(sources.source, host, port, DevServer.Options.QUIET), out);
        } catch (BindException e) {
            err.println(TerminalText.visible("versus serve: cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); is another server using it? Choose another with --port"));
            err.flush();
            return VersusCommand.FAILED;
        } catch (IOException e) {
            err.println(TerminalText.visible("versus serve: " + e.getMessage()));
            if (sources.debug) e.printStackTrace(err);
            err.flush();
            return VersusCommand.FAILED;
        }
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            out.println("Warning: listening on " + TerminalText.visible(host) + ", so other computers may reach this preview.");
        }
        out.println("Serving " + server.url() + " (Ctrl-C to stop)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            out.println("Stopped.");
            out.flush();
            stopped.countDown();
        }, "versus-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped from inside the JVM (tests): do what the hook would have done.
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
            out.println("Stopped.");
            out.flush();
        }
        return VersusCommand.OK;
    }
}
