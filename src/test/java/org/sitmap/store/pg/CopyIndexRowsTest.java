package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.SubEventType;

/**
 * The binary COPY rows of the window's index, written here byte by byte as PostgreSQL sends them (header, rows, end
 * mark), read into the same index {@link IncidentIndex.Builder} makes of the same values; and the packed ids of the
 * server's text search.
 */
class CopyIndexRowsTest {
    private static final FactionCatalog CATALOG = FactionCatalog.shipped();
    private static final int PG_EPOCH = (int) LocalDate.of(2000, 1, 1).toEpochDay();

    @Test
    void rowsReadFromTheirBytesMakeTheBuildersIndex() throws IOException {
        CopyIndexRows rows = new CopyIndexRows(CATALOG, 1);   // grows past its first guess
        IncidentIndex.Builder expected = new IncidentIndex.Builder(CATALOG, 8);
        String codes = CATALOG.get(1).code() + "," + CATALOG.get(0).code();
        long[] fm = CATALOG.maskAndPrimary(codes);
        // the header with an extension, then the first row in the same message, as the server sends it
        byte[] first = row(7, day(2020, 3, 5), day(2020, 3, 11), point(true, true, 36.2, 37.15), codes,
                "Battles", "Armed clash", 2, 1, 12, "Aleppo");
        accept(rows, concat(header(4), first));
        expected.add(7, (int) LocalDate.of(2020, 3, 5).toEpochDay(), (int) LocalDate.of(2020, 3, 11).toEpochDay(),
                37.15, 36.2, fm[0], (int) fm[1], EventType.BATTLES.ordinal(), SubEventType.parse("Armed clash")
                        .orElseThrow().ordinal(), 2, 1, 12, "Aleppo");
        // big-endian WKB without SRID, no sub-event type, unknown fatalities, the same place again
        accept(rows, row(3, day(2019, 1, 1), day(2019, 1, 1), point(false, false, 40.1, 35.3), codes,
                "Protests", null, 1, 2, null, "Aleppo"));
        expected.add(3, (int) LocalDate.of(2019, 1, 1).toEpochDay(), (int) LocalDate.of(2019, 1, 1).toEpochDay(),
                35.3, 40.1, fm[0], (int) fm[1], EventType.PROTESTS.ordinal(), -1, 1, 2, -1, "Aleppo");
        // no position, no place, no faction, an end before the start (kept at the start); then an Arabic place
        accept(rows, row(9, day(2019, 1, 1), day(2018, 12, 1), null, "", "Riots", "Mob violence", 1, 0, 0, null));
        long[] unknown = CATALOG.maskAndPrimary("");
        expected.add(9, (int) LocalDate.of(2019, 1, 1).toEpochDay(), (int) LocalDate.of(2018, 12, 1).toEpochDay(),
                Double.NaN, Double.NaN, unknown[0], (int) unknown[1], EventType.RIOTS.ordinal(),
                SubEventType.parse("Mob violence").orElseThrow().ordinal(), 1, 0, 0, null);
        accept(rows, row(11, day(2021, 6, 1), day(2021, 6, 1), point(true, true, 36.0, 35.0), codes,
                "Battles", null, 1, 1, 0, "حلب"));
        expected.add(11, (int) LocalDate.of(2021, 6, 1).toEpochDay(), (int) LocalDate.of(2021, 6, 1).toEpochDay(),
                35.0, 36.0, fm[0], (int) fm[1], EventType.BATTLES.ordinal(), -1, 1, 1, 0, "حلب");
        accept(rows, new byte[] {(byte) 0xff, (byte) 0xff});
        assertEquals(4, rows.size());
        assertSame(expected.build(), rows.build());
    }

    @Test
    void aStreamWithoutItsEndMarkIsRefusedNotShown() throws IOException {
        CopyIndexRows rows = new CopyIndexRows(CATALOG, 4);
        accept(rows, concat(header(0), row(1, day(2020, 1, 1), day(2020, 1, 1), null, "", "Battles", null, 1, 1,
                null, null)));
        assertThrows(IllegalStateException.class, rows::build);
        assertThrows(IllegalStateException.class, () -> new CopyIndexRows(CATALOG, 4).accept(new byte[] {1, 2, 3}));
    }

