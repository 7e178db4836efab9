package org.sitmap.store.pg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexColumns;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.SubEventType;

/**
 * The packed index of a team store (schema 4): each import writes, in its own transaction, the index columns of the
 * rows it inserted or updated into {@code sitmap.index_pack}, as parts of {@value #PART_ROWS} rows in the record
 * format of the local snapshot's journal ({@link PackColumns}); an owner's first load stores its parts ahead as a
 * negative pack that no reader takes and renumbers them in its transaction ({@link PackAhead}). A cold open then reads a few large values instead of
 * ten million rows of eleven columns, and folds the imports in commit order (a later import's row replaces an earlier
 * one of the same id), as live updates are merged.
 *
 * <p>It is used only when it provably matches the table. A statement-level trigger counts every write to
 * {@code sitmap.incident} by anyone in {@code sitmap.incident_change}; an import locks that counter (so no other
 * writer commits in between) and records the count before and after its own writes with its pack. A pack made when
 * the table was empty is a base. The packs from the newest base on are trusted only when they chain (each starts at
 * the count the one before ended at), the last ends at the current count, and all were made with this build's
 * faction catalog and types ({@link #layout}). Anything else (QGIS or psql wrote a row, an older Sitmap imported, the
 * catalog changed) makes {@link #read} return null and the caller streams the rows as before. {@code server init}
 * packs such a store again ({@link #packIfStale}).
 *
 * <p>Threading: plain static functions on the caller's connection and thread (an import's, a window's worker).
 */
final class IndexPacks {
    private static final Logger LOG = Logger.getLogger(IndexPacks.class.getName());
    /** Rows in one part (about 15 MB). */
    static final int PART_ROWS = 1 << 18;
    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

    private IndexPacks() {
    }

    /** Where an import's pack starts: the change count before its writes, and whether the table was empty. */
    record Start(long before, boolean base) { }

    /** One pack to read: its number, parts and rows. */
    record Pack(long pack, int parts, long rows) { }

    /**
     * The packs to read, the change count the base was made at (edits from there on are read again), and whether the
     * store keeps the edit log.
     */
    private record Plan(List<Pack> packs, long baseBefore, boolean edits) { }

    /** A hash of what the packed columns' codes mean: the faction catalog's codes, the event types and sub-types. */
    static long layout(FactionCatalog catalog) {
        StringBuilder s = new StringBuilder("pack1");
        for (int k = 0; k < catalog.size(); k++) s.append(',').append(catalog.get(k).code());
        for (EventType t : EventType.values()) s.append('|').append(t.name());
        for (SubEventType t : SubEventType.values()) s.append('/').append(t.name());
        long h = 0xcbf29ce484222325L;
        for (byte b : s.toString().getBytes(StandardCharsets.UTF_8)) h = (h ^ b) * 0x100000001b3L;
        return h;
    }

