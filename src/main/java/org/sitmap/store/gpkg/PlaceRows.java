package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sitmap.geo.GeoPackageBinary;
import org.sitmap.model.Place;
import org.sitmap.store.StoredPlace;

/**
 * Reads and writes the gazetteer table {@code place}, a point layer since migration 4: its position is its
 * {@code geom} (moved in QGIS, it is where article imports place the name); a place without a readable geometry
 * is left out of the gazetteer. It holds entries added by hand ({@code sitmap gazetteer import}) and, since
 * migration 5, entries learned from imported event files (source {@code events:FORMAT}).
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
        // the schema named: a pragma without one reads every attached database, and would hold a first load's
        // full-text stage, which a second thread is writing meanwhile (StageFts), until the commit
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pragma_table_info('place', 'main') WHERE name = 'event_count'");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getInt(1) == 0) return; // a store opened at an older schema on purpose
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO place(name, geom, country_code,"
                + " admin1, source, geo_precision, event_count) VALUES (?,?,?,?,?,?,?) ON CONFLICT(name, geom, source)"
                + " DO UPDATE SET event_count = event_count + excluded.event_count,"
                + " geo_precision = min(coalesce(geo_precision, 9), excluded.geo_precision),"
                + " admin1 = coalesce(admin1, excluded.admin1), country_code = coalesce(country_code, excluded.country_code)")) {
            for (PlaceTally.Entry e : tally.entries()) {
                ps.setString(1, e.name);
                ps.setBytes(2, GeoPackageBinary.point(e.longitude, e.latitude));
                ps.setString(3, IncidentBinding.countryCode(e.country));
                ps.setString(4, e.admin1);
                ps.setString(5, LEARNED + format);
                ps.setInt(6, e.precision);
                ps.setInt(7, e.events);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every entry with its precision and event count, in insertion order. */
    static List<StoredPlace> stored(Connection c) throws SQLException {
        List<StoredPlace> out = new ArrayList<>();
        double[] xy = new double[2];
        try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Place p = place(rs, xy);
                if (p != null) out.add(new StoredPlace(p, rs.getInt(11), rs.getInt(12)));
            }
        }
        return out;
    }

    private static final String SELECT = "SELECT name, ascii_name, alternate_names, geom, id,"
            + " feature_code, country_code, admin1, population, source, coalesce(geo_precision, 1), event_count FROM place";

    /** The place of the current row, or null when its geometry cannot be read. */
    private static Place place(ResultSet rs, double[] xy) throws SQLException {
        if (!IndexLoader.position(rs.getLong(5), rs.getBytes(4), xy)) return null;
        String alt = rs.getString(3);
        String fc = rs.getString(6);
        if (fc == null && rs.getInt(11) >= 3) fc = "RGN";
        return new Place(rs.getString(1), rs.getString(2),
                alt == null || alt.isEmpty() ? List.of() : Arrays.asList(alt.split("\\|")),
                xy[1], xy[0], fc, rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10));
    }

    static List<Place> all(Connection c) throws SQLException {
        List<Place> out = new ArrayList<>();
        double[] xy = new double[2];
        try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Place p = place(rs, xy);
                if (p != null) out.add(p);
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
