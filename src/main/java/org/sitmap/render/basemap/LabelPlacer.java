package org.sitmap.render.basemap;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Places the basemap's names for one zoom over the whole world at once, in world pixels, so that every tile and
 * every export at that zoom shows the same labels (no label cut differently on two neighbouring tiles). Country
 * names first, then governorates, then towns by importance; a label that would overlap a placed one is dropped
 * (its town dot too). Pure function of the data and the zoom; thread-safe.
 */
final class LabelPlacer {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /**
     * A placed label.
     *
     * @param text  the text
     * @param font  its font
     * @param color text colour
     * @param x     baseline start, world pixels
     * @param y     baseline, world pixels
     * @param box   box covering text and dot, world pixels (for culling)
     * @param dotX  town dot centre, NaN without a dot
     * @param dotY  town dot centre
     * @param dotR  dot radius
     */
    record Label(String text, Font font, Color color, double x, double y, Rectangle2D box,
                 double dotX, double dotY, double dotR) { }

    private LabelPlacer() { }

    static List<Label> place(BasemapData data, double[][] countryPoints, double[][] governoratePoints,
                             double zoom) {
        double world = 256.0 * Math.pow(2, zoom);
        List<Label> placed = new ArrayList<>();
        if (zoom >= 3 && zoom < 8.5) {
            for (int i = 0; i < data.countries().size(); i++) {
                BasemapData.Feature f = data.countries().get(i);
                double[] p = countryPoints[i];
                if (p == null || f.name().isEmpty()) continue;
                String text = spaced(f.name().toUpperCase(Locale.ROOT));
                double widthPx = (f.maxX() - f.minX()) * world;
                Rectangle2D b = BasemapStyle.COUNTRY_FONT.getStringBounds(text, FRC);
                if (widthPx < b.getWidth() * 0.8) continue;
                tryPlace(placed, text, BasemapStyle.COUNTRY_FONT, BasemapStyle.COUNTRY_LABEL,
                        p[0] * world - b.getWidth() / 2, p[1] * world + b.getHeight() / 3, Double.NaN, 0, 0);
            }
        }
        if (zoom >= 6.5 && zoom < 12.5) {
            for (int i = 0; i < data.governorates().size(); i++) {
                BasemapData.Feature f = data.governorates().get(i);
                double[] p = governoratePoints[i];
                if (p == null || f.name().equals("UNDOF")) continue;
                String text = spaced(f.name().toUpperCase(Locale.ROOT));
                Rectangle2D b = BasemapStyle.GOVERNORATE_FONT.getStringBounds(text, FRC);
                double widthPx = (f.maxX() - f.minX()) * world;
                if (widthPx < b.getWidth() * 1.2) continue;
                tryPlace(placed, text, BasemapStyle.GOVERNORATE_FONT, BasemapStyle.GOVERNORATE_LABEL,
                        p[0] * world - b.getWidth() / 2, p[1] * world + b.getHeight() / 3, Double.NaN, 0, 0);
            }
        }
        List<BasemapData.Town> towns = new ArrayList<>();
        for (BasemapData.Town t : data.towns()) if (minZoom(t) <= zoom + 1e-9) towns.add(t);
        towns.sort(Comparator.comparingInt(LabelPlacer::minZoom)
                .thenComparing(t -> !t.country().equals("SY"))
                .thenComparing(Comparator.comparingLong(BasemapData.Town::population).reversed()));
        for (BasemapData.Town t : towns) {
            int rank = rank(t);
            Font font = BasemapStyle.townFont(rank);
            double r = rank == 0 ? 3.5 : rank == 1 ? 3 : 2.3;
            double cx = t.mercX() * world, cy = t.mercY() * world;
            Rectangle2D b = font.getStringBounds(t.name(), FRC);
            double w = b.getWidth(), ascent = -b.getY() * 0.75;
            double gap = r + 3;
            double[][] candidates = {
                {cx + gap, cy + ascent / 2}, {cx - gap - w, cy + ascent / 2},
                {cx - w / 2, cy - gap}, {cx - w / 2, cy + gap + ascent}};
            for (double[] c : candidates) {
                if (tryPlace(placed, t.name(), font, BasemapStyle.TOWN_LABEL, c[0], c[1], cx, cy, r)) break;
            }
        }
        return List.copyOf(placed);
    }

    /** The lowest zoom at which a town is shown. */
    static int minZoom(BasemapData.Town t) {
        long p = t.population();
        String code = t.featureCode();
        if (code.equals("PPLC")) return 4;
        if (p >= 1_000_000) return 5;
        if (code.equals("PPLA") || p >= 200_000) return 6;
        if (p >= 50_000) return 7;
        if (p >= 15_000) return 8;
        if (p >= 3_000 || code.equals("PPLA2")) return 9;
        return 10;
    }

    private static int rank(BasemapData.Town t) {
        if (t.featureCode().equals("PPLC") || t.population() >= 1_000_000) return 0;
        if (t.featureCode().equals("PPLA") || t.population() >= 100_000) return 1;
        return 2;
    }

    private static String spaced(String s) {
        StringBuilder b = new StringBuilder(s.length() * 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i > 0 && c != ' ' && s.charAt(i - 1) != ' ') b.append('\u2009');
            b.append(c == ' ' ? "\u2002" : String.valueOf(c)); // en space between words
        }
        return b.toString();
    }

    private static boolean tryPlace(List<Label> placed, String text, Font font, Color color, double x, double y,
                                    double dotX, double dotY, double dotR) {
        Rectangle2D b = font.getStringBounds(text, FRC);
        Rectangle2D box = new Rectangle2D.Double(x - 2, y + b.getY() - 1, b.getWidth() + 4, b.getHeight() + 2);
        if (!Double.isNaN(dotX)) box.add(new Rectangle2D.Double(dotX - dotR - 1, dotY - dotR - 1, 2 * dotR + 2,
                2 * dotR + 2));
        for (Label l : placed) if (l.box().intersects(box)) return false;
        placed.add(new Label(text, font, color, x, y, box, dotX, dotY, dotR));
        return true;
    }
}
