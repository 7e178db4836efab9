package org.sitmap.ingest.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;

/**
 * The incidents of every data file in a zip archive (CSV, Excel, JSON, GeoJSON, KML entries, in the archive's
 * order), each entry read as if it were a file of its own (format given or detected from its content) and named
 * {@code archive.zip!/entry.csv} in origins and messages. The whole archive is one import (one transaction,
 * one report); a rejected row's reason starts with its entry's name. Other entries (a README, a PDF codebook,
 * macOS {@code __MACOSX} forks) are passed over; a nested archive is refused.
 *
 * <p>Defences: entry names checked for path traversal and counted ({@link ZipGuard}); every entry decompressed
 * through a {@link CappedStream} whose size cap is shared by all entries. Not thread-safe.
 */
public final class ZipDataReader implements IncidentReader {
    private final String file;
    private final ZipFile zip;
    private final List<String> entries = new ArrayList<>();
    private final String format;
    private final ReaderContext ctx;
    private final long size;
    private long used;
    private int index;
    private IncidentReader current;
    private String currentEntry;

    /**
     * @param format a {@code --format} name applied to every entry, or {@code auto}
     */
    public ZipDataReader(Path path, String format, ReaderContext ctx) throws IOException {
        this.file = path.toString();
        this.format = format;
        this.ctx = ctx;
        this.size = Files.size(path);
        for (String n : Packed.entryNames(path, file)) if (Packed.isData(n)) entries.add(n);
        if (entries.isEmpty()) {
            throw new InputException(file, 0, "the zip archive holds no CSV, Excel, JSON, GeoJSON or KML file");
        }
        this.zip = ZipGuard.openZip(path, file);
    }

    /** Opens a file (the {@code Formats} entry). */
    public static IncidentReader open(Path path, ReaderContext ctx) throws IOException {
        return new ZipDataReader(path, "auto", ctx);
    }

    @Override
    public String file() { return file; }

    @Override
    public String format() { return "zip"; }

    @Override
    public ParsedRow next() throws IOException {
        while (true) {
            if (current == null) {
                if (index >= entries.size()) return null;
                openNext();
            }
            ParsedRow row = current.next();
            if (row == null) {
                closeCurrent();
                continue;
            }
            return row.isRejected() ? ParsedRow.rejected(row.line(), currentEntry + ": " + row.rejection()) : row;
        }
    }

    private void openNext() throws IOException {
        currentEntry = entries.get(index++);
        String name = file + "!/" + currentEntry;
        ZipEntry e = zip.getEntry(currentEntry);
        if (e == null) throw new InputException(file, 0, "a damaged zip archive: entry " + currentEntry + " not found");
        long compressed = Math.min(Math.max(e.getCompressedSize(), 1), size);
        CappedStream in = new CappedStream(ZipGuard.stream(zip, e, file), name, CappedStream.MAX_BYTES - used, compressed);
        current = Inner.open(countingClose(in), name, format, ctx);
    }

    /** Adds the entry's bytes to the archive's total when it is closed. */
    private java.io.InputStream countingClose(CappedStream capped) {
        return new java.io.FilterInputStream(capped) {
            @Override
            public void close() throws IOException {
                used += capped.count();
                super.close();
            }
        };
    }

    private void closeCurrent() throws IOException {
        IncidentReader r = current;
        current = null;
        r.close();
    }

    @Override
    public void close() throws IOException {
        try {
            if (current != null) closeCurrent();
        } finally {
            zip.close();
        }
    }
}
