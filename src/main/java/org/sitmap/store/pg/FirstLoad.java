package org.sitmap.store.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sitmap.model.Incident;
import org.sitmap.store.IncidentValues;

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
    /** The incident columns the direct copy fills (after {@code fid} when it sends it), in {@link #row} order. */
    static final String COLUMNS = "geom, source_key, event_date, date_precision, end_date, span_end, place, admin1,"
            + " country, geo_precision, event_type, sub_event_type, fatalities, summary, source, origin, evidence,"
            + " batch_id, faction_codes, content_hash, actors, source_revised";
    /** {@link #COLUMNS} and the text-search value (schema 4 on, {@link SearchVectors}). */
    static final String COLUMNS_WITH_SEARCH = COLUMNS + ", search";
    private static final String[] INDEX_NAMES = {"incident_geom", "incident_dates", "incident_batch", "incident_search"};

    private final boolean indexesDeferred;
    private boolean keysDeferred;
    /** The definitions of the row triggers dropped for the direct copy, to make again in this order (empty: none). */
    private List<String> triggersOff;

    /** The identity sequence of {@code fid} when this load numbers its rows itself (null: the server does). */
    private final String sequence;
    /** The id of the first and of the next copied row (when {@link #sequence} is set). */
    private final long firstId;
    private long nextId;
    /** The sequence has been moved past the copied rows' ids (or was never used). */
    private boolean numbered;

    private FirstLoad(boolean indexesDeferred, boolean keysDeferred, List<String> triggersOff, String sequence,
                      long nextId) {
        this.indexesDeferred = indexesDeferred;
        this.keysDeferred = keysDeferred;
        this.triggersOff = triggersOff;
        this.sequence = sequence;
        this.firstId = nextId;
        this.nextId = nextId;
        this.numbered = sequence == null;
    }

    /**
     * The {@code COPY} statement of the direct copy ({@code search}: with the text-search value). An owner's load sends
     * each row's {@code fid} too, the value the identity's {@code nextval} would have given it: the first taken
     * from the sequence at {@link #begin}, then one more per row in the order copied (the table is locked, so no other
     * writer takes ids meanwhile), and the sequence is moved past them before anything else inserts ({@link #finish},
     * {@link #restoreKeys}). This spares the {@code COPY} process a {@code nextval} call per row.
     */
    String copySql(boolean search) {
        return "COPY sitmap.incident (" + (sequence != null ? "fid, " : "") + (search ? COLUMNS_WITH_SEARCH : COLUMNS)
                + ") FROM STDIN (FORMAT binary)";
    }

    /**
     * One row of {@link #copySql} in binary COPY form ({@code factions}: its {@link IncidentValues#factionCodes}), and
     * its text-search value (in binary form, {@code length} bytes from {@code offset}) when {@code search} is not null.
     */
    void row(CopyBinary b, long batch, Incident i, String hash, String factions, byte[] search, int offset,
             int length) {
        b.row((search == null ? 22 : 23) + (sequence != null ? 1 : 0));
        if (sequence != null) b.int8Field(nextId++);
        if (i.located()) b.point(i.longitude(), i.latitude()); else b.nul();
        b.text(i.sourceKey()).date(i.date()).int4Field(i.datePrecision().code()).date(i.spanEnd()).date(i.spanEnd())
                .text(i.place()).text(i.admin1()).text(i.country()).int4Field(i.geoPrecision().code())
                .text(i.eventType().label()).text(i.subEventType() == null ? null : i.subEventType().label())
                .int4Field(i.fatalities()).text(i.summary()).text(i.source()).text(i.origin()).text(i.evidence())
                .int8Field(batch).text(factions).text(hash).jsonb(IncidentValues.actorsJson(i));
        if (i.revised() == null) b.nul(); else b.int8Field(i.revised().getEpochSecond());
        if (search != null) b.raw(search, offset, length);
    }

    /**
     * Adds the key and reference constraints dropped by {@link #begin} (the rows copied so far have distinct keys:
     * a repeat ends the direct copy); the merge of staged rows needs the key's index.
     */
    void restoreKeys(Connection c) throws SQLException {
        afterCopy(c);
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
     * its text-search value, so the owner sets aside the trigger that would fill a missing one until {@link #finish};
     * the owner also sets aside the edit log's trigger ({@link PgEdits}), which would only test each row for being an
     * import's. They are dropped and made again from their definitions in this transaction, not disabled: PostgreSQL
     * 15's {@code COPY} inserts row by row (a WAL record and a buffer lock per row) whenever the table has a
     * {@code BEFORE INSERT} row trigger, enabled or not, and a page of rows at a time otherwise. A trigger that is not
     * plainly enabled (a DBA's {@code DISABLE} or {@code ENABLE ALWAYS}) is left as it is.
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
        if (!owner) return new FirstLoad(false, false, List.of(), null, 0);
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
            List<String> names = new ArrayList<>();
            if (searchSent) names.add(PgSchema.SEARCH_ON_INSERT);
            if (PgEdits.present(c)) names.add(PgEdits.TRIGGER);
            List<String> off = dropTriggers(c, names);
            // the ids the server would give: the sequence's next value on, when it counts up by one
            try (PreparedStatement ps = c.prepareStatement("SELECT seqrelid::regclass::text, nextval(seqrelid)"
                    + " FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence('sitmap.incident', 'fid')::regclass"
                    + " AND seqincrement = 1"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new FirstLoad(true, keys, off, rs.getString(1), rs.getLong(2))
                        : new FirstLoad(true, keys, off, null, 0);
            }
        }
    }

    /** Drops those of the incident table's row triggers {@code names} that are plainly enabled; returns their SQL. */
    private static List<String> dropTriggers(Connection c, List<String> names) throws SQLException {
        List<String> defs = new ArrayList<>();
        if (names.isEmpty()) return defs;
        try (PreparedStatement ps = c.prepareStatement("SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger"
                + " WHERE tgrelid = 'sitmap.incident'::regclass AND tgname = ANY (?) AND tgenabled = 'O' ORDER BY oid")) {
            ps.setArray(1, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery(); Statement s = c.createStatement()) {
                while (rs.next()) {
                    defs.add(rs.getString(2));
                    s.execute("DROP TRIGGER " + rs.getString(1) + " ON sitmap.incident");
                }
            }
        }
        return defs;
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

    /**
     * Once the direct copy has ended, before rows come from anywhere else: moves the identity past the ids the copy
     * gave (never back, should anything have taken ids meanwhile; when no row was copied, back to the id taken, so
     * the next insert gets it as it would have) and makes the dropped row triggers again.
     */
    private void afterCopy(Connection c) throws SQLException {
        if (!numbered) {
            try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, false) FROM pg_sequences"
                    + " WHERE format('%I.%I', schemaname, sequencename)::regclass = ?::regclass"
                    + " AND (last_value < ? OR last_value = ?)")) {
                ps.setString(1, sequence);
                ps.setLong(2, nextId);
                ps.setString(3, sequence);
                ps.setLong(4, nextId);
                ps.setLong(5, firstId);
                ps.execute();
            }
            numbered = true;
        }
        if (triggersOff.isEmpty()) return;
        try (Statement s = c.createStatement()) {
            for (String def : triggersOff) s.execute(def);
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
        afterCopy(c);
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
