package org.sitmap.index;

/**
 * The arrays of an {@link IncidentIndex} in its row order (by first day), as a column snapshot file stores them
 * ({@code store.ColumnSnapshot}). {@link IncidentIndex#columns()} shares the index's arrays: read them, never
 * change them. {@link IncidentIndex#of(org.sitmap.model.FactionCatalog, IndexColumns)} checks lengths, row order
 * and place references, so arrays read from a damaged file are refused rather than shown.
 */
public record IndexColumns(long[] id, int[] day, int[] dayEnd, float[] lon, float[] lat, float[] mercX,
                           float[] mercY, long[] factionMask, byte[] primaryFaction, byte[] eventType,
                           byte[] subEventType, byte[] datePrecision, byte[] geoPrecision, int[] fatalities,
                           int[] placeRef, String[] places, int maxSpan) {
    /** The number of rows. */
    public int size() { return id.length; }
}
