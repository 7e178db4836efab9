package org.sitmap.model;

/**
 * Bad input that the user can fix: carries the file and line it was found at and a short plain message. The
 * command line prints {@link #getMessage()} as one line and exits with status 1; the window shows it in a dialog.
 */
public class InputException extends RuntimeException {
    private final String file;
    private final long line;

    public InputException(String file, long line, String message) {
        this(file, line, message, null);
    }

    public InputException(String file, long line, String message, Throwable cause) {
        super(format(file, line, message), cause);
        this.file = file;
        this.line = line;
    }

    private static String format(String file, long line, String message) {
        if (file == null) return message;
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }

    public String file() { return file; }

    /** The 1-based line, or 0 when the problem is with the file as a whole. */
    public long line() { return line; }
}
