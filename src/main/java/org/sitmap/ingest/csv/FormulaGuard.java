package org.sitmap.ingest.csv;

import java.util.regex.Pattern;

/**
 * The one rule for spreadsheet formula injection in Sitmap's CSV: a cell a spreadsheet could run as a formula is
 * written with a leading apostrophe ({@link #guard}), and reading removes exactly that apostrophe again
 * ({@link #unguard}), so the text round-trips. The CSV writer in {@code export} and the CSV readers here both use
 * it, so the two sides cannot drift apart.
 */
public final class FormulaGuard {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");
    /** What a spreadsheet takes as the start of a formula: = + - @, their fullwidth forms, tab and carriage return. */
    private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private FormulaGuard() { }

    /**
     * True when a spreadsheet could take {@code s} as a formula: its first character, or its first after leading
     * spaces (spreadsheets skip them), is a trigger ({@code = + - @}, fullwidth {@code ＝ ＋ － ＠}, tab, carriage
     * return), and it is not simply a number (such as a negative longitude, which cannot be a formula).
     */
    public static boolean needed(String s) {
        int k = 0;
        while (k < s.length() && s.charAt(k) == ' ') k++;
        if (k < s.length() && TRIGGERS.indexOf(s.charAt(k)) >= 0) return !PLAIN_NUMBER.matcher(s).matches();
        // a text that itself starts with the guard is guarded too, so that reading removes only the added one
        return s.length() > 1 && s.charAt(0) == '\'' && needed(s.substring(1));
    }

    /** {@code s} with a leading apostrophe when it {@link #needed needs one}; else {@code s} as it is. */
    public static String guard(String s) {
        return needed(s) ? "'" + s : s;
    }

    /**
     * The text of a cell as it was before {@link #guard}: without the leading apostrophe when what follows it
     * needed one; else {@code s} as it is.
     */
    public static String unguard(String s) {
        if (s.length() > 1 && s.charAt(0) == '\'' && needed(s.substring(1))) return s.substring(1);
        return s;
    }
}
