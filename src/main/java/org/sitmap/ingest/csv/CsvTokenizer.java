package org.sitmap.ingest.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.sitmap.ingest.TextInput;
import org.sitmap.model.InputException;

/**
 * A streaming RFC 4180 tokenizer over the UTF-8 bytes of a {@link TextInput.Decoded} text: records of fields
 * separated by a delimiter, fields optionally double-quoted (quotes doubled inside, delimiters and line breaks
 * allowed), records ended by LF, CRLF or CR. A byte-order mark is skipped; blank lines are skipped. Lenient where
 * RFC 4180 is strict but the meaning is clear (a quote inside an unquoted field, text after a closing quote: kept as
 * text).
 *
 * <p>Hostile input is refused with an {@link InputException} carrying the line: a field longer than
 * {@link #MAX_FIELD_CHARS} or a record longer than {@link #MAX_RECORD_CHARS} characters (an endless line), more
 * than {@link #MAX_FIELDS} fields, and a file ending inside a quoted field (truncated); the text's own contract
 * refuses binary content.
 *
 * <p>Fast: a record stays where it was read in one byte window (quoted fields are unescaped in place) and a field
 * becomes a {@code String} only when asked for. The text is asked for more exactly when the former character tokenizer behind a 64 Ki
 * {@code BufferedReader} asked for it, so a fault of the text (a NUL byte, mixed encodings) is reported at the same
 * record as before. Not thread-safe.
 */
public final class CsvTokenizer implements Closeable {
    /** The longest field accepted, in characters. */
    public static final int MAX_FIELD_CHARS = 1 << 20;
    /** The longest record accepted, in characters. */
    public static final int MAX_RECORD_CHARS = 4 << 20;
    /** The most fields a record may have. */
    public static final int MAX_FIELDS = 4096;
    /** The characters the former reader asked for at once, and those its mark kept (the header's sniffing). */
    private static final int CHUNK_CHARS = 1 << 16;
    private static final int MARK_CHARS = 8192;

    private final TextInput.Decoded in;
    private final String file;
    private byte delimiter = ',';
    /** The bytes read: a record from {@code recStart}, the next byte at {@code pos}, the end at {@code lim}. */
    private byte[] win = new byte[1 << 18];
    private int pos;
    private int lim;
    private int recStart;
    /** Characters handed by the text so far. */
    private long pulled;
    private boolean eof;
    private boolean first = true;
    /** The current line (1-based) of the next byte to read. */
    private long line = 1;
    private boolean pendingCr;

    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int fields;
    private long recordLine;

    /**
     * @param in        the text (closed by {@link #close()})
     * @param file      the name used in messages
     */
    public CsvTokenizer(TextInput.Decoded in, String file) {
        this.in = in;
        this.file = file;
    }

    /** Tokenizes bytes under the input contract of {@link TextInput} (data limits), with {@code delimiter}. */
    public CsvTokenizer(InputStream in, String file, char delimiter) throws IOException {
        this(TextInput.decode(in, file, TextInput.Limits.DATA), file);
        delimiter(delimiter);
    }

    /** Sets the field separator (before the first record), usually {@code ','}; an ASCII character. */
    public void delimiter(char d) {
        if (d == '"' || d == '\n' || d == '\r' || d == 0 || d >= 0x80) throw new IllegalArgumentException("bad delimiter");
        delimiter = (byte) d;
    }

    /**
     * The first {@code n} characters of the text (fewer when it is shorter), read before any record as the former
     * reader read them to sniff the delimiter.
     */
    public String head(int n) throws IOException {
        while (pulled < n && more()) { }
        String s = new String(win, 0, lim, StandardCharsets.UTF_8);
        return s.length() <= n ? s : s.substring(0, n);
    }

    /** The name used in messages. */
    public String file() { return file; }

    /**
     * Reads the next non-blank record.
     *
     * @return false at the end of the input
     * @throws InputException on endless or truncated input, and the text's own refusals
     */
    public boolean next() throws IOException {
        while (true) {
            if (!readRecord()) return false;
            if (fields > 1 || ends[0] > starts[0]) return true;
        }
    }

    /** Number of fields of the current record. */
    public int size() { return fields; }

    /** The 1-based line where the current record starts. */
    public long line() { return recordLine; }

