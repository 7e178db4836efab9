package org.sitmap.ingest.csv;

import org.sitmap.model.InputException;

/**
 * The caps of {@link CsvTokenizer} counted in characters, as the former character tokenizer counted them, over a
 * record held as UTF-8 bytes: asked only when the bytes alone pass a cap (a character is at least one byte).
 */
final class CsvCaps {
    private CsvCaps() { }

    /**
     * Refuses the field {@code win[from, to)} or the record so far (the fields {@code [starts[k], ends[k])} before
     * it, and this one) when longer than {@link CsvTokenizer#MAX_FIELD_CHARS} or
     * {@link CsvTokenizer#MAX_RECORD_CHARS} characters, naming the cap the former tokenizer met first: it refused at
     * the character past a cap, the record's when both are passed at the same character.
     */
    static void check(String file, long recordLine, byte[] win, int[] starts, int[] ends, int fields, int from, int to) {
        long fieldChars = chars(win, from, to);
        long before = 0;
        for (int k = 0; k < fields; k++) before += chars(win, starts[k], ends[k]);
        long recordChars = before + fieldChars;
        // the character at which each cap was passed, counted in the record (1-based)
        long fieldPast = fieldChars > CsvTokenizer.MAX_FIELD_CHARS ? before + CsvTokenizer.MAX_FIELD_CHARS + 1 : Long.MAX_VALUE;
        long recordPast = recordChars > CsvTokenizer.MAX_RECORD_CHARS ? CsvTokenizer.MAX_RECORD_CHARS + 1 : Long.MAX_VALUE;
        if (recordPast != Long.MAX_VALUE && recordPast <= fieldPast) {
            throw new InputException(file, recordLine, "a record longer than " + CsvTokenizer.MAX_RECORD_CHARS
                    + " characters (an endless line, or not a CSV file)");
        }
        if (fieldPast != Long.MAX_VALUE) {
            throw new InputException(file, recordLine, "a field longer than " + CsvTokenizer.MAX_FIELD_CHARS
                    + " characters (an endless line, or not a CSV file)");
        }
    }

    /** UTF-16 characters of the well-formed UTF-8 in {@code win[from, to)}. */
    private static long chars(byte[] win, int from, int to) {
        long n = 0;
        for (int k = from; k < to; k++) {
            int b = win[k] & 0xff;
            if ((b & 0xC0) != 0x80) n += b >= 0xF0 ? 2 : 1;
        }
        return n;
    }
}
