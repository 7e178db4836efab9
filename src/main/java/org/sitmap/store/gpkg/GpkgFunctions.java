package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.SQLException;
import org.sitmap.geo.GeoPackageBinary;
import org.sitmap.geo.GeoPackageHeader;
import org.sqlite.Function;

/**
 * The SQL functions GeoPackage tools put into the triggers and queries of a store: the R-tree triggers GDAL and
 * QGIS create ({@code gpkg_rtree_index}) call {@code ST_IsEmpty}, {@code ST_MinX}, {@code ST_MaxX},
 * {@code ST_MinY} and {@code ST_MaxY}; the geometry type and SRS triggers call {@code ST_GeometryType},
 * {@code ST_SRID} and {@code GPKG_IsAssignable}. Without them on a connection, any write to {@code incident} fails
 * once such a trigger exists ("no such function: ST_IsEmpty"), so every connection Sitmap opens on a store
 * registers them. They read the GeoPackage binary header ({@link GeoPackageBinary}); a NULL argument or a blob
 * that is no GeoPackage geometry gives NULL, as in GDAL.
 *
 * <p>Threading: the functions of a connection run on the thread using that connection; each registration makes
 * its own function objects, so two connections used at once share nothing.
 */
final class GpkgFunctions {
    private static final int SQLITE_BLOB = 4;

    private GpkgFunctions() { }

    /** Registers every function on {@code c}. */
    static void register(Connection c) throws SQLException {
        String[] bounds = {"ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"};
        for (int k = 0; k < bounds.length; k++) {
            int index = k;
            create(c, bounds[k], 1, new GeometryFunction() {
                @Override void apply(byte[] g) throws SQLException {
                    double[] env = GeoPackageBinary.envelope(g);
                    if (env == null) result(); else result(env[index]);
                }
            });
        }
        create(c, "ST_IsEmpty", 1, new GeometryFunction() {
            @Override void apply(byte[] g) throws SQLException {
                result(GeoPackageBinary.isEmpty(g) ? 1 : 0);
            }
        });
        create(c, "ST_GeometryType", 1, new GeometryFunction() {
            @Override void apply(byte[] g) throws SQLException {
                result(GeoPackageBinary.geometryType(g));
            }
        });
        create(c, "ST_SRID", 1, new GeometryFunction() {
            @Override void apply(byte[] g) throws SQLException {
                result(GeoPackageBinary.srsId(g));
            }
        });
        create(c, "GPKG_IsAssignable", 2, new Function() {
            @Override protected void xFunc() throws SQLException {
                result(GeoPackageHeader.isAssignable(value_text(0), value_text(1)) ? 1 : 0);
            }
        });
    }

    private static void create(Connection c, String name, int args, Function f) throws SQLException {
        Function.create(c, name, f, args, Function.FLAG_DETERMINISTIC);
    }

    /** A function of one geometry blob: NULL for NULL, for another type and for a blob it cannot read. */
    private abstract static class GeometryFunction extends Function {
        @Override
        protected final void xFunc() throws SQLException {
            if (value_type(0) != SQLITE_BLOB) {
                result();
                return;
            }
            try {
                apply(value_blob(0));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                result();
            }
        }

        /** Sets the result for a non-null blob; may throw IllegalArgumentException for one it cannot read. */
        abstract void apply(byte[] geometry) throws SQLException;
    }
}
