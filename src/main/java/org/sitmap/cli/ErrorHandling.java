package org.sitmap.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.sitmap.model.InputException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Maps failures to exit codes and one-line messages: 1 for bad input, 2 for usage; the log gets the rest. */
final class ErrorHandling {
    private static final Logger LOG = Logger.getLogger(ErrorHandling.class.getName());

    private ErrorHandling() { }

    static int exitCode(Throwable t) {
        if (t instanceof CommandLine.ParameterException) return 2;
        return 1;
    }

    static int handle(Exception ex, CommandLine cl, ParseResult parse) {
        if (ex instanceof InputException || ex instanceof IllegalArgumentException) {
            cl.getErr().println("sitmap: " + ex.getMessage());
            LOG.log(Level.FINE, "input error", ex);
            return 1;
        }
        LOG.log(Level.SEVERE, "command failed", ex);
        cl.getErr().println("sitmap: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        return 1;
    }
}
