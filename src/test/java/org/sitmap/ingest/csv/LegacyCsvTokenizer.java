package org.sitmap.ingest.csv;

// The character tokenizer before the byte one (eighth session), kept verbatim as the oracle of CsvExactnessTest.

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.sitmap.model.InputException;

/**
 * A streaming RFC 4180 tokenizer: records of fields separated by a delimiter, fields optionally double-quoted
 * (quotes doubled inside, delimiters and line breaks allowed), records ended by LF, CRLF or CR. A UTF-8 byte-order
 * mark is skipped; blank lines are skipped. Lenient where RFC 4180 is strict but the meaning is clear (a quote
 * inside an unquoted field, text after a closing quote: kept as text).
 *
 * <p>Hostile input is refused with an {@link InputException} carrying the line: a NUL character (a binary file),
 * a field longer than {@link #MAX_FIELD_CHARS} or a record longer than {@link #MAX_RECORD_CHARS} characters (an
 * endless line), more than {@link #MAX_FIELDS} fields, and a file ending inside a quoted field (truncated).
 *
 * <p>Fast: one pass over a char buffer, a record's characters go into one array and a field becomes a
 * {@code String} only when asked for. Not thread-safe.
 */
public final class LegacyCsvTokenizer implements Closeable {
    /** The longest field accepted, in characters. */
    public static final int MAX_FIELD_CHARS = 1 << 20;
    /** The longest record accepted, in characters. */
    public static final int MAX_RECORD_CHARS = 4 << 20;
    /** The most fields a record may have. */
    public static final int MAX_FIELDS = 4096;

    private final Reader in;
    private final String file;
    private final char delimiter;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean first = true;
    /** The current line (1-based) of the next character to read. */
    private long line = 1;
    private boolean pendingCr;

    private char[] rec = new char[1024];
    private int recLen;
    private int[] ends = new int[64];
    private int fields;
    private long recordLine;

    /**
     * @param in        the bytes, read as UTF-8 (malformed sequences become U+FFFD); closed by {@link #close()}
     * @param file      the name used in messages
     * @param delimiter the field separator, usually {@code ','}
     */
    public LegacyCsvTokenizer(InputStream in, String file, char delimiter) {
        this(in, file, delimiter, StandardCharsets.UTF_8);
    }

