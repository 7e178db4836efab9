package org.sitmap.bench;

import org.sitmap.index.Bucket;
import org.sitmap.index.Histogram;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.Raster;
import org.sitmap.render.TimelinePainter;

/**
 * The timeline's update for a brush frame, as the window does it ({@code ui.timeline}): the rows passing every
 * filter but the dates (cached while those filters stay equal, as in {@code TimelineViewModel}), their
 * {@link Histogram} over all dates (bucket for a 1600-pixel strip: weekly for a few years), and the strip painted
 * by {@link TimelinePainter} into a 1600×120 {@link Raster} with the brush at the spec's dates.
 */
final class TimelineStage {
    private final IncidentIndex ix;
    private final Raster strip = new Raster(1600, 120);
    private final TimelinePainter painter;
    private FilterSpec contextKey;
    private Selection context;

    TimelineStage(IncidentIndex ix) {
        this.ix = ix;
        this.painter = new TimelinePainter(ix.catalog());
    }

    /** One frame; returns the exact counts ({@code [bucket * factions + faction]}). */
    int[] histogram(FilterSpec spec) {
        FilterSpec dateFree = spec.withDates(null, null);
        if (!dateFree.equals(contextKey)) {
            context = new IndexFilter(ix, dateFree, null, IndexFilter.FactionRule.PRIMARY).apply(false);
            contextKey = dateFree;
        }
        int from = ix.minDay();
        int to = Math.max(from + 1, ix.maxDay());
        Histogram h = Histogram.of(context, from, to, Bucket.forZoom(to - from + 1, strip.width(), 3));
        int bf = spec.from() == null ? from : (int) spec.from().toEpochDay();
        int bt = spec.to() == null ? to : (int) spec.to().toEpochDay();
        painter.paint(strip, h, new TimelinePainter.View(from, to, bf, bt));
        return h.exact();
    }
}
