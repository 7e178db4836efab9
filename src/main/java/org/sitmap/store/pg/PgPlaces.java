package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.sitmap.model.Place;
import org.sitmap.store.IncidentValues;
import org.sitmap.store.StoredPlace;

/**
 * The team store's gazetteer ({@code sitmap.place}): entries added from gazetteer files, and places learned from
 * imports with the GeoPackage store's rule. An import's inserted and updated events that have a place name and a
 * position make one entry per name within about a kilometre (a cell of 0.01°; the position of the lowest id, the
 * best precision, the first governorate and country), source {@code events:FORMAT}; a place already known gets
 * the newly inserted events added to its count and keeps its best precision.
 */
final class PgPlaces {
    /** The source prefix of places learned from event data. */
    static final String LEARNED = "events:";
    private static final String SELECT = "SELECT name, ascii_name, alternate_names, ST_Y(geom), ST_X(geom),"
            + " feature_code, country_code, admin1, population, source, coalesce(geo_precision, 1), event_count"
            + " FROM sitmap.place ORDER BY id";

    /** A learned place already known gets the new events added and keeps its best precision. */
    private static final String ON_CONFLICT = " ON CONFLICT (name, geom, source) DO UPDATE SET"
            + " event_count = p.event_count + EXCLUDED.event_count,"
            + " geo_precision = least(coalesce(p.geo_precision, 9), EXCLUDED.geo_precision),"
            + " admin1 = coalesce(p.admin1, EXCLUDED.admin1), country_code = coalesce(p.country_code, EXCLUDED.country_code)";

    private PgPlaces() {
    }

