package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sitmap.model.ImportReport;

/**
 * The stored text-search value ({@code search}, a plain column since schema 4) is {@code to_tsvector('simple', …)} of
 * the row's texts however the row was written: a first load that sends the values (computed by the client for plain
 * texts, by the server for the others), a staged import, and a plain {@code INSERT} or {@code UPDATE} by another tool
 * (the trigger). Run on a database of the C locale (the test cluster's) and on one of {@code C.UTF-8}.
 */
class PgSearchColumnTest {
    private static PgCluster pg;
    @TempDir
    static Path dir;
    /** Rows whose notes the client leaves to the server (a host, a number with a point, a path, an e-mail). */
    private static final String[] NOT_PLAIN = {"U.S. strike near", "COVID-19 ward near", "2.5 km from", "x/y road near",
        "mail a@b.org near", "shelling (-3 dead) near"};

    @BeforeAll
    static void cluster() throws SQLException {
        pg = PgCluster.sharedOrSkip();
        pg.teamStore("tsv_c");
        try (Connection c = pg.superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE tsv_u OWNER tsv_c_owner TEMPLATE template0 LC_CTYPE 'C.UTF-8'"
                    + " LC_COLLATE 'C.UTF-8'");
        }
        pg.execute("tsv_u", "CREATE EXTENSION postgis");
        ServerInit.run(pg.location("tsv_c_owner", "pw-tsv_c-owner", "tsv_u"));
    }

    private static long count(String db, String sql) throws SQLException {
        try (Connection c = pg.superuser(db); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long wrong(String db) throws SQLException {
        return count(db, "SELECT count(*) FROM sitmap.incident WHERE search IS DISTINCT FROM to_tsvector('simple',"
                + " coalesce(place, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(evidence, ''))"
                + " OR search::text IS DISTINCT FROM to_tsvector('simple', coalesce(place, '') || ' ' ||"
                + " coalesce(summary, '') || ' ' || coalesce(evidence, ''))::text");
    }

    /** A synthetic file of {@code n} rows where every 97th row's note is one the client leaves to the server. */
    private static Path file(String name, int n) throws Exception {
        Path f = PgCluster.synthetic().writeAcledCsv(dir.resolve(name + "-plain.csv"), n, 3);
        List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
        for (int k = 1; k < lines.size(); k += 97) {
            lines.set(k, lines.get(k).replaceFirst(",Synthetic incident near ", "," + NOT_PLAIN[k % NOT_PLAIN.length]
                    + " "));
        }
        return Files.write(dir.resolve(name + ".csv"), lines, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tsv_c", "tsv_u"})
    void everyWayOfWritingARowStoresTheServersValue(String db) throws Exception {
        pg.execute(db, "TRUNCATE sitmap.incident, sitmap.import_batch, sitmap.source RESTART IDENTITY CASCADE");
        PgLocation owner = pg.location("tsv_c_owner", "pw-tsv_c-owner", db);
        // a first load by the owner: values sent with the rows, the insert trigger off while copying
        ImportReport first = PgCluster.importFile(owner, file(db + "-first", 9_000));
        assertEquals(9_000, first.imported(), first.describe());
        assertEquals(93, count(db, "SELECT count(*) FROM sitmap.incident WHERE summary ~ '^(U\\.S\\.|COVID|2\\.5|x/y|mail"
                + "|shelling \\()'"));
        assertEquals(0, wrong(db));
        assertEquals("O", text(db, "SELECT tgenabled::text FROM pg_trigger WHERE tgname = 'incident_search_insert'"));
        assertTrue(count(db, "SELECT count(*) FROM sitmap.incident WHERE search @@ to_tsquery('simple', 'u.s')") > 0);
        // a staged import (the table is not empty): the merge writes the values
        ImportReport staged = PgCluster.importFile(owner, file(db + "-second", 12_000));
        assertEquals(3_000, staged.imported(), staged.describe());
        assertEquals(0, wrong(db));
        // another tool: an insert without the value, an update of a text, an update that clears the value
        pg.execute(db, "INSERT INTO sitmap.incident (source_key, event_date, date_precision, span_end, place,"
                + " geo_precision, event_type, batch_id, faction_codes, content_hash, summary)"
                + " SELECT 'qgis-1', DATE '2020-01-01', 0, DATE '2020-01-01', 'Kafr Nabl', 0, 'Battles', max(id), '',"
                + " 'x', 'Added in QGIS' FROM sitmap.import_batch");
        pg.execute(db, "UPDATE sitmap.incident SET summary = 'Edited in QGIS' WHERE fid = 5");
        pg.execute(db, "UPDATE sitmap.incident SET search = NULL WHERE fid = 6");
        pg.execute(db, "UPDATE sitmap.incident SET evidence = 'seen', search = search WHERE fid = 7");
        assertEquals(0, wrong(db));
        assertEquals(1, count(db, "SELECT count(*) FROM sitmap.incident WHERE search @@ to_tsquery('simple', 'qgis')"
                + " AND summary = 'Added in QGIS'"));
        assertEquals(1, count(db, "SELECT count(*) FROM sitmap.incident WHERE fid = 5 AND search @@"
                + " to_tsquery('simple', 'edited')"));
    }

    private static String text(String db, String sql) throws SQLException {
        try (Connection c = pg.superuser(db); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
