package org.sitmap.store.gpkg;

import java.io.IOException;
import java.nio.file.Path;
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
import org.sitmap.model.InputException;
import org.sitmap.store.CheckReport;

/**
 * {@code sitmap check}: whether a store is whole, read through a read-only connection (the check writes nothing).
 * <ol>
 *   <li>SQLite's {@code integrity_check} (every page, every index entry), or {@code quick_check} for the quick
 *   form (pages and records, without matching indexes to tables; seconds on a large store);</li>
 *   <li>the GeoPackage metadata: the application id, the spatial reference systems the standard requires and the
 *   one the incidents use, {@code gpkg_contents} and {@code gpkg_geometry_columns} for the incident table;</li>
 *   <li>the full-text index against the incident rows (FTS5 {@code integrity-check}); skipped in the quick form;</li>
 *   <li>the in-memory index: every incident row reads into it (the window's filter index is built from the store
 *   each time, no snapshot of it is kept on disk, so this is what "consistency with the index" can mean).</li>
 * </ol>
 *
 * <p>Threading: blocking; call off the FX thread.
 */
public final class StoreCheck {
    private static final Logger LOG = Logger.getLogger(StoreCheck.class.getName());
    private static final int MAX_FINDINGS = 10;

    /**
     * The outcome.
     *
     * @param healthy  nothing wrong found
     * @param passed   the parts that were checked and found fine, in plain words
     * @param findings what is wrong, one plain line each
     */
    public record Report(Path store, boolean healthy, List<String> passed, List<String> findings) {
        /** A verdict, the findings, and (when damaged) the steps to recover; plain text for the terminal or a dialog. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(store).append(healthy ? ": healthy" : ": damaged").append('\n');
            for (String p : passed) sb.append("  ok: ").append(p).append('\n');
            for (String f : findings) sb.append("  problem: ").append(f).append('\n');
            if (!healthy) {
                sb.append("What to do:\n");
                for (String s : recoverySteps(store)) sb.append("  ").append(s).append('\n');
            }
            return sb.toString().stripTrailing();
        }

        /** The same outcome as every store reports it. */
        public CheckReport shared() {
            return new CheckReport(String.valueOf(store), healthy, passed, findings,
                    healthy ? List.of() : recoverySteps(store));
        }
    }

    private StoreCheck() { }

