package org.sitmap.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.kml.KmlReader;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.testutil.Fixtures;
import org.sitmap.testutil.Tools;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** KML and KMZ as Google Earth and the OGC schema expect them (issue #13). */
class KmlExportTest {
    @TempDir Path dir;

    private IncidentStore store() {
        IncidentStore s = IncidentStore.open(dir.resolve("src.gpkg"));
        s.importAll(Fixtures.readerOf("t", Fixtures.arabic(), Fixtures.unresolved(),
                Fixtures.simple("t:day", LocalDate.of(2019, 1, 3), "Idlib <&> \"x\"", 35.93, 36.63, "HTS"),
                Fixtures.simple("t:week", LocalDate.of(2019, 1, 7), "Saraqib", 35.86, 36.8, "RUS").toBuilder()
                        .datePrecision(DatePrecision.WEEK).summary("=cmd \u0001 control").build()),
                ImportOptions.DEFAULT, null);
        return s;
    }

    private static Path schema() throws Exception {
        return Path.of(KmlExportTest.class.getResource("kml22/ogckml22.xsd").toURI());
    }

    @Test
    void kmlAndKmzValidateAgainstTheOgcSchema() throws Exception {
        assumeTrue(Tools.onPath("xmllint"), "xmllint (libxml2-utils) is not installed");
        try (IncidentStore s = store()) {
            Path kml = dir.resolve("a.kml");
            Path kmz = dir.resolve("a.kmz");
            DataExport.write(s, FilterSpec.ALL, kml);
            DataExport.write(s, FilterSpec.ALL, kmz);
            Path inner = Files.write(dir.resolve("doc.kml"), entries(kmz).get("doc.kml"));
            for (Path p : List.of(kml, inner)) {
                Tools.Run r = Tools.run("xmllint", "--noout", "--schema", schema().toString(), p.toString());
                assertThat(r.output()).contains("validates");
                assertThat(r.exit()).as(r.output()).isZero();
            }
        }
    }

    @Test
    void placemarkElementsComeInTheSchemasOrder() throws Exception {
        try (IncidentStore s = store()) {
            Path kml = dir.resolve("a.kml");
            DataExport.write(s, FilterSpec.ALL, kml);
            NodeList pms = parse(Files.readAllBytes(kml)).getElementsByTagNameNS("*", "Placemark");
            assertThat(pms.getLength()).isEqualTo(3);
            for (int k = 0; k < pms.getLength(); k++) {
                List<String> names = new ArrayList<>();
                for (Node c = pms.item(k).getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element e) names.add(e.getLocalName());
                }
                assertThat(names).hasSize(6);
                assertThat(names.get(2)).isIn("TimeStamp", "TimeSpan");
                names.set(2, "time");
                assertThat(names).containsExactly("name", "description", "time", "styleUrl", "ExtendedData", "Point");
            }
        }
    }

    @Test
    void kmzHoldsItsIconsAndNoAddressOnTheInternet() throws Exception {
        try (IncidentStore s = store()) {
            Path kmz = dir.resolve("a.kmz");
            assertThat(DataExport.write(s, FilterSpec.ALL, kmz)).isEqualTo(3);
            Map<String, byte[]> files = entries(kmz);
            assertThat(files.keySet().iterator().next()).isEqualTo("doc.kml");
            Document doc = parse(files.get("doc.kml"));
            NodeList hrefs = doc.getElementsByTagNameNS("*", "href");
            assertThat(hrefs.getLength()).isGreaterThan(0);
            for (int k = 0; k < hrefs.getLength(); k++) {
                String href = hrefs.item(k).getTextContent();
                assertThat(href).startsWith("files/").endsWith(".png").doesNotContain("://");
                assertThat(files).containsKey(href);
                assertThat(ImageIO.read(new ByteArrayInputStream(files.get(href))).getWidth()).isEqualTo(KmzWriter.ICON_PX);
            }
            // every placemark's style exists and has an icon
            NodeList urls = doc.getElementsByTagNameNS("*", "styleUrl");
            for (int k = 0; k < urls.getLength(); k++) {
                String id = urls.item(k).getTextContent().substring(1);
                assertThat(doc.getElementById(id) != null || new String(files.get("doc.kml"),
                        java.nio.charset.StandardCharsets.UTF_8).contains("id=\"" + id + "\"")).isTrue();
            }
            Path plain = dir.resolve("a.kml");
            DataExport.write(s, FilterSpec.ALL, plain);
            assertThat(Files.readString(plain)).doesNotContain("http://maps").doesNotContain("<href>");
        }
    }

    @Test
    void aKmlOfAnEarlierSitmapWithPrecisionWordsImports() throws Exception {
        String kml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark id="incident-4">
                <name>Idlib, 2019-01-03</name><styleUrl>#faction-HTS</styleUrl><description>x</description>
                <TimeStamp><when>2019-01-03</when></TimeStamp><ExtendedData>
                <Data name="source_key"><value>t:day</value></Data>
                <Data name="event_type"><value>Battles</value></Data>
                <Data name="date_precision"><value>day</value></Data>
                <Data name="geo_precision"><value>near</value></Data>
                <Data name="factions"><value>HTS</value></Data></ExtendedData>
                <Point><coordinates>36.630000,35.930000</coordinates></Point></Placemark></Document></kml>
                """;
        Path f = Fixtures.write(dir.resolve("old.kml"), kml);
        try (KmlReader r = (KmlReader) KmlReader.open(f, FactionCatalog.shipped(), 1 << 20)) {
            ParsedRow row = r.next();
            assertThat(row.isRejected()).as(row.rejection()).isFalse();
            assertThat(row.incident().geoPrecision()).isEqualTo(GeoPrecision.NEAR);
            assertThat(row.incident().sourceKey()).isEqualTo("t:day");
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Map<String, byte[]> entries(Path zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) out.put(e.getName(), z.readAllBytes());
        }
        return out;
    }
}
