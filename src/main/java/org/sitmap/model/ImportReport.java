package org.sitmap.model;

import java.util.List;

/**
 * What one import did: rows read, incidents imported (new), updated (a newer version of a known event),
 * skipped (already known, unchanged), older (a version the source revised before the stored one: the stored one
 * is kept), and each rejected row with the reason. Unmapped actor names were kept
 * under {@link Faction#UNKNOWN_CODE}; unresolved places were kept without coordinates.
 */
public record ImportReport(String file, String format, long batchId, int rowsRead, int imported, int updated,
                           int skipped, int older, List<Rejection> rejections, List<String> unmappedActors,
                           List<String> unresolvedPlaces) {
    public ImportReport {
        rejections = List.copyOf(rejections);
        unmappedActors = List.copyOf(unmappedActors);
        unresolvedPlaces = List.copyOf(unresolvedPlaces);
    }

    /** One row that was not imported: {@code file:line: reason}. */
    public record Rejection(String file, long line, String reason) {
        @Override
        public String toString() { return file + ":" + line + ": " + reason; }
    }

    /** A multi-line human-readable report. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(" (").append(format).append("): ").append(rowsRead).append(" rows read, ")
                .append(imported).append(" imported, ").append(updated).append(" updated, ").append(skipped)
                .append(" skipped, ").append(rejections.size()).append(" rejected");
        if (older > 0) sb.append(", ").append(older).append(" older than the stored version (kept the stored)");
        for (Rejection r : rejections) sb.append("\n  rejected ").append(r);
        if (!unmappedActors.isEmpty()) sb.append("\n  actors kept under UNK: ").append(String.join("; ", unmappedActors));
        if (!unresolvedPlaces.isEmpty()) sb.append("\n  unresolved places (not placed on the map): ")
                .append(String.join("; ", unresolvedPlaces));
        return sb.toString();
    }
}
