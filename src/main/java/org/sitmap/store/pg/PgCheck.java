package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FactionCatalog;
import org.sitmap.store.CheckReport;

/**
 * {@code sitmap check} on a team store, reading only:
 * <ol>
 *   <li>the schema: its version, the PostGIS extension, the tables, the incident layer as a point geometry column
 *   in EPSG:4326;</li>
 *   <li>the indexes: none left invalid (a failed {@code CREATE INDEX CONCURRENTLY} or {@code REINDEX}), and, unless
 *   quick, every B-tree index verified by the {@code amcheck} extension where the database has it;</li>
 *   <li>unless quick, the in-memory index: every incident row reads into it.</li>
 * </ol>
 * The server keeps its own files consistent (write-ahead log, checksums where enabled); what a client can see is
 * checked here.
 */
final class PgCheck {
    private static final Logger LOG = Logger.getLogger(PgCheck.class.getName());
    private static final List<String> TABLES = List.of("incident", "place", "import_batch", "source", "faction");

    private PgCheck() {
    }

    static CheckReport run(Connection c, PgLocation where, FactionCatalog catalog, boolean quick) {
        List<String> passed = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        try {
            schema(c, passed, findings);
            if (findings.isEmpty()) indexes(c, quick, passed, findings);
            if (findings.isEmpty() && !quick) {
                org.sitmap.index.IncidentIndex rows = PgIndexLoader.load(c, catalog, x -> { });
                passed.add("every incident (" + rows.size() + ") reads into the in-memory index");
                packs(c, catalog, rows, passed, findings);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "check of " + where.display() + " failed", e);
            findings.add("reading the store failed (" + (e instanceof SQLException s ? "SQL state " + s.getSQLState()
                    : e.getMessage()) + ")");
        }
        boolean healthy = findings.isEmpty();
        return new CheckReport(where.display(), healthy, passed, findings, healthy ? List.of() : List.of(
                "1. Ask the database's administrator: an invalid index is rebuilt with REINDEX INDEX CONCURRENTLY"
                        + " and its name;",
                "2. a missing or older schema is made whole by its owner with sitmap server init --db "
                        + where.display() + ";",
                "3. damaged rows come back from the server's backup (pg_dump or a base backup)."));
    }

    /** The packed index, when the opens would use it, holds exactly the rows' index columns. */
    private static void packs(Connection c, FactionCatalog catalog, org.sitmap.index.IncidentIndex rows,
                              List<String> passed, List<String> findings) throws SQLException {
        org.sitmap.index.IncidentIndex packed = IndexPacks.read(c, catalog);
        if (packed == null) {
            passed.add("no current packed index: cold opens read the rows (the owner's sitmap server init packs them)");
        } else if (sameRows(packed, rows)) {
            passed.add("the packed index matches the incidents");
        } else {
            findings.add("the packed index differs from the incidents (its owner's sitmap server init packs them again)");
        }
    }

    private static void schema(Connection c, List<String> passed, List<String> findings) throws SQLException {
        int version = PgSchema.version(c);
        if (version == 0) {
            findings.add("the database has no Sitmap schema (sitmap server init was not run)");
            return;
        }
        if (version > PgSchema.VERSION) {
            findings.add("the schema is version " + version + ", newer than this Sitmap's " + PgSchema.VERSION);
            return;
        }
        if (version < PgSchema.VERSION) findings.add("the schema is version " + version + ", older than " + PgSchema.VERSION);
        String postgis = one(c, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'");
        if (postgis == null) findings.add("the PostGIS extension is missing");
        for (String t : TABLES) {
            if (one(c, "SELECT to_regclass('sitmap." + t + "')::text") == null) findings.add("the table sitmap." + t + " is missing");
        }
        String geom = one(c, "SELECT type || ' ' || srid FROM geometry_columns WHERE f_table_schema = 'sitmap'"
                + " AND f_table_name = 'incident' AND f_geometry_column = 'geom'");
        if (!"POINT 4326".equals(geom)) findings.add("sitmap.incident.geom is not a point geometry in EPSG:4326 (" + geom + ")");
        if (findings.isEmpty()) {
            passed.add("schema sitmap version " + version + ", PostGIS " + postgis + ", tables "
                    + String.join(", ", TABLES) + ", incident points in EPSG:4326");
        }
    }

    private static void indexes(Connection c, boolean quick, List<String> passed, List<String> findings)
            throws SQLException {
        List<String> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.relname, x.indisvalid AND x.indisready, am.amname"
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam"
                + " WHERE n.nspname = 'sitmap' ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) findings.add("the index sitmap." + rs.getString(1) + " is invalid");
                if ("btree".equals(rs.getString(3))) all.add(rs.getString(1));
            }
        }
        if (!findings.isEmpty()) return;
        passed.add("every index of the schema is valid");
        if (quick) return;
        if (one(c, "SELECT extname FROM pg_extension WHERE extname = 'amcheck'") == null) {
            passed.add("B-tree structure not verified (the amcheck extension is not installed in this database)");
            return;
        }
        for (String index : all) {
            try (PreparedStatement ps = c.prepareStatement("SELECT bt_index_check(('sitmap.' || quote_ident(?))::regclass)")) {
                ps.setString(1, index);
                ps.execute();
            } catch (SQLException e) {
                if ("42501".equals(e.getSQLState())) {
                    passed.add("B-tree structure not verified (this role may not run amcheck)");
                    return;
                }
                findings.add("the index sitmap." + index + " is damaged (" + e.getMessage() + ")");
            }
        }
        if (findings.isEmpty()) passed.add("the B-tree indexes verified by amcheck");
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** True when {@code a} and {@code b} hold the same rows (by id) with the same index columns, whatever their order. */
    static boolean sameRows(IncidentIndex a, IncidentIndex b) {
        if (a.size() != b.size()) return false;
        int[] oa = byId(a);
        int[] ob = byId(b);
        for (int k = 0; k < oa.length; k++) {
            int i = oa[k];
            int j = ob[k];
            if (a.id(i) != b.id(j) || a.day(i) != b.day(j) || a.dayEnd(i) != b.dayEnd(j)
                    || Float.compare(a.lat(i), b.lat(j)) != 0 || Float.compare(a.lon(i), b.lon(j)) != 0
                    || a.factionMask(i) != b.factionMask(j) || a.primaryFaction(i) != b.primaryFaction(j)
                    || a.eventType(i) != b.eventType(j) || a.subEventType(i) != b.subEventType(j)
                    || a.datePrecision(i) != b.datePrecision(j) || a.geoPrecision(i) != b.geoPrecision(j)
                    || a.fatalities(i) != b.fatalities(j) || !java.util.Objects.equals(a.place(i), b.place(j))) {
                return false;
            }
        }
        return true;
    }

    private static int[] byId(IncidentIndex x) {
        long[] key = new long[x.size()];
        for (int i = 0; i < key.length; i++) key[i] = x.id(i);
        Integer[] rows = new Integer[key.length];
        for (int i = 0; i < rows.length; i++) rows[i] = i;
        java.util.Arrays.sort(rows, (p, q) -> Long.compare(key[p], key[q]));
        int[] out = new int[rows.length];
        for (int i = 0; i < out.length; i++) out[i] = rows[i];
        return out;
    }
}
