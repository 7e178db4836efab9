package org.sitmap.model;

import java.util.List;
import java.util.Locale;

/**
 * What one import did: rows read, incidents imported (new), updated (a newer version of a known event),
 * skipped (already known, unchanged), older (a version the source revised before the stored one: the stored one
 * is kept), how many rows were rejected and the first {@link #MAX_LISTED} of them with the reason. Unmapped actor
 * names were kept under {@link Faction#UNKNOWN_CODE}; unresolved places were kept without coordinates; notes say
 * how the file was read (e.g. not UTF-8, read as Windows-1252).
 */
public record ImportReport(String file, String format, long batchId, int rowsRead, int imported, int updated,
                           int skipped, int older, int rejected, List<Rejection> rejections,
                           List<String> unmappedActors, List<String> unresolvedPlaces, List<String> notes) {
    /** The most rejections a report keeps and lists; the rest are counted. */
    public static final int MAX_LISTED = 20;

    public ImportReport {
        rejections = List.copyOf(rejections.size() > MAX_LISTED ? rejections.subList(0, MAX_LISTED) : rejections);
        if (rejected < rejections.size()) rejected = rejections.size();
        unmappedActors = List.copyOf(unmappedActors);
        unresolvedPlaces = List.copyOf(unresolvedPlaces);
        notes = List.copyOf(notes);
    }

    /** A report whose rejections are all listed, without notes. */
    public ImportReport(String file, String format, long batchId, int rowsRead, int imported, int updated,
                        int skipped, int older, List<Rejection> rejections, List<String> unmappedActors,
                        List<String> unresolvedPlaces) {
        this(file, format, batchId, rowsRead, imported, updated, skipped, older, rejections.size(), rejections,
                unmappedActors, unresolvedPlaces, List.of());
    }

    /** One row that was not imported: {@code file:line: reason}. */
    public record Rejection(String file, long line, String reason) {
        @Override
        public String toString() { return file + ":" + line + ": " + reason; }
    }

    /** True when rows were read and every one was rejected: nothing of the file is in the store. */
    public boolean nothingAccepted() {
        return rejected > 0 && imported + updated + skipped + older == 0;
    }

    /** A multi-line human-readable report. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(" (").append(format).append("): ").append(rowsRead).append(" rows read, ")
                .append(imported).append(" imported, ").append(updated).append(" updated, ").append(skipped)
                .append(" skipped, ").append(rejected).append(" rejected");
        if (older > 0) sb.append(", ").append(older).append(" older than the stored version (kept the stored)");
        for (String n : notes) sb.append("\n  note: ").append(n);
        for (Rejection r : rejections) sb.append("\n  rejected ").append(r);
        if (rejected > rejections.size()) {
            sb.append(String.format(Locale.ROOT, "\n  … and %,d more rejected", rejected - rejections.size()));
        }
        if (!unmappedActors.isEmpty()) sb.append("\n  actors kept under UNK: ").append(String.join("; ", unmappedActors));
        if (!unresolvedPlaces.isEmpty()) sb.append("\n  unresolved places (not placed on the map): ")
                .append(String.join("; ", unresolvedPlaces));
        return sb.toString();
    }
}
