package org.sitmap.geo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * SpatiaLite's internal geometry blob, which GDAL writes into a GeoPackage when its SQL functions make a geometry
 * ({@code ogrinfo store.gpkg -sql "UPDATE incident SET geom = MakePoint(38, 35, 4326) ..."}, with or without
 * {@code -dialect sqlite}) and which GDAL and QGIS read back as the feature's geometry: so Sitmap reads it too.
 * Layout: 0x00, byte order, SRID, MBR (min x, min y, max x, max y), 0x7C, class type, coordinates ..., 0xFE.
 *
 * <p>Stateless and thread-safe.
 */
final class SpatiaLiteBlob {
    private static final int MBR_END = 38;
    private static final int TYPE = 39;

    private SpatiaLiteBlob() { }

    /** Whether {@code b} looks like a SpatiaLite geometry blob. */
    static boolean is(byte[] b) {
        return b != null && b.length >= 44 && b[0] == 0 && (b[1] == 0 || b[1] == 1) && b[MBR_END] == 0x7C
                && b[b.length - 1] == (byte) 0xFE;
    }

    private static ByteBuffer buffer(byte[] b) {
        return ByteBuffer.wrap(b).order(b[1] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    static int srsId(byte[] b) {
        return buffer(b).getInt(2);
    }

    /** The geometry type code without dimensions or compression (1 point ... 7 collection). */
    static int type(byte[] b) {
        return buffer(b).getInt(TYPE) % 1_000_000 % 1000;
    }

    /** {@code {minX, maxX, minY, maxY}} from the blob's MBR, or null when it holds NaN (an empty point). */
    static double[] envelope(byte[] b) {
        ByteBuffer buf = buffer(b);
        double[] env = {buf.getDouble(6), buf.getDouble(22), buf.getDouble(14), buf.getDouble(30)};
        for (double v : env) if (Double.isNaN(v)) return null;
        return env;
    }

    /** The point's coordinates, or the centre of the MBR of another geometry; false when empty. */
    static boolean position(byte[] b, double[] out) {
        if (type(b) == 1 && b.length >= TYPE + 4 + 16 + 1) {
            ByteBuffer buf = buffer(b);
            double x = buf.getDouble(TYPE + 4);
            double y = buf.getDouble(TYPE + 12);
            if (Double.isNaN(x) || Double.isNaN(y)) return false;
            out[0] = x;
            out[1] = y;
            return true;
        }
        double[] env = envelope(b);
        if (env == null) return false;
        out[0] = (env[0] + env[1]) / 2;
        out[1] = (env[2] + env[3]) / 2;
        return true;
    }
}
