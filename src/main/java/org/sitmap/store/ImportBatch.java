package org.sitmap.store;

/** One row of {@code import_batch}: a file imported, when, and what it did. Times are ISO-8601 UTC. */
public record ImportBatch(long id, String file, String format, String started, String finished, int rowsRead,
                          int imported, int updated, int skipped, int rejected) {
}
