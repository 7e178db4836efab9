package org.sitmap.index;

import java.time.LocalDate;

/**
 * The width of a timeline bar: a day, a week (Monday to Sunday, ISO) or a calendar month. Works on epoch days
 * (days since 1970-01-01, {@link LocalDate#toEpochDay()}).
 */
public enum Bucket {
    DAY, WEEK, MONTH;

    /** The first day of the bucket holding {@code epochDay}. */
    public int floor(int epochDay) {
        return switch (this) {
            case DAY -> epochDay;
            // 1970-01-01 was a Thursday: Monday-based weeks start at epoch day 4 + 7k (-3 + 7k)
            case WEEK -> epochDay - Math.floorMod(epochDay + 3, 7);
            case MONTH -> {
                LocalDate d = LocalDate.ofEpochDay(epochDay);
                yield (int) d.withDayOfMonth(1).toEpochDay();
            }
        };
    }

    /** The first day of the bucket after the one holding {@code epochDay}. */
    public int next(int epochDay) {
        return switch (this) {
            case DAY -> epochDay + 1;
            case WEEK -> floor(epochDay) + 7;
            case MONTH -> (int) LocalDate.ofEpochDay(epochDay).withDayOfMonth(1).plusMonths(1).toEpochDay();
        };
    }

    /** Typical length in days (months: 30.44), for choosing a bucket from the zoom. */
    public double nominalDays() {
        return switch (this) {
            case DAY -> 1;
            case WEEK -> 7;
            case MONTH -> 30.44;
        };
    }

    /** The finest bucket whose bars are at least {@code minPx} wide at {@code pxPerDay}. */
    public static Bucket forScale(double pxPerDay, double minPx) {
        for (Bucket b : values()) if (b.nominalDays() * pxPerDay >= minPx) return b;
        return MONTH;
    }
}
