package org.sitmap.store.gpkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.sitmap.model.Incident;
import org.sitmap.store.IncidentValues;

/**
 * The rows of a first load written as pages instead of bound values (issue 15). Binding ~21 values a row through the
 * JDBC driver cost the importing thread more than SQLite's own insert; here the importing thread encodes each row
 * inserted as a SQLite record into a stage database ({@link StagePages}) next to the store, and after the rows one
 * {@code INSERT INTO main.incident SELECT * FROM sitmap_stage.incident} moves them: with the store's table empty,
 * no triggers on it, foreign keys off and the stage's table and index the store's, SQLite's transfer optimisation
 * copies the records as they are (no decoding). Any condition not met only makes SQLite decode and insert each row:
 * the same rows either way.
 *
 * <p>How the stage takes part in the import's transaction: SQLite refuses {@code ATTACH} inside a transaction, so the
 * stage file is created empty and attached before the import's transaction begins; SQLite reads nothing of it until
 * the rows are moved, and then finds a changed schema cookie and reads its schema again. The stage is written with
 * neither journal nor sync (it is scratch): a crash or a kill leaves the store as it was (its own transaction) and
 * the stage file, which the next import into that store deletes ({@link #removeLeftover}; the file is named by the
 * importing process, so a live import's stage is never taken for a leftover). The file lives next to
 * the store, not in the temp directory: it holds the rows' bytes (about the table's size, 2.8 GB at 10M rows), which a
 * RAM-backed temp directory could not, and the store's disk is the one the rows are going to anyway.
 *
 * <p>Rows whose record does not fit in a page, and every row after the first the planner could not decide alone
 * (a repeated key hash: deciding needs the rows in the store), are bound as before.
 *
 * <p>Threading: the importing thread only.
 */
final class StageRows implements AutoCloseable {
    static final String SCHEMA = "sitmap_stage";
    private static final Logger LOG = Logger.getLogger(StageRows.class.getName());
    /** False binds every row, as before the stage ({@code -Dsitmap.import.stage=false}; tests compare both ways). */
    static volatile boolean enabled = Boolean.parseBoolean(System.getProperty("sitmap.import.stage", "true"));

    /** The incident table's columns in the order {@link #add} writes them. */
    private static final List<String> COLUMNS = List.of("fid", "geom", "source_key", "event_date", "date_precision",
            "end_date", "span_end", "place", "admin1", "country", "geo_precision", "event_type", "sub_event_type",
            "fatalities", "summary", "source", "origin", "evidence", "batch_id", "faction_codes", "content_hash",
            "actors", "source_revised");

    private final Connection conn;
    private final Path file;
    private final String tableSql;
    private StagePages pages;
    private boolean attached;
    /** The full-text stage's file, attached as {@link StageFts#SCHEMA}, and the store's full-text table (else null). */
    private Path ftsFile;
    private String ftsSql;
    private boolean ftsAttached;
    /** The second thread's indexing, once started ({@link #indexApart}). */
    private StageFts fts;
    /** The rows written, once the pages are closed. */
    private long staged;

    private StageRows(Connection conn, Path file, String tableSql) {
        this.conn = conn;
        this.file = file;
        this.tableSql = tableSql;
    }

    /** The event and sub-event type labels' UTF-8 bytes, by ordinal (what {@code putText(label())} encodes). */
    private static final byte[][] EVENT_TYPES = labels(org.sitmap.model.EventType.values());
    private static final byte[][] SUB_EVENT_TYPES = labels(org.sitmap.model.SubEventType.values());

