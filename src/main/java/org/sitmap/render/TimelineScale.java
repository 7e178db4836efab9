package org.sitmap.render;

/**
 * Where days fall on the timeline picture: a visible day range mapped onto the plot's pixel columns, and the
 * vertical layout (bars above, date labels below). Shared by {@link TimelinePainter} and the window's mouse
 * handling, so a click lands on the day drawn under it.
 *
 * @param width   picture width in pixels
 * @param height  picture height in pixels
 * @param fromDay first visible epoch day
 * @param toDay   last visible epoch day (inclusive)
 */
public record TimelineScale(int width, int height, int fromDay, int toDay) {
    /** Blank columns left and right of the plot. */
    public static final int MARGIN = 10;
    /** Height of the date labels under the bars. */
    public static final int AXIS = 32;
    /** Space above the highest bar. */
    public static final int TOP = 16;

    public TimelineScale {
        if (toDay < fromDay) throw new IllegalArgumentException("visible range ends before it starts");
    }

    /** Visible days. */
    public int days() { return toDay - fromDay + 1; }

    /** Pixels per day. */
    public double pxPerDay() { return (width - 2.0 * MARGIN) / days(); }

    /** Left edge of {@code epochDay} (may lie outside the picture). */
    public double x(double epochDay) { return MARGIN + (epochDay - fromDay) * pxPerDay(); }

    /** The day under pixel column {@code x} (not clamped). */
    public int day(double x) { return (int) Math.floor(fromDay + (x - MARGIN) / pxPerDay()); }

    /** The day boundary nearest to {@code x}: the first day of a range whose edge is dragged there. */
    public int dayEdge(double x) { return (int) Math.round(fromDay + (x - MARGIN) / pxPerDay()); }

    /** Bottom of the bars (the axis line). */
    public int plotBottom() { return height - AXIS; }

    /** Top of the tallest bar. */
    public int plotTop() { return TOP; }
}