    @Test
    void packedIdsComeBackAscending() {
        ByteBuffer b = ByteBuffer.allocate(32);
        b.putLong(5).putLong(2).putLong(1L << 40).putLong(3);
        assertArrayEquals(new long[] {2, 3, 5, 1L << 40}, PgStore.ids(b.array()));
        assertArrayEquals(new long[0], PgStore.ids(null));
        ByteBuffer sorted = ByteBuffer.allocate(16).putLong(1).putLong(9);
        assertArrayEquals(new long[] {1, 9}, PgStore.ids(sorted.array()));
    }

    private static void assertSame(IncidentIndex a, IncidentIndex b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            String at = "row " + i;
            assertEquals(a.id(i), b.id(i), at);
            assertEquals(a.day(i), b.day(i), at);
            assertEquals(a.dayEnd(i), b.dayEnd(i), at);
            assertEquals(Float.floatToIntBits(a.lat(i)), Float.floatToIntBits(b.lat(i)), at);
            assertEquals(Float.floatToIntBits(a.lon(i)), Float.floatToIntBits(b.lon(i)), at);
            assertEquals(Float.floatToIntBits(a.mercX(i)), Float.floatToIntBits(b.mercX(i)), at);
            assertEquals(Float.floatToIntBits(a.mercY(i)), Float.floatToIntBits(b.mercY(i)), at);
            assertEquals(a.factionMask(i), b.factionMask(i), at);
            assertEquals(a.primaryFaction(i), b.primaryFaction(i), at);
            assertEquals(a.eventType(i), b.eventType(i), at);
            assertEquals(a.subEventType(i), b.subEventType(i), at);
            assertEquals(a.datePrecision(i), b.datePrecision(i), at);
            assertEquals(a.geoPrecision(i), b.geoPrecision(i), at);
            assertEquals(a.fatalities(i), b.fatalities(i), at);
            assertEquals(a.place(i), b.place(i), at);
        }
        assertFalse(b.located(indexOf(b, 9)));
        assertTrue(b.located(indexOf(b, 7)));
    }

    private static int indexOf(IncidentIndex x, long id) {
        for (int i = 0; i < x.size(); i++) if (x.id(i) == id) return i;
        throw new AssertionError("no row " + id);
    }

    private static void accept(CopyIndexRows rows, byte[] message) {
        rows.accept(message);
    }

    private static int day(int y, int m, int d) {
        return (int) LocalDate.of(y, m, d).toEpochDay() - PG_EPOCH;
    }

    private static byte[] header(int extension) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(o);
        d.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        d.writeInt(0);
        d.writeInt(extension);
        d.write(new byte[extension]);
        return o.toByteArray();
    }

    /** A point's EWKB (with SRID 4326) or WKB, little- or big-endian. */
    private static byte[] point(boolean little, boolean srid, double lon, double lat) {
        ByteBuffer b = ByteBuffer.allocate(srid ? 25 : 21).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put((byte) (little ? 1 : 0)).putInt(srid ? 0x20000001 : 1);
        if (srid) b.putInt(4326);
        b.putDouble(lon).putDouble(lat);
        return b.array();
    }

    private static byte[] row(long fid, int first, int last, byte[] geom, String codes, String type, String sub,
                              int datePrecision, int geoPrecision, Integer deaths, String place) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(o);
        d.writeShort(CopyIndexRows.FIELDS);
        d.writeInt(8);
        d.writeLong(fid);
        d.writeInt(4);
        d.writeInt(first);
        d.writeInt(4);
        d.writeInt(last);
        bytes(d, geom);
        bytes(d, codes.getBytes(StandardCharsets.UTF_8));
        bytes(d, type.getBytes(StandardCharsets.UTF_8));
        bytes(d, sub == null ? null : sub.getBytes(StandardCharsets.UTF_8));
        d.writeInt(4);
        d.writeInt(datePrecision);
        d.writeInt(4);
        d.writeInt(geoPrecision);
        if (deaths == null) {
            d.writeInt(-1);
        } else {
            d.writeInt(4);
            d.writeInt(deaths);
        }
        bytes(d, place == null ? null : place.getBytes(StandardCharsets.UTF_8));
        return o.toByteArray();
    }

    private static void bytes(DataOutputStream d, byte[] v) throws IOException {
        if (v == null) {
            d.writeInt(-1);
            return;
        }
        d.writeInt(v.length);
        d.write(v);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] o = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }
}
