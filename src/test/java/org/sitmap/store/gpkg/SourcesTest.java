package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.SubEventType;
import org.sitmap.store.ImportOptions;

/** The data sets and sources of filtered incidents come from one aggregate query, most incidents first. */
class SourcesTest {
    @Test
    void dataSetsAndSourcesOfTheFilteredIncidents(@TempDir Path dir) {
        try (IncidentStore store = IncidentStore.open(dir.resolve("s.gpkg"))) {
            store.importAll(reader(List.of(
                    incident("ucdp:1", "SAA", "BBC"), incident("ucdp:2", "SAA", "AFP"), incident("ucdp:3", "ISIS", "AFP"),
                    incident("seed:x", "SAA", "Enab Baladi"))), ImportOptions.DEFAULT, null);
            List<String[]> all = store.sources(FilterSpec.ALL);
            assertThat(all).extracting(p -> p[0] + "|" + p[1])
                    .containsExactly("ucdp|AFP", "seed|Enab Baladi", "ucdp|BBC");
            assertThat(store.sources(FilterSpec.ALL.withFactions(Set.of("ISIS")))).extracting(p -> p[0] + "|" + p[1])
                    .containsExactly("ucdp|AFP");
            assertThat(store.sources(FilterSpec.ALL.withText("nowhereland"))).isEmpty();
        }
    }

    @Test
    void aRepeatedQueryFollowsChangesToTheStore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.gpkg");
        try (IncidentStore store = IncidentStore.open(file)) {
            store.importAll(reader(List.of(incident("ucdp:1", "SAA", "BBC"))), ImportOptions.DEFAULT, null);
            assertThat(store.sources(FilterSpec.ALL)).extracting(p -> p[1]).containsExactly("BBC");
            // a second import through the store, then a change by another program writing the file
            store.importAll(reader(List.of(incident("ucdp:2", "SAA", "AFP"), incident("ucdp:3", "SAA", "AFP"))),
                    ImportOptions.DEFAULT, null);
            assertThat(store.sources(FilterSpec.ALL)).extracting(p -> p[1]).containsExactly("AFP", "BBC");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement st = c.createStatement()) {
                GpkgFunctions.register(c);   // the GeoPackage's triggers call them, as in GDAL or QGIS
                st.executeUpdate("UPDATE incident SET source = 'Reuters' WHERE source = 'BBC'");
            }
            assertThat(store.sources(FilterSpec.ALL)).extracting(p -> p[1]).containsExactly("AFP", "Reuters");
        }
    }

    private static Incident incident(String key, String faction, String source) {
        return Incident.builder().sourceKey(key).date(LocalDate.of(2019, 5, 1)).place("Ariha")
                .position(35.81, 36.61).subEventType(SubEventType.SHELLING).actor("Some actor", faction)
                .source(source).build();
    }

    private static IncidentReader reader(List<Incident> list) {
        Iterator<Incident> it = list.iterator();
        return new IncidentReader() {
            long line;
            @Override public String file() { return "test"; }
            @Override public String format() { return "test"; }
            @Override public void close() { }
            @Override public ParsedRow next() { return it.hasNext() ? ParsedRow.ok(++line, it.next()) : null; }
        };
    }
}
