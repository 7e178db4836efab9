package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.bench.SyntheticData;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.store.gpkg.StoreFileReader;

/**
 * GDAL and QGIS on the team store's tables, when installed: {@code ogrinfo PG:} lists the incident point layer with
 * its key and dates, QGIS's temporal filter on the layer counts a week as Sitmap's date rule does, and an edit session
 * committed by QGIS (an attribute, a moved point, a deleted feature) is in the edit log and in the index Sitmap opens.
 */
class PgGisToolsTest {
    private static PgCluster pg;
    @TempDir
    static Path dir;
    private static long weekCount;

    @BeforeAll
    static void store() throws Exception {
        pg = PgCluster.sharedOrSkip();
        pg.createDatabase("gis", "gis_owner", "pw-gis-owner");
        PgLocation where = pg.location("gis_owner", "pw-gis-owner", "gis");
        ServerInit.run(where);
        SyntheticData data = PgCluster.synthetic();
        Path f = data.writeAcledCsv(dir.resolve("gis.csv"), 3000, 9);
        try (Connection c = PgConnections.open(where);
             IncidentReader r = StoreFileReader.open(f, "auto", new ReaderContext(org.sitmap.model.FactionCatalog.shipped(), null))) {
            new PgImporter(c, where, org.sitmap.model.FactionCatalog.shipped()).run(r, ImportOptions.DEFAULT, n -> { });
            // Sitmap's date rule (sitmap query --from --to): the event may have happened on a day of the window
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sitmap.incident"
                    + " WHERE event_date <= DATE '2019-06-09' AND end_date >= DATE '2019-06-03'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                weekCount = rs.getLong(1);
            }
        }
        assertTrue(weekCount > 0, "the week has incidents");
    }

    @Test
    void ogrinfoListsTheIncidentPointLayer() throws Exception {
        assumeTrue(onPath("ogrinfo"), "ogrinfo (gdal-bin) is not installed");
        String conn = "PG:host=127.0.0.1 port=" + pg.port() + " dbname=gis user=gis_owner sslmode=disable";
        String listing = String.join("\n", run(List.of("ogrinfo", "-ro", conn)));
        assertTrue(listing.contains("sitmap.incident (Point)"), listing);
        String summary = String.join("\n", run(List.of("ogrinfo", "-ro", "-so", conn, "sitmap.incident")));
        assertTrue(summary.contains("Feature Count: 3000"), summary);
        assertTrue(summary.contains("FID Column = fid"), summary);
        assertTrue(summary.contains("event_date: Date"), summary);
        assertTrue(summary.contains("end_date: Date"), summary);
        assertTrue(summary.contains("EPSG\",4326") || summary.contains("EPSG:4326") || summary.contains("WGS 84"), summary);
    }

    @Test
    void qgisTemporalFilterCountsAWeekAsSitmapDoes() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no /usr/bin/python3");
        assumeTrue(run(List.of("/usr/bin/python3", "-c", "import qgis.core")).contains("exit 0"),
                "PyQGIS (python3-qgis) is not installed");
        Path script = Files.writeString(dir.resolve("week.py"), """
                import os
                import sys
                from qgis.core import (Qgis, QgsApplication, QgsDataSourceUri, QgsDateTimeRange, QgsFeatureRequest,
                                       QgsVectorLayer, QgsVectorLayerTemporalContext)
                from qgis.PyQt.QtCore import QDate, QDateTime, QTime
                app = QgsApplication([], False)
                app.initQgis()
                uri = QgsDataSourceUri()
                uri.setConnection("127.0.0.1", sys.argv[1], "gis", "gis_owner", "")
                uri.setDataSource("sitmap", "incident", "geom", "", "fid")
                layer = QgsVectorLayer(uri.uri(False), "incident", "postgres")
                print("valid", layer.isValid(), "features", layer.featureCount())
                print("key", [layer.fields()[i].name() for i in layer.primaryKeyAttributes()])
                props = layer.temporalProperties()
                props.guessDefaultsFromFields(layer.fields())
                props.setLimitMode(Qgis.VectorTemporalLimitMode.IncludeBeginIncludeEnd)
                props.setIsActive(True)
                print("fields", props.startField(), props.endField())
                begin = QDateTime(QDate(2019, 6, 3), QTime(0, 0))
                frame = QgsDateTimeRange(begin, begin.addDays(7), True, False)
                context = QgsVectorLayerTemporalContext()
                context.setLayer(layer)
                request = QgsFeatureRequest().setFilterExpression(props.createFilterString(context, frame))
                print("week", sum(1 for _ in layer.getFeatures(request)), flush=True)
                os._exit(0)
                """, StandardCharsets.UTF_8);
        List<String> lines = run(List.of("/usr/bin/python3", script.toString(), Integer.toString(pg.port())));
        assertTrue(lines.contains("valid True features 3000"), lines.toString());
        assertTrue(lines.contains("key ['fid']"), lines.toString());
        assertTrue(lines.contains("fields event_date end_date"), lines.toString());
        assertEquals("week " + weekCount, lines.stream().filter(l -> l.startsWith("week")).findFirst().orElse(""),
                lines.toString());
    }

    @Test
    void anEditInQgisReachesSitmapsIndex() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no /usr/bin/python3");
        assumeTrue(run(List.of("/usr/bin/python3", "-c", "import qgis.core")).contains("exit 0"),
                "PyQGIS (python3-qgis) is not installed");
        pg.createDatabase("gis_edit", "gis_owner", "pw-gis-owner");
        PgLocation where = pg.location("gis_owner", "pw-gis-owner", "gis_edit");
        ServerInit.run(where);
        PgCluster.importFile(where, PgCluster.synthetic().writeAcledCsv(dir.resolve("edit.csv"), 300, 11));
        // QGIS's own editing: an attribute changed, a point moved, a feature deleted, committed as one edit session
        Path script = Files.writeString(dir.resolve("edit.py"), """
                import os
                import sys
                from qgis.core import QgsApplication, QgsDataSourceUri, QgsGeometry, QgsPointXY, QgsVectorLayer
                app = QgsApplication([], False)
                app.initQgis()
                uri = QgsDataSourceUri()
                uri.setConnection("127.0.0.1", sys.argv[1], "gis_edit", "gis_owner", "")
                uri.setDataSource("sitmap", "incident", "geom", "", "fid")
                layer = QgsVectorLayer(uri.uri(False), "incident", "postgres")
                deaths = layer.fields().indexOf("fatalities")
                # QGIS numbers the features of a bigint key itself: look them up by the key
                ids = {f["fid"]: f.id() for f in layer.getFeatures()}
                layer.startEditing()
                layer.changeAttributeValue(ids[5], deaths, 321)
                layer.changeGeometry(ids[6], QgsGeometry.fromPointXY(QgsPointXY(36.6356, 35.6301)))
                layer.deleteFeature(ids[7])
                print("committed", layer.commitChanges(), layer.commitErrors(), flush=True)
                os._exit(0)
                """, StandardCharsets.UTF_8);
        List<String> lines = run(List.of("/usr/bin/python3", script.toString(), Integer.toString(pg.port())));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("committed True")), lines.toString());
        try (Connection c = PgConnections.open(where)) {
            org.sitmap.model.FactionCatalog catalog = org.sitmap.model.FactionCatalog.shipped();
            org.sitmap.index.IncidentIndex packed = IndexPacks.read(c, catalog);
            assertTrue(packed != null, "the packed index stays usable after a QGIS edit");
            assertTrue(PgCheck.sameRows(packed, PgIndexLoader.load(c, catalog, n -> { })));
            assertEquals(299, packed.size());
            assertEquals(-1, packed.rowOf(7));
            assertEquals(321, packed.fatalities(packed.rowOf(5)));
            assertEquals(35.6301f, packed.lat(packed.rowOf(6)), 1e-4f);
            try (PreparedStatement ps = c.prepareStatement("SELECT string_agg(DISTINCT fid::text, ',' ORDER BY"
                    + " fid::text) FROM sitmap.incident_edit WHERE fid IS NOT NULL"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("5,6,7", rs.getString(1));
            }
        }
    }

    /** Runs a tool with the password in its environment only; its output lines, then "exit N". */
    private static List<String> run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("PGPASSWORD", "pw-gis-owner");
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        pb.environment().put("XDG_RUNTIME_DIR", dir.toString());
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), text);
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.add("exit " + p.exitValue());
        return lines;
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, exe))) return true;
        return false;
    }
}
