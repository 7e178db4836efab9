package org.sitmap.render.basemap;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sitmap.render.Viewport;
import org.sitmap.render.label.LabelPlacer;
import org.sitmap.render.label.LabelStyle;

/**
 * The basemap's names for one picture, as candidates for the map's one {@link LabelPlacer}: country names
 * (zoom 3 to 8.5), governorate names (6.5 to 12.5), towns by importance (capitals from zoom 4, the largest
 * first, small villages from 10) with their dots, and road numbers as shields along the roads (from zoom 7).
 * Priorities sit below the incidents' labels: country 700, the largest towns 650, governorates 500, other towns
 * 400 plus a little per tenfold population, roads 300. Pure; thread-safe.
 */
public final class BasemapLabels {
    /** Priority of a country name. */
    public static final double COUNTRY = 700;
    /** Priority of a capital or a city of a million. */
    public static final double CITY = 650;
    /** Priority of a governorate name. */
    public static final double GOVERNORATE = 500;
    /** Base priority of another town (plus 10 per tenfold population). */
    public static final double TOWN = 400;
    /** Priority of a road number. */
    public static final double ROAD = 300;
    /** Lowest zoom at which roads are drawn and named. */
    public static final double ROAD_ZOOM = 7;

    private BasemapLabels() { }

    static List<LabelPlacer.Candidate> candidates(BasemapData data, double[][] countryPoints,
                                                  double[][] governoratePoints, Viewport vp, double scale) {
        double zoom = vp.zoom() - Math.log(scale) / Math.log(2);   // the zoom the picture stands for on screen
        double world = vp.worldPixels();
        double ox = vp.originX();
        double oy = vp.originY();
        int margin = (int) (60 * scale);
        List<LabelPlacer.Candidate> out = new ArrayList<>();
        if (zoom >= 3 && zoom < 8.5) {
            LabelStyle st = style(BasemapStyle.COUNTRY_FONT, BasemapStyle.COUNTRY_LABEL, scale, null, null);
            for (int i = 0; i < data.countries().size(); i++) {
                BasemapData.Feature f = data.countries().get(i);
                double[] p = countryPoints[i];
                if (p == null || f.name().isEmpty()) continue;
                String text = spaced(f.name().toUpperCase(Locale.ROOT));
                double w = st.width(text);
                if ((f.maxX() - f.minX()) * world < w * 0.8) continue;
                addArea(out, text, COUNTRY, p[0] * world - ox, p[1] * world - oy, st, vp, margin);
            }
        }
        if (zoom >= 6.5 && zoom < 12.5) {
            LabelStyle st = style(BasemapStyle.GOVERNORATE_FONT, BasemapStyle.GOVERNORATE_LABEL, scale, null, null);
            for (int i = 0; i < data.governorates().size(); i++) {
                BasemapData.Feature f = data.governorates().get(i);
                double[] p = governoratePoints[i];
                if (p == null || f.name().equals("UNDOF")) continue;
                String text = spaced(f.name().toUpperCase(Locale.ROOT));
                double w = st.width(text);
                if ((f.maxX() - f.minX()) * world < w * 1.2) continue;
                addArea(out, text, GOVERNORATE, p[0] * world - ox, p[1] * world - oy, st, vp, margin);
            }
        }
        for (BasemapData.Town t : data.towns()) {
            if (minZoom(t) > zoom + 1e-9) continue;
            double x = t.mercX() * world - ox;
            double y = t.mercY() * world - oy;
            if (x < -margin || y < -margin || x > vp.width() + margin || y > vp.height() + margin) continue;
            int rank = rank(t);
            LabelStyle st = style(BasemapStyle.townFont(rank), BasemapStyle.TOWN_LABEL, scale, null, BasemapStyle.TOWN);
            double r = (rank == 0 ? 3.5 : rank == 1 ? 3 : 2.3) * scale;
            double priority = rank == 0 ? CITY : TOWN + 10 * Math.log10(Math.max(1, t.population()))
                    + (t.country().equals("SY") ? 5 : 0);
            out.add(new LabelPlacer.Candidate(t.name(), priority, x, y, st.width(t.name()), st.height(t.name()),
                    r + 2 * scale, r, false, false, st));
        }
        if (zoom >= ROAD_ZOOM) roads(out, data, vp, scale);
        return out;
    }

    /** Road numbers: a shield every ~300 pixels along each road, on the road. */
    private static void roads(List<LabelPlacer.Candidate> out, BasemapData data, Viewport vp, double scale) {
        LabelStyle st = style(BasemapStyle.ROAD_FONT, Color.WHITE, scale, BasemapStyle.ROAD_SHIELD, null);
        double world = vp.worldPixels();
        double step = 300 * scale;
        for (BasemapData.Feature f : data.roads()) {
            if (f.name().isEmpty()) continue;
            double w = st.width(f.name());
            double h = st.height(f.name());
            for (double[] xy : f.parts()) {
                double along = step / 2;   // the first shield half a step in
                for (int i = 2; i < xy.length; i += 2) {
                    double x0 = xy[i - 2] * world - vp.originX(), y0 = xy[i - 1] * world - vp.originY();
                    double x1 = xy[i] * world - vp.originX(), y1 = xy[i + 1] * world - vp.originY();
                    double len = Math.hypot(x1 - x0, y1 - y0);
                    while (along <= len) {
                        double t = along / len;
                        double x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t;
                        if (x > w && y > h && x < vp.width() - w && y < vp.height() - h) {
                            out.add(new LabelPlacer.Candidate(f.name(), ROAD, x, y, w, h, 0, 0, true, false, st));
                        }
                        along += step;
                    }
                    along -= len;
                }
            }
        }
    }

    private static void addArea(List<LabelPlacer.Candidate> out, String text, double priority, double x, double y,
                                LabelStyle st, Viewport vp, int margin) {
        if (x < -margin || y < -margin || x > vp.width() + margin || y > vp.height() + margin) return;
        out.add(new LabelPlacer.Candidate(text, priority, x, y, st.width(text), st.height(text), 0, 0, true, false,
                st));
    }

    private static LabelStyle style(Font font, Color color, double scale, Color shield, Color dot) {
        Font f = scale == 1 ? font : font.deriveFont((float) (font.getSize2D() * scale));
        return new LabelStyle(f, color, BasemapStyle.HALO, shield, dot);
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
}
