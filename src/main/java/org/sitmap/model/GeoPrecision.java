package org.sitmap.model;

/**
 * How precisely an incident's place is known, in ACLED's {@code geo_precision} terms: 1 the place itself,
 * 2 near it or part of a region, 3 a larger area (its centroid). {@link #UNRESOLVED} means no coordinates
 * could be found; such an incident has no position and is never drawn.
 */
public enum GeoPrecision {
    UNRESOLVED(0), EXACT(1), NEAR(2), REGION(3);

    private final int code;

    GeoPrecision(int code) { this.code = code; }

    /** The numeric code stored and exported (0-3). */
    public int code() { return code; }

    /** The precision for a stored code; anything above 3 is read as {@link #REGION}. */
    public static GeoPrecision ofCode(int code) {
        if (code <= 0) return UNRESOLVED;
        return switch (code) { case 1 -> EXACT; case 2 -> NEAR; default -> REGION; };
    }

    /** Maps UCDP GED's {@code where_prec} (1 exact, 2 near, 3-7 administrative or larger areas). */
    public static GeoPrecision ofUcdp(int wherePrec) {
        return switch (wherePrec) { case 1 -> EXACT; case 2 -> NEAR; default -> REGION; };
    }

    /** True when the position is only approximate (drawn hollow or ringed). */
    public boolean approximate() { return this == NEAR || this == REGION; }
}
