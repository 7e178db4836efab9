package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.bench.SyntheticData;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.store.gpkg.StoreFileReader;

/**
 * Field sync: the team store taken away as a GeoPackage store, and a field store brought back. Keys and contents
 * survive both ways; nothing doubles.
 */
class FieldSyncTest {
    private static PgCluster pg;
    @TempDir
    static Path dir;

    @BeforeAll
    static void cluster() throws Exception {
        pg = PgCluster.sharedOrSkip();
        pg.teamStore("sync");
    }

    @Test
    void takenAwayAndBroughtBackAddsNothingAndTheFieldsNewEventsArrive() throws Exception {
        SyntheticData data = PgCluster.synthetic();
        Path team = data.writeAcledCsv(dir.resolve("team.csv"), 3000, 21);
        PgLocation where = pg.location("sync_owner", "pw-sync-owner", "sync");
        Path field = dir.resolve("field.gpkg");
        try (Connection c = PgConnections.open(where)) {
            try (IncidentReader r = StoreFileReader.open(team, "auto", new ReaderContext(org.sitmap.model.FactionCatalog.shipped(), null))) {
                new PgImporter(c, where, org.sitmap.model.FactionCatalog.shipped()).run(r, ImportOptions.DEFAULT, n -> { });
            }
            // taken away: the server's incidents into a new GeoPackage store
            try (IncidentStore s = IncidentStore.open(field); PgIncidentReader r = new PgIncidentReader(c, where)) {
                ImportReport out = s.importAll(r, ImportOptions.DEFAULT, n -> { });
                assertEquals(3000, out.imported(), out.describe());
                Incident one = s.query(org.sitmap.model.FilterSpec.ALL).stream()
                        .filter(i -> i.sourceKey().equals("acled:SYN7")).findFirst().orElseThrow();
                assertEquals(team + ":9", one.origin(), "the origin travels with the event");
            }
            // in the field: new events are added to the field store
            Path more = data.writeAcledCsv(dir.resolve("more.csv"), 3200, 21);
            try (IncidentStore s = IncidentStore.open(field);
                 IncidentReader r = StoreFileReader.open(more, "auto", new ReaderContext(s.factions(), null))) {
                ImportReport fieldImport = s.importAll(r, ImportOptions.DEFAULT, n -> { });
                assertEquals(200, fieldImport.imported(), fieldImport.describe());
            }
            // brought back: only the field's new events are added
            try (IncidentReader r = StoreFileReader.open(field, "auto", new ReaderContext(org.sitmap.model.FactionCatalog.shipped(), null))) {
                ImportReport back = new PgImporter(c, where, org.sitmap.model.FactionCatalog.shipped()).run(r, ImportOptions.DEFAULT, n -> { });
                assertEquals(200, back.imported(), back.describe());
                assertEquals(0, back.updated(), back.describe());
                assertEquals(3000, back.skipped(), back.describe());
            }
        }
    }
}
