package org.sitmap.store.pg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexColumns;
import org.sitmap.model.FactionCatalog;

/**
 * Index columns written and read as the records of the local snapshot's journal ({@link SnapshotJournal}) and of the
 * server's packed index ({@link IndexPacks}): a record is its payload's length, the payload (commit numbers before and
 * after, rows, longest span, place names, then the rows' fifteen index columns in day order, little-endian) and a
 * CRC-32C of length and payload. Reading appends the records' rows one after the other into arrays sized once, with
 * the place names of all records numbered in one list, so the parts of one import (slices of its rows in day order)
 * come back as one index without a merge.
 *
 * <p>Not thread-safe: one thread appends, then calls {@link #build} once.
 */
final class PackColumns {
    /** Bytes of a record's payload before its place names. */
    static final int HEAD = 8 + 8 + 4 + 4 + 4;
    /** Bytes per row over all columns. */
    static final int ROW = 8 + 4 + 4 + 4 * 4 + 8 + 5 + 4 + 4;

    private final long[] id;
    private final int[] day;
    private final int[] dayEnd;
    private final float[] lon;
    private final float[] lat;
    private final float[] mx;
    private final float[] my;
    private final long[] mask;
    private final byte[] primary;
    private final byte[] type;
    private final byte[] sub;
    private final byte[] datePrec;
    private final byte[] geoPrec;
    private final int[] fatalities;
    private final int[] placeRef;
    private final List<String> places = new ArrayList<>();
    private final Map<String, Integer> placeNumbers = new HashMap<>();
    private int n;
    private int maxSpan;

    /** Room for {@code rows} rows in all. */
    PackColumns(int rows) {
        id = new long[rows]; day = new int[rows]; dayEnd = new int[rows]; lon = new float[rows]; lat = new float[rows];
        mx = new float[rows]; my = new float[rows]; mask = new long[rows]; primary = new byte[rows];
        type = new byte[rows]; sub = new byte[rows]; datePrec = new byte[rows]; geoPrec = new byte[rows];
        fatalities = new int[rows]; placeRef = new int[rows];
    }

    /** The rows a record payload holds (its fixed head), without reading it. */
    static int rows(ByteBuffer payload) {
        return payload.getInt(16);
    }

    /**
     * Appends the rows of one record's payload (little-endian, position 0 to its limit).
     *
     * @throws IllegalArgumentException when the payload is not a whole record or there is no room for its rows
     */
    void add(ByteBuffer p) {
        p = p.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (p.remaining() < HEAD) throw new IllegalArgumentException("bad record");
        int rows = p.getInt(16);
        int span = p.getInt(20);
        int placeCount = p.getInt(24);
        if (rows < 0 || placeCount < 0 || span < 0 || (long) rows * ROW > p.remaining() || rows > id.length - n) {
            throw new IllegalArgumentException("bad record");
        }
        p.position(HEAD);
        int[] number = new int[placeCount];
        for (int k = 0; k < placeCount; k++) {
            int len = p.getInt();
            if (len < 0 || len > p.remaining()) throw new IllegalArgumentException("bad place name");
            String name = new String(p.array(), p.arrayOffset() + p.position(), len, StandardCharsets.UTF_8);
            p.position(p.position() + len);
            number[k] = placeNumbers.computeIfAbsent(name, s -> {
                places.add(s);
                return places.size() - 1;
            });
        }
        if ((long) rows * ROW != p.remaining()) throw new IllegalArgumentException("bad record length");
        int at = n;
        p.asLongBuffer().get(id, at, rows);
        p.position(p.position() + rows * 8);
        ints(p, day, at, rows);
        ints(p, dayEnd, at, rows);
        for (float[] f : new float[][] {lon, lat, mx, my}) {
            p.asFloatBuffer().get(f, at, rows);
            p.position(p.position() + rows * 4);
        }
        p.asLongBuffer().get(mask, at, rows);
        p.position(p.position() + rows * 8);
        for (byte[] b : new byte[][] {primary, type, sub, datePrec, geoPrec}) p.get(b, at, rows);
        ints(p, fatalities, at, rows);
        ints(p, placeRef, at, rows);
        for (int k = at; k < at + rows; k++) {
            int r = placeRef[k];
            if (r < 0 || r >= placeCount) throw new IllegalArgumentException("place reference out of range");
            placeRef[k] = number[r];
        }
        maxSpan = Math.max(maxSpan, span);
        n += rows;
    }

