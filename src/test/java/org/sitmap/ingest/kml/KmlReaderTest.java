package org.sitmap.ingest.kml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.Formats;
import org.sitmap.ingest.ReaderContext;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.SubEventType;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

class KmlReaderTest {
    static final FactionCatalog CATALOG = FactionCatalog.shipped();
    @TempDir Path dir;

    static final String STRIKE = """
            <Placemark id="strike-1"><name>Kafr Sajnah</name>
              <description><![CDATA[<p>Air strike on the <b>village</b></p>]]></description>
              <TimeStamp><when>2020-06-01T10:00:00Z</when></TimeStamp>
              <ExtendedData>
                <Data name="event_type"><value>Explosions/Remote violence</value></Data>
                <Data name="sub_event_type"><value>Air/drone strike</value></Data>
                <Data name="actors"><value>Military Forces of Syria (2000-); Civilians (Syria)</value></Data>
                <Data name="fatalities"><value>2</value></Data>
                <Data name="geo_precision"><value>2</value></Data>
              </ExtendedData>
              <Point><coordinates> 36.5896,35.5279,0 </coordinates></Point>
            </Placemark>""";
    static final String SPAN = """
            <Placemark><name>Raqqa front</name><author><name>Someone</name></author>
              <TimeSpan><begin>2017-06</begin><end>2017-10-17</end></TimeSpan>
              <ExtendedData><SchemaData schemaUrl="#s"><SimpleData name="actor1">SDF</SimpleData>
                <SimpleData name="actor2">Islamic State (Syria)</SimpleData>
                <SimpleData name="event_type">Battles</SimpleData></SchemaData></ExtendedData>
              <Point><coordinates>39.01,35.95</coordinates></Point>
            </Placemark>""";
    static final String PLAIN = """
            <Placemark><name>Somewhere</name><TimeStamp><when>2019</when></TimeStamp></Placemark>""";

    private List<ParsedRow> rows(Path file) throws IOException {
        return rows(file, KmzArchive.MAX_BYTES);
    }

    private List<ParsedRow> rows(Path file, long max) throws IOException {
        List<ParsedRow> out = new ArrayList<>();
        try (IncidentReader r = KmlReader.open(file, CATALOG, max)) {
            ParsedRow row;
            while ((row = r.next()) != null) out.add(row);
        }
        return out;
    }

