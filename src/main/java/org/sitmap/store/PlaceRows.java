package org.sitmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sitmap.geo.GeoPackageBinary;
import org.sitmap.model.Place;

/**
 * Reads and writes the gazetteer table {@code place}, a point layer since migration 4: its position is its
 * {@code geom} (moved in QGIS, it is where article imports place the name); a place without a readable geometry
 * is left out of the gazetteer.
 */
final class PlaceRows {
    private PlaceRows() { }

    static List<Place> all(Connection c) throws SQLException {
        List<Place> out = new ArrayList<>();
        double[] xy = new double[2];
        try (PreparedStatement ps = c.prepareStatement("SELECT name, ascii_name, alternate_names, geom, id,"
                + " feature_code, country_code, admin1, population, source FROM place ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!IndexLoader.position(rs.getLong(5), rs.getBytes(4), xy)) continue;
                String alt = rs.getString(3);
                out.add(new Place(rs.getString(1), rs.getString(2),
                        alt == null || alt.isEmpty() ? List.of() : Arrays.asList(alt.split("\\|")),
                        xy[1], xy[0], rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getLong(9), rs.getString(10)));
            }
        }
        return out;
    }

    static int upsert(Connection c, List<Place> places) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM place WHERE name = ? AND source IS ?"
                + " AND geom = ?");
             PreparedStatement ins = c.prepareStatement(insertSql())) {
            for (Place p : places) {
                del.setString(1, p.name());
                del.setString(2, p.source());
                del.setBytes(3, GeoPackageBinary.point(p.longitude(), p.latitude()));
                del.executeUpdate();
                bind(ins, p);
                ins.executeUpdate();
            }
            c.commit();
            return places.size();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static String insertSql() {
        return "INSERT INTO place(name, ascii_name, alternate_names, geom, feature_code, country_code,"
                + " admin1, population, source) VALUES (?,?,?,?,?,?,?,?,?)";
    }

    static void bind(PreparedStatement ins, Place p) throws SQLException {
        ins.setString(1, p.name());
        ins.setString(2, p.asciiName());
        ins.setString(3, String.join("|", p.alternateNames()));
        ins.setBytes(4, GeoPackageBinary.point(p.longitude(), p.latitude()));
        ins.setString(5, p.featureCode());
        ins.setString(6, p.countryCode());
        ins.setString(7, p.admin1());
        ins.setLong(8, p.population());
        ins.setString(9, p.source());
    }
}
