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
        int offset = GeoPackageHeader.wkbOffset(blob);
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

    /** The SRS id in a GeoPackage blob's header (or a SpatiaLite blob's). */
    public static int srsId(byte[] blob) {
        if (SpatiaLiteBlob.is(blob)) return SpatiaLiteBlob.srsId(blob);
        ByteOrder order = (blob[3] & FLAG_LITTLE_ENDIAN) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        return ByteBuffer.wrap(blob, 4, 4).order(order).getInt();
    }

    /**
     * The position of a geometry blob as GDAL, QGIS or Sitmap wrote it, without JTS for points (the index loader
     * reads a million of them): {@code out[0]} longitude, {@code out[1]} latitude. A point is read directly (with or
     * without an envelope, WKB in either byte order, Z/M values ignored); another geometry gives the centre of its
     * envelope. A SpatiaLite blob, which GDAL's SQL functions write and GDAL reads, is read as well.
     *
     * @return false for an empty geometry (nothing written to {@code out})
     * @throws IllegalArgumentException when the blob is not a GeoPackage geometry
     */
    public static boolean position(byte[] blob, double[] out) {
        if (SpatiaLiteBlob.is(blob)) return SpatiaLiteBlob.position(blob, out);
        int wkb = GeoPackageHeader.wkbOffset(blob);
        if ((blob[3] & FLAG_EMPTY) != 0) return false;
        if (GeoPackageHeader.wkbType(blob, wkb) == 1) {
            if (blob.length < wkb + 21) throw new IllegalArgumentException("truncated WKB point");
            ByteOrder order = blob[wkb] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            ByteBuffer b = ByteBuffer.wrap(blob).order(order);
            double x = b.getDouble(wkb + 5);
            double y = b.getDouble(wkb + 13);
            if (Double.isNaN(x) || Double.isNaN(y)) return false;
            out[0] = x;
            out[1] = y;
            return true;
        }
        double[] env = envelope(blob);
        if (env == null) return false;
        out[0] = (env[0] + env[1]) / 2;
        out[1] = (env[2] + env[3]) / 2;
        return true;
    }

    /**
     * The bounds {@code {minX, maxX, minY, maxY}} of a geometry blob (the order of a GeoPackage envelope and of the
     * R-tree's columns): the header's envelope where it has one, else computed from the WKB.
     *
     * @return null for an empty geometry
     * @throws IllegalArgumentException when the blob is not a GeoPackage geometry
     */
    public static double[] envelope(byte[] blob) {
        if (SpatiaLiteBlob.is(blob)) return SpatiaLiteBlob.envelope(blob);
        int wkb = GeoPackageHeader.wkbOffset(blob);
        if ((blob[3] & FLAG_EMPTY) != 0) return null;
        if (wkb > 8) {
            ByteBuffer b = ByteBuffer.wrap(blob).order((blob[3] & FLAG_LITTLE_ENDIAN) != 0
                    ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            return new double[] {b.getDouble(8), b.getDouble(16), b.getDouble(24), b.getDouble(32)};
        }
        if (GeoPackageHeader.wkbType(blob, wkb) == 1) {
            double[] p = new double[2];
            return position(blob, p) ? new double[] {p[0], p[0], p[1], p[1]} : null;
        }
        Geometry g = readWkb(blob, wkb);
        if (g.isEmpty()) return null;
        org.locationtech.jts.geom.Envelope e = g.getEnvelopeInternal();
        return new double[] {e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY()};
    }

    /** Whether a geometry blob is empty (header flag, or a point with NaN coordinates). */
    public static boolean isEmpty(byte[] blob) {
        return envelope(blob) == null;
    }

    /** The geometry type name of a blob as GeoPackage names it ({@code POINT}, {@code MULTIPOLYGON} ...). */
    public static String geometryType(byte[] blob) {
        if (SpatiaLiteBlob.is(blob)) return GeoPackageHeader.typeName(SpatiaLiteBlob.type(blob));
        return GeoPackageHeader.typeName(GeoPackageHeader.wkbType(blob, GeoPackageHeader.wkbOffset(blob)));
    }

    private static Geometry readWkb(byte[] blob, int offset) {
        byte[] wkb = java.util.Arrays.copyOfRange(blob, offset, blob.length);
        try {
            return new WKBReader(FACTORY).read(wkb);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad WKB: " + e.getMessage(), e);
        }
    }
}
