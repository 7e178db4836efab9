package org.sitmap.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.export.CsvWriter;
import org.sitmap.ingest.GeoJsonReader;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.testutil.Fixtures;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DataExportTest {
    @TempDir Path dir;

    private IncidentStore store() {
        IncidentStore s = IncidentStore.open(dir.resolve("src.gpkg"));
        Incident week = Fixtures.simple("t:week", LocalDate.of(2019, 1, 7), "Saraqib <&> \"x\"", 35.86, 36.8, "RUS")
                .toBuilder().datePrecision(DatePrecision.WEEK).summary("=cmd|' /C calc'!A0 \u0001 control").build();
        s.importAll(Fixtures.readerOf("t", Fixtures.arabic(), Fixtures.unresolved(),
                Fixtures.simple("t:day", LocalDate.of(2019, 1, 3), "Idlib", 35.93, 36.63, "HTS"), week),
                ImportOptions.DEFAULT, null);
        return s;
    }

    private static List<Incident> read(Path file) throws IOException {
        List<Incident> l = new ArrayList<>();
        try (GeoJsonReader r = new GeoJsonReader(Files.newInputStream(file), file.toString(), FactionCatalog.shipped())) {
            ParsedRow row;
            while ((row = r.next()) != null) l.add(Fixtures.unstored(row.incident()));
        }
        return l;
    }

    @Test
    void geoJsonImportsBackUnchanged() throws Exception {
        try (IncidentStore s = store()) {
            Path a = dir.resolve("a.geojson");
            assertThat(DataExport.write(s, FilterSpec.ALL, a)).isEqualTo(4);
            try (IncidentStore copy = IncidentStore.open(dir.resolve("copy.gpkg"))) {
                try (GeoJsonReader r = new GeoJsonReader(Files.newInputStream(a), "a", copy.factions())) {
                    copy.importAll(r, ImportOptions.DEFAULT, null);
                }
                Path b = dir.resolve("b.geojson");
                DataExport.write(copy, FilterSpec.ALL, b);
                assertThat(read(b)).isEqualTo(read(a));
                List<Incident> orig = new ArrayList<>();
                for (Incident i : s.query(FilterSpec.ALL)) orig.add(Fixtures.unstored(i));
                assertThat(read(a)).isEqualTo(orig);
            }
        }
    }

    @Test
    void csvHasAcledHeadersAndIsFormulaSafe() throws Exception {
        try (IncidentStore s = store()) {
            Path csv = dir.resolve("a.csv");
            DataExport.write(s, FilterSpec.ALL, csv);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo(String.join(",", CsvWriter.COLUMNS));
            assertThat(lines.get(0)).contains("event_date", "event_type", "actor1", "admin1", "location", "latitude",
                    "fatalities", "notes");
            assertThat(String.join("\n", lines)).contains("'=cmd").doesNotContain(",=cmd");
        }
    }

    @Test
    void kmlHasOneTimeStampOrTimeSpanPerPlacemark() throws Exception {
        try (IncidentStore s = store()) {
            Path kml = dir.resolve("a.kml");
            assertThat(DataExport.write(s, FilterSpec.ALL, kml)).isEqualTo(3);   // the unresolved one has no place
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            Document doc;
            try (InputStream in = Files.newInputStream(kml)) {
                doc = f.newDocumentBuilder().parse(in);
            }
            NodeList pms = doc.getElementsByTagNameNS("http://www.opengis.net/kml/2.2", "Placemark");
            assertThat(pms.getLength()).isEqualTo(3);
            List<String> times = new ArrayList<>();
            for (int i = 0; i < pms.getLength(); i++) {
                Element pm = (Element) pms.item(i);
                int stamps = pm.getElementsByTagNameNS("*", "TimeStamp").getLength();
                int spans = pm.getElementsByTagNameNS("*", "TimeSpan").getLength();
                assertThat(stamps + spans).isEqualTo(1);
                times.add(stamps == 1 ? "when " + text(pm, "when")
                        : "span " + text(pm, "begin") + ".." + text(pm, "end"));
                assertThat(pm.getElementsByTagNameNS("*", "coordinates").getLength()).isEqualTo(1);
            }
            // ordered by date: the day-precise one, the week, the month with its end date
            assertThat(times).containsExactly("when 2019-01-03", "span 2019-01-07..2019-01-13",
                    "span 2020-06-01..2020-06-30");
            String xml = Files.readString(kml);
            assertThat(xml).contains("Saraqib &lt;&amp;&gt;").doesNotContain("\u0001");
            // a style per faction and event type (the faction's colour; the type's shape in a KMZ)
            assertThat(doc.getElementsByTagNameNS("*", "Style").getLength())
                    .isEqualTo(s.factions().size() * org.sitmap.model.EventType.values().length);
        }
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagNameNS("*", tag).item(0).getTextContent();
    }

    @Test
    void geoPackageIsANewStoreWithTheFilteredIncidents() throws Exception {
        try (IncidentStore s = store()) {
            Path gpkg = dir.resolve("out.gpkg");
            Files.writeString(gpkg, "old file replaced");
            FilterSpec only2019 = FilterSpec.ALL.withDates(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
            assertThat(DataExport.write(s, only2019, gpkg)).isEqualTo(3);
            try (IncidentStore out = IncidentStore.open(gpkg)) {
                assertThat(out.count()).isEqualTo(3);
                List<String> keys = new ArrayList<>();
                for (Incident i : out.query(FilterSpec.ALL)) keys.add(i.sourceKey());
                assertThat(keys).containsExactlyInAnyOrder("t:day", "t:week", "test:unresolved");
            }
        }
    }

    @Test
    void withThePrimaryRuleAFactionKeepsOnlyTheIncidentsDrawnInItsColour() throws Exception {
        try (IncidentStore s = store()) {
            Incident joint = Fixtures.simple("t:joint", LocalDate.of(2019, 2, 1), "Ariha", 35.81, 36.61, "HTS")
                    .toBuilder().actor("Russian air force", "RUS").build();
            s.importAll(Fixtures.readerOf("t2", joint), ImportOptions.DEFAULT, null);
            FilterSpec rus = FilterSpec.ALL.withFactions(java.util.Set.of("RUS"));
            long any = DataExport.write(s, rus, dir.resolve("any.csv"));
            assertThat(Files.readString(dir.resolve("any.csv"))).contains("t:week").contains("t:joint");
            assertThat(DataExport.write(s, rus.withFactionRule(org.sitmap.model.FactionRule.PRIMARY),
                    dir.resolve("primary.csv"))).isLessThan(any);
            assertThat(Files.readString(dir.resolve("primary.csv"))).contains("t:week").doesNotContain("t:joint");
            assertThat(DataExport.write(s, rus.withFactionRule(org.sitmap.model.FactionRule.PRIMARY),
                    dir.resolve("primary.gpkg"))).isLessThan(any);
        }
    }
}
