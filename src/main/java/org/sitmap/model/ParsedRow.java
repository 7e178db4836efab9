package org.sitmap.model;

/**
 * One row (record, feature, placemark, article incident) as a reader parsed it: either an incident or the reason
 * it was rejected, with the 1-based line where it starts.
 */
public record ParsedRow(long line, Incident incident, String rejection) {
    public static ParsedRow ok(long line, Incident incident) { return new ParsedRow(line, incident, null); }

    public static ParsedRow rejected(long line, String reason) { return new ParsedRow(line, null, reason); }

    public boolean isRejected() { return rejection != null; }
}