    /** Field {@code i} of the current record as a string; "" for a field beyond the record's end. */
    public String get(int i) {
        if (i < 0 || i >= fields) return "";
        return new String(win, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    }

    /**
     * Field {@code i} without leading and trailing white space ({@link Character#isWhitespace}), as
     * {@code get(i).strip()} gives it.
     */
    public String stripped(int i) {
        if (i < 0 || i >= fields) return "";
        int s = stripStart(i), e = stripEnd(i, s);
        return new String(win, s, e - s, StandardCharsets.UTF_8);
    }

    /** {@link #stripped}'s text, through {@code shared} (one instance for a text that repeats). */
    String stripped(int i, SharedTexts shared) {
        if (i < 0 || i >= fields) return "";
        int s = stripStart(i);
        return shared.get(win, s, stripEnd(i, s));
    }

    /** Where field {@code i} starts without its leading white space (in {@link #bytes()}). */
    int stripStart(int i) {
        int s = starts[i], e = ends[i];
        while (s < e) {
            int b = win[s] & 0xff;
            if (b < 0x80) {
                if (!Character.isWhitespace(b)) break;
                s++;
            } else {
                // white space beyond ASCII is three bytes (U+1680, U+2000-U+200A, U+2028, U+2029, U+205F, U+3000)
                if (b < 0xE0 || b >= 0xF0 || !Character.isWhitespace(codePoint3(s))) break;
                s += 3;
            }
        }
        return s;
    }

    /** Where field {@code i} ends without its trailing white space, not before {@code s}. */
    int stripEnd(int i, int s) {
        int e = ends[i];
        while (e > s) {
            int b = win[e - 1] & 0xff;
            if (b < 0x80) {
                if (!Character.isWhitespace(b)) break;
                e--;
            } else {
                if (e - 3 < s || (win[e - 3] & 0xF0) != 0xE0 || !Character.isWhitespace(codePoint3(e - 3))) break;
                e -= 3;
            }
        }
        return e;
    }

    private int codePoint3(int at) {
        return (win[at] & 0x0F) << 12 | (win[at + 1] & 0x3F) << 6 | win[at + 2] & 0x3F;
    }

    /** The first byte of field {@code i}, or -1 when it is empty or beyond the record's end. */
    public int first(int i) {
        if (i < 0 || i >= fields) return -1;
        return starts[i] < ends[i] ? win[starts[i]] & 0xff : -1;
    }

    /** The length of field {@code i} in UTF-8 bytes, 0 beyond the record's end. */
    public int byteLength(int i) {
        if (i < 0 || i >= fields) return 0;
        return ends[i] - starts[i];
    }

    /** True when field {@code i} is empty or only characters up to the space. */
    public boolean isBlank(int i) {
        if (i < 0 || i >= fields) return true;
        for (int k = starts[i]; k < ends[i]; k++) if ((win[k] & 0xff) > ' ') return false;
        return true;
    }

    /**
     * Asks the text for more: as the former {@code BufferedReader} did, 64 Ki characters at once, less the
     * characters it kept for its mark while fewer than 8 Ki were read. Keeps the current record (from
     * {@code recStart}); the positions before the call move by the returned amount (subtract it).
     */
    private boolean more() throws IOException {
        shift = 0;
        if (eof) return false;
        int max = pulled < MARK_CHARS ? (int) (CHUNK_CHARS - pulled) : CHUNK_CHARS;
        if (win.length - lim < 3 * max) {
            int keep = lim - recStart;
            byte[] to = keep + 3 * max > win.length ? new byte[Math.max(win.length * 2, keep + 3 * max)] : win;
            System.arraycopy(win, recStart, to, 0, keep);
            shift = recStart;
            win = to;
            pos -= shift;
            lim -= shift;
            for (int k = 0; k < fields; k++) {
                starts[k] -= shift;
                ends[k] -= shift;
            }
            recStart = 0;
        }
        int n = in.readUtf8(win, lim, max);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        pulled += in.charsRead();
        return true;
    }

    /** How far the last {@link #more} moved the window's bytes back. */
    private int shift;

    private boolean readRecord() throws IOException {
        fields = 0;
        recStart = pos;
        int c = read();
        if (first) {
            first = false;
            if (c == 0xEF && pos + 1 < lim && win[pos] == (byte) 0xBB && win[pos + 1] == (byte) 0xBF) {
                pos += 2;
                recStart = pos;
                c = read();
            }
        }
        if (pendingCr) {
            pendingCr = false;
            if (c == '\n') {
                recStart = pos;
                c = read();
            }
        }
        if (c < 0) return false;
        recordLine = line;
        recStart = pos - 1;
        byte[] w;
        while (true) {
            int fieldStart = pos - 1;
            if (c == '"') {
                c = quoted(fieldStart);
            } else {
                // an unquoted field: its bytes stay where they are
                int p = pos - 1;
                int d = delimiter;
                while (true) {
                    w = win;
                    while (p < lim) {
                        byte b = w[p];
                        if (b == d || b == '\n' || b == '\r') break;
                        p++;
                    }
                    if (p < lim) break;
                    limits(fieldStart, p);
                    boolean got = more();
                    p -= shift;
                    fieldStart -= shift;
                    if (!got) break;
                }
                pos = p;
                endField(fieldStart, p);
                c = read();
                if (c < 0) return true;
                if (c == d) {
                    c = read();
                    if (c < 0) {
                        endField(pos, pos);
                        return true;
                    }
                    continue;
                }
                return lineEnd(c);
            }
            // after a quoted field: the delimiter, a line break or the end
            if (c < 0) return true;
            if (c == delimiter) {
                c = read();
                if (c < 0) {
                    endField(pos, pos);
                    return true;
                }
                continue;
            }
            return lineEnd(c);
        }
    }

    /** A record ends at LF or CR (counted as one line with an LF that follows it, read with the next record). */
    private boolean lineEnd(int c) {
        line++;
        if (c == '\r') pendingCr = true;
        return true;
    }

    /** The next byte (0-255), or -1 at the end of the input. */
    private int read() throws IOException {
        if (pos >= lim) {
            if (!more()) return -1;
        }
        return win[pos++] & 0xff;
    }

    /**
     * Reads a quoted field after its opening quote at {@code at} (where its content is written back, unescaped);
     * ends the field and returns the byte after it: the delimiter, a line break, or -1.
     */
    private int quoted(int at) throws IOException {
        int o = at;
        long startLine = line;
        boolean prevCr = false;
        while (true) {
            if (pos >= lim) {
                limits(at, o);
                if (!more()) {
                    throw new InputException(file, startLine, "the file ends inside a quoted field that starts here"
                            + " (truncated file, or a stray '\"')");
                }
                at -= shift;
                o -= shift;
            }
            byte b = win[pos++];
            if (b == '"') {
                int d = peek(at, o);
                at -= shift;
                o -= shift;
                if (d != '"') {
                    // closing quote; text up to the delimiter is kept as it stands
                    while (d >= 0 && d != (delimiter & 0xff) && d != '\n' && d != '\r') {
                        win[o++] = win[pos++];
                        d = peek(at, o);
                        at -= shift;
                        o -= shift;
                    }
                    endField(at, o);
                    if (d >= 0) pos++;
                    return d;
                }
                pos++;
                win[o++] = '"';
                prevCr = false;
            } else {
                // a line break inside quotes: LF, CR LF (counted once, also across a refill) or CR
                if (b == '\n' && !prevCr || b == '\r') line++;
                prevCr = b == '\r';
                win[o++] = b;
            }
        }
    }

    /** The byte at {@code pos} without taking it, or -1 at the end (the field so far is {@code [at, o)}). */
    private int peek(int at, int o) throws IOException {
        shift = 0;
        if (pos >= lim) {
            limits(at, o);
            if (!more()) return -1;
        }
        return win[pos] & 0xff;
    }

    /** Refuses a field {@code [from, to)} or the record so far past the caps ({@link CsvCaps}). */
    private void limits(int from, int to) {
        if (to - from > MAX_FIELD_CHARS || to - recStart > MAX_RECORD_CHARS) {
            CsvCaps.check(file, recordLine, win, starts, ends, fields, from, to);
        }
    }

    private void endField(int from, int to) {
        limits(from, to);
        if (fields == starts.length) {
            if (fields >= MAX_FIELDS) {
                throw new InputException(file, recordLine, "more than " + MAX_FIELDS + " fields in a record");
            }
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = from;
        ends[fields++] = to;
    }

    @Override
    public void close() throws IOException { in.close(); }
}
