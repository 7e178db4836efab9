package org.sitmap.index;

import java.time.LocalDate;

/**
 * The width of one histogram bar on the timeline: a day, an ISO week (Monday to Sunday) or a calendar month. All
 * arithmetic is on epoch days (days since 1970-01-01), the unit of {@link IncidentIndex#day(int)}.
 *
 * <p>Immutable; any thread.
 */
public enum Bucket {
    DAY, WEEK, MONTH;

    /** First day of the bucket containing {@code epochDay}. */
    public int floor(int epochDay) {
        return switch (this) {
            case DAY -> epochDay;
            // epoch day 0 (1970-01-01) was a Thursday; Monday is 3 days earlier
            case WEEK -> epochDay - Math.floorMod(epochDay + 3, 7);
            case MONTH -> (int) LocalDate.ofEpochDay(epochDay).withDayOfMonth(1).toEpochDay();
        };
    }

    /** First day of the bucket after the one containing {@code epochDay}. */
    public int next(int epochDay) {
        return switch (this) {
            case DAY -> epochDay + 1;
            case WEEK -> floor(epochDay) + 7;
            case MONTH -> (int) LocalDate.ofEpochDay(epochDay).withDayOfMonth(1).plusMonths(1).toEpochDay();
        };
    }

    /** Typical length in days (for choosing a bucket from a zoom level). */
    public double days() {
        return switch (this) {
            case DAY -> 1;
            case WEEK -> 7;
            case MONTH -> 30.44;
        };
    }

    /**
     * The finest bucket whose bars are at least {@code minPx} pixels wide when {@code days} days span
     * {@code widthPx} pixels (month when even months are narrower).
     */
    public static Bucket forZoom(double days, double widthPx, double minPx) {
        double pxPerDay = widthPx / Math.max(1, days);
        for (Bucket b : values()) if (b.days() * pxPerDay >= minPx) return b;
        return MONTH;
    }

    /**
     * Bucket starts covering {@code fromDay..toDay} (inclusive): element k is the first day of bar k, the last
     * element is the day after the last bar (so there are {@code length - 1} bars).
     */
    public int[] starts(int fromDay, int toDay) {
        int first = floor(fromDay);
        int n = 1;
        for (int d = first; d <= toDay; d = next(d)) n++;
        int[] s = new int[n];
        int d = first;
        for (int k = 0; k < n; k++) {
            s[k] = d;
            d = next(d);
        }
        return s;
    }
}
