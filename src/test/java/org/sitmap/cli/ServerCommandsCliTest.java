package org.sitmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.store.pg.PgCluster;

/**
 * The commands against a team server ({@code --db postgresql://…}) through the store contract: query, export in
 * every format, check and gazetteer give what they give on a GeoPackage store holding the same import, and no
 * password appears in any output. The server is a throwaway cluster; skipped with the reason where PostgreSQL with
 * PostGIS is not installed.
 */
class ServerCommandsCliTest {
    private static final String CREATED = "2026-01-02T03:04:00Z";
    private static final String EDITOR_PW = "pw-cmd-editor-31";
    private static final String READER_PW = "pw-cmd-reader-47";
    @TempDir static Path shared;
    private static PgCluster pg;
    /** A GeoPackage store with the same two files imported in the same order. */
    private static Path file;
    /** The team store taken away into a GeoPackage: the same incidents under the same ids. */
    private static Path away;
    private static final CliRunner SETUP = new CliRunner();
    private static final List<String> OUTPUTS = new ArrayList<>();

    @TempDir Path dir;
    private final CliRunner cli = new CliRunner();

    private static String uri(String user, String password) {
        return "postgresql://" + user + ":" + password + "@127.0.0.1:" + pg.port() + "/cli_cmds?sslmode=disable";
    }

    private static String editor() { return uri("cmd_editor", EDITOR_PW); }

    private static String reader() { return uri("cmd_reader", READER_PW); }

    @BeforeAll
    static void teamStoreAndFile() throws Exception {
        pg = PgCluster.sharedOrSkip();
        pg.createDatabase("cli_cmds", "cmd_owner", "pw-cmd-owner");
        setup("server", "init", "--db", "postgresql://cmd_owner:pw-cmd-owner@127.0.0.1:" + pg.port()
                + "/cli_cmds?sslmode=disable");
        pg.createLogin("cmd_editor", EDITOR_PW);
        pg.createLogin("cmd_reader", READER_PW);
        pg.execute("cli_cmds", "GRANT sitmap_editor TO cmd_editor");
        pg.execute("cli_cmds", "GRANT sitmap_reader TO cmd_reader");
        Path seeds = Path.of("data/incidents/seed-incidents.geojson").toAbsolutePath();
        Path csv = PgCluster.synthetic().writeAcledCsv(shared.resolve("cell.csv"), 300, 11);
        file = shared.resolve("same.gpkg");
        for (Path f : List.of(seeds, csv)) {
            setup("import", "--db", editor(), f.toString());
            setup("import", "--db", file.toString(), f.toString());
        }
        away = shared.resolve("away.gpkg");
        setup("export", "--db", reader(), "--out", away.toString());
    }

    private static void setup(String... args) {
        int status = SETUP.run(args);
        OUTPUTS.add(SETUP.out.toString() + SETUP.err);
        assertThat(status).as(String.join(" ", args) + ": " + SETUP.err).isZero();
    }

    private int run(String... args) {
        int status = cli.run(args);
        OUTPUTS.add(cli.out.toString() + cli.err);
        return status;
    }

    @AfterEach
    void noPasswordInAnyOutput() {
        for (String o : OUTPUTS) assertThat(o).doesNotContain(EDITOR_PW).doesNotContain(READER_PW).doesNotContain("pw-cmd-");
    }

    private String query(String db, String... filters) {
        List<String> a = new ArrayList<>(List.of("query", "--db", db, "--format", "csv"));
        a.addAll(List.of(filters));
        assertThat(run(a.toArray(String[]::new))).as(cli.err.toString()).isZero();
        return cli.out.toString();
    }

    /** CSV rows without their first column (the store's own id), sorted. */
    private static List<String> withoutIds(String csv) {
        return csv.lines().map(l -> l.substring(l.indexOf(',') + 1)).sorted().toList();
    }

    @Test
    void queryGivesWhatTheSameImportGivesInAFile() {
        String[][] filters = {{}, {"--from", "2020-01-01", "--to", "2020-12-31"}, {"--faction", "RUS", "--faction", "TUR"},
                {"--bbox", "36.0,35.5,37.5,36.6"}, {"--text", "Idlib"}, {"--type", "Battles", "--from", "2019-06-01"}};
        for (String[] f : filters) {
            String server = query(reader(), f);
            assertThat(server.lines().count()).as(String.join(" ", f)).isGreaterThan(1);
            assertThat(withoutIds(server)).as(String.join(" ", f)).isEqualTo(withoutIds(query(file.toString(), f)));
            assertThat(server).as("same ids and order as the store taken away").isEqualTo(query(away.toString(), f));
        }
        assertThat(run("query", "--db", reader())).isZero();
        assertThat(cli.out.toString()).startsWith("{").contains("\"FeatureCollection\"");
    }

