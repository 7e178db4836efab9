package org.sitmap.ingest.table;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.sitmap.ingest.archive.ZipGuard;

/**
 * The rows of an Excel workbook ({@code .xlsx}, Office Open XML), as ACLED and UCDP ship their data: the first
 * sheet whose first non-empty row names ACLED's or UCDP's columns (else the first sheet), that row as the header.
 * Cells are given as text: a number as Excel stored it ({@code 35.5279}), a number formatted as a date as
 * {@code yyyy-mm-dd}, a formula as its last computed value, an error cell as its code ({@code #N/A}), which the CSV
 * reader then rejects in its own words. The line of a record is its spreadsheet row number.
 *
 * <p>The archive is checked by {@link ZipGuard} before the workbook library sees it (entry count, uncompressed
 * size and ratio, entry names); the library refuses DTDs in the XML parts. Not thread-safe.
 */
final class XlsxRows implements TableRows {
    private final String file;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> header = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private long headerRow;
    private long line;

    /**
     * @param path the workbook file
     * @param file the name used in messages
     */
    XlsxRows(Path path, String file) throws IOException {
        this.file = file;
        ZipGuard.check(path, file);
        ReadableWorkbook wb;
        try {
            wb = new ReadableWorkbook(path.toFile(), new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw new TableException(file, 0, "not a readable Excel workbook (.xlsx): " + message(e), e);
        }
        this.workbook = wb;
        try {
            Sheet sheet = chooseSheet();
            this.stream = sheet.openStream();
            this.rows = stream.iterator();
            while (rows.hasNext()) {
                Row r = rows.next();
                if (blank(r)) continue;
                headerRow = r.getRowNum();
                for (int i = 0; i < r.getCellCount(); i++) header.add(text(r.getCell(i)));
                break;
            }
            line = headerRow;
        } catch (IOException | RuntimeException e) {
            wb.close();
            throw e instanceof TableException t ? t : new TableException(file, 0, "a damaged Excel workbook: " + message(e), e);
        }
    }

    /** The first sheet whose header row has ACLED's or UCDP's columns, else the first sheet. */
    private Sheet chooseSheet() throws IOException {
        List<Sheet> sheets = workbook.getSheets().toList();
        if (sheets.isEmpty()) throw new TableException(file, 0, "the Excel workbook has no sheet");
        for (Sheet s : sheets) {
            try (Stream<Row> st = s.openStream()) {
                Iterator<Row> it = st.iterator();
                int seen = 0;
                while (it.hasNext() && seen++ < 20) {
                    Row r = it.next();
                    if (blank(r)) continue;
                    String joined = String.join(",", cells(r)).toLowerCase(Locale.ROOT);
                    if (joined.contains("event_id_cnty") || joined.contains("side_a")) return s;
                    break;
                }
            }
        }
        return sheets.get(0);
    }

    private static List<String> cells(Row r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.getCellCount(); i++) out.add(text(r.getCell(i)));
        return out;
    }

    private static boolean blank(Row r) {
        for (int i = 0; i < r.getCellCount(); i++) if (!text(r.getCell(i)).isBlank()) return false;
        return true;
    }

    @Override
    public List<String> header() { return header; }

    @Override
    public boolean next() throws IOException {
        try {
            while (rows.hasNext()) {
                Row r = rows.next();
                if (blank(r)) continue;
                line = r.getRowNum();
                values.clear();
                for (int i = 0; i < header.size(); i++) values.add(i < r.getCellCount() ? text(r.getCell(i)) : "");
                return true;
            }
            return false;
        } catch (TableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TableException(file, line, "a damaged Excel workbook: " + message(e), e);
        }
    }

    @Override
    public String value(int i) { return values.get(i); }

    @Override
    public long line() { return line; }

    /** A cell as text; a number in a date format as yyyy-mm-dd. */
    static String text(Cell c) {
        if (c == null) return "";
        switch (c.getType()) {
            case NUMBER:
                if (isDate(c)) {
                    LocalDateTime d = c.asDate();
                    if (d != null) return d.toLocalDate().toString();
                }
                return c.getRawValue() == null ? "" : c.getRawValue();
            case STRING:
                return c.asString() == null ? "" : c.asString();
            case BOOLEAN:
                return String.valueOf(c.asBoolean());
            case EMPTY:
                return "";
            default: // FORMULA (its cached value), ERROR (its code)
                return c.getRawValue() == null ? "" : c.getRawValue();
        }
    }

    /** True for a number shown as a date (built-in formats 14-22, or a custom format with y or d). */
    private static boolean isDate(Cell c) {
        Integer id = c.getDataFormatId();
        if (id != null && id >= 14 && id <= 22) return true;
        String f = c.getDataFormatString();
        if (f == null) return false;
        f = f.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return f.contains("y") || f.contains("d");
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "unreadable" : m.length() > 120 ? m.substring(0, 117) + "..." : m;
    }

    @Override
    public void close() throws IOException {
        try {
            if (stream != null) stream.close();
        } finally {
            workbook.close();
        }
    }
}
