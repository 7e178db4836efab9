package org.sitmap.render;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import org.sitmap.index.Histogram;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;

/**
 * Draws the timeline into a {@link Raster}: a histogram of incidents per bucket stacked in faction colours (exact
 * counts solid, the spread share of incidents known only to a week or month or spanning several days light and
 * hatched on top), a date axis with labels, and the brushed window (outside dimmed, edges with grips).
 * Bars are filled straight into the pixel array; Java2D only draws the labels.
 *
 * <p>Layout: bars in {@code 0..height-AXIS}, the axis and labels in the bottom {@link #AXIS} pixels. The x axis
 * maps epoch day {@code viewFrom} to x 0 and day {@code viewTo + 1} to x {@code width}.
 *
 * <p>Not thread-safe: one instance per drawing thread.
 */
public final class TimelinePainter {
    /** Height of the date axis under the bars, in pixels. */
    public static final int AXIS = 18;
    private static final int BG = 0xfffafafa;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private final int[] colours;
    private final int[] light;

    /** What to draw besides the bars: the visible day range and the brushed window (inclusive epoch days). */
    public record View(int viewFrom, int viewTo, int brushFrom, int brushTo) {
        /** x of the start of {@code day} in a raster {@code width} pixels wide. */
        public double x(int day, int width) {
            return (day - viewFrom) * (double) width / (viewTo + 1 - viewFrom);
        }

        /** The day under pixel {@code x}. */
        public int day(double x, int width) {
            return viewFrom + (int) Math.floor(x * (viewTo + 1 - viewFrom) / width);
        }
    }

    public TimelinePainter(FactionCatalog catalog) {
        int n = Math.max(1, catalog.size());
        colours = new int[n];
        light = new int[n];
        for (int k = 0; k < catalog.size(); k++) {
            Faction f = catalog.factions().get(k);
            int rgb = f.rgb() & 0xffffff;
            colours[k] = 0xff000000 | rgb;
            light[k] = 0xff000000 | mix(rgb, 0xffffff, 0.62);
        }
    }

    /** Clears the raster and draws histogram, brush and axis. */
    public void paint(Raster r, Histogram h, View v) {
        int w = r.width();
        int barsH = Math.max(1, r.height() - AXIS);
        r.clear(BG);
        int[] px = r.pixels();
        float max = Math.max(1f, h.max());
        double scale = (barsH - 4) / max;
        int nf = h.factions();
        for (int b = 0; b < h.buckets(); b++) {
            int x0 = (int) Math.round(v.x(h.start(b), w));
            int x1 = (int) Math.round(v.x(h.start(b + 1), w));
            if (x1 <= 0 || x0 >= w) continue;
            if (x1 - x0 >= 4) x1--;                      // a one-pixel gap between wide bars
            if (x1 <= x0) x1 = x0 + 1;
            double y = barsH;
            for (int f = 0; f < nf; f++) {
                int c = h.exact(b, f);
                if (c == 0) continue;
                double top = y - c * scale;
                fill(px, w, x0, x1, (int) Math.round(top), (int) Math.round(y), colours[f], 0);
                y = top;
            }
            for (int f = 0; f < nf; f++) {
                float c = h.uncertain(b, f);
                if (c <= 0) continue;
                double top = y - c * scale;
                int yt = (int) Math.round(top);
                int yb = (int) Math.round(y);
                if (yt == yb && c * scale > 0.15) yt--;   // keep a trace of small spans visible
                fill(px, w, x0, x1, yt, yb, light[f], colours[f]);
                y = top;
            }
        }
        // brush: dim outside, edges with grips
        int bx0 = clamp((int) Math.round(v.x(v.brushFrom(), w)), 0, w);
        int bx1 = clamp((int) Math.round(v.x(v.brushTo() + 1, w)), 0, w);
        dim(r, 0, bx0, barsH);
        dim(r, bx1, w, barsH);
        fill(px, w, bx0, bx1, 0, 2, 0xff1f5fbf, 0);
        edge(px, w, bx0 - 1, barsH);
        edge(px, w, bx1 - 1, barsH);
        fill(px, w, 0, w, barsH, barsH + 1, 0xff9a9a9a, 0);
        Graphics2D g = r.graphics();
        try {
            axis(g, w, r.height(), barsH, v, max);
        } finally {
            g.dispose();
        }
    }

