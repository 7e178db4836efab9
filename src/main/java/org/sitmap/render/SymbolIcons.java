package org.sitmap.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.sitmap.model.EventType;
import org.sitmap.model.Faction;

/**
 * The faction and event-type symbols as small images, drawn by the same {@link MarkerSprites#drawMarker} as the map
 * and the legend: a faction is a disc in its colour, an event type its marker shape in neutral grey. The files in
 * {@code icons/factions/} and {@code icons/events/} are made by it (the dev tool {@code tools.WriteIcons}) and
 * checked against it by a test, so they cannot drift from what the map draws.
 */
public final class SymbolIcons {
    /** Neutral grey of the event-type icons. */
    public static final int EVENT_GREY = 0x555555;

    private SymbolIcons() { }

    /** A faction's disc, {@code size}×{@code size} pixels, transparent around it. */
    public static BufferedImage faction(Faction f, int size) {
        return draw(size, f.rgb(), EventType.BATTLES);
    }

    /** An event type's marker shape in grey. */
    public static BufferedImage eventType(EventType t, int size) {
        return draw(size, EVENT_GREY, t);
    }

    /** The icon file name of an event type, e.g. {@code violence-against-civilians.png}. */
    public static String fileName(EventType t) {
        return t.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".png";
    }

    private static BufferedImage draw(int size, int rgb, EventType type) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        MarkerSprites.drawMarker(g, size / 2.0, size / 2.0, size * 0.36, rgb, type, 0);
        g.dispose();
        return img;
    }
}
