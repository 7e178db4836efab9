package org.sitmap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs {@code sitmap} commands in process for the CLI tests, capturing standard output and error of the last run;
 * a command that tries to open the window fails the test.
 */
final class CliRunner {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs one command line with fresh output buffers; returns its exit status. */
    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = SitmapCommand.commandLine((db, offline) -> { throw new AssertionError("no window in CLI tests"); });
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
