package org.sitmap.render;

import java.util.Objects;
import org.sitmap.index.Bucket;
import org.sitmap.index.DayBins;
import org.sitmap.index.Histogram;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.model.FilterSpec;

/**
 * One timeline frame as the window draws it on its worker: the filter applied without its date window (so the
 * bars show context outside the brush), the {@link Histogram} of the visible range, and the picture
 * ({@link TimelinePainter}). The rows are counted once into day × faction bins ({@link DayBins}); dragging the
 * brush changes only the filter's dates and a faction switch only the mask over the bins, so neither touches rows,
 * and only the picture is drawn again. The benchmark's timeline stage calls this same class.
 *
 * <p>Not thread-safe: one instance per drawing thread (the window's worker).
 */
public final class TimelineRenderer {
    /** Bars are at least this wide: the bucket (day, week, month) follows the zoom. */
    public static final double MIN_BAR_PX = 4;

    private final TimelinePainter painter = new TimelinePainter();
    private Object contextKey;
    private DayBins bins;
    private Object histogramKey;
    private Histogram histogram;

    /**
     * What to draw.
     *
     * @param index   the loaded incidents
     * @param spec    the session's filter (its dates are the brush and are ignored for the bars)
     * @param textIds ids matching {@code spec.text()}, or null when it has none
     * @param scale   picture size and visible day range
     * @param marks   brush and playback position
     */
    public record Request(IncidentIndex index, FilterSpec spec, long[] textIds, TimelineScale scale,
                         TimelinePainter.Marks marks) { }

    /** The bucket for a picture: the finest whose bars stay {@link #MIN_BAR_PX} wide. */
    public static Bucket bucketFor(TimelineScale s) {
        return Bucket.forScale(s.pxPerDay(), MIN_BAR_PX);
    }

    /** Computes (or reuses) the histogram and draws the frame into {@code r} (sized as the request's scale). */
    public Histogram draw(Raster r, Request q) {
        Histogram h = histogram(q);
        painter.paint(r, q.scale(), h, q.index().catalog(), q.marks());
        return h;
    }

    /**
     * The histogram of a request. The rows the filter keeps without its dates and factions are counted once into
     * {@link DayBins} (one pass over the index, both cores), kept while index, other criteria and text matches are
     * unchanged; the bars for the visible range, bar width and faction set are then computed from the bins alone
     * and kept while those are unchanged.
     */
    public Histogram histogram(Request q) {
        FilterSpec undated = q.spec().withDates(null, null).withFactions(java.util.Set.of());
        Object ck = java.util.Arrays.asList(q.index(), undated, q.textIds());
        if (!Objects.equals(ck, contextKey) || bins == null) {
            // the window keeps incidents by primary faction (see FactionRule): bars and map agree, and the faction
            // set is a mask over the bins' primary factions
            bins = DayBins.of(q.index(), new IndexFilter(q.index(),
                    undated.withFactionRule(org.sitmap.model.FactionRule.PRIMARY), q.textIds()));
            contextKey = ck;
            histogram = null;
        }
        TimelineScale s = q.scale();
        Bucket b = bucketFor(s);
        long mask = q.spec().noFaction() ? 0L : factionMask(q.index().catalog(), q.spec().factions());
        Object hk = java.util.List.of(b, s.fromDay(), s.toDay(), mask);
        if (histogram == null || !hk.equals(histogramKey)) {
            histogram = bins.histogram(b, s.fromDay(), s.toDay(), mask);
            histogramKey = hk;
        }
        return histogram;
    }

    /** The primary factions a faction set keeps, as {@link IndexFilter} reads it (empty: all). */
    static long factionMask(org.sitmap.model.FactionCatalog catalog, java.util.Set<String> codes) {
        if (codes.isEmpty()) return -1L;
        long m = 0;
        for (String c : codes) if (catalog.byCode(c).isPresent()) m |= 1L << catalog.ordinal(c);
        return m;
    }

    /** Forgets the cached rows (the benchmark uses it to time the uncached path). */
    public void invalidate() {
        contextKey = null;
        bins = null;
        histogram = null;
    }
}