    private static boolean present(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('sitmap.index_pack') IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Locks the change counter for the rest of the transaction (other writers of the incident table wait for the
     * commit) and notes where the pack starts; call it under the merge lock, before the import's first write to the
     * incident table. Null when the store has no packed index (schema before 4).
     */
    static Start begin(Connection c) throws SQLException {
        if (!present(c)) return null;
        // the import's own writes are in its pack: the edit log (schema 6) leaves them out
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('sitmap.import', 'on', true)")) {
            ps.execute();
        }
        long before = counter(c, true);
        try (PreparedStatement ps = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM sitmap.incident)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Start(before, rs.getBoolean(1));
        }
    }

    static long counter(Connection c, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n FROM sitmap.incident_change"
                + (lock ? " FOR UPDATE" : "")); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new SQLException("the change counter of the incident table is missing", "55000");
            return rs.getLong(1);
        }
    }

    /**
     * True when this process has the memory to hold {@code rows} rows' index twice over (made, then packed). An
     * import that has not writes no pack: the chain breaks, the opens stream the rows, and {@code server init} packs
     * the store again; that is slower, never wrong.
     */
    static boolean affordable(long rows) {
        return rows * 160 < Runtime.getRuntime().maxMemory() / 2;
    }

    /** Writes the pack of import {@code batch}: its rows as they now stand, read back in this transaction. */
    static void write(Connection c, FactionCatalog catalog, long batch, long rows, Start start) throws SQLException {
        if (!affordable(rows)) {
            LOG.info(() -> "no packed index for the " + rows + " rows of import " + batch + ": too little memory;"
                    + " sitmap server init packs the store again");
            PgEdits.markUnpacked(c);
            return;
        }
        IncidentIndex ix = PgIndexLoader.loadBatch(c, catalog, batch, (int) Math.min(rows, 1 << 28));
        writePack(c, catalog, batch, start, ix);
    }

    /**
     * Writes the pack of first load {@code batch} from the rows the client copied ({@code rows}), when the server
     * numbered them consecutively in copy order (the table was empty; its keys are made again); otherwise reads them
     * back as {@link #write} does. {@code sorted} is {@link PackRows#sorted} of the rows, made while the server built
     * the table's indexes.
     */
    static void writeFirstLoad(Connection c, FactionCatalog catalog, long batch, Start start, PackRows rows,
                               IndexColumns sorted) throws SQLException {
        long min;
        long max;
        long count = rows.size();
        try (PreparedStatement ps = c.prepareStatement("SELECT min(fid), max(fid) FROM sitmap.incident");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            min = rs.getLong(1);
            max = rs.getLong(2);
        }
        if (count == 0 || max - min + 1 != count) {
            write(c, catalog, batch, count, start);
            return;
        }
        long t = System.nanoTime();
        IncidentIndex ix = rows.index(sorted, min);
        long made = System.nanoTime() - t;
        writePack(c, catalog, batch, start, ix);
        LOG.fine(() -> String.format(java.util.Locale.ROOT, "pack of the first load's %d rows made in %.2f s, written"
                + " in %.2f s", count, made / 1e9, (System.nanoTime() - t - made) / 1e9));
    }

    private static void writePack(Connection c, FactionCatalog catalog, Long batch, Start start, IncidentIndex ix)
            throws SQLException {
        long after = counter(c, false);
        long pack = nextPack(c);
        // packs before a base, and those a first load wrote ahead and never made its own (PackAhead), are dropped
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sitmap.index_pack WHERE pack < ?")) {
            ps.setLong(1, start.base() ? pack : 0);
            ps.executeUpdate();
        }
        insertParts(c, catalog, pack, batch, start.base(), start.before(), after, ix);
    }

    /** A new pack number (larger than every pack's before it). */
    static long nextPack(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval('sitmap.index_pack_seq')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Inserts {@code ix} as pack {@code pack}'s parts of {@value #PART_ROWS} rows, made at change counts
     * {@code before} and {@code after}.
     *
     * @return the parts inserted
     */
    static int insertParts(Connection c, FactionCatalog catalog, long pack, Long batch, boolean base, long before,
                           long after, IncidentIndex ix) throws SQLException {
        IndexColumns cols = ix.columns();
        int part = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sitmap.index_pack (pack, part, batch_id, base,"
                + " change_before, change_after, layout, rows, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int from = 0; from < cols.size() || part == 0; from += PART_ROWS, part++) {
                int to = Math.min(cols.size(), from + PART_ROWS);
                ByteBuffer b = PackColumns.record(0, before, after, cols, from, to);
                ps.setLong(1, pack);
                ps.setInt(2, part);
                if (batch == null) ps.setNull(3, java.sql.Types.BIGINT); else ps.setLong(3, batch);
                ps.setBoolean(4, base);
                ps.setLong(5, before);
                ps.setLong(6, after);
                ps.setLong(7, layout(catalog));
                ps.setInt(8, to - from);
                ps.setBytes(9, b.array());
                ps.executeUpdate();
            }
        }
        return part;
    }

    /**
     * The packs to read (from the newest base on) when they and the edit log together match the table; null when
     * they do not. Without the log (schema before 6) the packs must chain exactly up to the current count; with it, a
     * gap between packs (or after the last) is other tools' writes, whose rows the log names, unless it holds a
     * note that anything may have changed.
     */
    private static Plan plan(Connection c, FactionCatalog catalog) throws SQLException {
        if (!present(c)) return null;
        long now = counter(c, false);
        List<long[]> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pack, base::int, change_before, change_after,"
                + " count(*), sum(rows), bool_and(layout = ?)::int FROM sitmap.index_pack"
                + " GROUP BY pack, base, change_before, change_after ORDER BY pack")) {
            ps.setLong(1, layout(catalog));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7)});
                }
            }
        }
        int from = -1;
        for (int k = 0; k < all.size(); k++) if (all.get(k)[1] == 1) from = k;
        if (from < 0) return null;
        List<Pack> out = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        for (int k = from; k < all.size(); k++) {
            long[] p = all.get(k);
            if (p[6] != 1) return null;
            if (k > from && p[2] != all.get(k - 1)[3]) {
                if (p[2] < all.get(k - 1)[3]) return null;
                gaps.add(all.get(k - 1)[3]);
                gaps.add(p[2]);
            }
            out.add(new Pack(p[0], (int) p[4], p[5]));
        }
        long last = all.get(all.size() - 1)[3];
        if (last != now) {
            if (last > now) return null;
            gaps.add(last);
            gaps.add(now);
        }
        boolean edits = PgEdits.present(c);
        if (!gaps.isEmpty()) {
            long[] g = new long[gaps.size()];
            for (int k = 0; k < g.length; k++) g[k] = gaps.get(k);
            if (!edits || PgEdits.wholeIn(c, g)) return null;
        }
        return new Plan(out, all.get(from)[2], edits);
    }

    /** True when the store's packed index matches its table (the open would read it). */
    static boolean current(Connection c, FactionCatalog catalog) throws SQLException {
        return plan(c, catalog) != null;
    }

    /**
     * The index from the packed copy, or null when there is none that matches the table (the caller streams the
     * rows). Run it in the transaction that reads the newest commit number, so the two agree.
     */
    static IncidentIndex read(Connection c, FactionCatalog catalog) throws SQLException {
        Plan planned = plan(c, catalog);
        if (planned == null) return null;
        IncidentIndex packed = readPacks(c, catalog, planned.packs());
        if (packed == null || !planned.edits()) return packed;
        // rows other tools wrote since the base, as they now stand (nothing when none was edited)
        return PgEdits.fromChange(c, catalog, planned.baseBefore()).applyTo(packed);
    }

    private static IncidentIndex readPacks(Connection c, FactionCatalog catalog, List<Pack> plan) throws SQLException {
        CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT pack, part, data FROM"
                + " sitmap.index_pack WHERE pack BETWEEN " + plan.get(0).pack() + " AND "
                + plan.get(plan.size() - 1).pack() + " ORDER BY pack, part) TO STDOUT (FORMAT binary)");
        try {
            PackFolding fold = new PackFolding(catalog, plan);
            boolean header = false;
            for (byte[] m; (m = out.readFromCopy()) != null; ) {
                ByteBuffer b = ByteBuffer.wrap(m);
                if (!header) {
                    if (m.length < SIGNATURE.length + 8) return null;
                    b.position(SIGNATURE.length + 4);
                    b.position(b.position() + 4 + b.getInt());
                    header = true;
                }
                while (b.hasRemaining()) {
                    short fields = b.getShort();
                    if (fields == -1) break;
                    if (fields != 3 || b.getInt() != 8) return null;
                    long pack = b.getLong();
                    if (b.getInt() != 4) return null;
                    int part = b.getInt();
                    int len = b.getInt();
                    ByteBuffer payload = PackColumns.payload(m, b.position(), b.position() + len);
                    if (payload == null || !fold.add(pack, part, payload)) return null;
                    b.position(b.position() + len);
                }
            }
            return fold.finish();
        } catch (IllegalArgumentException e) {
            LOG.fine(() -> "packed index not used: " + e.getMessage());
            return null;
        } finally {
            if (out.isActive()) out.cancelCopy();
        }
    }

    /**
     * Packs the whole table as a base when the store's packed index does not match it (a store migrated with rows,
     * or written by another tool since), in one transaction that holds the merge lock and the change counter.
     *
     * @return the rows packed, or -1 when nothing was done (already current, empty, or schema before 4)
     */
    static int packIfStale(Connection c, FactionCatalog catalog) throws SQLException {
        if (!present(c) || current(c, catalog)) return -1;
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, PgImporter.MERGE_LOCK);
                lock.execute();
            }
            long before = counter(c, true);
            if (current(c, catalog)) {
                c.rollback();
                return -1;
            }
            IncidentIndex ix = PgIndexLoader.load(c, catalog, n -> { });
            if (ix.size() == 0) {
                c.rollback();
                return -1;
            }
            writePack(c, catalog, null, new Start(before, true), ix);
            c.commit();
            return ix.size();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
