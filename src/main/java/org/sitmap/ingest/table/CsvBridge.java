package org.sitmap.ingest.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The UTF-8 CSV text of a {@link TableRows}, produced as it is read: a header line, then one record per table
 * record, every field quoted. It remembers at which CSV line each record starts and where that record is in the
 * original file, so that messages can name the original place ({@link #source(long)}).
 *
 * <p>Not thread-safe: the CSV reader reading it and the caller asking {@link #source} are one thread.
 */
final class CsvBridge extends InputStream {
    private final TableRows table;
    /** CSV line where a record starts → its line (or row) in the original file. */
    private final TreeMap<Long, Long> lines = new TreeMap<>();
    private byte[] chunk;
    private int pos;
    private long csvLine = 1;
    private boolean headerDone;
    private boolean end;

    CsvBridge(TableRows table) {
        this.table = table;
    }

    /**
     * The place in the original file of the record that starts at (or, for a line inside a record, before)
     * {@code csvLine}; the header's place for line 1.
     */
    long source(long line) {
        Map.Entry<Long, Long> e = lines.floorEntry(line);
        return e == null ? 1 : e.getValue();
    }

    /** Forgets the places of records before {@code line} (they were read). */
    void release(long line) {
        lines.headMap(line).clear();
    }

    @Override
    public int read() throws IOException {
        if (!fill()) return -1;
        return chunk[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() throws IOException {
        while (chunk == null || pos >= chunk.length) {
            if (end) return false;
            StringBuilder sb = new StringBuilder(512);
            if (!headerDone) {
                headerDone = true;
                lines.put(1L, 1L);
                List<String> h = table.header();
                for (int i = 0; i < h.size(); i++) field(sb, i, h.get(i));
            } else if (table.next()) {
                lines.put(csvLine, table.line());
                int n = table.header().size();
                for (int i = 0; i < n; i++) field(sb, i, table.value(i));
            } else {
                end = true;
                return false;
            }
            sb.append('\n');
            csvLine++;
            chunk = sb.toString().getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return true;
    }

    /** Appends one quoted field, counting its line breaks as the CSV tokenizer does (CR LF once). */
    private void field(StringBuilder sb, int i, String v) {
        if (i > 0) sb.append(',');
        sb.append('"');
        char prev = 0;
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c == 0) c = '\uFFFD';   // a NUL would make the CSV reader call the file binary
            if (c == '"') sb.append('"');
            if (c == '\r' || c == '\n' && prev != '\r') csvLine++;
            sb.append(c);
            prev = c;
        }
        sb.append('"');
    }

    @Override
    public void close() throws IOException {
        table.close();
    }
}
