package org.sitmap.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The one grammar of numbers and dates that every reader uses, so that a value means the same in every format.
 *
 * <ul>
 *   <li>A number is decimal: an optional sign, digits with an optional decimal point, and an optional exponent
 *       ({@code 36.2}, {@code -0.5}, {@code 3.62e1}). Hex ({@code 0x1p3}), {@code NaN}, {@code Infinity}, type
 *       suffixes ({@code 8d}, {@code 8f}), spaces inside and more than {@link #MAX_NUMBER_CHARS} characters are
 *       not numbers.</li>
 *   <li>A date's year is within {@link #MIN_YEAR}..{@link #MAX_YEAR} (a source with another range would say so
 *       in its reader); an ISO date is exactly {@code yyyy-mm-dd} with a four-digit year and no sign.</li>
 * </ul>
 */
public final class InputGrammar {
    /** The earliest year accepted in an incident's dates. */
    public static final int MIN_YEAR = 1900;
    /** The latest year accepted in an incident's dates. */
    public static final int MAX_YEAR = 2100;
    /** The longest number accepted, in characters. */
    public static final int MAX_NUMBER_CHARS = 40;

    private InputGrammar() { }

    /** The decimal number {@code s} (not stripped), or null when it is not one or not finite. */
    public static Double decimal(String s) {
        if (s == null) return null;
        double fast = plainDecimal(s);
        if (fast == fast) return fast;
        if (!isDecimal(s)) return null;
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : null;
    }

    /** Powers of ten that a double holds exactly (up to 10^22). */
    private static final double[] EXACT_POWERS = new double[23];

    static {
        double p = 1;
        for (int k = 0; k < EXACT_POWERS.length; k++, p *= 10) EXACT_POWERS[k] = p;
    }

    /**
     * {@code Double.parseDouble(s)} for the common short form, an optional sign, at most 15 digits and an optional
     * decimal point ({@code 36.2021}, {@code -0.5}), else NaN (the caller then takes the general way). Such digits
     * make a whole number below 2^53 and a power of ten of at most 10^15, both exact doubles, so one division is
     * correctly rounded: the same double as {@code parseDouble}, without its general parser.
     */
    static double plainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 17) return Double.NaN;
        int i = 0;
        char c0 = s.charAt(0);
        boolean negative = c0 == '-';
        if (negative || c0 == '+') i++;
        long m = 0;
        int digits = 0;
        int point = -1;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
            } else if (c == '.' && point < 0) {
                point = digits;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15) return Double.NaN;
        double v = point < 0 ? (double) m : m / EXACT_POWERS[digits - point];
        return negative ? -v : v;
    }

    /** True when {@code s} is a decimal number by the grammar above. */
    public static boolean isDecimal(CharSequence s) {
        int n = s.length();
        if (n == 0 || n > MAX_NUMBER_CHARS) return false;
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') i++;
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) { i++; exp++; }
            if (exp == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** True when the date's year is within {@link #MIN_YEAR}..{@link #MAX_YEAR}. */
    public static boolean inRange(LocalDate d) {
        return d != null && d.getYear() >= MIN_YEAR && d.getYear() <= MAX_YEAR;
    }

    /** The plain reason a date is refused ({@code name} is the field), or null when it is in range. */
    public static String outOfRange(LocalDate d, String name) {
        if (inRange(d)) return null;
        return name + " " + d + " is outside the years " + MIN_YEAR + "-" + MAX_YEAR;
    }

    /** {@code yyyy-mm-dd} exactly (four-digit year, no sign), a real day; null otherwise (range not checked). */
    public static LocalDate isoDate(String s) {
        if (s == null || s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return null;
        int y = digits(s, 0, 4), m = digits(s, 5, 7), d = digits(s, 8, 10);
        if (y < 0 || m < 0 || d < 0) return null;
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number written with only digits in {@code s[from, to)}, else -1. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
