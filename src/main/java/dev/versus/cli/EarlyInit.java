package dev.versus.cli;

import dev.versus.diagnostics.Problems;
import dev.versus.load.YamlLoader;

/**
 * Initialises the libraries a command will need on a second thread while the main one parses
 * the command line. Their static set-up is large (FreeMarker's built-ins alone are a few hundred
 * objects, made by interpreted code) and picocli keeps the main thread busy for a tenth of a
 * second first, with the other core idle. Nothing here depends on the arguments, nothing is kept,
 * and a failure only means the work happens later, where it always did.
 */
final class EarlyInit {
    private EarlyInit() {}

    static void start(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        boolean templates = command.equals("build") || command.equals("serve");
        if (!templates && !command.equals("check")) return;
        Thread thread = new Thread(() -> {
            try {
                YamlLoader.parse("warm: [up]\n", "early-init", new Problems());
                if (templates) {
                    new freemarker.template.Configuration(freemarker.template.Configuration.VERSION_2_3_34);
                    org.commonmark.parser.Parser.builder().build().parse("*warm* up");
                }
            } catch (RuntimeException | LinkageError e) {
                // harmless: the real work initialises the same classes and reports its own errors
            }
        }, "versus-early-init");
        thread.setDaemon(true);
        thread.start();
    }
}
