package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.bench.SyntheticData;
import org.sitmap.index.IncidentIndex;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.store.gpkg.StoreFileReader;

/** The index streamed from a team store equals the index a GeoPackage store of the same file loads. */
class PgIndexLoaderTest {
    private static PgCluster pg;
    @TempDir
    static Path dir;

    @BeforeAll
    static void cluster() throws Exception {
        pg = PgCluster.sharedOrSkip();
        pg.teamStore("idx");
    }

    @Test
    void theServersIndexEqualsTheGeoPackagesForTheSameFile() throws Exception {
        SyntheticData data = PgCluster.synthetic();
        Path f = data.writeAcledCsv(dir.resolve("idx.csv"), 5000, 11);
        // a place name with a tab and a backslash, and a row without coordinates, travel through COPY's escapes
        List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
        String first = lines.get(1);
        java.util.regex.Matcher town = java.util.regex.Pattern.compile("Synthetic incident near ([^\",]*)").matcher(first);
        assertTrue(town.find());
        String odd = first.replaceFirst("^SYN0,", "ODD1,").replaceFirst(",\"?" + java.util.regex.Pattern.quote(town.group(1))
                + "\"?,(-?\\d+\\.\\d+,-?\\d+\\.\\d+,)", ",\"odd \\\\\\\\ name\t here\",$1");
        assertTrue(odd.contains("odd"), odd);
        lines.add(odd);
        lines.add(first.replaceFirst("^SYN0,", "ODD2,").replaceFirst(",(-?\\d+\\.\\d+),(-?\\d+\\.\\d+),1,", ",,,1,"));
        Files.write(f, lines, StandardCharsets.UTF_8);
        PgLocation where = pg.location("idx_owner", "pw-idx-owner", "idx");
        IncidentIndex fromServer;
        try (Connection c = PgConnections.open(where);
             IncidentReader r = StoreFileReader.open(f, "auto", new ReaderContext(org.sitmap.model.FactionCatalog.shipped(), null))) {
            new PgImporter(c, where, org.sitmap.model.FactionCatalog.shipped()).run(r, ImportOptions.DEFAULT, n -> { });
            fromServer = PgIndexLoader.load(c, org.sitmap.model.FactionCatalog.shipped(), n -> { });
        }
        IncidentIndex fromFile;
        try (IncidentStore s = IncidentStore.open(dir.resolve("idx.gpkg"));
             IncidentReader r = StoreFileReader.open(f, "auto", new ReaderContext(s.factions(), null))) {
            s.importAll(r, ImportOptions.DEFAULT, n -> { });
            fromFile = s.loadIndex();
        }
        assertTrue(fromServer.size() >= 5001, "rows: " + fromServer.size());
        assertEquals(fromFile.size(), fromServer.size());
        assertEquals(rows(fromFile), rows(fromServer));
    }

    /** Every row's columns except the id, sorted (the two stores number incidents independently). */
    private static List<String> rows(IncidentIndex x) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            out.add(String.format(Locale.ROOT, "%d %d %.5f %.5f %d %d %d %d %d %d %d %s", x.day(i), x.dayEnd(i),
                    x.lat(i), x.lon(i), x.factionMask(i), x.primaryFaction(i), x.eventType(i), x.subEventType(i),
                    x.datePrecision(i), x.geoPrecision(i), x.fatalities(i), x.place(i)));
        }
        out.sort(null);
        assertTrue(out.size() > 0);
        return out;
    }
}