    /** Checks the store at {@code file}; {@code quick} for the quick form. Never throws for a damaged store. */
    public static Report run(Path file, boolean quick) {
        List<String> passed = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        Connection c;
        try {
            c = StoreAccess.openReadOnly(file);
        } catch (InputException e) {
            throw e;
        } catch (SQLException | IOException e) {
            LOG.log(Level.FINE, "check: cannot open " + file, e);
            findings.add("the file cannot be opened as an SQLite database (" + plain(e) + ")");
            return new Report(file, false, passed, findings);
        }
        try (c) {
            sqlite(c, quick, passed, findings);
            try {
                StoreAccess.readVersion(c, file);
            } catch (InputException e) {
                findings.add(e.getMessage());
                return new Report(file, false, passed, findings);
            }
            geoPackage(c, passed, findings);
            if (!quick) fullText(c, file, passed, findings);
            index(c, file, passed, findings);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "check of " + file, e);
            findings.add("reading the store failed (" + plain(e) + ")");
        }
        return new Report(file, findings.isEmpty(), passed, findings);
    }

    /** The steps to recover a damaged store, in order; shown by {@code sitmap check} and by the window. */
    public static List<String> recoverySteps(Path store) {
        return List.of(
                "1. Keep the damaged file as it is: copy it aside before trying anything else.",
                "2. If you have a backup copy of the store, use it (open it with --db, or copy it over this one).",
                "3. Otherwise copy out what SQLite can still read: sqlite3 " + store + " .recover | sqlite3 recovered.gpkg"
                        + " then run: sitmap check --db recovered.gpkg",
                "4. Or build a new store from the source files: sitmap import --db new.gpkg FILES...");
    }

    private static void sqlite(Connection c, boolean quick, List<String> passed, List<String> findings) throws SQLException {
        String pragma = quick ? "quick_check" : "integrity_check";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("PRAGMA " + pragma + "(" + MAX_FINDINGS + ")");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        } catch (SQLException e) {
            findings.add("SQLite " + pragma.replace('_', ' ') + " could not read the file (" + plain(e) + ")");
            return;
        }
        if (out.size() == 1 && "ok".equals(out.get(0))) {
            passed.add("SQLite " + pragma.replace('_', ' ') + " (" + (quick ? "pages and records" : "pages, records and"
                    + " indexes") + ")");
        } else {
            for (String line : out) findings.add("SQLite " + pragma.replace('_', ' ') + ": " + line);
        }
    }

    private static void geoPackage(Connection c, List<String> passed, List<String> findings) {
        int before = findings.size();
        try {
            if (!"1196444487".equals(one(c, "PRAGMA application_id"))) {
                findings.add("GeoPackage: the header's application id is not GPKG");
            }
            for (String srs : new String[] {"4326", "-1", "0"}) {
                if (one(c, "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id = " + srs).equals("0")) {
                    findings.add("GeoPackage: gpkg_spatial_ref_sys lacks the required srs_id " + srs);
                }
            }
            String contents = one(c, "SELECT data_type || ' ' || coalesce(srs_id, 'null') || ' ' || (SELECT count(*)"
                    + " FROM gpkg_spatial_ref_sys s WHERE s.srs_id = gpkg_contents.srs_id) FROM gpkg_contents"
                    + " WHERE table_name = 'incident'");
            if (contents == null) findings.add("GeoPackage: gpkg_contents has no row for the incident table");
            else if (!contents.startsWith("features ") || contents.endsWith(" 0")) {
                findings.add("GeoPackage: the incident table's row in gpkg_contents is wrong (" + contents + ")");
            }
            String geom = one(c, "SELECT column_name || ' ' || srs_id || ' ' || (SELECT count(*) FROM"
                    + " gpkg_spatial_ref_sys s WHERE s.srs_id = g.srs_id) || ' ' || (SELECT count(*) FROM"
                    + " pragma_table_info('incident') p WHERE p.name = g.column_name) FROM gpkg_geometry_columns g"
                    + " WHERE table_name = 'incident'");
            if (geom == null) findings.add("GeoPackage: gpkg_geometry_columns has no row for the incident table");
            else if (geom.endsWith(" 0") || geom.contains(" 0 ")) {
                findings.add("GeoPackage: the incident table's row in gpkg_geometry_columns names a missing column or"
                        + " reference system (" + geom + ")");
            }
        } catch (SQLException e) {
            findings.add("GeoPackage metadata cannot be read (" + plain(e) + ")");
        }
        if (findings.size() == before) passed.add("GeoPackage metadata (application id, reference systems, contents,"
                + " geometry column)");
    }

    /**
     * FTS5 runs its integrity check as an INSERT, which needs a write transaction: on a read-only connection it is
     * refused. So it runs on a second connection inside a transaction that is rolled back (the check changes no
     * page, the file stays as it was); a store that may not be written is not checked for it, and the report says
     * so.
     */
    private static void fullText(Connection c, Path file, List<String> passed, List<String> findings) {
        try {
            if ("0".equals(one(c, "SELECT count(*) FROM sqlite_master WHERE name = 'incident_fts'"))) {
                findings.add("the full-text index (incident_fts) is missing");
                return;
            }
        } catch (SQLException e) {
            findings.add("the full-text index cannot be read (" + plain(e) + ")");
            return;
        }
        if (!StoreAccess.writable(file)) {
            passed.add("full-text index not checked: the store is read-only (check a copy of it for that)");
            return;
        }
        try (Connection w = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            GpkgFunctions.register(w);
            w.setAutoCommit(false);
            try (PreparedStatement ps = w.prepareStatement(
                    "INSERT INTO incident_fts(incident_fts, rank) VALUES ('integrity-check', 1)")) {
                // rank 1: the index is also compared with the incident rows it was built from (external content)
                ps.execute();
            } finally {
                w.rollback();
            }
            passed.add("full-text index matches the incident rows");
        } catch (SQLException e) {
            LOG.log(Level.FINE, "full-text check", e);
            findings.add("the full-text index does not match the incident rows (" + plain(e) + ")");
        }
    }

    private static void index(Connection c, Path file, List<String> passed, List<String> findings) {
        try {
            int count = Integer.parseInt(one(c, "SELECT count(*) FROM incident"));
            IncidentIndex ix = IndexLoader.load(c, null, FactionCatalog.shipped(), count);
            if (ix.size() != count) {
                findings.add("the incident index read " + ix.size() + " of " + count + " incidents");
            } else {
                passed.add("every incident (" + count + ") reads into the in-memory index");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "index check of " + file, e);
            findings.add("the incidents cannot all be read into the in-memory index (" + plain(e) + ")");
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** SQLite's message without its bracketed code name. */
    private static String plain(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\[SQLITE_[A-Z_]+\\]\\s*", "").replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
