package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sitmap.model.Incident;
import org.sitmap.store.IncidentRows;

/** Whole incidents read from the GeoPackage store's rows (the row rule itself is {@link IncidentRows#read}). */
final class RowSelect {
    private RowSelect() { }

    /** Incidents selected by {@code whereAndOrder} (with {@code ?} parameters bound from {@code params}). */
    static List<Incident> select(Connection c, String whereAndOrder, List<Object> params) throws SQLException {
        List<Incident> out = new ArrayList<>();
        select(c, whereAndOrder, params, out::add);
        return out;
    }

    /** Streams the selected incidents, each with its actors, to {@code sink} without holding them all. */
    static void select(Connection c, String whereAndOrder, List<Object> params, Consumer<Incident> sink)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + IncidentRows.COLUMNS + " FROM incident " + whereAndOrder)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) sink.accept(IncidentRows.read(rs, GEOPACKAGE));
            }
        }
    }

    /** A GeoPackage geometry blob. */
    static final IncidentRows.Position GEOPACKAGE = (rs, column, fid, xy) -> IndexLoader.position(fid, rs.getBytes(column), xy);
}
