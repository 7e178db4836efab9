package org.sitmap.ingest.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The date spellings found in event data exports: {@code 2019-03-12} (also with a time after a space or 'T'),
 * {@code 12/03/2019} (day first, as ACLED's older exports), {@code 12 March 2019}, {@code 12-Mar-2019},
 * {@code 12 March, 2019}. Hand-written: it runs for every row of million-row files.
 */
public final class CsvDates {
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec"};

    private CsvDates() { }

    /** The date, or null when the text is none of the accepted spellings or not a real day. */
    public static LocalDate parse(String s) {
        if (s == null) return null;
        s = s.strip();
        int n = s.length();
        try {
            if (n >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && (n == 10 || s.charAt(10) == ' ' || s.charAt(10) == 'T')) {
                int y = digits(s, 0, 4), m = digits(s, 5, 7), d = digits(s, 8, 10);
                return y < 0 || m < 0 || d < 0 ? null : LocalDate.of(y, m, d);
            }
            int slash = s.indexOf('/');
            if (slash > 0) {
                int slash2 = s.indexOf('/', slash + 1);
                if (slash2 < 0 || slash2 == n - 1) return null;
                int d = digits(s, 0, slash), m = digits(s, slash + 1, slash2), y = digits(s, slash2 + 1, n);
                if (d < 0 || m < 0 || y < 0 || slash > 2 || slash2 - slash > 3 || n - slash2 != 5) return null;
                return LocalDate.of(y, m, d);
            }
            return named(s.toLowerCase(Locale.ROOT));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** "12 march 2019", "12-mar-2019", "12 march, 2019". */
    private static LocalDate named(String s) {
        String[] parts = s.replace(',', ' ').split("[ \\-]+");
        if (parts.length != 3) return null;
        int d = digits(parts[0], 0, parts[0].length());
        int y = digits(parts[2], 0, parts[2].length());
        if (d < 0 || y < 0 || parts[2].length() != 4 || parts[1].length() < 3) return null;
        String mon = parts[1].substring(0, 3);
        for (int m = 0; m < 12; m++) {
            if (MONTHS[m].equals(mon)) {
                String full = java.time.Month.of(m + 1).name().toLowerCase(Locale.ROOT);
                if (parts[1].length() > 3 && !full.equals(parts[1]) && !(parts[1].length() == 4 && parts[1].equals("sept"))) {
                    return null;
                }
                return LocalDate.of(y, m + 1, d);
            }
        }
        return null;
    }

    /** The non-negative number written in {@code s[from, to)} with 1-4 digits, else -1. */
    static int digits(String s, int from, int to) {
        if (to <= from || to - from > 4) return -1;
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
