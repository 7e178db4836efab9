package org.sitmap.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where days fall on the timeline picture: a visible day range mapped onto the plot's pixel columns, and the
 * vertical layout (bars above, date labels below). Shared by {@link TimelinePainter} and the window's mouse
 * handling, so a click lands on the day drawn under it.
 *
 * <p>Long empty stretches of the data may be collapsed: each {@link Gap} takes {@link #BREAK_PX} pixels whatever
 * its length (drawn as a break in the axis), and the shown days share the rest at one scale. The mapping stays
 * continuous and increasing (inside a break, days advance quickly), so a drag across a break moves through it.
 *
 * @param width   picture width in pixels
 * @param height  picture height in pixels
 * @param fromDay first visible epoch day
 * @param toDay   last visible epoch day (inclusive)
 * @param gaps    collapsed stretches inside the range, sorted, not touching each other (may be empty)
 */
public record TimelineScale(int width, int height, int fromDay, int toDay, List<Gap> gaps) {
    /** Blank columns left and right of the plot. */
    public static final int MARGIN = 10;
    /** Height of the date labels under the bars. */
    public static final int AXIS = 32;
    /** Space above the highest bar. */
    public static final int TOP = 16;
    /** Width of a collapsed stretch. */
    public static final int BREAK_PX = 18;

    /**
     * A collapsed stretch of days (inclusive), drawn as a break.
     *
     * @param from first hidden day
     * @param to   last hidden day
     */
    public record Gap(int from, int to) {
        public Gap {
            if (to < from) throw new IllegalArgumentException("gap ends before it starts");
        }

        /** Hidden days. */
        public int days() { return to - from + 1; }
    }

    /** A scale without collapsed stretches. */
    public TimelineScale(int width, int height, int fromDay, int toDay) {
        this(width, height, fromDay, toDay, List.of());
    }

    public TimelineScale {
        if (toDay < fromDay) throw new IllegalArgumentException("visible range ends before it starts");
        // keep the gaps that lie inside the range, clipped, sorted, leaving at least one shown day around each
        List<Gap> kept = new ArrayList<>();
        List<Gap> sorted = new ArrayList<>(gaps);
        sorted.sort(Comparator.comparingInt(Gap::from));
        int next = fromDay + 1;
        for (Gap g : sorted) {
            int f = Math.max(g.from(), next);
            int t = Math.min(g.to(), toDay - 1);
            if (t < f) continue;
            kept.add(new Gap(f, t));
            next = t + 2;
        }
        gaps = List.copyOf(kept);
    }

    /** Visible days, hidden ones included. */
    public int days() { return toDay - fromDay + 1; }

    /** Visible days that are not collapsed. */
    public int shownDays() {
        int n = days();
        for (Gap g : gaps) n -= g.days();
        return n;
    }

    /** Pixels per shown day. */
    public double pxPerDay() {
        return Math.max(1e-6, (width - 2.0 * MARGIN - gaps.size() * BREAK_PX) / shownDays());
    }

    /** Left edge of {@code epochDay} (may lie outside the picture). */
    public double x(double epochDay) {
        double ppd = pxPerDay();
        double x = MARGIN;
        double d = fromDay;
        for (Gap g : gaps) {
            if (epochDay < g.from()) break;
            x += (g.from() - d) * ppd;
            if (epochDay < g.to() + 1) return x + (epochDay - g.from()) / g.days() * BREAK_PX;
            x += BREAK_PX;
            d = g.to() + 1;
        }
        return x + (epochDay - d) * ppd;
    }

    /** The (fractional) day at pixel column {@code x}: the inverse of {@link #x(double)}. */
    public double dayAt(double x) {
        double ppd = pxPerDay();
        double left = MARGIN;
        double d = fromDay;
        for (Gap g : gaps) {
            double gapLeft = left + (g.from() - d) * ppd;
            if (x < gapLeft) break;
            if (x < gapLeft + BREAK_PX) return g.from() + (x - gapLeft) / BREAK_PX * g.days();
            left = gapLeft + BREAK_PX;
            d = g.to() + 1;
        }
        return d + (x - left) / ppd;
    }

    /** The day under pixel column {@code x} (not clamped). */
    public int day(double x) { return (int) Math.floor(dayAt(x)); }

    /**
     * The day boundary nearest to {@code x}: the first day of a range whose edge is dragged there. Inside a break it
     * snaps to the nearer side of the break.
     */
    public int dayEdge(double x) {
        double d = dayAt(x);
        Gap g = gapAt(d);
        if (g != null) return d - g.from() < g.to() + 1 - d ? g.from() : g.to() + 1;
        return (int) Math.round(d);
    }

    /** True when {@code day} lies in a collapsed stretch. */
    public boolean hidden(int day) { return gapAt(day) != null; }

    private Gap gapAt(double day) {
        for (Gap g : gaps) if (day >= g.from() && day < g.to() + 1) return g;
        return null;
    }

    /** Bottom of the bars (the axis line). */
    public int plotBottom() { return height - AXIS; }

    /** Top of the tallest bar. */
    public int plotTop() { return TOP; }
}