    /** Rows appended so far. */
    int size() { return n; }

    /**
     * The index of the rows appended (all the room given must be used).
     *
     * @throws IllegalArgumentException when the rows are not in day order or fail the index's other checks
     */
    IncidentIndex build(FactionCatalog catalog) {
        if (n != id.length) throw new IllegalArgumentException("fewer rows than announced");
        return IncidentIndex.of(catalog, new IndexColumns(id, day, dayEnd, lon, lat, mx, my, mask, primary, type, sub,
                datePrec, geoPrec, fatalities, placeRef, places.toArray(new String[0]), maxSpan));
    }

    /**
     * One record (length, payload, CRC-32C) of rows {@code from} (inclusive) to {@code to} of {@code c}, with the
     * commit numbers {@code before} and {@code after}; {@code header} bytes are left free at the start of the array.
     */
    static ByteBuffer record(int header, long before, long after, IndexColumns c, int from, int to) {
        int rows = to - from;
        int[] number = new int[c.places().length];
        java.util.Arrays.fill(number, -1);
        List<byte[]> names = new ArrayList<>();
        long placeBytes = 0;
        int[] ref = new int[rows];
        for (int k = 0; k < rows; k++) {
            int r = c.placeRef()[from + k];
            if (number[r] < 0) {
                number[r] = names.size();
                byte[] b = c.places()[r].getBytes(StandardCharsets.UTF_8);
                names.add(b);
                placeBytes += 4 + b.length;
            }
            ref[k] = number[r];
        }
        long len = HEAD + placeBytes + (long) rows * ROW;
        if (len > Integer.MAX_VALUE - header - 16) throw new IllegalArgumentException("too many rows for one record");
        ByteBuffer b = ByteBuffer.allocate(header + 4 + (int) len + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.position(header);
        b.putInt((int) len).putLong(before).putLong(after).putInt(rows).putInt(c.maxSpan()).putInt(names.size());
        for (byte[] name : names) b.putInt(name.length).put(name);
        b.asLongBuffer().put(c.id(), from, rows);
        b.position(b.position() + rows * 8);
        for (int[] col : new int[][] {c.day(), c.dayEnd()}) {
            b.asIntBuffer().put(col, from, rows);
            b.position(b.position() + rows * 4);
        }
        for (float[] f : new float[][] {c.lon(), c.lat(), c.mercX(), c.mercY()}) {
            b.asFloatBuffer().put(f, from, rows);
            b.position(b.position() + rows * 4);
        }
        b.asLongBuffer().put(c.factionMask(), from, rows);
        b.position(b.position() + rows * 8);
        for (byte[] col : new byte[][] {c.primaryFaction(), c.eventType(), c.subEventType(), c.datePrecision(),
                c.geoPrecision()}) b.put(col, from, rows);
        b.asIntBuffer().put(c.fatalities(), from, rows);
        b.position(b.position() + rows * 4);
        b.asIntBuffer().put(ref);
        b.position(b.position() + rows * 4);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), header, b.position() - header);
        b.putLong(crc.getValue());
        b.flip();
        return b;
    }

    /**
     * The payload of the record at {@code pos} of {@code all} when it is whole and its checksum matches, else null.
     */
    static ByteBuffer payload(byte[] all, int pos, int end) {
        if (end - pos < 4 + HEAD + 8) return null;
        int len = ByteBuffer.wrap(all, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (len < HEAD || (long) pos + 4 + len + 8 > end) return null;
        CRC32C crc = new CRC32C();
        crc.update(all, pos, 4 + len);
        long stored = ByteBuffer.wrap(all, pos + 4 + len, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (crc.getValue() != stored) return null;
        return ByteBuffer.wrap(all, pos + 4, len).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void ints(ByteBuffer p, int[] a, int at, int rows) {
        p.asIntBuffer().get(a, at, rows);
        p.position(p.position() + rows * 4);
    }
}
