package org.sitmap.ui.timeline;

import org.sitmap.index.IncidentIndex;
import org.sitmap.render.TimelineScale;

/** The long empty stretches of an index's days that the timeline's axis collapses into breaks. */
final class TimelineGaps {
    private TimelineGaps() { }

    /**
     * Stretches without any incident (no date, no date span touching them) longer than {@value #GAP_MIN_DAYS} days
     * and a {@value #GAP_SHARE_PERCENT}th percent of the data's span, less {@value #GAP_PAD_DAYS} days of context
     * on each side: collapsed into a break, so that data years apart each keep a readable width.
     */
    static java.util.List<TimelineScale.Gap> find(IncidentIndex ix, int from, int to) {
        int span = to - from + 1;
        // the index keeps which days its rows touch (computed once, on the loader's worker)
        boolean[] all = ix.coveredDays();
        boolean[] covered = new boolean[span];
        for (int d = 0; d < span; d++) {
            int k = from + d - ix.minDay();
            covered[d] = k >= 0 && k < all.length && all[k];
        }
        java.util.List<TimelineScale.Gap> out = new java.util.ArrayList<>();
        int min = Math.max(GAP_MIN_DAYS, span * GAP_SHARE_PERCENT / 100);
        for (int i = 0; i < span; ) {
            if (covered[i]) { i++; continue; }
            int j = i;
            while (j < span && !covered[j]) j++;
            if (j - i >= min && j - i > 2 * GAP_PAD_DAYS) out.add(new TimelineScale.Gap(from + i + GAP_PAD_DAYS,
                    from + j - 1 - GAP_PAD_DAYS));
            i = j;
        }
        return java.util.List.copyOf(out);
    }

    /** A stretch shorter than this is never collapsed. */
    static final int GAP_MIN_DAYS = 90;
    /** Nor one shorter than this share of the data's span (percent). */
    static final int GAP_SHARE_PERCENT = 15;
    /** Days of empty context kept on each side of a collapsed stretch. */
    static final int GAP_PAD_DAYS = 14;
}