    private static void axis(Graphics2D g, int w, int h, int barsH, View v, float max) {
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        double days = v.viewTo() + 1 - v.viewFrom();
        double pxPerDay = w / days;
        // tick step: the finest of day, week, month, quarter, year, 2 years whose labels do not collide
        int[] stepMonths = {0, 0, 1, 3, 12, 24, 60};
        int[] stepDays = {1, 7, 0, 0, 0, 0, 0};
        int choice = stepMonths.length - 1;
        for (int k = 0; k < stepMonths.length; k++) {
            double approx = stepDays[k] > 0 ? stepDays[k] : stepMonths[k] * 30.44;
            double need = (stepMonths[k] >= 12 ? 34 : stepMonths[k] > 0 ? 58 : 46);
            if (approx * pxPerDay >= need) { choice = k; break; }
        }
        LocalDate d = LocalDate.ofEpochDay(v.viewFrom());
        if (stepMonths[choice] > 0) {
            int m = stepMonths[choice];
            d = d.withDayOfMonth(1);
            int idx = (d.getYear() * 12 + d.getMonthValue() - 1);
            idx = Math.floorDiv(idx + m - 1, m) * m;
            d = LocalDate.of(Math.floorDiv(idx, 12), Math.floorMod(idx, 12) + 1, 1);
        } else if (stepDays[choice] == 7) {
            d = LocalDate.ofEpochDay(org.sitmap.index.Bucket.WEEK.next((int) d.toEpochDay() - 1));
        }
        g.setColor(new java.awt.Color(0x55, 0x55, 0x55));
        String lastYear = "";
        while (d.toEpochDay() <= v.viewTo() + 1) {
            int x = (int) Math.round(v.x((int) d.toEpochDay(), w));
            if (x >= 0 && x < w) {
                g.drawLine(x, barsH, x, barsH + 4);
                String label;
                if (stepMonths[choice] >= 12) label = Integer.toString(d.getYear());
                else if (stepMonths[choice] > 0) {
                    String mon = d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                    label = d.getMonthValue() == 1 || !lastYear.equals("" + d.getYear()) ? mon + " " + d.getYear() : mon;
                } else {
                    String mon = d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                    label = d.getDayOfMonth() + " " + mon + (lastYear.equals("" + d.getYear()) ? "" : " " + d.getYear());
                }
                lastYear = "" + d.getYear();
                if (x + 2 + fm.stringWidth(label) <= w) g.drawString(label, x + 2, h - 4);
            }
            d = stepMonths[choice] > 0 ? d.plusMonths(stepMonths[choice]) : d.plusDays(stepDays[choice]);
        }
        // y scale: the tallest bar's count, top left
        g.setColor(new java.awt.Color(0x66, 0x66, 0x66));
        g.drawString(String.format(Locale.ROOT, "%,d", (int) Math.ceil(max)), 3, fm.getAscent() + 2);
    }

    private static void dim(Raster r, int x0, int x1, int h) {
        int w = r.width();
        int[] px = r.pixels();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = Math.max(0, x0); x < Math.min(w, x1); x++) {
                int p = px[row + x];
                // 55 % towards a cool grey
                int rr = (((p >> 16) & 0xff) * 45 + 0xd8 * 55) / 100;
                int gg = (((p >> 8) & 0xff) * 45 + 0xdc * 55) / 100;
                int bb = ((p & 0xff) * 45 + 0xe2 * 55) / 100;
                px[row + x] = 0xff000000 | (rr << 16) | (gg << 8) | bb;
            }
        }
    }

    private static void edge(int[] px, int w, int x, int h) {
        fill(px, w, x - 1, x + 2, 0, h, 0xff1f5fbf, 0);
        int mid = h / 2;
        fill(px, w, x - 3, x + 4, mid - 9, mid + 9, 0xff1f5fbf, 0);
        fill(px, w, x - 1, x + 2, mid - 6, mid + 6, 0xffffffff, 0);
    }

    /** Fills x0..x1-1, y0..y1-1 with {@code argb}; with {@code hatch != 0}, diagonal lines of it every 4 pixels. */
    private static void fill(int[] px, int w, int x0, int x1, int y0, int y1, int argb, int hatch) {
        int h = px.length / w;
        x0 = Math.max(0, x0); x1 = Math.min(w, x1); y0 = Math.max(0, y0); y1 = Math.min(h, y1);
        if (x0 >= x1) return;
        for (int y = y0; y < y1; y++) {
            int row = y * w;
            if (hatch == 0) {
                Arrays.fill(px, row + x0, row + x1, argb);
            } else {
                for (int x = x0; x < x1; x++) px[row + x] = ((x + y) & 3) == 0 ? hatch : argb;
            }
        }
    }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }

    private static int mix(int rgb, int to, double t) {
        int r = (int) Math.round(((rgb >> 16) & 0xff) * (1 - t) + ((to >> 16) & 0xff) * t);
        int g = (int) Math.round(((rgb >> 8) & 0xff) * (1 - t) + ((to >> 8) & 0xff) * t);
        int b = (int) Math.round((rgb & 0xff) * (1 - t) + (to & 0xff) * t);
        return (r << 16) | (g << 8) | b;
    }
}
