package org.sitmap.ingest;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.model.Actor;
import org.sitmap.model.Incident;

/**
 * Writes incidents as CSV (RFC 4180: comma separated, CRLF line ends, fields with comma, quote or line break
 * quoted, quotes doubled), UTF-8, with ACLED's column names where they fit. A cell that starts with
 * {@code = + - @}, tab or carriage return gets a leading apostrophe so spreadsheets do not run it as a formula;
 * a cell that is only a number (such as a negative longitude) is left as it is, since it cannot be a formula.
 *
 * <p>Not thread-safe.
 */
public final class CsvWriter implements Closeable {
    /** The header row. */
    public static final List<String> COLUMNS = List.of("id", "event_id_cnty", "event_date", "end_date",
            "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "assoc_actors", "factions",
            "country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities", "source",
            "notes", "origin", "evidence", "timestamp");

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");

    private final Writer out;

    /** Writes the header; {@link #close()} closes {@code stream}. */
    public CsvWriter(OutputStream stream) throws IOException {
        this(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
    }

    /** Writes the header to a character stream; {@link #close()} closes it. */
    public CsvWriter(Writer writer) throws IOException {
        out = writer;
        row(COLUMNS);
    }

    /** Writes a whole table to {@code out} and closes it. */
    public static void write(List<Incident> incidents, OutputStream out) throws IOException {
        try (CsvWriter w = new CsvWriter(out)) {
            for (Incident i : incidents) w.write(i);
        }
    }

    public void write(Incident i) throws IOException {
        List<Actor> a = i.actors();
        List<String> assoc = new ArrayList<>();
        for (int k = 2; k < a.size(); k++) assoc.add(a.get(k).name());
        row(java.util.Arrays.asList(
                Long.toString(i.id()), i.sourceKey(), i.date().toString(), str(i.endDate()),
                Integer.toString(i.datePrecision().code()), i.eventType().label(),
                i.subEventType() == null ? "" : i.subEventType().label(),
                a.size() > 0 ? a.get(0).name() : "", a.size() > 1 ? a.get(1).name() : "", String.join("; ", assoc),
                String.join(";", i.factions()), str(i.country()), str(i.admin1()), str(i.place()),
                str(i.latitude()), str(i.longitude()), Integer.toString(i.geoPrecision().code()), str(i.fatalities()),
                str(i.source()), str(i.summary()), str(i.origin()), str(i.evidence()),
                i.revised() == null ? "" : Long.toString(i.revised().getEpochSecond())));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
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
        char c = s.charAt(0);
        if ((c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !PLAIN_NUMBER.matcher(s).matches()) {
            s = "'" + s;
        }
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