    /**
     * The mark to take before an import's merge: every incident the merge inserts gets a larger id (identity values
     * only grow), so the learning after it can tell inserted events from updated ones.
     */
    static long mark(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(fid), 0) FROM sitmap.incident");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Learns the places of import {@code batch} inside the import's transaction (after its merge).
     *
     * @param mark what {@link #mark} gave before the merge
     */
    static void learn(Connection c, long batch, String format, long mark) throws SQLException {
        if ("article".equals(format)) return;   // an article's places come from the gazetteer already
        List<Object[]> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT btrim(place), (array_agg(ST_X(geom) ORDER BY fid))[1],"
                + " (array_agg(ST_Y(geom) ORDER BY fid))[1], min(geo_precision),"
                + " (array_agg(admin1 ORDER BY fid) FILTER (WHERE admin1 IS NOT NULL))[1],"
                + " (array_agg(country ORDER BY fid) FILTER (WHERE country IS NOT NULL))[1],"
                + " count(*) FILTER (WHERE fid > ?) FROM sitmap.incident"
                + " WHERE batch_id = ? AND geom IS NOT NULL AND place IS NOT NULL AND btrim(place) <> ''"
                + " GROUP BY btrim(place), floor(ST_Y(geom) / 0.01), floor(ST_X(geom) / 0.01)")) {
            ps.setLong(1, mark);
            ps.setLong(2, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Object[] {rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7)});
                }
            }
        }
        if (found.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sitmap.place AS p (name, geom, country_code, admin1,"
                + " source, geo_precision, event_count) VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, ?, ?, ?)"
                + ON_CONFLICT)) {
            for (Object[] f : found) {
                ps.setString(1, (String) f[0]);
                ps.setDouble(2, (Double) f[1]);
                ps.setDouble(3, (Double) f[2]);
                ps.setString(4, IncidentValues.countryCode((String) f[5]));
                ps.setString(5, (String) f[4]);
                ps.setString(6, LEARNED + format);
                ps.setInt(7, (Integer) f[3]);
                ps.setInt(8, (Integer) f[6]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Learns the places a first load tallied on the client ({@link PgPlaceTally}; every one of its rows inserted),
     * inside the import's transaction: the entries go by COPY into a temporary table and are added, or added to, by
     * one statement, with the rule of {@link #learn(Connection, long, String, long)}.
     */
    static void learn(Connection c, PgPlaceTally tally, String format) throws SQLException {
        if ("article".equals(format) || tally.entries().isEmpty()) return;
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE sitmap_learned (name text, lon float8, lat float8, country_code text,"
                    + " admin1 text, geo_precision integer, event_count integer) ON COMMIT DROP");
        }
        CopyText buf = new CopyText();
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY sitmap_learned FROM STDIN");
        try {
            for (PgPlaceTally.Entry e : tally.entries()) {
                buf.text(e.name).num(e.longitude).num(e.latitude).text(IncidentValues.countryCode(e.country))
                        .text(e.admin1).num(e.precision).num(e.events).endRow();
                if (buf.length() >= 1 << 20) {
                    copy.writeToCopy(buf.bytes(), 0, buf.length());
                    buf.clear();
                }
            }
            if (buf.length() > 0) copy.writeToCopy(buf.bytes(), 0, buf.length());
            copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sitmap.place AS p (name, geom, country_code, admin1,"
                + " source, geo_precision, event_count) SELECT name, ST_SetSRID(ST_MakePoint(lon, lat), 4326),"
                + " country_code, admin1, ?, geo_precision, event_count FROM sitmap_learned" + ON_CONFLICT)) {
            ps.setString(1, LEARNED + format);
            ps.execute();
        }
    }

    /** Every entry with its precision and event count, in insertion order. */
    static List<StoredPlace> stored(Connection c) throws SQLException {
        List<StoredPlace> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new StoredPlace(place(rs), rs.getInt(11), rs.getInt(12)));
        }
        return out;
    }

    /** Every entry, in insertion order. */
    static List<Place> all(Connection c) throws SQLException {
        List<Place> out = new ArrayList<>();
        for (StoredPlace p : stored(c)) out.add(p.place());
        return out;
    }

    private static Place place(ResultSet rs) throws SQLException {
        String alt = rs.getString(3);
        String fc = rs.getString(6);
        if (fc == null && rs.getInt(11) >= 3) fc = "RGN";
        return new Place(rs.getString(1), rs.getString(2),
                alt == null || alt.isEmpty() ? List.of() : Arrays.asList(alt.split("\\|")),
                rs.getDouble(4), rs.getDouble(5), fc, rs.getString(7), rs.getString(8), rs.getLong(9),
                rs.getString(10));
    }

    /** Adds entries in one transaction; one with the same name, source and position replaces the stored one. */
    static int upsert(Connection c, List<Place> places) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM sitmap.place WHERE name = ?"
                + " AND source IS NOT DISTINCT FROM ? AND geom = ST_SetSRID(ST_MakePoint(?, ?), 4326)");
             PreparedStatement ins = c.prepareStatement("INSERT INTO sitmap.place (name, ascii_name, alternate_names,"
                     + " geom, feature_code, country_code, admin1, population, source)"
                     + " VALUES (?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, ?, ?, ?)"
                     + " ON CONFLICT (name, geom, source) DO UPDATE SET ascii_name = EXCLUDED.ascii_name,"
                     + " alternate_names = EXCLUDED.alternate_names, feature_code = EXCLUDED.feature_code,"
                     + " country_code = EXCLUDED.country_code, admin1 = EXCLUDED.admin1,"
                     + " population = EXCLUDED.population")) {
            for (Place p : places) {
                del.setString(1, p.name());
                del.setString(2, p.source());
                del.setDouble(3, p.longitude());
                del.setDouble(4, p.latitude());
                del.addBatch();
                ins.setString(1, p.name());
                ins.setString(2, p.asciiName());
                ins.setString(3, String.join("|", p.alternateNames()));
                ins.setDouble(4, p.longitude());
                ins.setDouble(5, p.latitude());
                ins.setString(6, p.featureCode());
                ins.setString(7, p.countryCode());
                ins.setString(8, p.admin1());
                ins.setLong(9, p.population());
                ins.setString(10, p.source());
                ins.addBatch();
            }
            // the stored copies go first (a replaced entry starts again without events); an entry given twice keeps its last copy
            del.executeBatch();
            ins.executeBatch();
            c.commit();
            return places.size();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
