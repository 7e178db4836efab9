package org.sitmap.store.gpkg;

import static org.sitmap.store.gpkg.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.store.ImportOptions;
import org.sitmap.testutil.Fixtures;

/**
 * The key hashes of an import into an empty store: a hash met before sends the row to the store for an exact
 * decision, so the same file gives the same store whether hashes collide or not.
 */
class KeyHashesTest {
    @TempDir Path dir;

    @Test
    void tellsNewHashesFromHashesMetThroughGrowth() {
        KeyHashes h = new KeyHashes();
        Set<Long> expected = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            byte[] key = ("acled:SYR" + (i % 70_000)).getBytes(StandardCharsets.UTF_8);
            assertThat(h.add(key)).isEqualTo(expected.add(KeyHashes.hash(key)));
        }
        assertThat(h.size()).isEqualTo(70_000);
    }

    @Test
    void everyKeyCollidingDecidesAsWithoutCollisions() throws Exception {
        Incident[] file = file();
        List<String> plain = importTwice("plain.gpkg", file);
        List<String> colliding;
        var real = KeyHashes.hashFunction;
        KeyHashes.hashFunction = k -> k.length % 2;   // every key collides with half the others
        try {
            colliding = importTwice("colliding.gpkg", file);
        } finally {
            KeyHashes.hashFunction = real;
        }
        assertThat(colliding).isEqualTo(plain);
        assertThat(plain.get(0)).isEqualTo("read 9, imported 5, updated 2, skipped 1, older 1");
        assertThat(plain.get(1)).isEqualTo("read 9, imported 0, updated 0, skipped 6, older 3");
    }

    /** Five events, one repeated unchanged, one changed twice (the second time to a new place), one older. */
    private static Incident[] file() {
        List<Incident> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(Fixtures.simple("acled:SYR" + i, LocalDate.of(2020, 1, 1 + i), "Saraqib", 35.86 + i / 10.0,
                    36.8, "SAA").toBuilder().revised(Instant.ofEpochSecond(1_700_000_000L)).build());
        }
        rows.add(rows.get(1));
        rows.add(rows.get(2).toBuilder().fatalities(9).revised(Instant.ofEpochSecond(1_700_000_100L)).build());
        rows.add(rows.get(2).toBuilder().place("Raqqa").position(35.95, 39.01).revised(Instant.ofEpochSecond(1_700_000_200L)).build());
        rows.add(rows.get(3).toBuilder().fatalities(3).revised(Instant.ofEpochSecond(1_600_000_000L)).build());
        return rows.toArray(Incident[]::new);
    }

    /** The reports of the file imported twice into a new store, then its rows, index entries, places and bounds. */
    private List<String> importTwice(String name, Incident[] file) throws Exception {
        Path db = dir.resolve(name);
        List<String> out = new ArrayList<>();
        try (IncidentStore s = IncidentStore.open(db)) {
            for (int k = 0; k < 2; k++) {
                ImportReport r = s.importAll(Fixtures.readerOf("f", file), ImportOptions.DEFAULT, null);
                out.add(String.format("read %d, imported %d, updated %d, skipped %d, older %d", r.rowsRead(),
                        r.imported(), r.updated(), r.skipped(), r.older()));
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            out.addAll(rows(st, "SELECT fid, source_key, content_hash, place, fatalities FROM incident ORDER BY fid"));
            out.addAll(rows(st, "SELECT id, minx, maxx, miny, maxy FROM rtree_incident_geom ORDER BY id"));
            out.addAll(rows(st, "SELECT rowid FROM incident_fts WHERE incident_fts MATCH 'Raqqa'"));
            out.addAll(rows(st, "SELECT name, event_count FROM place ORDER BY name"));
            out.addAll(rows(st, "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'incident'"));
        }
        return out;
    }
}