    /** Tokenizes bytes in {@code charset} (UTF-8, or UTF-16 as spreadsheets' "Unicode text" exports). */
    public LegacyCsvTokenizer(InputStream in, String file, char delimiter, java.nio.charset.Charset charset) {
        this(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)),
                file, delimiter);
    }

    /** Tokenizes characters. */
    public LegacyCsvTokenizer(Reader in, String file, char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') throw new IllegalArgumentException("bad delimiter");
        this.in = in;
        this.file = file;
        this.delimiter = delimiter;
    }

    /** The name used in messages. */
    public String file() { return file; }

    /**
     * Reads the next non-blank record.
     *
     * @return false at the end of the input
     * @throws InputException on binary, endless or truncated input
     */
    public boolean next() throws IOException {
        while (true) {
            if (!readRecord()) return false;
            if (fields > 1 || ends[0] > 0) return true;
        }
    }

    /** Number of fields of the current record. */
    public int size() { return fields; }

    /** The 1-based line where the current record starts. */
    public long line() { return recordLine; }

    /** Field {@code i} of the current record as a string; "" for a field beyond the record's end. */
    public String get(int i) {
        if (i < 0 || i >= fields) return "";
        int start = i == 0 ? 0 : ends[i - 1];
        return new String(rec, start, ends[i] - start);
    }

    /**
     * Field {@code i} without leading and trailing white space, as {@code get(i).strip()} gives it, without the
     * intermediate string.
     */
    public String stripped(int i) {
        if (i < 0 || i >= fields) return "";
        int start = i == 0 ? 0 : ends[i - 1];
        int end = ends[i];
        // no white space character is a surrogate, so testing chars strips what String.strip strips
        while (start < end && Character.isWhitespace(rec[start])) start++;
        while (end > start && Character.isWhitespace(rec[end - 1])) end--;
        return new String(rec, start, end - start);
    }

    /** The first character of field {@code i}, or -1 when it is empty or beyond the record's end. */
    public int first(int i) {
        if (i < 0 || i >= fields) return -1;
        int start = i == 0 ? 0 : ends[i - 1];
        return start < ends[i] ? rec[start] : -1;
    }

    /** The length of field {@code i}, 0 beyond the record's end. */
    public int length(int i) {
        if (i < 0 || i >= fields) return 0;
        return ends[i] - (i == 0 ? 0 : ends[i - 1]);
    }

    /** True when field {@code i} is empty or only spaces. */
    public boolean isBlank(int i) {
        if (i < 0 || i >= fields) return true;
        for (int k = i == 0 ? 0 : ends[i - 1]; k < ends[i]; k++) if (rec[k] > ' ') return false;
        return true;
    }

    private int read() throws IOException {
        if (pos >= limit) {
            if (eof) return -1;
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return -1;
            }
            pos = 0;
            limit = n;
        }
        return buf[pos++];
    }

    private boolean readRecord() throws IOException {
        recLen = 0;
        fields = 0;
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') c = read();
        }
        if (pendingCr) {
            pendingCr = false;
            if (c == '\n') c = read();
        }
        if (c < 0) return false;
        recordLine = line;
        int fieldStart = 0;
        while (true) {
            if (c == '"' && recLen == fieldStart) {
                c = quoted();
                continue;
            }
            if (c < 0) {
                endField();
                return true;
            }
            if (c == delimiter) {
                endField();
                fieldStart = recLen;
            } else if (c == '\n') {
                line++;
                endField();
                return true;
            } else if (c == '\r') {
                line++;
                pendingCr = true;
                endField();
                return true;
            } else {
                append((char) c, fieldStart);
            }
            c = read();
        }
    }

    /** Reads a quoted field's content after its opening quote; returns the character after the closing quote. */
    private int quoted() throws IOException {
        int fieldStart = recLen;
        long startLine = line;
        boolean prevCr = false;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new InputException(file, startLine, "the file ends inside a quoted field that starts here"
                        + " (truncated file, or a stray '\"')");
            }
            if (c == '"') {
                int d = read();
                if (d != '"') {
                    // closing quote; text up to the delimiter is kept as it stands
                    while (d >= 0 && d != delimiter && d != '\n' && d != '\r') {
                        append((char) d, fieldStart);
                        d = read();
                    }
                    return d;
                }
                append('"', fieldStart);
            } else {
                // a line break inside quotes: LF, CR LF (counted once, also across a buffer refill) or CR
                if (c == '\n' && !prevCr || c == '\r') line++;
                prevCr = c == '\r';
                append((char) c, fieldStart);
                continue;
            }
            prevCr = false;
        }
    }

    private void append(char c, int fieldStart) {
        if (c == 0) {
            throw new InputException(file, line, "binary content (a NUL character): this is not a text CSV file");
        }
        if (recLen == rec.length) {
            if (recLen >= MAX_RECORD_CHARS) {
                throw new InputException(file, recordLine, "a record longer than " + MAX_RECORD_CHARS
                        + " characters (an endless line, or not a CSV file)");
            }
            rec = Arrays.copyOf(rec, Math.min(MAX_RECORD_CHARS, rec.length * 2));
        }
        if (recLen - fieldStart >= MAX_FIELD_CHARS) {
            throw new InputException(file, recordLine, "a field longer than " + MAX_FIELD_CHARS
                    + " characters (an endless line, or not a CSV file)");
        }
        rec[recLen++] = c;
    }

    private void endField() {
        if (fields == ends.length) {
            if (fields >= MAX_FIELDS) {
                throw new InputException(file, recordLine, "more than " + MAX_FIELDS + " fields in a record");
            }
            ends = Arrays.copyOf(ends, fields * 2);
        }
        ends[fields++] = recLen;
    }

    @Override
    public void close() throws IOException { in.close(); }
}
