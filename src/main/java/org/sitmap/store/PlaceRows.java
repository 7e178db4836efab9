package org.sitmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sitmap.model.Place;

/**
 * Reads and writes the gazetteer table {@code place}: entries added by hand ({@code sitmap gazetteer import}) and
 * entries learned from imported event files (source {@code events:FORMAT}).
 */
final class PlaceRows {
    /** The source prefix of places learned from event data. */
    static final String LEARNED = "events:";

    private PlaceRows() { }

    /**
     * Writes the places of one import (source {@code events:FORMAT}) inside the caller's transaction: a place seen
     * before gets the new events added to its count and keeps the best precision.
     */
    static void learn(Connection c, PlaceTally tally, String format) throws SQLException {
        if (tally.size() == 0) return;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pragma_table_info('place') WHERE name = 'event_count'");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getInt(1) == 0) return; // a store opened at an older schema on purpose
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO place(name, latitude, longitude, country_code,"
                + " admin1, source, geo_precision, event_count) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(name, latitude,"
                + " longitude, source) DO UPDATE SET event_count = event_count + excluded.event_count,"
                + " geo_precision = min(coalesce(geo_precision, 9), excluded.geo_precision),"
                + " admin1 = coalesce(admin1, excluded.admin1), country_code = coalesce(country_code, excluded.country_code)")) {
            for (PlaceTally.Entry e : tally.entries()) {
                ps.setString(1, e.name);
                ps.setDouble(2, e.latitude);
                ps.setDouble(3, e.longitude);
                ps.setString(4, IncidentBinding.countryCode(e.country));
                ps.setString(5, e.admin1);
                ps.setString(6, LEARNED + format);
                ps.setInt(7, e.precision);
                ps.setInt(8, e.events);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every entry with its precision and event count, in insertion order. */
    static List<StoredPlace> stored(Connection c) throws SQLException {
        List<StoredPlace> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new StoredPlace(place(rs), rs.getInt(11), rs.getInt(12)));
        }
        return out;
    }

    private static final String SELECT = "SELECT name, ascii_name, alternate_names, latitude, longitude,"
            + " feature_code, country_code, admin1, population, source, coalesce(geo_precision, 1), event_count FROM place";

    private static Place place(ResultSet rs) throws SQLException {
        String alt = rs.getString(3);
        String fc = rs.getString(6);
        if (fc == null && rs.getInt(11) >= 3) fc = "RGN";
        return new Place(rs.getString(1), rs.getString(2),
                alt == null || alt.isEmpty() ? List.of() : Arrays.asList(alt.split("\\|")),
                rs.getDouble(4), rs.getDouble(5), fc, rs.getString(7), rs.getString(8),
                rs.getLong(9), rs.getString(10));
    }

    static List<Place> all(Connection c) throws SQLException {
        List<Place> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(place(rs));
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
