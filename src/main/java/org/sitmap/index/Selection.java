package org.sitmap.index;

/**
 * The rows of an {@link IncidentIndex} that passed a filter, ascending. Only the first {@code count} entries of
 * {@code rows} are valid. Treat as immutable once published to another thread.
 */
public record Selection(IncidentIndex index, int[] rows, int count) {
    /** Every row of the index. */
    public static Selection all(IncidentIndex index) {
        int[] r = new int[index.size()];
        for (int k = 0; k < r.length; k++) r[k] = k;
        return new Selection(index, r, r.length);
    }

    public int row(int k) { return rows[k]; }
}
