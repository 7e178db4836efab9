package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.ParsedRow;
import org.sitmap.model.SubEventType;
import org.sitmap.store.ImportOptions;

/** The index read in two halves by two connections equals the index read in one pass. */
class IndexLoaderTest {
    @Test
    void splitLoadEqualsSingleLoad(@TempDir Path dir) throws Exception {
        try (IncidentStore store = IncidentStore.open(dir.resolve("s.gpkg"))) {
            store.importAll(rows(3001), ImportOptions.DEFAULT, null);
            IncidentIndex one = store.loadIndex(Integer.MAX_VALUE);
            IncidentIndex two = store.loadIndex(1000);
            assertThat(two.size()).isEqualTo(3001).isEqualTo(one.size());
            for (int r = 0; r < one.size(); r++) {
                assertThat(two.id(r)).isEqualTo(one.id(r));
                assertThat(two.day(r)).isEqualTo(one.day(r));
                assertThat(two.dayEnd(r)).isEqualTo(one.dayEnd(r));
                assertThat(Float.floatToIntBits(two.lat(r))).isEqualTo(Float.floatToIntBits(one.lat(r)));
                assertThat(two.factionMask(r)).isEqualTo(one.factionMask(r));
                assertThat(two.subEventType(r)).isEqualTo(one.subEventType(r));
                assertThat(two.fatalities(r)).isEqualTo(one.fatalities(r));
                assertThat(two.place(r)).isEqualTo(one.place(r));
            }
            int row = one.rowOf(7);
            assertThat(one.place(row)).isEqualTo("Place 7");
            assertThat(one.dayEnd(row) - one.day(row)).isEqualTo(7 % 5);
            assertThat(one.fatalities(row)).isEqualTo(-1);
            assertThat(one.located(one.rowOf(9))).isFalse();
            assertThat(one.day(one.rowOf(2))).isEqualTo((int) LocalDate.of(1965, 3, 2).toEpochDay());
        }
    }

    /** Varied rows: spans, unknown fatalities, unresolved places, a date before 1970, every sub-event type. */
    static IncidentReader rows(int n) {
        SubEventType[] subs = SubEventType.values();
        return new IncidentReader() {
            int i;
            @Override public String file() { return "test"; }
            @Override public String format() { return "test"; }
            @Override public void close() { }
            @Override public ParsedRow next() {
                if (i == n) return null;
                i++;
                LocalDate d = i == 2 ? LocalDate.of(1965, 3, 2) : LocalDate.of(2016, 1, 1).plusDays(i % 900);
                Incident.Builder b = Incident.builder().sourceKey("K" + i).date(d).endDate(d.plusDays(i % 5))
                        .datePrecision(DatePrecision.DAY).place("Place " + i).subEventType(subs[i % subs.length])
                        .actor("Syrian army", i % 3 == 0 ? "SAA" : "HTS").fatalities(i % 7 == 0 ? null : i % 11);
                if (i % 9 != 0) b.position(35 + (i % 100) / 100.0, 36 + (i % 70) / 100.0).geoPrecision(GeoPrecision.EXACT);
                return ParsedRow.ok(i, b.build());
            }
        };
    }
}
