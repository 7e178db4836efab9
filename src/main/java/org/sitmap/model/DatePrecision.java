package org.sitmap.model;

/**
 * How precisely an incident's date is known, in ACLED's {@code time_precision} terms (1 day, 2 week, 3 month),
 * extended with a year for UCDP's coarsest level.
 */
public enum DatePrecision {
    DAY(1), WEEK(2), MONTH(3), YEAR(4);

    private final int code;

    DatePrecision(int code) { this.code = code; }

    /** The numeric code stored in the database and written to exports (1-4). */
    public int code() { return code; }

    /** The precision for a stored code; unknown codes are read as the coarsest level. */
    public static DatePrecision ofCode(int code) {
        for (DatePrecision p : values()) if (p.code == code) return p;
        return YEAR;
    }

    /** Maps UCDP GED's {@code date_prec} (1 exact day, 2 a few days, 3 a week, 4 a month, 5 a year). */
    public static DatePrecision ofUcdp(int datePrec) {
        return switch (datePrec) {
            case 1 -> DAY;
            case 2, 3 -> WEEK;
            case 4 -> MONTH;
            default -> YEAR;
        };
    }
}
