package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexMerge;
import org.sitmap.model.FactionCatalog;

/**
 * The edit log of a team store (schema 6, {@link PgSchema#V6}): the incidents that a writer other than a Sitmap
 * import inserted, updated or deleted (a QGIS edit, psql, a script), each noted with a commit number from the
 * imports' own sequence and the change count it was made at. Windows use it to catch up with such edits as they
 * catch up with imports (by commit number), the packed index to stay usable with the edited rows read again (by
 * change count). A note without an id says that anything may have changed (a TRUNCATE, the writes before schema 6,
 * an import that wrote no pack): whoever meets one after its own position reads the whole table again.
 *
 * <p>Each edited row is applied as it now stands in the reading transaction (read again, or removed when it is gone),
 * so applying an edit twice, or an edit the index already holds, changes nothing.
 *
 * <p>Threading: plain static functions on the caller's connection and thread, inside the caller's transaction.
 */
final class PgEdits {
    /** The row trigger that notes other tools' writes ({@link PgSchema#V6}). */
    static final String TRIGGER = "incident_edited";

    private PgEdits() {
    }

    /** What changed after a position: the edited rows as they stand, the ids gone, and whether to read everything. */
    record Delta(IncidentIndex rows, long[] removed, boolean whole) {
        /** True when nothing was edited. */
        boolean none() {
            return !whole && rows.size() == 0 && removed.length == 0;
        }

        /** {@code base} with the edited rows in their current version and the removed ids left out. */
        IncidentIndex applyTo(IncidentIndex base) {
            return IndexMerge.merge(base, rows, removed);
        }
    }

    /** True when the store behind {@code c} keeps the log (schema 6 on). */
    static boolean present(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('sitmap.incident_edit') IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The newest edit's commit number (0 when none, or no log). */
    static long lastCommit(Connection c) throws SQLException {
        if (!present(c)) return 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(commit_seq), 0) FROM sitmap.incident_edit");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The edits with a commit number above {@code afterCommit}, applied as the rows now stand. */
    static Delta afterCommit(Connection c, FactionCatalog catalog, long afterCommit) throws SQLException {
        return delta(c, catalog, "commit_seq > ?", afterCommit);
    }

    /**
     * The rows edited at change count {@code fromChange} or later (what a packed index from there does not hold). Notes
     * without an id are left to the caller ({@link #wholeIn}), which knows the gaps between the packs; one at a pack's
     * edge, such as the migration's note on a store whose packs matched, is not in a gap.
     */
    static Delta fromChange(Connection c, FactionCatalog catalog, long fromChange) throws SQLException {
        return delta(c, catalog, "change_n >= ? AND fid IS NOT NULL", fromChange);
    }

    /**
     * True when a note without an id lies in a change-count range a pack chain does not cover: in
     * {@code (from, to]} for some consecutive pair {@code gaps[2k], gaps[2k+1]}.
     */
    static boolean wholeIn(Connection c, long[] gaps) throws SQLException {
        if (gaps.length == 0) return false;
        try (PreparedStatement ps = c.prepareStatement("SELECT change_n FROM sitmap.incident_edit WHERE fid IS NULL"
                + " AND change_n > ?")) {
            ps.setLong(1, gaps[0]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(1);
                    for (int k = 0; k + 1 < gaps.length; k += 2) if (n > gaps[k] && n <= gaps[k + 1]) return true;
                }
            }
        }
        return false;
    }

    /**
     * Notes that anything may have changed at the current change count: an import that wrote no pack calls it, so
     * the packs before it are not trusted past it. Needs the change counter locked by the caller's transaction.
     */
    static void markUnpacked(Connection c) throws SQLException {
        if (!present(c)) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sitmap.incident_edit"
                + " SELECT nextval('sitmap.import_commit_seq'), n, NULL FROM sitmap.incident_change")) {
            ps.executeUpdate();
        }
    }

    private static Delta delta(Connection c, FactionCatalog catalog, String after, long from) throws SQLException {
        boolean whole = false;
        long[] ids = new long[16];
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT fid FROM sitmap.incident_edit WHERE " + after
                + " ORDER BY fid NULLS FIRST")) {
            ps.setLong(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (rs.wasNull()) {
                        whole = true;
                        break;
                    }
                    if (n == ids.length) ids = Arrays.copyOf(ids, n * 2);
                    ids[n++] = id;
                }
            }
        }
        if (whole || n == 0) return new Delta(IncidentIndex.empty(catalog), new long[0], whole);
        ids = Arrays.copyOf(ids, n);
        IncidentIndex rows = PgIndexLoader.loadIds(c, catalog, ids);
        long[] present = new long[rows.size()];
        for (int i = 0; i < present.length; i++) present[i] = rows.id(i);
        Arrays.sort(present);
        long[] removed = new long[n];
        int r = 0;
        for (long id : ids) if (Arrays.binarySearch(present, id) < 0) removed[r++] = id;
        return new Delta(rows, Arrays.copyOf(removed, r), false);
    }
}
