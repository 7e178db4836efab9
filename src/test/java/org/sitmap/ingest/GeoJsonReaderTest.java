package org.sitmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.export.GeoJsonWriter;
import org.sitmap.model.Actor;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.InputException;
import org.sitmap.model.ParsedRow;
import org.sitmap.testutil.Fixtures;

class GeoJsonReaderTest {
    @TempDir Path dir;
    private final FactionCatalog catalog = FactionCatalog.shipped();

    private List<ParsedRow> read(Path file) throws IOException {
        List<ParsedRow> rows = new ArrayList<>();
        try (IncidentReader r = Formats.open(file, "auto", ReaderContext.of(catalog))) {
            ParsedRow row;
            while ((row = r.next()) != null) rows.add(row);
        }
        return rows;
    }

    @Test
    void writerOutputReadsBackUnchanged() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.time.Instant revised = java.time.Instant.ofEpochSecond(1_700_000_000L);
        Incident a = Fixtures.arabic().toBuilder().id(7).revised(revised).build();
        GeoJsonWriter.write(List.of(a, Fixtures.unresolved()), out);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("\"place\":\"كفرسجنة\"").contains("\"fatalities\":null")
                .contains("\"revised\":\"2023-11-14T22:13:20Z\"").contains("\"revised\":null");
        Path f = Fixtures.write(dir.resolve("out.data"), text);
        List<ParsedRow> rows = read(f);
        assertThat(rows).extracting(ParsedRow::incident).containsExactly(
                Fixtures.arabic().toBuilder().revised(revised).build(), Fixtures.unresolved());
    }

    @Test
    void badFeaturesAreRejectedWithTheirLine() throws IOException {
        Path f = Fixtures.write(dir.resolve("mixed.geojson"), """
                {"type": "FeatureCollection",
                 "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.63, 35.93]},
                   "properties": {"id": "idl-1", "date": "2020-02-10", "event_type": "Battles",
                     "actors": ["Hayat Tahrir al-Sham", {"name": "Russian warplanes", "faction": "RUS"}],
                     "date_precision": "week", "place": "Idlib"}},
                  {"type": "Feature", "geometry": null,
                   "properties": {"date": "2020-13-01", "event_type": "Battles", "factions": ["SAA"]}},
                  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": []},
                   "properties": {"date": "2020-01-01", "event_type": "Battles", "factions": ["SAA"]}},
                  {"type": "Feature", "geometry": null,
                   "properties": {"date": "2020-01-01", "event_type": "Riots", "factions": ["NOPE"]}},
                  {"type": "Feature", "geometry": null,
                   "properties": {"date": "2020-01-01", "event_type": "Battles", "sub_event_type": "Grenade", "factions": ["SAA"]}}
                 ]}
                """);
        List<ParsedRow> rows = read(f);
        assertThat(rows).hasSize(5);
        Incident ok = rows.get(0).incident();
        assertThat(rows.get(0).line()).isEqualTo(3);
        assertThat(ok.sourceKey()).isEqualTo("geojson:idl-1");
        assertThat(ok.datePrecision()).isEqualTo(DatePrecision.WEEK);
        assertThat(ok.actors()).containsExactly(new Actor("Hayat Tahrir al-Sham", "HTS"), new Actor("Russian warplanes", "RUS"));
        assertThat(ok.origin()).isEqualTo(f + ":3");
        assertThat(rows.subList(1, 5)).extracting(ParsedRow::line).containsExactly(7L, 9L, 11L, 13L);
        assertThat(rows.get(1).rejection()).contains("2020-13-01");
        assertThat(rows.get(2).rejection()).contains("Point");
        assertThat(rows.get(3).rejection()).contains("NOPE");
        assertThat(rows.get(4).rejection()).contains("Grenade");
    }

    @Test
    void malformedJsonNamesTheLine() {
        Path f = Fixtures.write(dir.resolve("broken.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [\n"
                + "{\"type\": \"Feature\", \"properties\": {}},\n{\"type\": \"Feature\" \"oops\": 1}\n]}\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":3: malformed JSON");
    }

    @Test
    void aFileThatIsNotAFeatureCollectionIsRefused() {
        Path f = Fixtures.write(dir.resolve("x.geojson"), "{\"type\": \"Topology\", \"objects\": {}}");
        assertThatThrownBy(() -> read(f)).isInstanceOf(InputException.class).hasMessageContaining("not a FeatureCollection");
        Path g = Fixtures.write(dir.resolve("x.dat"), "hello");
        assertThatThrownBy(() -> read(g)).isInstanceOf(InputException.class).hasMessageContaining("cannot tell the file's format");
        assertThatThrownBy(() -> read(dir.resolve("missing.geojson"))).isInstanceOf(InputException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void featuresWithoutKeysGetAStableContentKey() throws IOException {
        String text = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":4,\"geometry\":null,"
                + "\"properties\":{\"date\":\"2020-01-01\",\"event_type\":\"Battles\",\"factions\":[\"SAA\"]}}]}";
        String k1 = read(Fixtures.write(dir.resolve("a.geojson"), text)).get(0).incident().sourceKey();
        String k2 = read(Fixtures.write(dir.resolve("b.geojson"), text.replace("\"id\":4", "\"id\":9"))).get(0).incident().sourceKey();
        assertThat(k1).startsWith("geojson:").isEqualTo(k2);
        assertThat(Files.exists(dir.resolve("a.geojson"))).isTrue();
    }
}
