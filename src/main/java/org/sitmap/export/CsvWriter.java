package org.sitmap.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sitmap.ingest.csv.FormulaGuard;
import org.sitmap.model.Incident;

/**
 * Writes incidents as CSV (RFC 4180: comma separated, CRLF line ends, fields with comma, quote or line break
 * quoted, quotes doubled), UTF-8, in a {@link CsvLayout} (Sitmap's own by default, or ACLED's). A cell that a
 * spreadsheet could run as a formula gets a leading apostrophe ({@link FormulaGuard}); a cell that is only a
 * number (such as a negative longitude) is left as it is, since it cannot be a formula. Sitmap's CSV reader
 * removes the apostrophe again, so the text round-trips.
 *
 * <p>Not thread-safe.
 */
public final class CsvWriter implements Closeable {
    /** The header row of Sitmap's own layout. */
    public static final List<String> COLUMNS = CsvLayout.SITMAP.columns();

    private final Writer out;
    private final CsvLayout layout;

    /** Writes the header of Sitmap's layout; {@link #close()} closes {@code stream}. */
    public CsvWriter(OutputStream stream) throws IOException {
        this(stream, CsvLayout.SITMAP);
    }

    /** Writes the header of {@code layout}; {@link #close()} closes {@code stream}. */
    public CsvWriter(OutputStream stream, CsvLayout layout) throws IOException {
        this(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), layout);
    }

    /** Writes the header to a character stream; {@link #close()} closes it. */
    public CsvWriter(Writer writer) throws IOException {
        this(writer, CsvLayout.SITMAP);
    }

    /** Writes the header of {@code layout} to a character stream; {@link #close()} closes it. */
    public CsvWriter(Writer writer, CsvLayout layout) throws IOException {
        out = writer;
        this.layout = layout;
        row(layout.columns());
    }

    /** Writes a whole table to {@code out} and closes it. */
    public static void write(List<Incident> incidents, OutputStream out) throws IOException {
        try (CsvWriter w = new CsvWriter(out)) {
            for (Incident i : incidents) w.write(i);
        }
    }

    public void write(Incident i) throws IOException {
        row(layout.cells(i));
    }

    private void row(List<String> cells) throws IOException {
        for (int k = 0; k < cells.size(); k++) {
            if (k > 0) out.write(',');
            out.write(cell(cells.get(k)));
        }
        out.write("\r\n");
    }

    /** One cell, neutralised against formula injection and quoted when needed. */
    static String cell(String s) {
        if (s == null || s.isEmpty()) return "";
        s = FormulaGuard.guard(s);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
