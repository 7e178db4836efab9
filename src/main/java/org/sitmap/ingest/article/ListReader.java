package org.sitmap.ingest.article;

import java.util.Iterator;
import java.util.List;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;

/**
 * Incidents already in memory (e.g. reviewed and edited in the import dialog) as an {@link IncidentReader}, so
 * the store imports them like any file. Rows are numbered from 1. Not thread-safe.
 */
public final class ListReader implements IncidentReader {
    private final String file;
    private final String format;
    private final Iterator<Incident> it;
    private long line;

    public ListReader(String file, String format, List<Incident> incidents) {
        this.file = file;
        this.format = format;
        this.it = List.copyOf(incidents).iterator();
    }

    @Override
    public String file() { return file; }

    @Override
    public String format() { return format; }

    @Override
    public ParsedRow next() {
        if (!it.hasNext()) return null;
        return ParsedRow.ok(++line, it.next());
    }

    @Override
    public void close() { }
}
