package org.sitmap.ingest;

// TextInput before the byte path (eighth session): the oracle of CsvExactnessTest.

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sitmap.model.InputException;

/**
 * The one input contract of every text reader: how bytes become characters, and how big a file, a line and a
 * field may be.
 *
 * <ul>
 *   <li>A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE (a UTF-32 mark is refused).</li>
 *   <li>Without one the bytes must be UTF-8. When they are not, and no valid non-ASCII UTF-8 came before the first
 *       bad byte, the file is read as Windows-1252 (what Word and older web pages save) and {@link Decoded#note()}
 *       says so for the import report.</li>
 *   <li>Anything else (mixed encodings, a byte Windows-1252 does not define, a NUL byte, a broken UTF-16 pair) is
 *       refused with an {@link InputException} naming the file and the byte offset.</li>
 *   <li>A file larger than {@link Limits#maxBytes()} and, where the format has lines, a line longer than
 *       {@link Limits#maxLineChars()} are refused.</li>
 * </ul>
 */
public final class LegacyTextInput {
    /** The largest data file (CSV, GeoJSON, KML) read: 4 GiB. */
    public static final long MAX_DATA_BYTES = 4L << 30;
    /** The largest news article read: 256 KiB of text (a long report is under 100 KiB). */
    public static final long MAX_ARTICLE_BYTES = 256L << 10;
    /** The largest GeoNames dump read: 2 GiB ({@code allCountries.txt} is about 1.6 GB). */
    public static final long MAX_GAZETTEER_BYTES = 2L << 30;
    /** The longest line of a line-based text (an article, a GeoNames dump), in characters. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** The longest field (a CSV cell, a JSON string, a KML element's text), in characters. */
    public static final int MAX_FIELD_CHARS = 1 << 20;

    /**
     * Caps of one format.
     *
     * @param maxBytes     the largest file, in bytes
     * @param maxLineChars the longest line in characters, 0 for formats whose lines mean nothing (JSON, XML)
     */
    public record Limits(long maxBytes, int maxLineChars) {
        /** CSV, GeoJSON, KML: large files, lines unchecked here (CSV records have their own cap). */
        public static final Limits DATA = new Limits(MAX_DATA_BYTES, 0);
        /** A news article. */
        public static final Limits ARTICLE = new Limits(MAX_ARTICLE_BYTES, MAX_LINE_CHARS);
        /** A GeoNames dump. */
        public static final Limits GAZETTEER = new Limits(MAX_GAZETTEER_BYTES, MAX_LINE_CHARS);
    }

    private LegacyTextInput() { }

    /** Opens {@code path} under {@code limits}; the name in messages is {@code name}. */
    public static Decoded open(Path path, String name, Limits limits) throws IOException {
        long size = Files.size(path);
        if (size > limits.maxBytes()) {
            throw new InputException(name, 0, "the file is " + size + " bytes, more than the " + limits.maxBytes()
                    + " bytes this format accepts; split it");
        }
        return decode(Files.newInputStream(path), name, limits);
    }

