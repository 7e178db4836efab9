package org.sitmap.ingest.table;

import java.io.IOException;
import java.util.Locale;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.ingest.csv.CsvIncidentReader;
import org.sitmap.ingest.ucdp.UcdpReader;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;

/**
 * Reads a {@link TableRows} with the ACLED or the UCDP CSV reader (chosen by the column names: {@code
 * event_id_cnty} and {@code event_date} for ACLED, {@code side_a} and {@code date_start} for UCDP), so a JSON or
 * spreadsheet record is checked exactly as a CSV row. Lines in rejections, messages and the incidents' origin are
 * those of the original file (a JSON line, a spreadsheet row), not of the CSV text in between.
 *
 * <p>Not thread-safe.
 */
public final class BridgedReader implements IncidentReader {
    private final String file;
    private final String format;
    private final CsvBridge bridge;
    private final CsvIncidentReader inner;

    /**
     * @param table  the records (closed by {@link #close()}, also when this constructor throws)
     * @param format the format's name for reports ({@code acled-json}, {@code xlsx} ...)
     */
    public BridgedReader(TableRows table, String file, String format, FactionCatalog catalog) throws IOException {
        this.file = file;
        this.format = format;
        this.bridge = new CsvBridge(table);
        try {
            this.inner = switch (kind(table)) {
                case "acled" -> new AcledReader(bridge, file, catalog);
                case "ucdp" -> new UcdpReader(bridge, file, catalog);
                default -> throw new InputException(file, table.line(), "the columns are neither ACLED's (event_id_cnty,"
                        + " event_date ...) nor UCDP GED's (id, side_a, date_start ...)");
            };
        } catch (InputException e) {
            bridge.close();
            throw remap(e);
        } catch (IOException | RuntimeException e) {
            bridge.close();
            throw e;
        }
    }

    /** "acled", "ucdp" or "" by the table's column names. */
    static String kind(TableRows table) {
        boolean acledId = false, acledDate = false, sideA = false, dateStart = false;
        for (String h : table.header()) {
            switch (h.strip().toLowerCase(Locale.ROOT)) {
                case "event_id_cnty" -> acledId = true;
                case "event_date" -> acledDate = true;
                case "side_a" -> sideA = true;
                case "date_start" -> dateStart = true;
                default -> { }
            }
        }
        if (acledId && acledDate) return "acled";
        if (sideA && dateStart) return "ucdp";
        return "";
    }

    @Override
    public String file() { return file; }

    @Override
    public String format() { return format; }

    @Override
    public ParsedRow next() throws IOException {
        ParsedRow row;
        try {
            row = inner.next();
        } catch (InputException e) {
            throw remap(e);
        }
        if (row == null) return null;
        long at = bridge.source(row.line());
        bridge.release(row.line());
        if (row.isRejected()) return ParsedRow.rejected(at, row.rejection());
        Incident i = row.incident();
        if ((file + ":" + row.line()).equals(i.origin())) i = i.toBuilder().origin(file + ":" + at).build();
        return ParsedRow.ok(at, i);
    }

    /** The same message at the original file's line, in words that fit a table that is not CSV. */
    private InputException remap(InputException e) {
        if (e instanceof TableException || e.file() == null || !e.file().equals(file)) return e;
        String prefix = e.line() > 0 ? file + ":" + e.line() + ": " : file + ": ";
        String m = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        m = m.replace("an ACLED CSV export", "ACLED data").replace("a UCDP GED CSV file", "UCDP GED data")
                .replace(" (an endless line, or not a CSV file)", "").replace(" (a shifted or cut row)", "");
        return new InputException(file, e.line() > 0 ? bridge.source(e.line()) : 0, m, e);
    }

    @Override
    public void close() throws IOException { inner.close(); }
}
