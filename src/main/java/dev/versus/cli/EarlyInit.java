package dev.versus.cli;

import dev.versus.diagnostics.Problems;
import dev.versus.load.Theme;
import dev.versus.load.YamlLoader;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Initialises the libraries a command will need on a second thread while the main one parses
 * the command line. Their static set-up is large (FreeMarker's built-ins alone are a few hundred
 * objects, made by interpreted code) and picocli keeps the main thread busy for a tenth of a
 * second first, with the other core idle. Nothing here depends on the arguments, nothing is kept
 * but the built-in theme's parsed labels (which {@link Theme} keeps for the process anyway), and a
 * failure only means the work happens later, where it always did.
 */
final class EarlyInit {
    private EarlyInit() {}

    static void start(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        boolean templates = command.equals("build") || command.equals("serve");
        if (!templates && !command.equals("check")) return;
        Thread thread = new Thread(() -> {
            try {
                readAnnotations(command.equals("build") ? BuildCommand.class : command.equals("serve") ? ServeCommand.class
                        : CheckCommand.class);
                if (command.equals("build")) {
                    // The output's lock file names this process (publish.OutputLock): the JDK's
                    // management, process and date classes start here, not on the main thread
                    // once it has parsed the command line and takes the lock (10 to 35 ms).
                    ManagementFactory.getRuntimeMXBean().getStartTime();
                    ProcessHandle.current().pid();
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.EPOCH);
                }
                YamlLoader.parse("warm: [up]\n", "early-init", new Problems());
                // The first MessageDigest looks up the security providers (tens of milliseconds):
                // opening a rebuild's output checks its manifest, validation hashes English texts.
                MessageDigest.getInstance("SHA-256");
                if (templates) {
                    new freemarker.template.Configuration(freemarker.template.Configuration.VERSION_2_3_34);
                    org.commonmark.parser.Parser.builder().build().parse("*warm* up");
                }
                // Opening the jar as a file system and parsing the theme's labels, which loading
                // needs last, after the site's own files.
                Theme.localeFiles(new Problems());
            } catch (RuntimeException | LinkageError | NoSuchAlgorithmException e) {
                // harmless: the real work initialises the same classes and reports its own errors
            }
        }, "versus-early-init");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * picocli reads the top-level command's annotations first and the subcommand's after them, on
     * the main thread, each annotation parsed by interpreted code and each annotation type made
     * into a proxy class: here the subcommand's are read meanwhile, and the JDK keeps them (on the
     * class and on each field's root copy) for picocli to find.
     */
    private static void readAnnotations(Class<?> command) {
        for (Class<?> c = command; c != null && c != Object.class; c = c.getSuperclass()) {
            c.getAnnotations();
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                f.getAnnotations();
                if (f.isAnnotationPresent(picocli.CommandLine.Mixin.class)) readAnnotations(f.getType());
            }
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) m.getAnnotations();
        }
    }
}
