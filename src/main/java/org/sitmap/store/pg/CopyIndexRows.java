package org.sitmap.store.pg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.SubEventType;

/**
 * Reads the binary {@code COPY} rows of {@link PgIndexLoader#COLUMNS} into {@link IndexRows}, straight from the bytes:
 * numbers and dates in their binary form, the point's degrees from its EWKB, and the repeated texts (faction lists,
 * event types, place names) looked up by their bytes, so a row makes no {@code String} and no boxed number. The
 * server sends each column as stored (no {@code ST_X}, no date arithmetic per row).
 *
 * <p>Not thread-safe: one thread feeds {@link #accept} the messages in order, then calls {@link #build} once.
 */
final class CopyIndexRows {
    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** PostgreSQL counts dates from 2000-01-01; the index from 1970-01-01. */
    private static final int PG_EPOCH_DAY = 10_957;
    /** Columns of each row, in the order of {@link PgIndexLoader#COLUMNS}. */
    static final int FIELDS = 11;

    private final IndexRows rows;
    private final ByteNames<long[]> masks = new ByteNames<>();
    private final ByteNames<Integer> types = new ByteNames<>();
    private final ByteNames<Integer> subTypes = new ByteNames<>();
    private final ByteNames<Integer> placeRefs = new ByteNames<>();
    private final List<String> places = new ArrayList<>();
    private final Function<String, long[]> maskOf;
    private final Function<String, Integer> placeRef = name -> {
        places.add(name);
        return places.size() - 1;
    };
    private boolean header;
    private boolean ended;
    private int noPlace = -1;

    CopyIndexRows(FactionCatalog catalog, int capacity) {
        rows = new IndexRows(catalog, capacity);
        maskOf = catalog::maskAndPrimary;
    }

    /** Rows read so far. */
    int size() { return rows.size(); }

