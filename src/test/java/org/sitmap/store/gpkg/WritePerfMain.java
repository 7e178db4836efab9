package org.sitmap.store.gpkg;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.ingest.Formats;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;

/**
 * Dev tool (not a test): what the writing thread of a GeoPackage import costs per row, each way of getting a row into
 * SQLite measured in CPU seconds of the calling thread on the same planned rows, alternated, each rolled back:
 * {@code jdbc} (the import's way: bound values through {@code PreparedStatement} batches), {@code native} (the same
 * values bound straight through the driver's native methods, no batch array or type dispatch), {@code xfer}
 * ({@code INSERT INTO incident SELECT * FROM stage.incident} from an attached copy: SQLite's transfer optimisation,
 * records copied without decoding, the floor for rows written as pages by Java) and {@code select} (the same with a
 * {@code WHERE}, which turns the transfer off: SQLite decodes and encodes every row).
 * {@code java -cp target/sitmap.jar:target/test-classes org.sitmap.store.gpkg.WritePerfMain FILE.csv [ROWS] [ROUNDS]}.
 */
public final class WritePerfMain {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Throwable {
        Path csv = Path.of(args[0]);
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        FactionCatalog cat = FactionCatalog.shipped();
        Path dir = Files.createTempDirectory("sitmap-writeperf");
        Path store = dir.resolve("s.gpkg");
        IncidentStore.open(store).close();
        List<RowPlanner.Planned> rows = new ArrayList<>(limit);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store)) {
            RowPlanner planner = new RowPlanner(cat);
            org.sitmap.store.IncidentValues sha = new org.sitmap.store.IncidentValues(cat);
            planner.preload(c, 1);
            try (IncidentReader reader = Formats.open(csv, "acled", ReaderContext.of(cat))) {
                for (ParsedRow row; rows.size() < limit && (row = reader.next()) != null; ) {
                    RowPlanner.Planned p = planner.plan(row).complete(sha);
                    if (p.action() == RowPlanner.Action.INSERT) rows.add(p);
                }
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store)) {
            GpkgFunctions.register(c);
            try (Statement s = c.createStatement()) {
                // the import's own state: no triggers on incident, foreign keys off, a batch to refer to
                s.execute("PRAGMA foreign_keys = OFF");
                s.execute("PRAGMA cache_size = -200000");
                try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'trigger'")) {
                    List<String> names = new ArrayList<>();
                    while (rs.next()) names.add(rs.getString(1));
                    for (String n : names) c.createStatement().execute("DROP TRIGGER \"" + n + "\"");
                }
                s.execute("INSERT INTO import_batch(file, format, started) VALUES ('x', 'acled', 'now')");
                // an import into an empty store drops the date index for its transaction (BulkMode.dropIndexes)
                s.execute("DROP INDEX incident_dates");
            }
            String stage = dir.resolve("stage.gpkg").toString();
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM INTO '" + stage + "'");
            }
            try (Statement s = c.createStatement()) {
                s.execute("ATTACH '" + stage + "' AS stage");
                try (ResultSet rs = s.executeQuery("SELECT name FROM stage.sqlite_schema WHERE type = 'trigger'")) {
                    List<String> names = new ArrayList<>();
                    while (rs.next()) names.add(rs.getString(1));
                    for (String n : names) c.createStatement().execute("DROP TRIGGER stage.\"" + n + "\"");
                }
            }
            c.setAutoCommit(false);
            jdbc(c, rows, "stage.incident");
            c.commit();
            System.out.printf("%d rows planned%n", rows.size());
            for (int r = 0; r < rounds; r++) {
                pages(c, rows, dir.resolve("pages.db"));
                for (String way : new String[] {"jdbc", "native", "xfer", "select"}) {
                    long c0 = MX.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                    switch (way) {
                        case "jdbc" -> jdbc(c, rows, "incident");
                        case "native" -> direct(c, rows);
                        case "xfer" -> exec(c, "INSERT INTO main.incident SELECT * FROM stage.incident");
                        default -> exec(c, "INSERT INTO main.incident SELECT * FROM stage.incident WHERE fid > 0");
                    }
                    long c1 = MX.getCurrentThreadCpuTime(), w1 = System.nanoTime();
                    System.out.printf("round %d %-6s cpu %.2f s wall %.2f s rows %d%n", r, way, (c1 - c0) / 1e9,
                            (w1 - w0) / 1e9, count(c));
                    c.rollback();
                }
            }
        }
    }

    /**
     * Rows written as pages by Java ({@link StagePages}), attached, given the {@code source_key} index by SQLite
     * and moved by the transfer optimisation; the CPU of each step.
     */
    private static void pages(Connection c, List<RowPlanner.Planned> rows, Path file) throws Exception {
        String sql;
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM main.sqlite_schema WHERE name = 'incident'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            sql = rs.getString(1);
        }
        long c0 = MX.getCurrentThreadCpuTime(), w0 = System.nanoTime();
        try (StagePages sp = new StagePages(file, sql)) {
            for (RowPlanner.Planned p : rows) {
                IncidentBinding.Row r = p.values();
                Incident i = r.incident();
                sp.begin();
                sp.putNull();
                sp.putBlob(r.geom());
                sp.putText(i.sourceKey());
                sp.putText(r.date());
                sp.putLong(i.datePrecision().code());
                sp.putText(r.spanEnd());
                sp.putText(r.spanEnd());
                sp.putText(i.place());
                sp.putText(i.admin1());
                sp.putText(i.country());
                sp.putLong(i.geoPrecision().code());
                sp.putText(i.eventType().label());
                sp.putText(i.subEventType() == null ? null : i.subEventType().label());
                if (i.fatalities() == null) sp.putNull(); else sp.putLong(i.fatalities());
                sp.putText(i.summary());
                sp.putText(i.source());
                sp.putText(i.origin());
                sp.putText(i.evidence());
                sp.putLong(1);
                sp.putText(r.factions());
                sp.putText(r.hash());
                sp.putText(r.actors());
                if (i.revised() == null) sp.putNull(); else sp.putLong(i.revised().getEpochSecond());
                sp.end(p.fid());
            }
        }
        long c1 = MX.getCurrentThreadCpuTime(), w1 = System.nanoTime();
        c.commit();
        c.setAutoCommit(true);
        exec(c, "ATTACH '" + file + "' AS pages");
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("PRAGMA pages.integrity_check"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            System.out.println("pages integrity: " + rs.getString(1));
        }
        long c2 = MX.getCurrentThreadCpuTime(), w2 = System.nanoTime();
        exec(c, "REINDEX pages.sqlite_autoindex_incident_1");
        long c3 = MX.getCurrentThreadCpuTime(), w3 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN INSERT INTO main.incident SELECT * FROM pages.incident");
             ResultSet rs = ps.executeQuery()) {
            StringBuilder ops = new StringBuilder();
            while (rs.next()) ops.append(rs.getString(2)).append(' ');
            System.out.println("xfer program: " + ops);
        }
        exec(c, "INSERT INTO main.incident SELECT * FROM pages.incident");
        long c4 = MX.getCurrentThreadCpuTime(), w4 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT * FROM main.incident EXCEPT"
                + " SELECT * FROM stage.incident)"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            System.out.println("rows differing from the bound ones: " + rs.getLong(1) + " of " + count(c));
        }
        System.out.printf("pages: encode+write cpu %.2f s wall %.2f; index cpu %.2f s wall %.2f; xfer cpu %.2f s"
                + " wall %.2f%n", (c1 - c0) / 1e9, (w1 - w0) / 1e9, (c3 - c2) / 1e9, (w3 - w2) / 1e9,
                (c4 - c3) / 1e9, (w4 - w3) / 1e9);
        c.rollback();
        c.setAutoCommit(true);
        exec(c, "DETACH pages");
        c.setAutoCommit(false);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM main.incident");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void jdbc(Connection c, List<RowPlanner.Planned> rows, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(IncidentBinding.insertSql(1).replace("INTO incident", "INTO " + table))) {
            int n = 0;
            for (RowPlanner.Planned p : rows) {
                IncidentBinding.bind(ps, p.values());
                ps.setLong(IncidentBinding.FID, p.fid());
                ps.addBatch();
                if (++n % 2000 == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
    }

    private static final MethodHandle TEXT, LONG, NULL, BLOB, STEP, RESET;

    static {
        try {
            Class<?> nat = Class.forName("org.sqlite.core.NativeDB");
            MethodHandles.Lookup l = MethodHandles.privateLookupIn(nat, MethodHandles.lookup());
            TEXT = l.findVirtual(nat, "bind_text_utf8", MethodType.methodType(int.class, long.class, int.class, byte[].class));
            LONG = l.findVirtual(nat, "bind_long", MethodType.methodType(int.class, long.class, int.class, long.class));
            NULL = l.findVirtual(nat, "bind_null", MethodType.methodType(int.class, long.class, int.class));
            BLOB = l.findVirtual(nat, "bind_blob", MethodType.methodType(int.class, long.class, int.class, byte[].class));
            STEP = l.findVirtual(nat, "step", MethodType.methodType(int.class, long.class));
            RESET = l.findVirtual(nat, "reset", MethodType.methodType(int.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void direct(Connection c, List<RowPlanner.Planned> rows) throws Throwable {
        try (PreparedStatement ps = c.prepareStatement(IncidentBinding.insertSql(1))) {
            Object db = c.unwrap(org.sqlite.SQLiteConnection.class).getDatabase();
            long stmt = ((org.sqlite.core.CoreStatement) ps).pointer.safeRunLong((d, ptr) -> ptr);
            for (RowPlanner.Planned p : rows) {
                IncidentBinding.Row r = p.values();
                Incident i = r.incident();
                if (r.geom() == null) ck(NULL.invoke(db, stmt, 1)); else ck(BLOB.invoke(db, stmt, 1, r.geom()));
                text(db, stmt, 2, i.sourceKey());
                text(db, stmt, 3, r.date());
                ck(LONG.invoke(db, stmt, 4, (long) i.datePrecision().code()));
                text(db, stmt, 5, r.spanEnd());
                text(db, stmt, 6, i.place());
                text(db, stmt, 7, i.admin1());
                text(db, stmt, 8, i.country());
                ck(LONG.invoke(db, stmt, 9, (long) i.geoPrecision().code()));
                text(db, stmt, 10, i.eventType().label());
                text(db, stmt, 11, i.subEventType() == null ? null : i.subEventType().label());
                if (i.fatalities() == null) ck(NULL.invoke(db, stmt, 12)); else ck(LONG.invoke(db, stmt, 12, (long) i.fatalities()));
                text(db, stmt, 13, i.summary());
                text(db, stmt, 14, i.source());
                text(db, stmt, 15, i.origin());
                text(db, stmt, 16, i.evidence());
                text(db, stmt, 17, r.factions());
                text(db, stmt, 18, r.hash());
                text(db, stmt, 19, r.actors());
                if (i.revised() == null) ck(NULL.invoke(db, stmt, 20)); else ck(LONG.invoke(db, stmt, 20, i.revised().getEpochSecond()));
                ck(LONG.invoke(db, stmt, 21, p.fid()));
                int rc = (int) STEP.invoke(db, stmt);
                if (rc != 101) throw new SQLException("step " + rc);
                RESET.invoke(db, stmt);
            }
        }
    }

    private static void text(Object db, long stmt, int k, String s) throws Throwable {
        if (s == null) ck(NULL.invoke(db, stmt, k)); else ck(TEXT.invoke(db, stmt, k, s.getBytes(StandardCharsets.UTF_8)));
    }

    private static void ck(Object rc) throws SQLException {
        if ((int) rc != 0) throw new SQLException("bind " + rc);
    }

    private WritePerfMain() { }
}
