package org.sitmap.ingest.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitmap.model.InputException;

/**
 * The header record of a CSV file: column names, looked up ignoring case and surrounding spaces, each under one
 * or more spellings (current and older exports name some columns differently).
 */
public final class LegacyCsvHeader {
    private final String file;
    private final Map<String, Integer> index = new HashMap<>();
    private final int size;

    /** Reads the header from the tokenizer's first record. */
    public LegacyCsvHeader(LegacyCsvTokenizer csv, String what) throws java.io.IOException {
        this.file = csv.file();
        if (!csv.next()) throw new InputException(file, 0, "the file is empty (expected " + what + " with a header line)");
        size = csv.size();
        for (int i = 0; i < size; i++) {
            index.putIfAbsent(csv.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
    }

    /** The number of columns. */
    public int size() { return size; }

    /** The index of the first of {@code names} present, or -1. */
    public int find(String... names) {
        for (String n : names) {
            Integer i = index.get(n);
            if (i != null) return i;
        }
        return -1;
    }

    /**
     * The index of the first of {@code names} present.
     *
     * @throws InputException naming the column when none is present
     */
    public int require(List<String> missing, String... names) {
        int i = find(names);
        if (i < 0) missing.add(names[0]);
        return i;
    }

    /** Throws an {@link InputException} listing the missing columns, if any. */
    public void check(List<String> missing, String what) {
        if (missing.isEmpty()) return;
        throw new InputException(file, 1, "missing column" + (missing.size() > 1 ? "s " : " ")
                + String.join(", ", missing) + ": not " + what + " (found " + size + " columns)");
    }

    /** An empty list for {@link #require}. */
    public static List<String> missing() { return new ArrayList<>(); }

    /** The most frequent of {@code , ; TAB} outside quotes in a header line (',' when none). */
    public static char sniffDelimiter(String head) {
        int nl = head.indexOf('\n');
        String first = nl < 0 ? head : head.substring(0, nl);
        int comma = 0, semi = 0, tab = 0;
        boolean q = false;
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (c == '"') q = !q;
            else if (!q && c == ',') comma++;
            else if (!q && c == ';') semi++;
            else if (!q && c == '\t') tab++;
        }
        if (tab > comma && tab > semi) return '\t';
        if (semi > comma) return ';';
        return ',';
    }
}
