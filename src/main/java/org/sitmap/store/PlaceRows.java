package org.sitmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sitmap.model.Place;

/** Reads and writes the gazetteer table {@code place}. */
final class PlaceRows {
    private PlaceRows() { }

    static List<Place> all(Connection c) throws SQLException {
        List<Place> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, ascii_name, alternate_names, latitude, longitude,"
                + " feature_code, country_code, admin1, population, source FROM place ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String alt = rs.getString(3);
                out.add(new Place(rs.getString(1), rs.getString(2),
                        alt == null || alt.isEmpty() ? List.of() : Arrays.asList(alt.split("\\|")),
                        rs.getDouble(4), rs.getDouble(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getLong(9), rs.getString(10)));
            }
        }
        return out;
    }

    static int upsert(Connection c, List<Place> places) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM place WHERE name = ? AND source IS ?"
                + " AND latitude = ? AND longitude = ?");
             PreparedStatement ins = c.prepareStatement(insertSql())) {
            for (Place p : places) {
                del.setString(1, p.name());
                del.setString(2, p.source());
                del.setDouble(3, p.latitude());
                del.setDouble(4, p.longitude());
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
        return "INSERT INTO place(name, ascii_name, alternate_names, latitude, longitude, feature_code, country_code,"
                + " admin1, population, source) VALUES (?,?,?,?,?,?,?,?,?,?)";
    }

    static void bind(PreparedStatement ins, Place p) throws SQLException {
        ins.setString(1, p.name());
        ins.setString(2, p.asciiName());
        ins.setString(3, String.join("|", p.alternateNames()));
        ins.setDouble(4, p.latitude());
        ins.setDouble(5, p.longitude());
        ins.setString(6, p.featureCode());
        ins.setString(7, p.countryCode());
        ins.setString(8, p.admin1());
        ins.setLong(9, p.population());
        ins.setString(10, p.source());
    }
}
