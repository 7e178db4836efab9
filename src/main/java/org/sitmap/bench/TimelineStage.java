package org.sitmap.bench;

import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FilterSpec;

/** The timeline's histogram update for a filter (weekly buckets, stacked by faction). */
final class TimelineStage {
    private final IncidentIndex ix;

    TimelineStage(IncidentIndex ix) {
        this.ix = ix;
    }

    int[] histogram(FilterSpec spec) {
        int buckets = (ix.maxDay() - ix.minDay()) / 7 + 1;
        int f = ix.catalog().size();
        int[] counts = new int[buckets * f];
        for (int r = 0; r < ix.size(); r++) counts[(ix.day(r) - ix.minDay()) / 7 * f + ix.primaryFaction(r)]++;
        return counts;
    }
}
