package org.sitmap.export;

import java.util.Locale;

/** Paper sizes for print exports, in millimetres (portrait width × height). */
public enum Paper {
    A4(210, 297), A3(297, 420), LETTER(215.9, 279.4);

    private final double widthMm;
    private final double heightMm;

    Paper(double widthMm, double heightMm) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    /** Page width in millimetres, landscape or portrait. */
    public double widthMm(boolean landscape) { return landscape ? heightMm : widthMm; }

    /** Page height in millimetres, landscape or portrait. */
    public double heightMm(boolean landscape) { return landscape ? widthMm : heightMm; }

    /** Pixels across the page at {@code dpi}. */
    public int widthPx(boolean landscape, int dpi) { return (int) Math.round(widthMm(landscape) / 25.4 * dpi); }

    /** Pixels down the page at {@code dpi}. */
    public int heightPx(boolean landscape, int dpi) { return (int) Math.round(heightMm(landscape) / 25.4 * dpi); }

    /** A4, a4, Letter, letter ...; throws IllegalArgumentException for an unknown name. */
    public static Paper parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown paper size '" + name + "' (A4, A3 or Letter)");
        }
    }
}
