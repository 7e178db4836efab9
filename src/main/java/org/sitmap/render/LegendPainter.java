package org.sitmap.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.model.EventType;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;

/**
 * A map legend: the factions and event-type shapes actually shown (with counts), and the precision key (solid
 * exact, hollow approximate). Used by exports; the window shows the same {@link Model} as interactive toggles.
 *
 * <p>Stateless; any thread.
 */
public final class LegendPainter {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font BODY = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private LegendPainter() { }

    /** One faction line. */
    public record FactionEntry(Faction faction, int ordinal, int count) { }

    /** One event-type line. */
    public record TypeEntry(EventType type, int count) { }

    /** What the legend lists. */
    public record Model(List<FactionEntry> factions, List<TypeEntry> types, boolean approximateShown) {
        /** The factions (by marker colour: each row's primary faction) and types of the located rows of {@code sel}. */
        public static Model of(Selection sel) {
            IncidentIndex ix = sel.index();
            FactionCatalog cat = ix.catalog();
            int[] fc = new int[cat.size()];
            int[] tc = new int[EventType.values().length];
            boolean approx = false;
            for (int k = 0; k < sel.count(); k++) {
                int row = sel.row(k);
                if (ix.geoPrecision(row) == 0) continue;
                fc[ix.primaryFaction(row)]++;
                tc[ix.eventType(row)]++;
                approx |= ix.geoPrecision(row) >= 2;
            }
            List<FactionEntry> fs = new ArrayList<>();
            for (int f = 0; f < fc.length; f++) if (fc[f] > 0) fs.add(new FactionEntry(cat.get(f), f, fc[f]));
            List<TypeEntry> ts = new ArrayList<>();
            for (EventType t : EventType.values()) if (tc[t.ordinal()] > 0) ts.add(new TypeEntry(t, tc[t.ordinal()]));
            return new Model(List.copyOf(fs), List.copyOf(ts), approx);
        }
    }

    /** Draws the legend into a raster at a corner; returns its box. */
    public static Rectangle paint(Raster r, Model m, Corner corner, boolean counts) {
        Graphics2D g = r.graphics();
        try {
            return paint(g, r.width(), r.height(), m, corner, 12, counts);
        } finally {
            g.dispose();
        }
    }

    /** Draws the legend into {@code g} (a picture of the given size); returns its box. */
    public static Rectangle paint(Graphics2D g, int width, int height, Model m, Corner corner, int margin,
                                  boolean counts) {
        List<String> lines = new ArrayList<>();
        g.setFont(BODY);
        FontMetrics fm = g.getFontMetrics();
        int lh = 17;
        int textW = 0;
        for (FactionEntry f : m.factions()) {
            String s = f.faction().name() + (counts ? "  " + f.count() : "");
            lines.add(s);
            textW = Math.max(textW, fm.stringWidth(s));
        }
        for (TypeEntry t : m.types()) {
            String s = t.type().label() + (counts ? "  " + t.count() : "");
            textW = Math.max(textW, fm.stringWidth(s));
        }
        textW = Math.max(textW, fm.stringWidth("Approximate place"));
        int rowsN = 2 + m.factions().size() + m.types().size() + (m.approximateShown() ? 2 : 0);
        int w = textW + 40;
        int h = rowsN * lh + 10;
        int x = corner.x(width, w, margin);
        int y = corner.y(height, h, margin);
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRoundRect(x, y, w, h, 8, 8);
        g.setColor(new Color(120, 120, 120));
        g.drawRoundRect(x, y, w, h, 8, 8);
        int cy = y + 5;
        g.setFont(TITLE);
        g.setColor(Color.DARK_GRAY);
        g.drawString("Factions", x + 8, cy + 13);
        cy += lh;
        g.setFont(BODY);
        for (int i = 0; i < m.factions().size(); i++) {
            FactionEntry f = m.factions().get(i);
            MarkerSprites.drawMarker(g, x + 15, cy + 8.5, 5, f.faction().rgb(), EventType.BATTLES, 0);
            g.setColor(Color.BLACK);
            g.drawString(lines.get(i), x + 28, cy + 13);
            cy += lh;
        }
        g.setFont(TITLE);
        g.setColor(Color.DARK_GRAY);
        g.drawString("Event types", x + 8, cy + 13);
        cy += lh;
        g.setFont(BODY);
        for (TypeEntry t : m.types()) {
            MarkerSprites.drawMarker(g, x + 15, cy + 8.5, 5, 0x555555, t.type(), 0);
            g.setColor(Color.BLACK);
            g.drawString(t.type().label() + (counts ? "  " + t.count() : ""), x + 28, cy + 13);
            cy += lh;
        }
        if (m.approximateShown()) {
            MarkerSprites.drawMarker(g, x + 15, cy + 8.5, 5, 0x555555, EventType.BATTLES, 0);
            g.setColor(Color.BLACK);
            g.drawString("Exact place", x + 28, cy + 13);
            cy += lh;
            MarkerSprites.drawMarker(g, x + 15, cy + 8.5, 5, 0x555555, EventType.BATTLES, MarkerSprites.HOLLOW);
            g.setColor(Color.BLACK);
            g.drawString("Approximate place", x + 28, cy + 13);
        }
        return new Rectangle(x, y, w, h);
    }
}
