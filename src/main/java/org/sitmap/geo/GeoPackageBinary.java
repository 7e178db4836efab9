package org.sitmap.geo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * GeoPackage 1.3 binary geometry for points in EPSG:4326: the {@code GP} header (version 0, little-endian flags,
 * no envelope or an XY envelope, SRS id) followed by little-endian WKB written and read by JTS.
 *
 * <p>Stateless and thread-safe (each call builds its own JTS writer/reader, which are not thread-safe).
 */
public final class GeoPackageBinary {
    /** The SRS id of WGS 84 longitude/latitude. */
    public static final int WGS84 = 4326;

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);
    private static final byte FLAG_LITTLE_ENDIAN = 0x01;
    private static final byte FLAG_EMPTY = 0x10;

    private GeoPackageBinary() { }

    /**
     * Encodes a point (no envelope, as GeoPackage recommends for points): the 8-byte header and a 21-byte
     * little-endian WKB point, written directly (an import writes a million of them; the bytes are those JTS's
     * {@code WKBWriter} writes, which a test checks).
     */
    public static byte[] point(double lon, double lat) {
        ByteBuffer b = ByteBuffer.allocate(29).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put(FLAG_LITTLE_ENDIAN).putInt(WGS84);
        b.put((byte) 1).putInt(1).putDouble(lon).putDouble(lat);
        return b.array();
    }

    /** Encodes an empty point (flag bit 4 set, WKB coordinates NaN). */
    public static byte[] emptyPoint() {
        return encode(FACTORY.createPoint());
    }

    private static byte[] encode(Point p) {
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(p);
        ByteBuffer b = ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0);
        b.put((byte) (FLAG_LITTLE_ENDIAN | (p.isEmpty() ? FLAG_EMPTY : 0)));
        b.putInt(WGS84);
        b.put(wkb);
        return b.array();
    }

    /**
     * Decodes a GeoPackage point blob into {@code {lon, lat}}, or null for an empty point.
     *
     * @throws IllegalArgumentException when the blob is not a GeoPackage binary point
     */
    public static double[] decodePoint(byte[] blob) {
        if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry blob");
        }
        if (blob[2] != 0) throw new IllegalArgumentException("unsupported GeoPackage binary version " + blob[2]);
        int flags = blob[3];
        int envelope = (flags >> 1) & 0x07;
        int envelopeBytes = switch (envelope) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new IllegalArgumentException("bad envelope indicator " + envelope);
        };
        int offset = 8 + envelopeBytes;
        if (blob.length < offset) throw new IllegalArgumentException("truncated GeoPackage geometry");
        byte[] wkb = new byte[blob.length - offset];
        System.arraycopy(blob, offset, wkb, 0, wkb.length);
        Geometry g;
        try {
            g = new WKBReader(FACTORY).read(wkb);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad WKB: " + e.getMessage(), e);
        }
        if (!(g instanceof Point p)) throw new IllegalArgumentException("not a point: " + g.getGeometryType());
        if (p.isEmpty()) return null;
        return new double[] {p.getX(), p.getY()};
    }

    /** The SRS id in a GeoPackage blob's header. */
    public static int srsId(byte[] blob) {
        ByteOrder order = (blob[3] & FLAG_LITTLE_ENDIAN) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        return ByteBuffer.wrap(blob, 4, 4).order(order).getInt();
    }
}