    /**
     * One message of the {@code COPY … (FORMAT binary)} stream: the first carries the file header, each holds whole
     * rows, the last the end mark.
     *
     * @throws IllegalStateException when the bytes are not the expected rows (never expected from a server)
     */
    void accept(byte[] m) {
        int p = 0;
        if (!header) {
            if (m.length < SIGNATURE.length + 8 || !Arrays.equals(m, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new IllegalStateException("not a binary COPY stream");
            }
            p = SIGNATURE.length + 4;
            p += 4 + int4(m, p);   // header extension
            header = true;
        }
        while (p < m.length) {
            int fields = ((m[p] & 0xff) << 8) | (m[p + 1] & 0xff);
            p += 2;
            if (fields == 0xffff) {
                ended = true;
                return;
            }
            if (fields != FIELDS) throw new IllegalStateException("a row of " + fields + " columns, not " + FIELDS);
            p = row(m, p);
        }
    }

    /** Reads one row's fields from {@code p}; returns where the next row starts. */
    private int row(byte[] m, int p) {
        long fid = int8(m, p + 4);
        p += 12;
        int first = day(int4(m, p + 4));
        p += 8;
        int last = day(int4(m, p + 4));
        p += 8;
        double lat = Double.NaN;
        double lon = Double.NaN;
        int len = int4(m, p);
        p += 4;
        if (len >= 21) {
            boolean little = m[p] == 1;
            int type = little ? Integer.reverseBytes(int4(m, p + 1)) : int4(m, p + 1);
            int at = p + 5 + ((type & 0x20000000) != 0 ? 4 : 0);
            if ((type & 0x0fffffff) == 1 && at + 16 <= p + len) {
                lon = Double.longBitsToDouble(little ? Long.reverseBytes(int8(m, at)) : int8(m, at));
                lat = Double.longBitsToDouble(little ? Long.reverseBytes(int8(m, at + 8)) : int8(m, at + 8));
            }
        }
        if (len > 0) p += len;
        len = int4(m, p);
        long[] fm = masks.get(m, p + 4, Math.max(len, 0), maskOf);
        p += 4 + Math.max(len, 0);
        len = int4(m, p);
        int type = types.get(m, p + 4, Math.max(len, 0), CopyIndexRows::eventType);
        p += 4 + Math.max(len, 0);
        len = int4(m, p);
        int sub = len < 0 ? -1 : subTypes.get(m, p + 4, len, CopyIndexRows::subEventType);
        p += 4 + Math.max(len, 0);
        int datePrecision = int4(m, p + 4);
        p += 8;
        int geoPrecision = int4(m, p + 4);
        p += 8;
        len = int4(m, p);
        int deaths = len < 0 ? -1 : int4(m, p + 4);
        p += 4 + Math.max(len, 0);
        len = int4(m, p);
        int place;
        if (len < 0) {
            place = noPlace >= 0 ? noPlace : (noPlace = placeRefs.get(m, p, 0, placeRef));   // as the empty name
        } else {
            place = placeRefs.get(m, p + 4, len, placeRef);
        }
        p += 4 + Math.max(len, 0);
        rows.add(fid, first, last, lat, lon, fm[0], (int) fm[1], type, sub, datePrecision, geoPrecision, deaths,
                place);
        return p;
    }

    /** The index of the rows read. */
    IncidentIndex build() {
        return build(Runnable::run);
    }

    /** The index of the rows read, half of its columns ordered on {@code helper} ({@link IndexRows#build}). */
    IncidentIndex build(java.util.concurrent.Executor helper) {
        if (header && !ended) throw new IllegalStateException("the COPY stream ended early");
        return rows.build(places.toArray(new String[0]), helper);
    }

    private static int eventType(String name) {
        return EventType.parse(name).orElse(EventType.STRATEGIC_DEVELOPMENTS).ordinal();
    }

    private static int subEventType(String name) {
        return SubEventType.parse(name).map(Enum::ordinal).orElse(-1);
    }

    /** PostgreSQL's day number as an epoch day; its infinite dates as far but finite days. */
    private static int day(int pg) {
        if (pg == Integer.MAX_VALUE) return 3_000_000;
        if (pg == Integer.MIN_VALUE) return -3_000_000;
        return pg + PG_EPOCH_DAY;
    }

    private static int int4(byte[] m, int p) {
        return ((m[p] & 0xff) << 24) | ((m[p + 1] & 0xff) << 16) | ((m[p + 2] & 0xff) << 8) | (m[p + 3] & 0xff);
    }

    private static long int8(byte[] m, int p) {
        return ((long) int4(m, p) << 32) | (int4(m, p + 4) & 0xffffffffL);
    }

    /**
     * Values made once per distinct UTF-8 text and found again by its bytes (open addressing), so a repeated text
     * costs a hash of its bytes and one comparison.
     */
    static final class ByteNames<V> {
        private byte[][] keys = new byte[64][];
        private Object[] values = new Object[64];
        private int size;

        /** The value for the text in {@code m[off, off+len)}, made by {@code make} from its first appearance. */
        @SuppressWarnings("unchecked")
        V get(byte[] m, int off, int len, Function<String, V> make) {
            int h = 1;
            for (int k = off; k < off + len; k++) h = 31 * h + m[k];
            h ^= h >>> 16;
            int mask = keys.length - 1;
            for (int slot = h & mask; ; slot = (slot + 1) & mask) {
                byte[] key = keys[slot];
                if (key == null) {
                    byte[] own = Arrays.copyOfRange(m, off, off + len);
                    V v = make.apply(new String(own, StandardCharsets.UTF_8));
                    keys[slot] = own;
                    values[slot] = v;
                    if (++size * 2 > keys.length) grow();
                    return v;
                }
                if (key.length == len && same(key, m, off)) return (V) values[slot];
            }
        }

        private static boolean same(byte[] key, byte[] m, int off) {
            for (int k = 0; k < key.length; k++) if (key[k] != m[off + k]) return false;
            return true;
        }

        private void grow() {
            byte[][] oldKeys = keys;
            Object[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            values = new Object[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int k = 0; k < oldKeys.length; k++) {
                byte[] key = oldKeys[k];
                if (key == null) continue;
                int h = 1;
                for (byte b : key) h = 31 * h + b;
                h ^= h >>> 16;
                int slot = h & mask;
                while (keys[slot] != null) slot = (slot + 1) & mask;
                keys[slot] = key;
                values[slot] = oldValues[k];
            }
        }
    }
}
