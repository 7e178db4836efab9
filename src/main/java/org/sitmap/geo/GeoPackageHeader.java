package org.sitmap.geo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The parts of a GeoPackage geometry blob's header that the SQL functions of GeoPackage tools need: where the WKB
 * starts, the WKB geometry type, the type names and which types a column of a given type accepts.
 *
 * <p>Stateless and thread-safe.
 */
public final class GeoPackageHeader {
    private static final String[] NAMES = {"GEOMETRY", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
        "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION", "CIRCULARSTRING", "COMPOUNDCURVE", "CURVEPOLYGON",
        "MULTICURVE", "MULTISURFACE", "CURVE", "SURFACE"};

    private GeoPackageHeader() { }

    /**
     * The offset of the WKB after the 8-byte header and the envelope its flags announce.
     *
     * @throws IllegalArgumentException when the blob is not a GeoPackage geometry
     */
    public static int wkbOffset(byte[] blob) {
        if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry blob");
        }
        if (blob[2] != 0) throw new IllegalArgumentException("unsupported GeoPackage binary version " + blob[2]);
        int envelope = (blob[3] >> 1) & 0x07;
        int bytes = switch (envelope) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new IllegalArgumentException("bad envelope indicator " + envelope);
        };
        if (blob.length < 8 + bytes + 5) throw new IllegalArgumentException("truncated GeoPackage geometry");
        return 8 + bytes;
    }

    /** The WKB geometry type code without Z/M (1 point ... 7 collection), ISO or extended WKB. */
    public static int wkbType(byte[] blob, int offset) {
        ByteOrder order = blob[offset] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int type = ByteBuffer.wrap(blob, offset + 1, 4).order(order).getInt();
        return (type & 0x0fffffff) % 1000;
    }

    /** The GeoPackage name of a WKB type code ({@code GEOMETRY} for codes it does not know). */
    public static String typeName(int code) {
        return code > 0 && code < NAMES.length ? NAMES[code] : "GEOMETRY";
    }

    /**
     * Whether a geometry of type {@code actual} may be stored in a column of type {@code expected} (the
     * GeoPackage's {@code GPKG_IsAssignable}): the same type, any type in a GEOMETRY column, a multi-type or
     * collection in a GEOMETRYCOLLECTION column, curves and surfaces in their abstract types.
     */
    public static boolean isAssignable(String expected, String actual) {
        if (expected == null || actual == null) return false;
        String e = expected.toUpperCase(Locale.ROOT);
        String a = actual.toUpperCase(Locale.ROOT);
        if (e.equals(a) || e.equals("GEOMETRY")) return true;
        return switch (e) {
            case "GEOMETRYCOLLECTION" -> a.startsWith("MULTI");
            case "CURVE" -> a.equals("LINESTRING") || a.equals("CIRCULARSTRING") || a.equals("COMPOUNDCURVE");
            case "SURFACE" -> a.equals("POLYGON") || a.equals("CURVEPOLYGON");
            case "MULTICURVE" -> a.equals("MULTILINESTRING");
            case "MULTISURFACE" -> a.equals("MULTIPOLYGON");
            case "COMPOUNDCURVE" -> a.equals("LINESTRING");
            case "CURVEPOLYGON" -> a.equals("POLYGON");
            default -> false;
        };
    }
}
