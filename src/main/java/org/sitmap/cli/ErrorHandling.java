package org.sitmap.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.sitmap.model.InputException;
import org.sitmap.store.StoreFault;
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

    /** A usage error: one line naming the problem and the help command, exit 2. */
    static int usage(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String msg = ex.getMessage() == null ? "usage error" : ex.getMessage().replaceAll("\\s*\\R\\s*", " ").strip();
        cl.getErr().println("sitmap: " + msg + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        cl.getErr().flush();
        return 2;
    }

    /** A UTF-8 print writer on a standard stream (the platform charset may not be UTF-8). */
    static java.io.PrintWriter utf8(java.io.FileDescriptor fd) {
        return new java.io.PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(fd),
                java.nio.charset.StandardCharsets.UTF_8), true);
    }

    static int handle(Exception ex, CommandLine cl, ParseResult parse) {
        if (ex instanceof StoreFault) {
            cl.getErr().println("sitmap: " + oneLine(ex.getMessage()));
            LOG.log(Level.FINE, "store fault", ex);
            return 1;
        }
        if (ex instanceof InputException || ex instanceof IllegalArgumentException) {
            cl.getErr().println("sitmap: " + oneLine(ex.getMessage()));
            LOG.log(Level.FINE, "input error", ex);
            return 1;
        }
        Throwable io = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
        if (io instanceof java.io.IOException e) {
            cl.getErr().println("sitmap: " + ioLine(e));
            LOG.log(Level.FINE, "I/O error", ex);
            return 1;
        }
        LOG.log(Level.SEVERE, "command failed", ex);
        cl.getErr().println("sitmap: " + plain(ex) + " (run again with --verbose for the details)");
        return 1;
    }

    /** An I/O failure in one line: the file when known, the system's reason, and what a full disk means. */
    static String ioLine(java.io.IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() == null ? "input/output error" : e.getMessage();
        String file = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
        if (e instanceof java.nio.file.NoSuchFileException) reason = "no such file or folder";
        if (e instanceof java.nio.file.AccessDeniedException) reason = "permission denied";
        if (reason.contains("No space left on device")) {
            return file + "the disk is full (no space left on device): the output is incomplete; free some space or"
                    + " write elsewhere";
        }
        return oneLine(file + "cannot read or write a file: " + reason);
    }

    /** A file-system failure as "path: what", other failures by their message; never a class name. */
    static String plain(Throwable ex) {
        Throwable t = ex instanceof java.io.UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof java.nio.file.NoSuchFileException f) return f.getFile() + ": no such file or folder";
        if (t instanceof java.nio.file.AccessDeniedException f) return f.getFile() + ": permission denied";
        if (t instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "cannot be used");
        }
        String msg = oneLine(t.getMessage());
        return msg.isEmpty() ? "the command failed" : msg;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
