package org.sitmap.ingest.shp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitmap.model.InputException;

/**
 * The attribute table of a shapefile: a dBase III file ({@code .dbf}). Header: record count, header and record
 * lengths; then 32-byte field descriptors (name up to 10 characters, type C/N/F/D/L, width, decimals) ended by
 * {@code 0x0D}; then fixed-width records, each led by a deletion flag. Values: text stripped; numbers as
 * {@code Long} or {@code Double} (asterisks: none); dates {@code yyyymmdd} as {@code yyyy-mm-dd} ({@code 00000000}: none); logicals as {@code true/false}.
 * Header values that do not add up (field widths against the record length, a field past the header) make a
 * damaged file. Not thread-safe.
 */
final class DbfTable implements AutoCloseable {
    private final String file;
    private final InputStream in;
    private final Charset charset;
    private final List<String> names = new ArrayList<>();
    private final List<Character> types = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final int records;
    private final int recordLength;
    private int read;

    DbfTable(InputStream raw, String file, Charset charset) throws IOException {
        this.file = file;
        this.in = new BufferedInputStream(raw, 1 << 16);
        this.charset = charset;
        byte[] h = bytes(32);
        records = le32(h, 4);
        int headerLength = le16(h, 8);
        recordLength = le16(h, 10);
        if (records < 0 || headerLength < 33 || recordLength < 1) throw damaged("a bad header");
        int pos = 32;
        int sum = 1;
        while (true) {
            int first = in.read();
            pos++;
            if (first < 0) throw damaged("it ends inside its header");
            if (first == 0x0d) break;
            if (pos + 31 > headerLength) throw damaged("a field description past the header");
            byte[] d = new byte[32];
            d[0] = (byte) first;
            System.arraycopy(bytes(31), 0, d, 1, 31);
            pos += 31;
            int end = 0;
            while (end < 11 && d[end] != 0) end++;
            names.add(new String(d, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1).strip());
            types.add((char) (d[11] & 0xff));
            int width = d[16] & 0xff;
            widths.add(width);
            sum += width;
        }
        if (sum != recordLength) throw damaged("field widths (" + sum + ") that do not make its record length (" + recordLength + ")");
        if (headerLength > pos) bytes(headerLength - pos);
    }

    /** The number of records the header announces. */
    int records() { return records; }

    /**
     * The next record as field name → value (null values left out), or null at the end; a deleted record is an
     * empty map.
     */
    Map<String, Object> next() throws IOException {
        if (read >= records) return null;
        read++;
        byte[] r = bytes(recordLength);
        Map<String, Object> out = new LinkedHashMap<>();
        if (r[0] == '*') return out;
        int pos = 1;
        for (int i = 0; i < names.size(); i++) {
            String text = new String(r, pos, widths.get(i), charset).strip();
            pos += widths.get(i);
            Object v = value(types.get(i), text);
            if (v != null) out.put(names.get(i), v);
        }
        return out;
    }

    private static Object value(char type, String s) {
        if (s.isEmpty()) return null;
        switch (type) {
            case 'N', 'F':
                if (s.matches("\\*+")) return null;   // dBase's null number (GDAL writes it)
                try {
                    if (s.matches("-?\\d{1,18}")) return Long.parseLong(s);
                    double d = Double.parseDouble(s);
                    return Double.isFinite(d) ? d : s;
                } catch (NumberFormatException e) {
                    return s;   // kept as text: the feature's check names the field
                }
            case 'D':
                if (s.equals("00000000")) return null;   // how GDAL writes a null date
                return s.matches("\\d{8}") ? s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6) : s;
            case 'L':
                return "TtYy".indexOf(s.charAt(0)) >= 0 ? Boolean.TRUE : "FfNn".indexOf(s.charAt(0)) >= 0 ? Boolean.FALSE : null;
            default:
                return s;
        }
    }

    private byte[] bytes(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw damaged("it is cut");
        return b;
    }

    private InputException damaged(String what) {
        return new InputException(file, 0, "a damaged shapefile table (.dbf): " + what);
    }

    static int le32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    static int le16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    @Override
    public void close() throws IOException { in.close(); }
}
