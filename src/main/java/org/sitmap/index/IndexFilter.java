package org.sitmap.index;

import java.util.Arrays;
import java.util.List;
import org.sitmap.geo.Geodesy;
import org.sitmap.model.BBox;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionRule;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.SubEventType;

/**
 * A {@link FilterSpec} compiled against an index into masks and bounds, applied row by row over primitive arrays.
 * Text search is not done here: the caller passes the ids that SQLite's full-text index matched.
 *
 * <p>Immutable; {@link #apply} may run on any thread.
 */
public final class IndexFilter {
    private final IncidentIndex index;
    private final boolean primaryOnly;
    private final boolean dateBound;
    private final int fromDay;
    private final int toDay;
    private final long factionMask;
    private final int typeMask;
    private final long subTypeMask;
    private final int precisionMask;
    private final int minFatalities;
    private final BBox bbox;
    private final double[] polyX;
    private final double[] polyY;
    /** Rows whose incident matched the text, one bit a row (null: no text criterion). */
    private final long[] textRows;

    /**
     * @param textMatchIds incident ids that matched the spec's text (any order), or null when the spec has no
     *                     text or it should be ignored
     */
    public IndexFilter(IncidentIndex index, FilterSpec spec, long[] textMatchIds) {
        this.index = index;
        // the spec's faction rule, as masks: any of a row's factions, or only its primary one
        this.primaryOnly = spec.factionRule() == FactionRule.PRIMARY;
        dateBound = spec.from() != null || spec.to() != null;
        fromDay = spec.from() == null ? Integer.MIN_VALUE : (int) spec.from().toEpochDay();
        toDay = spec.to() == null ? Integer.MAX_VALUE : (int) spec.to().toEpochDay();
        long fm = 0;
        for (String code : spec.factions()) {
            if (index.catalog().byCode(code).isPresent()) fm |= 1L << index.catalog().ordinal(code);
        }
        factionMask = spec.noFaction() ? 0L : spec.factions().isEmpty() ? -1L : fm;
        int tm = 0;
        for (EventType t : spec.eventTypes()) tm |= 1 << t.ordinal();
        typeMask = spec.eventTypes().isEmpty() ? -1 : tm;
        long sm = 0;
        for (SubEventType t : spec.subEventTypes()) sm |= 1L << t.ordinal();
        subTypeMask = spec.subEventTypes().isEmpty() ? -1L : sm;
        int pm = 0;
        for (DatePrecision p : spec.datePrecisions()) pm |= 1 << p.code();
        precisionMask = spec.datePrecisions().isEmpty() ? -1 : pm;
        minFatalities = spec.minFatalities();
        bbox = spec.bbox();
        List<double[]> area = spec.area();
        if (area.size() >= 3) {
            polyX = new double[area.size()];
            polyY = new double[area.size()];
            for (int k = 0; k < area.size(); k++) { polyX[k] = area.get(k)[0]; polyY[k] = area.get(k)[1]; }
        } else {
            polyX = null;
            polyY = null;
        }
        textRows = textMatchIds == null ? null : index.rowMask(textMatchIds);
    }

    /** Rows whose incident matched the text, one bit a row (bit r of word r >>> 6), or null without text. */
    long[] textRows() { return textRows; }