    /** Decodes {@code in} (closed with the reader, also when this throws) under {@code limits}. */
    public static Decoded decode(InputStream in, String name, Limits limits) throws IOException {
        try {
            return new Decoded(in, name, limits);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * A reader of characters under the contract. Not thread-safe.
     */
    public static final class Decoded extends Reader {
        private static final Charset CP1252 = Charset.forName("windows-1252");
        private final InputStream in;
        private final String file;
        private final Limits limits;
        private final ByteBuffer bb = ByteBuffer.allocate(1 << 16);
        /** The file offset of {@code bb}'s index 0. */
        private long base;
        private long total;
        private boolean eof;
        private boolean flushed;
        private CharsetDecoder decoder;
        private Charset charset;
        private boolean singleByte;
        /** File offset of the first byte at or above 0x80 (UTF-8 or Windows-1252 only), or -1. */
        private long firstHigh = -1;
        private String note;
        private long line = 1;
        private int lineChars;
        /** Line feeds among the bytes scanned so far (UTF-8 or Windows-1252 only). */
        private long scannedLines;

        private Decoded(InputStream in, String file, Limits limits) throws IOException {
            this.in = in;
            this.file = file;
            this.limits = limits;
            bb.limit(0);
            while (!eof && bb.remaining() < 4) fill();
            int b0 = at(0), b1 = at(1), b2 = at(2), b3 = at(3);
            if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
                use(StandardCharsets.UTF_8, 3);
            } else if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0 || b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
                throw new InputException(file, 0, "UTF-32 text is not read; save the file as UTF-8");
            } else if (b0 == 0xFF && b1 == 0xFE) {
                use(StandardCharsets.UTF_16LE, 2);
            } else if (b0 == 0xFE && b1 == 0xFF) {
                use(StandardCharsets.UTF_16BE, 2);
            } else {
                use(StandardCharsets.UTF_8, 0);
            }
            if (singleByte) scanHigh(bb.position());
        }

        private int at(int i) { return i < bb.limit() ? bb.get(i) & 0xff : -1; }

        private void use(Charset cs, int skip) {
            charset = cs;
            singleByte = cs == StandardCharsets.UTF_8 || cs == CP1252;
            decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            bb.position(bb.position() + skip);
        }

        /** The charset the text was read in (after the first read, final). */
        public Charset charset() { return charset; }

        /** A sentence for the import report when the text was not UTF-8 (read as Windows-1252), else null. */
        public String note() { return note; }

        /** The 1-based line of the next character. */
        public long line() { return line; }

        private void fill() throws IOException {
            base += bb.position();
            bb.compact();
            int from = bb.position();
            int n = bb.hasRemaining() ? in.read(bb.array(), from, bb.remaining()) : 0;
            if (n < 0) {
                eof = true;
            } else {
                total += n;
                if (total > limits.maxBytes()) {
                    throw new InputException(file, 0, "the input is more than " + limits.maxBytes()
                            + " bytes, more than this format accepts; split it");
                }
                bb.position(from + n);
            }
            bb.flip();
            if (singleByte && n > 0) scanHigh(from);
        }

        /** Records the first high byte, refuses NUL bytes, from {@code from} to the buffer's limit. */
        private void scanHigh(int from) {
            byte[] a = bb.array();
            for (int i = from, end = bb.limit(); i < end; i++) {
                byte b = a[i];
                if (b == 0) {
                    throw new InputException(file, scannedLines + 1, "binary content (a NUL byte at byte offset "
                            + (base + i) + "): not a text file, or UTF-16 text without a byte-order mark; save it as"
                            + " UTF-8 text");
                }
                if (b == '\n') scannedLines++;
                else if (b < 0 && firstHigh < 0) firstHigh = base + i;
            }
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) return 0;
            CharBuffer cb = CharBuffer.wrap(cbuf, off, len);
            while (cb.position() == off) {
                if (flushed) return -1;
                CoderResult r = decoder.decode(bb, cb, eof);
                if (r.isError()) {
                    badBytes(cbuf, off, cb.position());
                    continue;
                }
                if (r.isUnderflow()) {
                    if (eof) {
                        decoder.flush(cb);
                        flushed = true;
                    } else {
                        fill();
                    }
                }
            }
            int n = cb.position() - off;
            check(cbuf, off, n);
            return n;
        }

        /** Falls back to Windows-1252 when that is what the text is, else refuses. */
        private void badBytes(char[] cbuf, int from, int to) {
            long offset = base + bb.position();
            if (charset == StandardCharsets.UTF_8 && (firstHigh < 0 || firstHigh >= offset)) {
                charset = CP1252;
                decoder = CP1252.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                note = "not UTF-8 (first at byte offset " + offset + "): read as Windows-1252; check accented"
                        + " names, or save the file as UTF-8";
                return;
            }
            String what = charset == CP1252 ? "a byte that Windows-1252 does not define"
                    : charset == StandardCharsets.UTF_8 ? "a byte that is not UTF-8 after valid UTF-8 text (mixed encodings)"
                    : "a broken " + charset.name() + " character";
            long at = line;
            for (int i = from; i < to; i++) if (cbuf[i] == '\n') at++;
            throw new InputException(file, at, what + " at byte offset " + offset + "; save the file as UTF-8");
        }

        private void check(char[] cbuf, int off, int n) {
            int max = limits.maxLineChars();
            for (int i = off, end = off + n; i < end; i++) {
                char c = cbuf[i];
                if (c == '\n') {
                    line++;
                    lineChars = 0;
                } else if (c == 0) {
                    throw new InputException(file, line, "a NUL character: a binary file, not text");
                } else if (max > 0 && ++lineChars > max) {
                    throw new InputException(file, line, "a line longer than " + max + " characters; this is"
                            + " not a text this format reads (or split the line)");
                }
            }
        }

        @Override
        public void close() throws IOException { in.close(); }
    }
}
