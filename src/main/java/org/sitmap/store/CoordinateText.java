package org.sitmap.store;

/**
 * {@code Double.toString} of a coordinate as sources give them, made without the binary-to-decimal conversion:
 * the double nearest to {@code m / 10^4} for {@code 10 <= |m| <= 1,800,000} (at most four decimals, 0.001 to 180
 * degrees, the form of ACLED's and most gazetteers' coordinates), written as {@code m} with its trailing zeros
 * dropped (one decimal kept). That this is exactly the JDK's text for every such double is shown by enumerating
 * them all ({@code CoordinateTextTest}); any other double is left to {@code Double.toString}. Stateless.
 */
final class CoordinateText {
    /** 180 degrees in units of 10^-4. */
    static final long MAX_UNITS = 1_800_000;
    /** The smallest |m| handled: 0.001, where {@code Double.toString} stops writing an exponent. */
    static final long MIN_UNITS = 10;

    private CoordinateText() { }

    /**
     * Writes {@code Double.toString(v)} in ASCII at {@code b[at]} (room for 12 bytes needed) and returns where it
     * ends, when {@code v} is the double nearest to {@code m / 10^4} as above; else writes nothing and returns -1.
     */
    static int write(double v, byte[] b, int at) {
        double scaled = v * 10_000;
        if (!(scaled > -(MAX_UNITS + 1) && scaled < MAX_UNITS + 1)) return -1;
        long m = Math.round(scaled);
        long a = Math.abs(m);
        if (a < MIN_UNITS || a > MAX_UNITS) return -1;
        // the same correctly rounded division the readers parse such a text with; bit for bit (-0.0, signs)
        if (Double.doubleToRawLongBits(m / 10_000.0) != Double.doubleToRawLongBits(v)) return -1;
        int p = at;
        if (m < 0) b[p++] = '-';
        int whole = (int) (a / 10_000), frac = (int) (a % 10_000);
        if (whole >= 100) b[p++] = (byte) ('0' + whole / 100);
        if (whole >= 10) b[p++] = (byte) ('0' + whole / 10 % 10);
        b[p++] = (byte) ('0' + whole % 10);
        b[p++] = '.';
        int digits = 4;
        while (digits > 1 && frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        for (int k = digits - 1; k >= 0; k--) {
            b[p + k] = (byte) ('0' + frac % 10);
            frac /= 10;
        }
        return p + digits;
    }
}