    @Test
    void readsPointPlacemarksWithTimeAndExtendedData() throws IOException {
        Path f = Fixtures.write(dir.resolve("e.kml"), EventFiles.kml(STRIKE, SPAN, PLAIN));
        List<ParsedRow> rows = rows(f);
        assertThat(rows).noneMatch(ParsedRow::isRejected).hasSize(3);
        Incident a = rows.get(0).incident();
        assertThat(a.sourceKey()).isEqualTo("kml:strike-1");
        assertThat(a.date()).isEqualTo(LocalDate.of(2020, 6, 1));
        assertThat(a.subEventType()).isEqualTo(SubEventType.AIR_DRONE_STRIKE);
        assertThat(a.factions()).containsExactly("SAA", "CIV");
        assertThat(a.latitude()).isEqualTo(35.5279);
        assertThat(a.longitude()).isEqualTo(36.5896);
        assertThat(a.geoPrecision()).isEqualTo(GeoPrecision.NEAR);
        assertThat(a.fatalities()).isEqualTo(2);
        assertThat(a.place()).isEqualTo("Kafr Sajnah");
        assertThat(a.summary()).isEqualTo("Air strike on the village");
        assertThat(rows.get(0).line()).isEqualTo(4);
        Incident b = rows.get(1).incident();
        assertThat(b.date()).isEqualTo(LocalDate.of(2017, 6, 1));
        assertThat(b.datePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(b.endDate()).isEqualTo(LocalDate.of(2017, 10, 17));
        assertThat(b.factions()).containsExactly("SDF", "ISIS");
        assertThat(b.place()).isEqualTo("Raqqa front");
        assertThat(b.sourceKey()).startsWith("kml:").hasSize(4 + 24);
        Incident c = rows.get(2).incident();
        assertThat(c.datePrecision()).isEqualTo(DatePrecision.YEAR);
        assertThat(c.located()).isFalse();
        assertThat(c.subEventType()).isEqualTo(SubEventType.OTHER);
        assertThat(c.factions()).containsExactly("UNK");
        assertThat(Formats.detect(f, "auto").name()).isEqualTo("kml");
    }

    @Test
    void badPlacemarksAreRejectedAndMalformedXmlStopsTheFile() throws IOException {
        Path f = Fixtures.write(dir.resolve("bad.kml"), EventFiles.kml(
                "<Placemark><name>no time</name><Point><coordinates>36,35</coordinates></Point></Placemark>",
                "<Placemark><TimeStamp><when>2020-02-31</when></TimeStamp></Placemark>",
                "<Placemark><TimeStamp><when>2020-02-01</when></TimeStamp><Point><coordinates>36,95</coordinates></Point></Placemark>",
                "<Placemark><TimeStamp><when>2020-02-01</when></TimeStamp><LineString><coordinates>36,35 37,36</coordinates></LineString></Placemark>"));
        List<ParsedRow> rows = rows(f);
        assertThat(rows).allMatch(ParsedRow::isRejected);
        assertThat(rows.get(0).rejection()).isEqualTo("no date");
        assertThat(rows.get(1).rejection()).contains("not a date");
        assertThat(rows.get(2).rejection()).contains("are not longitude, latitude");
        assertThat(rows.get(3).rejection()).contains("only Point placemarks");
        Path cut = Fixtures.write(dir.resolve("cut.kml"), EventFiles.kml(STRIKE).substring(0, 300));
        assertThatThrownBy(() -> rows(cut)).isInstanceOf(InputException.class).hasMessageContaining("cut.kml:")
                .hasMessageContaining("not well-formed KML");
        Path nested = Fixtures.write(dir.resolve("nested.kml"), EventFiles.kml("<Placemark><name>a<b>c</b></name></Placemark>"));
        assertThatThrownBy(() -> rows(nested)).isInstanceOf(InputException.class).hasMessageContaining("<b> inside a text element");
        Path huge = Fixtures.write(dir.resolve("huge.kml"), EventFiles.kml("<Placemark><description>"
                + "x".repeat(KmlReader.MAX_TEXT_CHARS + 1) + "</description></Placemark>"));
        assertThatThrownBy(() -> rows(huge)).isInstanceOf(InputException.class).hasMessageContaining("huge.kml:4: an element's text is longer");
        Path empty = Fixtures.write(dir.resolve("empty.kml"), "");
        assertThatThrownBy(() -> rows(empty)).isInstanceOf(InputException.class).hasMessageContaining("empty.kml");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = Fixtures.write(dir.resolve("secret.txt"), "TOPSECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<kml><Placemark><name>&xxe;</name><TimeStamp><when>2020-01-01</when></TimeStamp></Placemark></kml>";
        Path f = Fixtures.write(dir.resolve("xxe.kml"), xxe);
        assertThatThrownBy(() -> rows(f)).isInstanceOf(InputException.class).hasMessageStartingWith(f + ":")
                .hasMessageNotContaining("TOPSECRET").satisfies(e -> assertThat(e.getMessage()).containsAnyOf("DOCTYPE", "entit"));
        String dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE kml SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n<kml></kml>";
        Path g = Fixtures.write(dir.resolve("dtd.kml"), dtd);
        assertThatThrownBy(() -> rows(g)).isInstanceOf(InputException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void entityExpansionIsRefused() throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE kml [\n<!ENTITY a0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            sb.append("<!ENTITY a").append(i).append(" \"");
            for (int k = 0; k < 10; k++) sb.append("&a").append(i - 1).append(';');
            sb.append("\">\n");
        }
        sb.append("]>\n<kml><Placemark><name>&a9;</name></Placemark></kml>");
        Path f = Fixtures.write(dir.resolve("laughs.kml"), sb.toString());
        assertThatThrownBy(() -> rows(f)).isInstanceOf(InputException.class).hasMessageStartingWith(f + ":").hasMessageContaining("DOCTYPE");
    }

    @Test
    void readsKmzAndRefusesZipBombs() throws IOException {
        Path kmz = dir.resolve("e.kmz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(kmz))) {
            z.putNextEntry(new ZipEntry("images/readme.txt"));
            z.write("not kml".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("doc.kml"));
            z.write(EventFiles.kml(STRIKE).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(rows(kmz)).singleElement().satisfies(r -> assertThat(r.incident().sourceKey()).isEqualTo("kml:strike-1"));
        try (IncidentReader r = Formats.open(kmz, "auto", ReaderContext.of(CATALOG))) {
            assertThat(r.format()).isEqualTo("kml");
        }

        // a bomb: 4 MiB of white space inside the KML compresses to a few KiB; the cap here is 1 MiB
        Path bomb = dir.resolve("bomb.kmz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.putNextEntry(new ZipEntry("doc.kml"));
            z.write("<kml><Document>".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 16];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) z.write(spaces);
            z.write("</Document></kml>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(bomb)).isLessThan(64 << 10);
        assertThatThrownBy(() -> rows(bomb, 1 << 20)).isInstanceOf(InputException.class)
                .hasMessageContaining("bomb.kmz").hasMessageContaining("zip bomb");

        Path many = dir.resolve("many.kmz");
        try (OutputStream o = Files.newOutputStream(many); ZipOutputStream z = new ZipOutputStream(o)) {
            for (int i = 0; i <= KmzArchive.MAX_ENTRIES; i++) z.putNextEntry(new ZipEntry("e" + i));
        }
        assertThatThrownBy(() -> rows(many)).isInstanceOf(InputException.class).hasMessageContaining("more than 10000 entries");

        Path noKml = dir.resolve("x.kmz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(noKml))) {
            z.putNextEntry(new ZipEntry("a.txt"));
        }
        assertThatThrownBy(() -> rows(noKml)).isInstanceOf(InputException.class).hasMessageContaining("no .kml document");
        Path broken = Fixtures.write(dir.resolve("broken.kmz"), "PK\u0003\u0004garbage");
        assertThatThrownBy(() -> rows(broken)).isInstanceOf(InputException.class).hasMessageContaining("broken.kmz");
    }
}