    /**
     * The Web Mercator box {mx0, my0, mx1, my1} (y south) holding every row the area criteria (rectangle, polygon)
     * can accept, a little widened against rounding, or null when the filter has no area criterion.
     */
    double[] mercatorBounds() {
        if (bbox == null && polyX == null) return null;
        double w = -180, s = -90, e = 180, n = 90;
        if (bbox != null) {
            w = bbox.minLon(); s = bbox.minLat(); e = bbox.maxLon(); n = bbox.maxLat();
        }
        if (polyX != null) {
            double pw = Double.MAX_VALUE, ps = Double.MAX_VALUE, pe = -Double.MAX_VALUE, pn = -Double.MAX_VALUE;
            for (int k = 0; k < polyX.length; k++) {
                pw = Math.min(pw, polyX[k]); pe = Math.max(pe, polyX[k]);
                ps = Math.min(ps, polyY[k]); pn = Math.max(pn, polyY[k]);
            }
            w = Math.max(w, pw); e = Math.min(e, pe); s = Math.max(s, ps); n = Math.min(n, pn);
        }
        if (w > e || s > n) return new double[] {1, 1, 0, 0};   // nothing can be inside
        double eps = 1e-6;
        return new double[] {org.sitmap.geo.WebMercator.x(w) - eps, org.sitmap.geo.WebMercator.y(Math.min(n, 89.9)) - eps,
                org.sitmap.geo.WebMercator.x(e) + eps, org.sitmap.geo.WebMercator.y(Math.max(s, -89.9)) + eps};
    }

    /** Filters the whole index. */
    public Selection apply() {
        return apply(true);
    }

    /**
     * Filters the whole index, optionally ignoring the date window (the timeline's histogram shows what the
     * other filters keep across all dates).
     */
    public Selection apply(boolean useDates) {
        int start = 0;
        int end = index.size();
        boolean dates = useDates && dateBound;
        if (dates) {
            long lo = (long) fromDay - index.maxSpan();
            start = index.lowerBound((int) Math.max(Integer.MIN_VALUE, lo));
            end = toDay == Integer.MAX_VALUE ? index.size() : index.lowerBound(toDay + 1);
        }
        int first = start;
        int len = Math.max(0, end - start);
        if (!Split.splits(len)) {
            int[] out = new int[len];
            int n = pass(first, first + len, dates, out, 0);
            return new Selection(index, out, n);
        }
        // a large window: the two halves on both cores, each into its part of one array, then closed up
        int[] out = new int[len];
        int[] got = new int[2];
        Split.halves(len, (half, from, to) -> got[half] = pass(first + from, first + to, dates, out, from));
        int mid = len >>> 1;
        System.arraycopy(out, mid, out, got[0], got[1]);
        return new Selection(index, out, got[0] + got[1]);
    }

    /** Writes the accepted rows of {@code [from, to)} to {@code out} from {@code at}; returns how many. */
    private int pass(int from, int to, boolean dates, int[] out, int at) {
        int n = at;
        for (int r = from; r < to; r++) {
            if (dates && index.dayEnd(r) < fromDay) continue;
            if (accepts(r)) out[n++] = r;
        }
        return n - at;
    }

    /** True when row {@code r} passes every criterion except the date window. */
    public boolean accepts(int r) {
        if (factionMask != -1L) {   // every faction kept: the faction columns are not read
            if (primaryOnly) {
                if (((factionMask >>> index.primaryFaction(r)) & 1L) == 0) return false;
            } else if ((index.factionMask(r) & factionMask) == 0) {
                return false;
            }
        }
        // a criterion that keeps every value (mask -1) reads nothing: the timeline's pass over millions of rows
        if (typeMask != -1 && (typeMask & (1 << index.eventType(r))) == 0) return false;
        if (subTypeMask != -1L) {
            int st = index.subEventType(r);
            if (st < 0 || (subTypeMask & (1L << st)) == 0) return false;
        }
        if (precisionMask != -1 && (precisionMask & (1 << index.datePrecision(r))) == 0) return false;
        if (minFatalities > 0 && index.fatalities(r) < minFatalities) return false;
        if (bbox != null || polyX != null) {
            if (!index.located(r)) return false;
            float lon = index.lon(r);
            float lat = index.lat(r);
            if (bbox != null && !bbox.contains(lon, lat)) return false;
            if (polyX != null && !Geodesy.inPolygon(polyX, polyY, lon, lat)) return false;
        }
        return textRows == null || ((textRows[r >>> 6] >>> r) & 1L) != 0;
    }
}
