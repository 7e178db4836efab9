package org.sitmap.ingest;

import java.io.IOException;
import java.util.List;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;

/**
 * The last check of every reader that {@link Formats} opens: an incident whose dates are outside the years of
 * {@link InputGrammar} or whose position is not a finite number becomes a rejection, so nothing impossible is
 * stored whatever a reader missed; and a reader's unexpected failure on hostile bytes becomes a plain
 * {@link InputException} naming the file (the log keeps the cause). Not thread-safe, like the reader it wraps.
 */
final class CheckedReader implements IncidentReader {
    private final IncidentReader reader;

    CheckedReader(IncidentReader reader) {
        this.reader = reader;
    }

    @Override
    public String file() { return reader.file(); }

    @Override
    public String format() { return reader.format(); }

    @Override
    public List<String> notes() { return reader.notes(); }

    @Override
    public ParsedRow next() throws IOException {
        ParsedRow row;
        try {
            row = reader.next();
        } catch (InputException | IOException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new InputException(file(), 0, "cannot be read as " + format()
                    + ": the file is damaged or not in this format; check it, or give the right --format", e);
        }
        if (row == null || row.isRejected()) return row;
        String problem = problem(row.incident());
        return problem == null ? row : ParsedRow.rejected(row.line(), problem);
    }

    /** Why the incident cannot be stored, or null. */
    static String problem(Incident i) {
        String d = InputGrammar.outOfRange(i.date(), "date");
        if (d != null) return d;
        if (i.endDate() != null && (d = InputGrammar.outOfRange(i.endDate(), "end date")) != null) return d;
        if (i.latitude() != null && !(Double.isFinite(i.latitude()) && Double.isFinite(i.longitude()))) {
            return "the position is not a number";
        }
        return null;
    }

    @Override
    public void close() throws IOException { reader.close(); }
}
