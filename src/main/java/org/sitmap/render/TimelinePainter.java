package org.sitmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import org.sitmap.index.Bucket;
import org.sitmap.index.Histogram;
import org.sitmap.model.FactionCatalog;

/**
 * Draws the timeline into a {@link Raster}: bars per bucket stacked in faction colours (exactly dated incidents
 * solid, span incidents on top in a lighter hatched tint), a date axis whose labels follow the zoom (years, months
 * or days, with the larger unit on a second line), the brushed window (on a white ground, the rest on grey, so
 * bars keep their true colours; two handles) and the playback position. The window shows these pixels; the
 * benchmark draws the same.
 *
 * <p>Not thread-safe: one instance per drawing thread.
 */
public final class TimelinePainter {
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font MAJOR = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private static final int BACKGROUND = 0xffe4e4e4;
    private static final int INSIDE = 0xffffffff;
    private static final int GRID = 0xffdddddd;
    private static final int BRUSH_EDGE = 0xff1f5fbf;
    private static final int PLAYHEAD = 0xffd02020;

    /** What to draw besides the bars: brush ends (inclusive epoch days) and the playback day (or none). */
    public record Marks(int brushFrom, int brushTo, Integer playhead) { }

    /** Draws everything, clearing the raster first. */
    public void paint(Raster r, TimelineScale s, Histogram h, FactionCatalog catalog, Marks marks) {
        r.clear(BACKGROUND);
        int top = s.plotTop();
        int bottom = s.plotBottom();
        int max = niceMax(h.maxBar());
        // the brushed window on a white ground, the rest on grey: bars keep their true colours everywhere
        fill(r, (int) Math.round(s.x(marks.brushFrom())), 0, (int) Math.round(s.x(marks.brushTo() + 1)), bottom,
                INSIDE);
        grid(r, s, max);
        bars(r, s, h, catalog, max);
        fill(r, 0, bottom, r.width(), bottom + 1, 0xff888888);
        brush(r, s, marks);
        Graphics2D g = r.graphics();
        try {
            segments(g, s);
            g.setFont(LABEL);
            g.setColor(new Color(90, 90, 90));
            String unit = switch (h.bucket()) { case DAY -> "day"; case WEEK -> "week"; case MONTH -> "month"; };
            g.drawString(max + " incidents per " + unit, TimelineScale.MARGIN + 2, top - 4);
            if (marks.playhead() != null) {
                int x = (int) Math.round(s.x(marks.playhead() + 1));
                g.setColor(new Color(PLAYHEAD, true));
                g.setStroke(new BasicStroke(2));
                g.drawLine(x, top - 2, x, bottom);
                g.fillPolygon(new int[] {x - 5, x + 5, x}, new int[] {top - 8, top - 8, top - 1}, 3);
            }
        } finally {
            g.dispose();
        }
    }

    /** A round scale top for {@code max} incidents (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k), at least 1. */
    static int niceMax(int max) {
        if (max <= 1) return 1;
        if (max <= 10) return max;
        int p = 1;
        while (p * 10 < max) p *= 10;
        for (int m : new int[] {10, 15, 20, 25, 30, 40, 50, 60, 80, 100}) if ((long) m * p / 10 >= max) return m * p / 10;
        return 10 * p;
    }

    private static void grid(Raster r, TimelineScale s, int max) {
        int top = s.plotTop();
        int bottom = s.plotBottom();
        for (int k = 1; k <= 4; k++) {
            int y = bottom - (bottom - top) * k / 4;
            for (int x = TimelineScale.MARGIN; x < r.width() - TimelineScale.MARGIN; x += 4) fill(r, x, y, x + 2, y + 1, GRID);
        }
    }

    private static void bars(Raster r, TimelineScale s, Histogram h, FactionCatalog catalog, int max) {
        int bottom = s.plotBottom();
        double perIncident = (bottom - s.plotTop()) / (double) max;
        int nf = h.factions();
        int[] solid = new int[nf];
        int[] light = new int[nf];
        for (int f = 0; f < nf; f++) {
            int rgb = catalog.get(f).rgb() & 0xffffff;
            solid[f] = 0xff000000 | rgb;
            light[f] = 0xff000000 | mix(rgb, 0xffffff, 0.55);
        }
        for (int b = 0; b < h.size(); b++) {
            int x0 = (int) Math.round(s.x(h.start(b)));
            int x1 = (int) Math.round(s.x(h.start(b + 1)));
            if (x1 - x0 >= 4) x1--;                 // a one-pixel gap between wide bars
            if (x1 <= x0) x1 = x0 + 1;
            double acc = 0;
            for (int f = 0; f < nf; f++) {
                int c = h.count(b, f);
                if (c == 0) continue;
                int y1 = bottom - (int) Math.round(acc * perIncident);
                acc += c;
                int y0 = bottom - (int) Math.round(acc * perIncident);
                fill(r, x0, y0, x1, y1, solid[f]);
            }
            for (int f = 0; f < nf; f++) {
                int u = h.uncertain(b, f);
                if (u == 0) continue;
                int y1 = bottom - (int) Math.round(acc * perIncident);
                acc += u / (double) Histogram.UNIT;
                int y0 = bottom - (int) Math.round(acc * perIncident);
                if (y0 == y1) y0--;                 // a trace stays visible
                hatch(r, x0, y0, x1, y1, light[f], solid[f]);
            }
        }
    }