    private static byte[][] labels(Object[] types) {
        byte[][] out = new byte[types.length][];
        for (int k = 0; k < types.length; k++) {
            String label = types[k] instanceof org.sitmap.model.EventType t ? t.label()
                    : ((org.sitmap.model.SubEventType) types[k]).label();
            out[k] = label.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return out;
    }

    /** Numbers the stages this process makes, so two imports of one process never share a file. */
    private static final AtomicLong STAGES = new AtomicLong();
    /** This process's stage files still in use: never a leftover, whatever another import of this process thinks. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    /** The names of {@code store}'s stage files start with this: {@code STORE-import-stage-PID-N}. */
    private static String prefix(Path store) {
        return store.toAbsolutePath().getFileName() + "-import-stage-";
    }

    /** A new stage file's path for {@code store}, named by this process's id and a number. */
    static Path newFileOf(Path store) {
        Path abs = store.toAbsolutePath();
        return abs.resolveSibling(prefix(abs) + ProcessHandle.current().pid() + "-" + STAGES.incrementAndGet());
    }

    /** The stage files next to {@code store}: those of imports running now and those killed imports left. */
    static List<Path> stagesOf(Path store) throws IOException {
        Path abs = store.toAbsolutePath();
        String prefix = prefix(abs);
        try (Stream<Path> s = Files.list(abs.getParent())) {
            return s.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    /**
     * Deletes the stage files that imports killed before they could left next to {@code store}: a file is a
     * leftover when the process named in it is gone. Another process's import running now, or another of this
     * process's, keeps its stage (an import of a second program into the same store must not pull the file from
     * under a first load). Failures are logged: a leftover only takes disk space until the next import.
     */
    static void removeLeftover(Path store) {
        try {
            String prefix = prefix(store);
            for (Path f : stagesOf(store)) {
                String rest = f.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;   // not a name this class makes
                }
                boolean running = pid == ProcessHandle.current().pid() ? LIVE.contains(f)
                        : ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!running) Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.fine(() -> "the stages killed imports left next to " + store + " stay: " + e.getMessage());
        }
    }

    /**
     * Attaches a stage for a first load's rows, outside the transaction; deletes a stage an earlier, killed import
     * left. Null (rows bound) when it cannot (the stage only saves time) or when not {@code firstLoad}.
     */
    static StageRows openFor(Connection conn, Path store, boolean firstLoad) {
        removeLeftover(store);
        try {
            return firstLoad ? attach(conn, store) : null;
        } catch (IOException | SQLException e) {
            LOG.fine(() -> "no stage for the import's rows: " + e.getMessage());
            return null;
        }
    }

    /**
     * Creates and attaches an empty stage for an import into {@code store}, outside a transaction; null when the
     * stage is turned off or the table's columns are not the ones this class writes.
     */
    static StageRows attach(Connection conn, Path store) throws SQLException, IOException {
        if (!enabled) return null;
        String sql;
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT name FROM pragma_table_info('incident')");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) columns.add(rs.getString(1));
        }
        if (!columns.equals(COLUMNS)) return null;
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = 'incident'");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return null;
            sql = rs.getString(1);
        }
        String fts = null;
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = 'incident_fts'");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) fts = rs.getString(1);
        }
        for (String schema : new String[] {SCHEMA, StageFts.SCHEMA}) {
            if (attached(conn, schema)) {
                try (PreparedStatement ps = conn.prepareStatement("DETACH " + schema)) {
                    ps.execute();
                }
            }
        }
        Path file = newFileOf(store);
        Files.createFile(file);
        LIVE.add(file);
        StageRows stage = new StageRows(conn, file, sql);
        try (PreparedStatement ps = conn.prepareStatement("ATTACH ? AS " + SCHEMA)) {
            ps.setString(1, file.toString());
            ps.execute();
            stage.attached = true;
            try (Statement st = conn.createStatement()) {
                st.execute("PRAGMA " + SCHEMA + ".journal_mode = OFF");
                st.execute("PRAGMA " + SCHEMA + ".synchronous = OFF");
            }
            if (fts != null) stage.attachFts(store, fts);
        } catch (SQLException | IOException e) {
            stage.close();
            throw e;
        }
        stage.pages = new StagePages(file, sql);
        return stage;
    }

    /**
     * Creates and attaches the empty file of the full-text stage ({@link StageFts}), outside a transaction, as the
     * rows' stage: SQLite reads nothing of it until {@link StageFts#copyInto}.
     */
    private void attachFts(Path store, String sql) throws SQLException, IOException {
        Path f = newFileOf(store);
        Files.createFile(f);
        LIVE.add(f);
        ftsFile = f;
        try (PreparedStatement ps = conn.prepareStatement("ATTACH ? AS " + StageFts.SCHEMA)) {
            ps.setString(1, f.toString());
            ps.execute();
            ftsAttached = true;
        }
        ftsSql = sql;
    }

    /**
     * Ends the stage's rows and starts a second thread filling the stage's key index and building the full-text
     * index of its rows ({@link StageFts}): for a first load whose inserted rows all went to the stage, so that its
     * rows are all the full-text index must hold: the caller checks that none went elsewhere, and gives the number
     * of rows inserted, which the stage must have. False (nothing done) when the stage is no longer open, has no
     * rows or not {@code inserted}, the store has no full-text index, or this way is turned off
     * ({@link StageFts#enabled}). The importing thread then calls {@link #moveRows} and {@link #copyFts}.
     */
    boolean indexApart(long inserted) throws IOException {
        if (!StageFts.enabled || ftsSql == null || pages == null || pages.rows() == 0 || pages.rows() != inserted) {
            return false;
        }
        StagePages p = pages;
        pages = null;
        p.close();
        staged = p.rows();
        fts = StageFts.start(file, ftsFile, ftsSql);
        return true;
    }

    /** Copies the full-text index {@link #indexApart} built into the store's (inside the import's transaction). */
    void copyFts() throws SQLException {
        fts.copyInto(conn);
    }

    /** Whether rows still go to the stage (until {@link #moveRows} or {@link #indexApart}). */
    boolean open() {
        return pages != null;
    }

    /**
     * Writes an inserted row, with the values {@link IncidentBinding#bind} binds and {@code batchId}; false (nothing
     * written) when its record needs overflow pages or a date text SQLite's NUMERIC affinity could take as a number.
     */
    boolean add(IncidentBinding.Row r, long fid, long batchId, IncidentValues made) throws IOException {
        Incident i = r.incident();
        if (!dateText(r.date()) || !dateText(r.spanEnd())) return false;
        StagePages p = pages;
        p.begin();
        p.putNull();
        p.putBlob(r.geom());
        text(p, made, i.sourceKey());
        p.putText(r.date());
        p.putLong(i.datePrecision().code());
        p.putText(r.spanEnd());
        p.putText(r.spanEnd());
        text(p, made, i.place());
        text(p, made, i.admin1());
        text(p, made, i.country());
        p.putLong(i.geoPrecision().code());
        p.putText(EVENT_TYPES[i.eventType().ordinal()]);
        if (i.subEventType() == null) p.putNull(); else p.putText(SUB_EVENT_TYPES[i.subEventType().ordinal()]);
        if (i.fatalities() == null) p.putNull(); else p.putLong(i.fatalities());
        text(p, made, i.summary());
        text(p, made, i.source());
        p.putText(i.origin());
        text(p, made, i.evidence());
        p.putLong(batchId);
        p.putText(r.factions());
        p.putText(r.hash());
        p.putText(r.actors());
        if (i.revised() == null) p.putNull(); else p.putLong(i.revised().getEpochSecond());
        if (!p.fits()) return false;
        p.end(fid);
        return true;
    }

    /** A text column: NULL, or {@code s}'s UTF-8 bytes as the hash just made them ({@link IncidentValues#utf8}). */
    private static void text(StagePages p, IncidentValues made, String s) {
        if (s == null) p.putNull(); else p.putText(made.utf8(s));
    }

    /**
     * A date column (NUMERIC affinity) keeps a bound text as text unless the whole text reads as a number; an ISO
     * date has a '-' after a digit, which no number has.
     */
    private static boolean dateText(String s) {
        for (int k = 1; k < s.length(); k++) {
            if (s.charAt(k) == '-' && Character.isDigit(s.charAt(k - 1))) return true;
        }
        return false;
    }

    /**
     * Ends the stage and moves its rows into the store's {@code incident} (inside the import's transaction): the
     * table's triggers are dropped around the move and created again from their SQL, the stage's index is filled,
     * then one {@code INSERT … SELECT}. Returns the rows moved.
     */
    long moveRows() throws SQLException, IOException {
        StagePages p = pages;
        pages = null;
        if (p != null) {
            p.close();
            staged = p.rows();
        }
        long n = staged;
        if (n == 0) return 0;
        // the second thread writes the stage's key index: this connection must not read the stage before
        if (fts != null) fts.awaitKeys();
        List<String> triggers = IncidentTriggers.drop(conn, null);
        try (Statement st = conn.createStatement()) {
            // the first read of the stage finds its schema changed since the ATTACH and reads it again
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SCHEMA + ".sqlite_schema")) {
                if (!rs.next() || rs.getInt(1) != 2) throw new SQLException("the import's stage has no table");
            }
            if (fts == null) st.execute("REINDEX " + SCHEMA + ".sqlite_autoindex_incident_1");
            String move = "INSERT INTO main.incident SELECT * FROM " + SCHEMA + ".incident";
            if (LOG.isLoggable(java.util.logging.Level.FINE)) {
                boolean transfer = transfers(move);
                LOG.fine(() -> "the stage's rows are moved " + (transfer ? "as records (transfer)" : "value by value"));
            }
            long moved = st.executeUpdate(move);
            if (moved != n) throw new SQLException("moved " + moved + " rows of " + n);
            IncidentTriggers.create(conn, triggers);
        }
        LOG.fine(() -> "moved " + n + " rows from the import's stage");
        return n;
    }

    /**
     * Whether SQLite runs {@code move} as its transfer: its program has the transfer's loop copying each row's record
     * ({@code RowCell}; it also has the ordinary loop, which it takes when the table is not empty) and the store's
     * table is empty.
     */
    private boolean transfers(String move) throws SQLException {
        boolean copies = false;
        try (PreparedStatement ps = conn.prepareStatement("EXPLAIN " + move); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) copies |= "RowCell".equals(rs.getString(2));
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM main.incident)");
             ResultSet rs = ps.executeQuery()) {
            return copies && rs.next() && rs.getBoolean(1);
        }
    }

    /** Detaches and deletes the stage (after the transaction ended); failures are left to the next import. */
    @Override
    public void close() {
        if (fts != null) fts.close();
        try {
            if (pages != null) pages.close();
        } catch (IOException e) {
            LOG.fine(() -> "closing the import's stage: " + e.getMessage());
        }
        pages = null;
        attached = detach(SCHEMA, attached, file);
        if (ftsFile != null) ftsAttached = detach(StageFts.SCHEMA, ftsAttached, ftsFile);
    }

    /** Detaches {@code schema} when {@code on} and deletes its file when that went well; whether still attached. */
    private boolean detach(String schema, boolean on, Path f) {
        if (on) {
            try (PreparedStatement ps = conn.prepareStatement("DETACH " + schema)) {
                ps.execute();
                on = false;
            } catch (SQLException e) {
                LOG.fine(() -> "the import's stage stays attached: " + e.getMessage());
            }
        }
        try {
            if (!on) Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.fine(() -> "the import's stage " + f + " is left to the next import: " + e.getMessage());
        } finally {
            if (!on) LIVE.remove(f);
        }
        return on;
    }

    /** Whether {@code c} has a stage attached (tests). */
    static boolean attached(Connection c) throws SQLException {
        return attached(c, SCHEMA) || attached(c, StageFts.SCHEMA);
    }

    private static boolean attached(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pragma_database_list WHERE name = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }
}