    @Test
    void everyExportFormatWorksFromTheServer() throws Exception {
        Files.createDirectories(dir.resolve("server"));
        Files.createDirectories(dir.resolve("file"));
        for (String ext : List.of("geojson", "csv", "kml", "kmz", "gpkg", "png", "pdf", "gif")) {
            Path fromServer = dir.resolve("server/cell." + ext);
            Path fromFile = dir.resolve("file/cell." + ext);
            String[] common = {"--offline", "--created", CREATED, "--from", "2020-01-01", "--to", "2021-06-30",
                    "--width", "640", "--height", "400", "--step", "1m", "--title", "Cell"};
            assertThat(export(reader(), fromServer, common)).as(ext + ": " + cli.err).isZero();
            String said = cli.out.toString().replace(fromServer.toString(), "OUT");
            assertThat(export(away.toString(), fromFile, common)).as(ext + ": " + cli.err).isZero();
            assertThat(said).as(ext).isEqualTo(cli.out.toString().replace(fromFile.toString(), "OUT"));
            assertThat(Files.size(fromServer)).as(ext).isPositive();
            if (List.of("geojson", "csv", "kml").contains(ext)) {
                assertThat(Files.readString(fromServer)).as(ext + " equals the export of the store taken away")
                        .isEqualTo(Files.readString(fromFile));
            } else if (ext.equals("png")) {
                assertThat(java.util.Arrays.equals(Files.readAllBytes(fromServer), Files.readAllBytes(fromFile)))
                        .as("the same picture as from the store taken away").isTrue();
            }
        }
        Path gpkg = dir.resolve("server/cell.gpkg");
        assertThat(run("query", "--db", gpkg.toString(), "--format", "csv")).isZero();
        assertThat(cli.out.toString().lines().count() - 1).isEqualTo(query(reader(), "--from", "2020-01-01", "--to",
                "2021-06-30").lines().count() - 1);
        String ogr = ogrinfo(dir.resolve("server/cell.geojson"));
        if (ogr != null) assertThat(ogr).contains("Geometry: Point").contains("Feature Count:");
        String ogrGpkg = ogrinfo(gpkg);
        if (ogrGpkg != null) assertThat(ogrGpkg).contains("incident").contains("Point");
    }

    private int export(String db, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("export", "--db", db, "--out", out.toString()));
        a.addAll(List.of(more));
        if (!out.toString().endsWith(".gif")) {
            a.remove("--step");
            a.remove("1m");
        }
        return run(a.toArray(String[]::new));
    }

    /** {@code ogrinfo -al -so FILE}, or null when GDAL is not installed here. */
    private static String ogrinfo(Path f) throws IOException, InterruptedException {
        ProcessBuilder b;
        try {
            b = new ProcessBuilder("ogrinfo", "-al", "-so", f.toString()).redirectErrorStream(true);
            Process p = b.start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(text).isZero();
            return text;
        } catch (IOException e) {
            return null;   // no GDAL on this machine
        }
    }

    @Test
    void checkReportsTheServerHealthy() {
        assertThat(run("check", "--db", reader())).as(cli.err.toString()).isZero();
        String full = cli.out.toString();
        assertThat(full).startsWith("postgresql://cmd_reader@127.0.0.1:" + pg.port() + "/cli_cmds: healthy")
                .contains("ok: schema sitmap version").contains("ok: every incident (326)");
        assertThat(run("check", "--quick", "--db", reader())).isZero();
        assertThat(cli.out.toString()).contains("healthy").doesNotContain("in-memory index");
    }

    @Test
    void theGazetteerOfTheServerListsLearnedPlacesAndTakesADump() throws Exception {
        assertThat(run("gazetteer", "stats", "--db", reader())).as(cli.err.toString()).isZero();
        String server = cli.out.toString();
        assertThat(server).contains("events:geojson").contains("events:acled");
        assertThat(run("gazetteer", "stats", "--db", file.toString())).isZero();
        assertThat(server.lines().filter(l -> l.startsWith("events:")).map(l -> l.split("\t")[0] + l.split("\t")[5]))
                .as("the same places and events as the file store")
                .isEqualTo(cli.out.toString().lines().filter(l -> l.startsWith("events:"))
                        .map(l -> l.split("\t")[0] + l.split("\t")[5]).toList());
        Path dump = Files.writeString(dir.resolve("SY.txt"), "1\tTell Rifaat\tTell Rifaat\tTall Rifat\t36.47\t37.10\tP"
                + "\tPPL\tSY\t\t09\t\t\t\t20000\t\t400\tAsia/Damascus\t2020-01-01\n");
        assertThat(run("gazetteer", "import", "--db", reader(), dump.toString())).isEqualTo(1);
        assertThat(cli.err.toString()).contains("sitmap_editor");
        assertThat(cli.err.toString().lines().filter(l -> !l.contains("note:")).count()).isEqualTo(1);
        assertThat(run("gazetteer", "import", "--db", editor(), dump.toString())).as(cli.err.toString()).isZero();
        assertThat(run("gazetteer", "list", "--db", reader(), "--name", "Tell Rifaat")).isZero();
        assertThat(cli.out.toString()).contains("Tell Rifaat\t36.47000\t37.10000");
    }
}
