package org.sitmap.model;

import java.io.Closeable;
import java.io.IOException;

/**
 * A stream of parsed rows from one input file. Readers turn rows they cannot use into rejections; a problem with
 * the file as a whole (wrong columns, not this format, truncated, binary) is an {@link InputException}.
 *
 * <p>Not thread-safe: one consumer reads it to the end, on one thread.
 */
public interface IncidentReader extends Closeable {
    /** The file name used in messages. */
    String file();

    /** The format's short name ({@code acled}, {@code ucdp}, {@code geojson}, {@code kml}, {@code article}). */
    String format();

    /** The next row, or null at the end of the input. */
    ParsedRow next() throws IOException;

    /**
     * Notes for the import report about how the file was read (e.g. "read as Windows-1252"), complete once
     * {@link #next()} returned null; empty by default.
     */
    default java.util.List<String> notes() { return java.util.List.of(); }
}
