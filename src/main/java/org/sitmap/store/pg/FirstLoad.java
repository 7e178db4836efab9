package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first import into an empty incident table, which is most of a new team store's rows: the rows are copied
 * straight into {@code sitmap.incident} (no staging table, no merge), under the merge lock taken before the copy, so
 * no other import's merge can add a row meanwhile. When the importing user owns the table, its indexes
 * ({@link PgSchema#INCIDENT_INDEXES}) and its key and reference constraints ({@link PgSchema#INCIDENT_CONSTRAINTS})
 * are dropped before the copy and made again after it in the same transaction: building a GiST or GIN index over a
 * million rows at once costs a fraction of maintaining it row by row, and one check of the batch reference replaces
 * a trigger per row. The copied keys are distinct (a repeated key ends the direct copy, {@link KeySeen}). Until the
 * commit the table is locked, so readers wait for the import (there is nothing to read yet) and never see it half
 * done; if anything fails, the rollback brings the indexes back with the empty table.
 *
 * <p>Threading: the importing thread, inside its transaction.
 */
final class FirstLoad {
    /** The incident columns the direct copy fills, in {@link PgImporter#direct} order. */
    static final String COLUMNS = "geom, source_key, event_date, date_precision, end_date, span_end, place, admin1,"
            + " country, geo_precision, event_type, sub_event_type, fatalities, summary, source, origin, evidence,"
            + " batch_id, faction_codes, content_hash, actors, source_revised";
    /** {@link #COLUMNS} and the text-search value (schema 4 on, {@link SearchVectors}). */
    static final String COLUMNS_WITH_SEARCH = COLUMNS + ", search";
    private static final String[] INDEX_NAMES = {"incident_geom", "incident_dates", "incident_batch", "incident_search"};

    private final boolean indexesDeferred;
    private boolean keysDeferred;
    /** The row triggers turned off for the direct copy (empty: none). */
    private List<String> triggersOff;

    private FirstLoad(boolean indexesDeferred, boolean keysDeferred, List<String> triggersOff) {
        this.indexesDeferred = indexesDeferred;
        this.keysDeferred = keysDeferred;
        this.triggersOff = triggersOff;
    }

    /**
     * Adds the key and reference constraints dropped by {@link #begin} (the rows copied so far have distinct keys:
     * a repeat ends the direct copy); the merge of staged rows needs the key's index.
     */
    void restoreKeys(Connection c) throws SQLException {
        triggerOn(c);
        if (!keysDeferred) return;
        StringBuilder add = new StringBuilder();
        for (String d : PgSchema.INCIDENT_CONSTRAINTS) add.append(add.length() == 0 ? "" : ",").append(" ADD CONSTRAINT ").append(d);
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE sitmap.incident" + add);
        }
        keysDeferred = false;
    }

    /**
     * A first load when the incident table is empty (checked, then checked again under the merge lock, which this
     * transaction then keeps), else null: the import stages and merges. {@code searchSent}: every copied row carries
     * its text-search value, so the owner turns off the trigger that would fill a missing one (a row trigger makes
     * {@code COPY} insert row by row instead of a page at a time) until {@link #finish}; the owner also turns off the
     * edit log's trigger ({@link PgEdits}), which would only test each row for being an import's.
     */
    static FirstLoad begin(Connection c, boolean searchSent) throws SQLException {
        if (!empty(c)) return null;
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, PgImporter.MERGE_LOCK);
            lock.execute();
        }
        if (!empty(c)) return null;
        boolean owner;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_has_role(relowner, 'USAGE') FROM pg_class"
                + " WHERE oid = 'sitmap.incident'::regclass"); ResultSet rs = ps.executeQuery()) {
            owner = rs.next() && rs.getBoolean(1);
        }
        if (!owner) return new FirstLoad(false, false, List.of());
        boolean keys;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_constraint"
                + " WHERE conrelid = 'sitmap.incident'::regclass AND conname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", PgSchema.INCIDENT_CONSTRAINTS.stream()
                    .map(d -> d.substring(0, d.indexOf(' '))).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                keys = rs.next() && rs.getInt(1) == PgSchema.INCIDENT_CONSTRAINTS.size();
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : INDEX_NAMES) s.execute("DROP INDEX IF EXISTS sitmap." + name);
            if (keys) {
                StringBuilder drop = new StringBuilder();
                for (String d : PgSchema.INCIDENT_CONSTRAINTS) {
                    drop.append(drop.length() == 0 ? "" : ",").append(" DROP CONSTRAINT ").append(d, 0, d.indexOf(' '));
                }
                s.execute("ALTER TABLE sitmap.incident" + drop);
            }
            List<String> off = new ArrayList<>();
            if (searchSent) off.add(PgSchema.SEARCH_ON_INSERT);
            if (PgEdits.present(c)) off.add(PgEdits.TRIGGER);
            if (!off.isEmpty()) s.execute("ALTER TABLE sitmap.incident " + actions("DISABLE", off));
            return new FirstLoad(true, keys, off);
        }
    }

    private static boolean empty(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM sitmap.incident)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * The rows of batch {@code batch} copied before a key came again: those of the keys staged after it are removed,
     * so that the merge that follows keeps the file's last row of each key, as a staged import does.
     *
     * @return how many were removed
     */
    static long dropRepeated(Connection c, long batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sitmap.incident t USING (SELECT DISTINCT"
                + " source_key FROM sitmap_staging) s WHERE t.source_key = s.source_key AND t.batch_id = ?")) {
            ps.setLong(1, batch);
            return ps.executeLargeUpdate();
        }
    }

    private static String actions(String verb, List<String> triggers) {
        StringBuilder a = new StringBuilder();
        for (String t : triggers) a.append(a.length() == 0 ? "" : ", ").append(verb).append(" TRIGGER ").append(t);
        return a.toString();
    }

    /** Turns the row triggers on again (before rows come from anywhere but the direct copy). */
    private void triggerOn(Connection c) throws SQLException {
        if (triggersOff.isEmpty()) return;
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE sitmap.incident " + actions("ENABLE", triggersOff));
        }
        triggersOff = List.of();
    }

    /** What runs on the importing thread once the keys are made again, before the other indexes are built. */
    interface KeysMade {
        void run(Connection c) throws SQLException;
    }

    /** True when this load builds the table's indexes after its rows ({@link #finish}): the owner's first load. */
    boolean defersIndexes() {
        return indexesDeferred;
    }

    /**
     * Builds the indexes dropped by {@link #begin} (with more sort memory for this transaction), running
     * {@code keysMade} (null: nothing) once the key and reference constraints are back; returns what it did.
     */
    String finish(Connection c, KeysMade keysMade) throws SQLException {
        triggerOn(c);
        if (!indexesDeferred) return "copied straight into the empty table";
        long t0 = System.nanoTime();
        StringBuilder steps = new StringBuilder();
        try (Statement s = c.createStatement()) {
            s.execute("SELECT set_config('maintenance_work_mem', '256MB', true)"
                    + " WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < 256 * 1024 * 1024");
            restoreKeys(c);
            if (keysMade != null) keysMade.run(c);
            long t = System.nanoTime();
            steps.append(String.format(Locale.ROOT, "keys %.2f s", (t - t0) / 1e9));
            for (String sql : PgSchema.INCIDENT_INDEXES) {
                s.execute(sql);
                long now = System.nanoTime();
                steps.append(String.format(Locale.ROOT, ", %s %.2f s", sql.split(" ")[2], (now - t) / 1e9));
                t = now;
            }
        }
        return String.format(Locale.ROOT, "copied straight into the empty table, keys and indexes made after in %.2f s"
                + " (%s)", (System.nanoTime() - t0) / 1e9, steps);
    }
}
