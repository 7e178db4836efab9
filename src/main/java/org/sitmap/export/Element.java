package org.sitmap.export;

import java.util.EnumMap;
import java.util.Map;
import org.sitmap.render.Corner;

/**
 * The parts of a map snapshot besides the basemap and the incidents. Each can be switched off; those with a
 * {@link #defaultCorner()} can be moved to another corner. Several elements in one corner are stacked in this
 * order, away from the picture's edge.
 */
public enum Element {
    /** Title and subtitle. */
    TITLE("title", Corner.TOP_LEFT),
    /** The date range and the active filters (under the title). */
    FILTERS("filters", Corner.TOP_LEFT),
    /** Factions and event types actually shown. */
    LEGEND("legend", Corner.TOP_RIGHT),
    /** Creation date. */
    CREATED("created", Corner.BOTTOM_LEFT),
    /** Scale bar true at the centre latitude. */
    SCALE_BAR("scale-bar", Corner.BOTTOM_LEFT),
    /** Attribution of basemap and data. */
    ATTRIBUTION("attribution", Corner.BOTTOM_RIGHT),
    /** North arrow. */
    NORTH_ARROW("north-arrow", Corner.BOTTOM_RIGHT),
    /** Town names next to the incidents (no corner). */
    LABELS("labels", null),
    /** The marking line at top and bottom (no corner; needs a marking text). */
    MARKING("marking", null);

    private final String option;
    private final Corner defaultCorner;

    Element(String option, Corner defaultCorner) {
        this.option = option;
        this.defaultCorner = defaultCorner;
    }

    /** The name used on the command line ({@code --no-legend}, {@code --legend-corner}). */
    public String option() { return option; }

    /** Where it goes unless moved; null for elements without a corner. */
    public Corner defaultCorner() { return defaultCorner; }

    /** Every element on, at its default corner (elements without a corner map to TOP_LEFT, unused). */
    public static Map<Element, Corner> defaults() {
        Map<Element, Corner> m = new EnumMap<>(Element.class);
        for (Element e : values()) m.put(e, e.defaultCorner == null ? Corner.TOP_LEFT : e.defaultCorner);
        return m;
    }

    /** NE, nw, top-right, BOTTOM_LEFT ... → a corner; throws IllegalArgumentException otherwise. */
    public static Corner parseCorner(String s) {
        String k = s.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return switch (k) {
            case "NW", "TL", "TOP_LEFT" -> Corner.TOP_LEFT;
            case "NE", "TR", "TOP_RIGHT" -> Corner.TOP_RIGHT;
            case "SW", "BL", "BOTTOM_LEFT" -> Corner.BOTTOM_LEFT;
            case "SE", "BR", "BOTTOM_RIGHT" -> Corner.BOTTOM_RIGHT;
            default -> throw new IllegalArgumentException("unknown corner '" + s + "' (NW, NE, SW or SE)");
        };
    }
}
