package org.sitmap.model;

import java.util.List;

/**
 * A faction: a short code (SAA, ISIS, SDF ...), a display name, the aliases by which sources name it, and its
 * map colour as 0xRRGGBB.
 */
public record Faction(String code, String name, List<String> aliases, int rgb) {
    /** The code of the catch-all faction for unidentified or unmapped actors. */
    public static final String UNKNOWN_CODE = "UNK";

    public Faction {
        aliases = List.copyOf(aliases);
    }

    /** The colour as a CSS hex string, e.g. {@code #d55e00}. */
    public String hexColour() {
        return String.format("#%06x", rgb & 0xffffff);
    }
}
