package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Triggers on the store's {@code incident} table dropped for a bulk write and created again from their own SQL
 * afterwards, whoever made them (Sitmap, GDAL, QGIS): the R-tree's for every import ({@link SpatialIndex}), all of
 * them around a first load's transfer of staged rows ({@link StageRows}). Inside the caller's transaction.
 *
 * <p>Threading: the importing thread only.
 */
final class IncidentTriggers {
    private IncidentTriggers() { }

    /**
     * Drops the triggers on {@code incident} in the store's own schema whose name starts with {@code prefix} (every
     * one when null), in the order they were made.
     *
     * @return their CREATE statements, for {@link #create}
     */
    static List<String> drop(Connection c, String prefix) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, sql FROM main.sqlite_schema WHERE type = 'trigger'"
                + " AND tbl_name = 'incident' AND sql IS NOT NULL AND (?1 IS NULL OR name LIKE ?1 ESCAPE '\\')"
                + " ORDER BY rowid")) {
            ps.setString(1, prefix == null ? null : prefix.replace("\\", "\\\\").replace("_", "\\_")
                    .replace("%", "\\%") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        List<String> creates = new ArrayList<>();
        for (String[] t : found) {
            try (PreparedStatement ps = c.prepareStatement("DROP TRIGGER main.\"" + t[0].replace("\"", "\"\"") + "\"")) {
                ps.executeUpdate();
            }
            creates.add(t[1]);
        }
        return creates;
    }

    /** Creates again the triggers {@link #drop} dropped. */
    static void create(Connection c, List<String> creates) throws SQLException {
        for (String sql : creates) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.executeUpdate();
            }
        }
    }
}
