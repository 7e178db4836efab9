package org.sitmap.ingest.table;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A table read record by record: column names first, then each record's values in the same order. Readers of
 * JSON and spreadsheets implement it; {@link CsvBridge} turns it into CSV text for the CSV readers.
 *
 * <p>Not thread-safe.
 */
public interface TableRows extends Closeable {
    /** The column names (read when the table is opened). */
    List<String> header();

    /**
     * Moves to the next record.
     *
     * @return false at the end of the table
     * @throws org.sitmap.model.InputException when the file is damaged or not this kind of table
     */
    boolean next() throws IOException;

    /** The current record's value in column {@code i}, "" when it has none. */
    String value(int i);

    /** Where the current record starts in the file (a line, or a spreadsheet's row number), 1-based. */
    long line();
}
