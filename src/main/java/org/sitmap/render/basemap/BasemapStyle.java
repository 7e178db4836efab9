package org.sitmap.render.basemap;

import java.awt.Color;
import java.awt.Font;

/**
 * Colours and fonts of the local basemap: muted land, light blue sea, clear purple-grey borders, so incident
 * markers in faction colours stand out on top.
 */
public final class BasemapStyle {
    private BasemapStyle() { }

    public static final Color SEA = new Color(0xB9D3E3);
    public static final Color LAND = new Color(0xEAE6DD);
    public static final Color LAND_FOCUS = new Color(0xF6F3EC);
    public static final Color RIVER = new Color(0x8DB4D2);
    public static final Color COAST = new Color(0x7FA6C0);
    public static final Color BORDER = new Color(0x7D6A8F);
    public static final Color BORDER_HALO = new Color(0x40B9A7CC, true);
    public static final Color GOVERNORATE = new Color(0xA393B3);
    public static final Color GOVERNORATE_LABEL = new Color(0x8A7A9C);
    public static final Color COUNTRY_LABEL = new Color(0x8C8478);
    public static final Color TOWN = new Color(0x3A3A3A);
    public static final Color TOWN_LABEL = new Color(0x2B2B2B);
    /** Trunk roads: a warm line on a light casing, numbers on a red-brown shield. */
    public static final Color ROAD = new Color(0xD9822B);
    public static final Color ROAD_CASING = new Color(0xFFF4E0);
    public static final Color ROAD_SHIELD = new Color(0x9C3D1E);
    public static final Color HALO = new Color(0xDDFFFFFF, true);

    /** The country drawn in the lighter focus tint (the theatre). */
    public static final String FOCUS_COUNTRY = "Syria";

    static Font townFont(int rank) {
        return switch (rank) {
            case 0 -> new Font(Font.SANS_SERIF, Font.BOLD, 13);
            case 1 -> new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            default -> new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        };
    }

    static final Font GOVERNORATE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font ROAD_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 10);
    static final Font COUNTRY_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
}
