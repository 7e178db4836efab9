package org.sitmap.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import org.sitmap.ingest.InputGrammar;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;

/**
 * The frame of a header-driven CSV reader: tokenizes, reads the header (the subclass looks its columns up and
 * fails on missing ones), then turns each record into an incident or a rejection at the record's first line.
 * A record with a different number of fields than the header is rejected (a shifted row cannot be trusted).
 *
 * <p>Not thread-safe.
 */
public abstract class CsvIncidentReader implements IncidentReader {
    /** A rejection reason a user can act on (no stack trace is filled in). */
    public static final class Bad extends Exception {
        public Bad(String message) { super(message, null, false, false); }
    }

    protected final String file;
    protected final CsvTokenizer csv;
    protected final CsvHeader header;
    private final org.sitmap.ingest.TextInput.Decoded text;
    private final SharedTexts shared = new SharedTexts();

    /**
     * @param in   the file's bytes (closed by {@link #close()}, also when this constructor throws)
     * @param what what the file should be, for messages ("an ACLED CSV export")
     */
    protected CsvIncidentReader(InputStream in, String file, String what) throws IOException {
        this.file = file;
        CsvTokenizer t = null;
        org.sitmap.ingest.TextInput.Decoded text = null;
        try {
            text = org.sitmap.ingest.TextInput.decode(in, file, org.sitmap.ingest.TextInput.Limits.DATA);
            t = new CsvTokenizer(text, file);
            t.delimiter(CsvHeader.sniffDelimiter(t.head(4096)));
            this.csv = t;
            this.text = text;
            this.header = new CsvHeader(t, what);
        } catch (IOException | RuntimeException e) {
            if (t != null) t.close(); else if (text != null) text.close(); else in.close();
            throw e;
        }
    }

    /** The Windows-1252 note of the input contract, if any ({@link org.sitmap.ingest.TextInput}). */
    @Override
    public java.util.List<String> notes() {
        return text.note() == null ? java.util.List.of() : java.util.List.of(text.note());
    }

    @Override
    public String file() { return file; }

    @Override
    public ParsedRow next() throws IOException {
        if (!csv.next()) return null;
        // a line of spaces (often the last one) is no record
        while (csv.size() == 1 && csv.isBlank(0)) if (!csv.next()) return null;
        long line = csv.line();
        if (csv.size() != header.size()) {
            return ParsedRow.rejected(line, "expected " + header.size() + " columns, found " + csv.size()
                    + " (a shifted or cut row)");
        }
        try {
            return ParsedRow.ok(line, toIncident(line));
        } catch (Bad | IllegalArgumentException e) {
            return ParsedRow.rejected(line, e.getMessage());
        }
    }

    /** Builds the incident of the current record ({@link #csv}). */
    protected abstract Incident toIncident(long line) throws Bad;

    /**
     * The field at column {@code i} stripped, or null when the column is absent or the field blank. The
     * apostrophe that CSV exports put before a cell a spreadsheet could run as a formula ({@code = + - @}, their
     * fullwidth forms, tab, carriage return, also after leading spaces) is removed and the rest kept exactly:
     * the store keeps the text as reported, exports neutralise it again ({@link FormulaGuard}).
     */
    protected final String text(int i) {
        if (i < 0 || csv.isBlank(i)) return null;
        // a guarded cell is the exact text the writer had: no stripping
        if (csv.first(i) == '\'' && csv.byteLength(i) > 1) {
            String raw = csv.get(i);
            String t = FormulaGuard.unguard(raw);
            if (t.length() != raw.length()) return t;
        }
        return csv.stripped(i);
    }

    /**
     * {@link #text}'s value of a short column whose values repeat from record to record (types, actors, places):
     * the same {@code String} instance for the same bytes ({@link SharedTexts}), so that it is not decoded again and
     * the maps keyed on it compute its hash code once.
     */
    protected final String repeated(int i) {
        if (i < 0 || csv.isBlank(i)) return null;
        if (csv.first(i) == '\'' && csv.byteLength(i) > 1) return text(i);
        return csv.stripped(i, shared);
    }

    /**
     * True when the first line of {@code head} (the start of a file) names every column of {@code names}, in any
     * case: the sniffers of the CSV formats.
     */
    protected static boolean headerNames(String head, String... names) {
        head = head.replace("\u0000", "");   // UTF-16 text read as UTF-8: its ASCII letters stay
        int nl = head.indexOf('\n');
        String first = (nl < 0 ? head : head.substring(0, nl)).toLowerCase(java.util.Locale.ROOT);
        for (String name : names) if (!first.contains(name)) return false;
        return true;
    }

    /**
     * The incident's source key from the id column {@code i}: {@code prefix:id}, or the id itself when it already is
     * a source key (it has a colon: Sitmap's own export of events from any source); a blank id is rejected.
     */
    protected final String sourceKey(int i, String prefix, String name) throws Bad {
        String key = text(i);
        if (key == null) throw new Bad("no " + name);
        return key.indexOf(':') > 0 ? key : prefix + ":" + key;
    }

    /**
     * Sets the position from the {@code latitude} and {@code longitude} columns, both given or both blank (an
     * unresolved incident); returns true when it has one.
     */
    protected final boolean position(Incident.Builder b, int latitude, int longitude) throws Bad {
        Double lat = coordinate(latitude, "latitude", 90), lon = coordinate(longitude, "longitude", 180);
        if ((lat == null) != (lon == null)) throw new Bad("latitude and longitude must both be given or both be blank");
        b.position(lat, lon);
        return lat != null;
    }

    /** A whole number field (null when blank), at least 0. */
    protected final Integer count(int i, String name) throws Bad {
        String s = text(i);
        if (s == null) return null;
        int v = 0;
        int n = s.length();
        if (n > 9) throw new Bad(name + " '" + cut(s) + "' is not a whole number");
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') throw new Bad(name + " '" + cut(s) + "' is not a whole number");
            v = v * 10 + c - '0';
        }
        return v;
    }

    /**
     * A coordinate in [-limit, limit], null when blank: a decimal number ({@link InputGrammar}), also with a
     * decimal comma as spreadsheets in many locales write it (the file is then ';'-separated).
     */
    protected final Double coordinate(int i, String name, double limit) throws Bad {
        String s = text(i);
        if (s == null) return null;
        Double v = InputGrammar.decimal(s);
        if (v == null) {
            int comma = s.indexOf(',');
            if (comma >= 0 && comma == s.lastIndexOf(',') && s.indexOf('.') < 0) v = InputGrammar.decimal(s.replace(',', '.'));
        }
        if (v == null) throw new Bad(name + " '" + cut(s) + "' is not a decimal number");
        if (!(v >= -limit && v <= limit)) throw new Bad(name + " " + cut(s) + " out of range (-" + (int) limit + ".." + (int) limit + ")");
        return v;
    }

    /** A required date field. */
    protected final java.time.LocalDate date(int i, String name) throws Bad {
        String s = text(i);
        if (s == null) throw new Bad("no " + name);
        java.time.LocalDate d = CsvDates.parse(s);
        if (d == null) throw new Bad("bad date '" + cut(s) + "' in " + name + " (expected yyyy-mm-dd, dd/mm/yyyy or 12 March 2019)");
        String range = InputGrammar.outOfRange(d, name);
        if (range != null) throw new Bad(range);
        return d;
    }

    /** At most 60 characters of a value, for messages. */
    protected static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Throws when the tokenizer reports bad input, with this file's name. */
    protected final InputException fail(long line, String message) {
        return new InputException(file, line, message);
    }

    @Override
    public void close() throws IOException { csv.close(); }
}