    private static void brush(Raster r, TimelineScale s, Marks m) {
        int top = 0;
        int bottom = s.plotBottom();
        int bx0 = (int) Math.round(s.x(m.brushFrom()));
        int bx1 = (int) Math.round(s.x(m.brushTo() + 1));
        fill(r, bx0 - 1, top, bx0 + 1, bottom, BRUSH_EDGE);
        fill(r, bx1 - 1, top, bx1 + 1, bottom, BRUSH_EDGE);
        fill(r, bx0, top, bx1, top + 2, BRUSH_EDGE);
        int hy = (top + bottom) / 2;
        for (int x : new int[] {bx0, bx1}) {
            fill(r, x - 4, hy - 12, x + 4, hy + 12, BRUSH_EDGE);
            fill(r, x - 2, hy - 8, x - 1, hy + 8, 0xffffffff);
            fill(r, x + 1, hy - 8, x + 2, hy + 8, 0xffffffff);
        }
    }

    /**
     * The axis of each run of shown days between collapsed stretches, clipped to its own columns (its first date
     * labelled at its left edge), and each collapsed stretch drawn as a break: a band with two slanted strokes
     * across bars and axis.
     */
    private static void segments(Graphics2D g, TimelineScale s) {
        int from = s.fromDay();
        java.awt.Shape clip = g.getClip();
        for (int k = 0; k <= s.gaps().size(); k++) {
            int to = k < s.gaps().size() ? s.gaps().get(k).from() - 1 : s.toDay();
            double left = k == 0 ? TimelineScale.MARGIN : s.x(from);
            double right = k < s.gaps().size() ? s.x(to + 1) : s.width();
            Graphics2D gg = (Graphics2D) g.create();
            try {
                gg.clipRect((int) Math.floor(left), 0, (int) Math.ceil(right - left), s.height());
                axis(gg, s, from, to, left, right);
            } finally {
                gg.dispose();
            }
            if (k < s.gaps().size()) from = s.gaps().get(k).to() + 1;
        }
        g.setClip(clip);
        for (TimelineScale.Gap gap : s.gaps()) {
            int x0 = (int) Math.round(s.x(gap.from()));
            int x1 = (int) Math.round(s.x(gap.to() + 1));
            g.setColor(new Color(BACKGROUND));
            g.fillRect(x0 + 2, 0, Math.max(1, x1 - x0 - 4), s.height());
            g.setColor(new Color(110, 110, 110));
            g.setStroke(new BasicStroke(1.5f));
            int bottom = s.plotBottom();
            for (int dx : new int[] {3, 9}) g.drawLine(x0 + dx - 3, bottom + 8, x0 + dx + 3, bottom - 8);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3, 3}, 0));
            g.drawLine((x0 + x1) / 2, s.plotTop(), (x0 + x1) / 2, bottom - 10);
            g.setFont(LABEL);
            String years = gapText(gap);
            g.setColor(new Color(90, 90, 90));
            if (!years.isEmpty()) g.drawString(years, (x0 + x1) / 2 - g.getFontMetrics().stringWidth(years) / 2,
                    bottom + 27);
        }
    }

    /** The length of a collapsed stretch, short ("4 y", "7 mo"), for under the break. */
    static String gapText(TimelineScale.Gap gap) {
        int d = gap.days();
        if (d >= 365) return Math.round(d / 365.25) + " y";
        if (d >= 60) return Math.round(d / 30.44) + " mo";
        return "";
    }

    /**
     * Date labels of one run of shown days ({@code fromDay..toDay} between the columns {@code left} and
     * {@code right}): ticks in the finest unit that leaves room for its label; the larger unit on a second line.
     */
    private static void axis(Graphics2D g, TimelineScale s, int fromDay, int toDay, double left, double right) {
        g.setFont(LABEL);
        double ppd = s.pxPerDay();
        int bottom = s.plotBottom();
        int line1 = bottom + 13;
        int line2 = bottom + 27;
        Color text = new Color(60, 60, 60);
        Color tick = new Color(140, 140, 140);
        LocalDate first = LocalDate.ofEpochDay(fromDay);
        LocalDate last = LocalDate.ofEpochDay(toDay);
        if (ppd * 30.44 >= 34) {
            // months (or days) on line 1, years / months on line 2
            boolean days = ppd >= 22;
            int dayStep = days ? 1 : ppd * 7 >= 34 ? 7 : 0;
            if (dayStep > 0) {
                int d0 = dayStep == 7 ? Bucket.WEEK.floor(fromDay) : fromDay;
                for (int d = d0; d <= toDay; d += dayStep) {
                    if (d < fromDay) continue;
                    int x = (int) Math.round(s.x(d));
                    g.setColor(tick);
                    g.drawLine(x, bottom, x, bottom + 3);
                    g.setColor(text);
                    g.drawString(Integer.toString(LocalDate.ofEpochDay(d).getDayOfMonth()), x + 2, line1);
                }
                g.setFont(MAJOR);
                for (LocalDate m = first.withDayOfMonth(1); !m.isAfter(last); m = m.plusMonths(1)) {
                    double x = Math.max(s.x(m.toEpochDay()), left);
                    if (x + 60 <= right) g.drawString(monthName(m) + " " + m.getYear(), (int) x + 2, line2);
                    int xt = (int) Math.round(s.x(m.toEpochDay()));
                    g.drawLine(xt, bottom, xt, bottom + 28);
                }
            } else {
                int monthStep = ppd * 30.44 >= 34 ? 1 : 3;
                for (LocalDate m = first.withDayOfMonth(1); !m.isAfter(last); m = m.plusMonths(monthStep)) {
                    if (m.getMonthValue() % monthStep != 1 % monthStep) continue;
                    int x = (int) Math.round(s.x(m.toEpochDay()));
                    if (x < left) continue;
                    g.setColor(tick);
                    g.drawLine(x, bottom, x, bottom + 3);
                    g.setColor(text);
                    g.drawString(monthName(m), x + 2, line1);
                }
                years(g, s, first, last, line2, bottom, text, left, right);
            }
        } else {
            // quarters or no minor ticks; years on line 1
            boolean quarters = ppd * 91 >= 30;
            if (quarters) {
                for (LocalDate m = first.withDayOfMonth(1); !m.isAfter(last); m = m.plusMonths(1)) {
                    if ((m.getMonthValue() - 1) % 3 != 0) continue;
                    int x = (int) Math.round(s.x(m.toEpochDay()));
                    if (x < left) continue;
                    g.setColor(tick);
                    g.drawLine(x, bottom, x, bottom + 3);
                    if (m.getMonthValue() != 1) {
                        g.setColor(text);
                        g.drawString(monthName(m), x + 2, line1);
                    }
                }
            }
            int yearStep = ppd * 365 >= 40 ? 1 : ppd * 365 * 5 >= 40 ? 5 : 10;
            g.setFont(MAJOR);
            for (int y = first.getYear(); y <= last.getYear() + 1; y++) {
                if (y % yearStep != 0) continue;
                int x = (int) Math.round(s.x(LocalDate.of(y, 1, 1).toEpochDay()));
                if (x < left || x > right - TimelineScale.MARGIN) continue;
                g.setColor(tick);
                g.drawLine(x, bottom, x, bottom + 16);
                g.setColor(text);
                g.drawString(Integer.toString(y), x + 3, quarters ? line2 : line1);
            }
        }
    }

    private static void years(Graphics2D g, TimelineScale s, LocalDate first, LocalDate last, int line, int bottom,
                              Color text, double left, double right) {
        g.setFont(MAJOR);
        for (int y = first.getYear(); y <= last.getYear(); y++) {
            double x = Math.max(s.x(LocalDate.of(y, 1, 1).toEpochDay()), left);
            int xt = (int) Math.round(s.x(LocalDate.of(y, 1, 1).toEpochDay()));
            g.setColor(new Color(140, 140, 140));
            if (xt >= left) g.drawLine(xt, bottom, xt, bottom + 28);
            g.setColor(text);
            if (x + 32 <= right) g.drawString(Integer.toString(y), (int) x + 3, line);
        }
    }

    private static String monthName(LocalDate d) {
        return d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static int mix(int rgb, int other, double t) {
        int r = (int) Math.round(((rgb >> 16) & 0xff) * (1 - t) + ((other >> 16) & 0xff) * t);
        int g = (int) Math.round(((rgb >> 8) & 0xff) * (1 - t) + ((other >> 8) & 0xff) * t);
        int b = (int) Math.round((rgb & 0xff) * (1 - t) + (other & 0xff) * t);
        return (r << 16) | (g << 8) | b;
    }

    /** Fills [x0,x1)×[y0,y1) with an opaque colour, clipped to the raster. */
    static void fill(Raster r, int x0, int y0, int x1, int y1, int argb) {
        int w = r.width();
        int h = r.height();
        x0 = Math.max(0, x0); y0 = Math.max(0, y0); x1 = Math.min(w, x1); y1 = Math.min(h, y1);
        int[] p = r.pixels();
        for (int y = y0; y < y1; y++) java.util.Arrays.fill(p, y * w + x0, y * w + Math.max(x0, x1), argb);
    }

    /** Fills with {@code base}, every third diagonal in {@code stripe}: the tint of span (uncertain) incidents. */
    private static void hatch(Raster r, int x0, int y0, int x1, int y1, int base, int stripe) {
        int w = r.width();
        int h = r.height();
        x0 = Math.max(0, x0); y0 = Math.max(0, y0); x1 = Math.min(w, x1); y1 = Math.min(h, y1);
        int[] p = r.pixels();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) p[y * w + x] = (x + y) % 4 == 0 ? stripe : base;
        }
    }
}
