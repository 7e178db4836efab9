package org.sitmap.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.ParsedRow;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

/** {@code --layout acled} and {@code ucdp}: the sources' own columns, read back by their readers (issue #13). */
class CsvLayoutTest {
    /** ACLED's current header, as its export and API write it (31 columns). */
    private static final String ACLED = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
            + "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
            + "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
            + "notes,fatalities,tags,timestamp";

    private static List<Incident> incidents() {
        return List.of(
                Fixtures.simple("acled:SYR1234", LocalDate.of(2019, 5, 2), "Kafr Nabl", 35.6137, 36.5613, "SAA")
                        .toBuilder().country("Syria").revised(java.time.Instant.ofEpochSecond(1_700_000_000L)).build(),
                Fixtures.arabic(),
                Fixtures.simple("ucdp:777", LocalDate.of(2018, 2, 1), "Afrin", 36.5119, 36.8692, "TUR").toBuilder()
                        .datePrecision(DatePrecision.WEEK).summary("=HYPERLINK(\"x\")").build(),
                Fixtures.unresolved());
    }

    private static String write(CsvLayout layout) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter w = new CsvWriter(out, layout)) {
            for (Incident i : incidents()) w.write(i);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theHeaderIsAcledsAndEveryRowHasItsColumns() throws Exception {
        String[] lines = write(CsvLayout.ACLED).split("\r\n");
        assertThat(lines[0]).isEqualTo(ACLED).isEqualTo(EventFiles.ACLED_HEADER);
        assertThat(CsvLayout.ACLED.columns()).hasSize(31);
        assertThat(lines[1]).startsWith("SYR1234,2019-05-02,2019,1,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,SAA forces,,,")
                .contains(",760,Middle East,").endsWith(",1700000000");
        assertThat(lines[1]).doesNotContain("acled:");
        // an event from another source keeps its whole key so it does not collide with ACLED ids
        assertThat(String.join("\n", lines)).contains("ucdp:777,2018-02-01,2018,2,").contains("'=HYPERLINK");
    }

    @Test
    void theAcledReaderImportsTheExportBack() throws Exception {
        String csv = write(CsvLayout.ACLED);
        List<Incident> back = new ArrayList<>();
        try (AcledReader r = new AcledReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "a.csv",
                FactionCatalog.shipped())) {
            ParsedRow row;
            while ((row = r.next()) != null) {
                assertThat(row.isRejected()).as(row.rejection()).isFalse();
                back.add(row.incident());
            }
        }
        List<Incident> orig = incidents();
        assertThat(back).hasSize(orig.size());
        for (int k = 0; k < orig.size(); k++) {
            Incident a = orig.get(k), b = back.get(k);
            assertThat(b.sourceKey()).isEqualTo(a.sourceKey());
            assertThat(b.date()).isEqualTo(a.date());
            assertThat(b.datePrecision()).isEqualTo(a.datePrecision());
            assertThat(b.latitude()).isEqualTo(a.latitude());
            assertThat(b.longitude()).isEqualTo(a.longitude());
            assertThat(b.geoPrecision()).isEqualTo(a.geoPrecision());
            assertThat(b.eventType()).isEqualTo(a.eventType());
            assertThat(b.subEventType()).isEqualTo(a.subEventType());
            assertThat(b.fatalities()).isEqualTo(a.fatalities());
            assertThat(b.summary()).isEqualTo(a.summary());
            assertThat(b.place()).isEqualTo(a.place());
            assertThat(b.revised()).isEqualTo(a.revised());
            assertThat(b.actors().stream().map(org.sitmap.model.Actor::name).toList())
                    .isEqualTo(a.actors().stream().map(org.sitmap.model.Actor::name).toList());
        }
    }

    @Test
    void theUcdpLayoutHasGedsColumnsAndTheUcdpReaderReadsItBack() throws Exception {
        String csv = write(CsvLayout.UCDP);
        assertThat(csv.split("\r\n")[0]).isEqualTo(EventFiles.UCDP_HEADER);
        assertThat(csv).contains("\r\n777,2018,").doesNotContain("\r\nucdp:");
        List<Incident> back = new ArrayList<>();
        try (org.sitmap.ingest.ucdp.UcdpReader r = new org.sitmap.ingest.ucdp.UcdpReader(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "u.csv", FactionCatalog.shipped())) {
            ParsedRow row;
            while ((row = r.next()) != null) {
                assertThat(row.isRejected()).as(row.rejection()).isFalse();
                back.add(row.incident());
            }
        }
        List<Incident> orig = incidents();
        assertThat(back).hasSize(orig.size());
        for (int k = 0; k < orig.size(); k++) {
            Incident a = orig.get(k), b = back.get(k);
            assertThat(b.sourceKey()).isEqualTo(a.sourceKey());
            assertThat(b.date()).isEqualTo(a.date());
            assertThat(b.endDate()).isEqualTo(a.endDate());
            assertThat(b.datePrecision()).isEqualTo(a.datePrecision());
            assertThat(b.latitude()).isEqualTo(a.latitude());
            assertThat(b.longitude()).isEqualTo(a.longitude());
            assertThat(b.geoPrecision()).isEqualTo(a.geoPrecision());
            assertThat(b.fatalities()).isEqualTo(a.fatalities());
            assertThat(b.evidence()).isEqualTo(a.evidence());
            assertThat(b.actors().stream().map(org.sitmap.model.Actor::name).toList())
                    .isEqualTo(a.actors().stream().map(org.sitmap.model.Actor::name).toList());
        }
    }

    @Test
    void sitmapsLayoutStaysTheDefault() throws Exception {
        assertThat(write(CsvLayout.SITMAP).split("\r\n")[0]).isEqualTo(String.join(",", CsvWriter.COLUMNS));
        assertThat(CsvLayout.parse(" ACLED ")).isEqualTo(CsvLayout.ACLED);
        assertThat(CsvLayout.parse("ucdp")).isEqualTo(CsvLayout.UCDP);
        assertThatThrownBy(() -> CsvLayout.parse("gdelt")).hasMessageContaining("sitmap, acled or ucdp");
    }
}
