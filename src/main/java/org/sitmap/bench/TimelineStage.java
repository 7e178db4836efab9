package org.sitmap.bench;

import org.sitmap.index.Histogram;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.Raster;
import org.sitmap.render.TimelinePainter;
import org.sitmap.render.TimelineRenderer;
import org.sitmap.render.TimelineScale;

/**
 * The timeline's part of a brush frame, exactly as the window's timeline pane runs it on its worker: a
 * {@link TimelineRenderer} (filter without dates → histogram of the visible range, reused while only the brush
 * moves) drawing a 1600×160 picture of the whole data span with the brush of the spec's dates.
 */
final class TimelineStage {
    static final int WIDTH = 1600;
    static final int HEIGHT = 160;
    private final IncidentIndex ix;
    private final TimelineRenderer renderer = new TimelineRenderer();
    private final Raster raster = new Raster(WIDTH, HEIGHT);

    TimelineStage(IncidentIndex ix) {
        this.ix = ix;
    }

    /** One frame for {@code spec} (its dates are the brush); returns the histogram the picture shows. */
    Histogram histogram(FilterSpec spec) {
        TimelineScale s = new TimelineScale(WIDTH, HEIGHT, ix.minDay(), Math.max(ix.minDay(), ix.maxDay()));
        int from = spec.from() == null ? ix.minDay() : (int) spec.from().toEpochDay();
        int to = spec.to() == null ? ix.maxDay() : (int) spec.to().toEpochDay();
        return renderer.draw(raster, new TimelineRenderer.Request(ix, spec, null, s,
                new TimelinePainter.Marks(from, to, null)));
    }

    /** The same frame with nothing reused: the cost when the other filters change (factions, area, text). */
    Histogram histogramUncached(FilterSpec spec) {
        renderer.invalidate();
        return histogram(spec);
    }
}
