package org.sitmap.store.pg;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb --no-sync} in a temporary folder, started with
 * {@code pg_ctl} on a random loopback port (as the {@code postgres} user when the tests run as root, because
 * {@code initdb} refuses root), password authentication on TCP, stopped and deleted when the test JVM ends.
 * One cluster is shared by the test classes of a run ({@link #shared()}). Where PostgreSQL or PostGIS is not
 * installed, {@link #unavailable()} says why and the tests skip with that message.
 */
public final class PgCluster {
    public static final String SUPERUSER_PASSWORD = "pg-test-super-6f1e";
    private static PgCluster shared;
    private static String unavailable;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private PgCluster(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Why no cluster can be started here, or null when one can. */
    public static synchronized String unavailable() {
        if (shared != null) return null;
        if (unavailable != null) return unavailable;
        try {
            shared();
            return null;
        } catch (IllegalStateException e) {
            return unavailable = e.getMessage();
        }
    }

    /**
     * The run's cluster for a test class's {@code @BeforeAll}; where none can be started, the class's tests are skipped
     * with {@link #unavailable()}'s message (an assumption, so they show as skipped, never as passed).
     */
    public static PgCluster sharedOrSkip() {
        String why = unavailable();
        org.junit.jupiter.api.Assumptions.assumeTrue(why == null, why);
        return shared();
    }

    /** The run's cluster, started on first use. */
    public static synchronized PgCluster shared() {
        if (shared != null) return shared;
        if (unavailable != null) throw new IllegalStateException(unavailable);
        Path bin = findBin();
        if (bin == null) throw new IllegalStateException("PostgreSQL with PostGIS is not installed"
                + " (Debian: postgresql-15-postgis-3); the team-store tests are skipped");
        try {
            shared = start(bin);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "pg-test-cluster-stop"));
            return shared;
        } catch (IOException | InterruptedException e) {
            unavailable = "a test PostgreSQL cluster could not be started: " + e.getMessage();
            throw new IllegalStateException(unavailable, e);
        }
    }

    private static Path findBin() {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) return null;
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .filter(v -> Files.exists(Path.of("/usr/share/postgresql", v.getFileName().toString(),
                            "extension/postgis.control")))
                    .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(v -> v.resolve("bin")).orElse(null);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static PgCluster start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("sitmap-pg-");
        Path pw = dir.resolve("pw");
        Files.writeString(pw, SUPERUSER_PASSWORD + "\n", StandardCharsets.UTF_8);
        if (root) run(false, dir, "chown", "-R", "postgres:postgres", dir.toString());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PgCluster c = new PgCluster(bin, dir, port, root);
        c.pg(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres", "--no-sync",
                "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + pw);
        Files.deleteIfExists(pw);
        c.startServer();
        return c;
    }

    private void pg(String... command) throws IOException, InterruptedException {
        run(asPostgres, dir, command);
    }

    /**
     * A streaming standby of this cluster ({@code pg_basebackup -R}) on another loopback port, started; stopped and
     * deleted at JVM end like the primary.
     */
    public synchronized PgCluster standby() throws IOException, InterruptedException {
        Path sdir = Files.createTempDirectory("sitmap-pg-standby-");
        if (asPostgres) run(false, sdir, "chown", "-R", "postgres:postgres", sdir.toString());
        int sport;
        try (ServerSocket s = new ServerSocket(0)) {
            sport = s.getLocalPort();
        }
        PgCluster st = new PgCluster(bin, sdir, sport, asPostgres);
        run(asPostgres, sdir, Map.of("PGPASSWORD", SUPERUSER_PASSWORD), bin.resolve("pg_basebackup").toString(),
                "-D", sdir.resolve("data").toString(), "-R", "-X", "stream", "--no-sync", "-c", "fast", "-h", "127.0.0.1",
                "-p", Integer.toString(port), "-U", "postgres");
        st.pg(bin.resolve("pg_ctl").toString(), "-D", sdir.resolve("data").toString(), "-l",
                sdir.resolve("log").toString(), "-w", "-t", "60", "-o", "-p " + sport + " -k " + sdir
                        + " -c listen_addresses=127.0.0.1 -c hot_standby=on", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(st::stop, "pg-test-standby-stop"));
        return st;
    }

    private static void run(boolean asPostgres, Path dir, String... command) throws IOException, InterruptedException {
        run(asPostgres, dir, Map.of(), command);
    }

    private static void run(boolean asPostgres, Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(List.of(command));
        ProcessBuilder b = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        b.environment().keySet().removeIf(k -> k.startsWith("PG"));
        b.environment().putAll(env);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command[0] + " failed: " + out.lines().reduce((a, x) -> x).orElse(""));
        }
    }

    void stop() {
        try {
            pg(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop");
        } catch (IOException | InterruptedException e) {
            // the JVM is ending; the folder below goes anyway
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM end
        }
    }

    /** Stops the server as an administrator would ({@code pg_ctl stop -m fast}); every connection is cut. */
    public synchronized void stopServer() throws IOException, InterruptedException {
        pg(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts the server stopped by {@link #stopServer()} again, on the same port. */
    public synchronized void startServer() throws IOException, InterruptedException {
        pg(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=60", "start");
    }

    public int port() {
        return port;
    }

    /** A location for {@code user} on database {@code db}, with no environment of the machine. */
    public PgLocation location(String user, String password, String db) {
        String uri = "postgresql://" + user + (password == null ? "" : ":" + password) + "@127.0.0.1:" + port + "/" + db
                + "?sslmode=disable";
        return PgLocation.parse(uri, new PgEnvironment(Map.of(), dir, "nobody"));
    }

    /** A superuser connection to {@code db}. */
    public Connection superuser(String db) throws SQLException {
        return PgConnections.open(location("postgres", SUPERUSER_PASSWORD, db));
    }

    /** Creates a fresh database owned by {@code owner} (a login role made here when missing). */
    public String createDatabase(String name, String owner, String ownerPassword) throws SQLException {
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            createLogin(s, owner, ownerPassword, true);
            s.execute("CREATE DATABASE " + name + " OWNER " + owner);
        }
        try (Connection c = superuser(name); Statement s = c.createStatement()) {
            // PostGIS is not a trusted extension: a superuser installs it, as a hosting provider would.
            s.execute("CREATE EXTENSION postgis");
        }
        return name;
    }

    /**
     * A new database made a team store by its owner ({@code NAME_owner}, password {@code pw-NAME-owner}, who may
     * create roles); returns the owner's location.
     */
    public PgLocation teamStore(String name) throws SQLException {
        String owner = name + "_owner";
        String password = "pw-" + name + "-owner";
        createDatabase(name, owner, password);
        PgLocation where = location(owner, password, name);
        ServerInit.run(where);
        return where;
    }

    /** Imports {@code file} into the team store at {@code where} on a connection of its own, as a client does. */
    public static org.sitmap.model.ImportReport importFile(PgLocation where, Path file) throws Exception {
        try (Connection c = PgConnections.open(where);
             org.sitmap.model.IncidentReader r = org.sitmap.store.gpkg.StoreFileReader.open(file, "auto",
                     new org.sitmap.ingest.ReaderContext(org.sitmap.model.FactionCatalog.shipped(), null))) {
            return new PgImporter(c, where, org.sitmap.model.FactionCatalog.shipped())
                    .run(r, org.sitmap.store.ImportOptions.DEFAULT, n -> { });
        }
    }

    /** Synthetic ACLED rows over the shipped Syrian towns, as the bench writes them, for the team-store tests. */
    public static org.sitmap.bench.SyntheticData synthetic() {
        return new org.sitmap.bench.SyntheticData(org.sitmap.ingest.gazetteer.Gazetteer.readShipped().stream()
                .filter(p -> "SY".equals(p.countryCode()) && p.featureCode() != null
                        && p.featureCode().startsWith("PPL")).toList());
    }

    /**
     * Turns TLS on (reload, no restart) with {@code cert} and {@code key} (PEM), and {@code ca} for checking client
     * certificates, copied where the server's user may read them; connections that do not ask for TLS keep working.
     */
    public synchronized void enableTls(Path cert, Path key, Path ca) throws IOException, InterruptedException, SQLException {
        Path tls = dir.resolve("tls");
        Files.createDirectories(tls);
        Files.copy(cert, tls.resolve("server.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(key, tls.resolve("server.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ca, tls.resolve("ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (asPostgres) run(false, dir, "chown", "-R", "postgres:postgres", tls.toString());
        run(false, dir, "chmod", "0600", tls.resolve("server.key").toString());
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET ssl_cert_file = '" + tls.resolve("server.crt") + "'");
            s.execute("ALTER SYSTEM SET ssl_key_file = '" + tls.resolve("server.key") + "'");
            s.execute("ALTER SYSTEM SET ssl_ca_file = '" + tls.resolve("ca.crt") + "'");
            s.execute("ALTER SYSTEM SET ssl = on");
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /**
     * Puts {@code rules} first in {@code pg_hba.conf} and reloads once (e.g. {@code hostnossl DB all 127.0.0.1/32
     * reject}); give each rule a database of its own so that other tests are not affected.
     */
    public synchronized void hbaFirst(String... rules) throws IOException, SQLException {
        Path hba = dir.resolve("data/pg_hba.conf");
        String old = Files.readString(hba, StandardCharsets.UTF_8);
        Files.writeString(hba, String.join("\n", rules) + "\n" + old, StandardCharsets.UTF_8);
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** Creates an analyst's login role (no privileges) when missing; names are test constants. */
    public void createLogin(String name, String password) throws SQLException {
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            createLogin(s, name, password, false);
        }
    }

    /** Runs {@code sql} as superuser on {@code db}. */
    public void execute(String db, String sql) throws SQLException {
        try (Connection c = superuser(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Every row of an index as one line of its columns, id first, sorted by id: indexes compare as lists. */
    public static java.util.List<String> indexRows(org.sitmap.index.IncidentIndex x) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            out.add(String.format(java.util.Locale.ROOT, "%012d %d %d %.5f %.5f %d %d %d %d %d %d %d %s", x.id(i),
                    x.day(i), x.dayEnd(i), x.lat(i), x.lon(i), x.factionMask(i), x.primaryFaction(i), x.eventType(i),
                    x.subEventType(i), x.datePrecision(i), x.geoPrecision(i), x.fatalities(i), x.place(i)));
        }
        out.sort(null);
        return out;
    }

    /**
     * A database {@code name} owned by {@code owner} holding a team store at schema 5 (before the edit log), made
     * table by table as that version's {@code server init} made it; returns the owner's location.
     */
    public PgLocation schema5Store(String name, String owner, String password) throws SQLException {
        createDatabase(name, owner, password);
        PgLocation where = location(owner, password, name);
        try (Connection c = PgConnections.open(where); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA sitmap");
            s.execute("CREATE TABLE sitmap.sitmap_migration (version integer PRIMARY KEY,"
                    + " applied timestamptz NOT NULL DEFAULT now())");
            for (java.util.List<String> v : java.util.List.of(PgSchema.V1, PgSchema.V2, PgSchema.V3, PgSchema.V4,
                    PgSchema.V5)) {
                for (String sql : v) s.execute(sql);
            }
            s.execute("INSERT INTO sitmap.sitmap_migration (version) VALUES (1), (2), (3), (4), (5)");
        }
        return where;
    }

    private static void createLogin(Statement s, String name, String password, boolean owner) throws SQLException {
        s.execute("DO $$ BEGIN CREATE ROLE " + name + " LOGIN " + (owner ? "CREATEROLE " : "") + "PASSWORD '"
                + password + "'; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }
}
