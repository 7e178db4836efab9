package org.sitmap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import picocli.CommandLine.ParseResult;

/**
 * What every command sets up before it runs: where log lines go and where caches live.
 *
 * <p>Logs (java.util.logging, also what libraries log through SLF4J) go to stderr only with {@code --verbose};
 * otherwise they go nowhere, so a command prints its result and at most one error line. Caches live under
 * {@code $XDG_CACHE_HOME/sitmap} (else {@code ~/.cache/sitmap}): PDFBox's font cache is pointed there for the
 * commands that draw PDFs, instead of the home folder. Called once per command, on the calling thread.
 */
final class RunSetup {
    /** Commands that may write a PDF and so need PDFBox's font cache. */
    private static final Set<String> DRAWING = Set.of("export", "gui", "bench", "sitmap");

    private RunSetup() { }

    /** Applies the options of the parsed command line. */
    static void apply(ParseResult parse) {
        boolean verbose = false;
        String command = "sitmap";
        for (ParseResult p = parse; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) verbose = true;
            command = p.commandSpec().name();
        }
        logging(verbose);
        if (DRAWING.contains(command)) pdfCache(System.getenv(), System.getProperty("user.home"));
    }

    /** Log records at INFO and above to stderr when {@code verbose}, else nowhere. */
    static void logging(boolean verbose) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) root.removeHandler(h);
        if (verbose) {
            Handler h = new ConsoleHandler();
            h.setLevel(Level.INFO);
            root.addHandler(h);
            root.setLevel(Level.INFO);
        } else {
            root.setLevel(Level.OFF);
        }
    }

    /** Sitmap's cache folder: {@code $XDG_CACHE_HOME/sitmap}, else {@code ~/.cache/sitmap}. */
    static Path cacheDir(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache");
        return base.resolve("sitmap");
    }

    private static void pdfCache(Map<String, String> env, String home) {
        if (System.getProperty("pdfbox.fontcache") != null) return;
        Path dir = cacheDir(env, home).resolve("pdfbox");
        try {
            Files.createDirectories(dir);
            System.setProperty("pdfbox.fontcache", dir.toString());
        } catch (IOException | SecurityException e) {
            // PDFBox then keeps its fonts in memory only for this run (its cache file cannot be written)
            System.setProperty("pdfbox.fontcache", dir.toString());
        }
    }
}
