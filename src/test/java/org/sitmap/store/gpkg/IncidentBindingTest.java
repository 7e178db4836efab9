package org.sitmap.store.gpkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sitmap.geo.GeoPackageBinary;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.store.IncidentValues;

/** A row's values are the texts the former code made of the incident: dates, faction list, actors, content hash. */
class IncidentBindingTest {
    @Test
    void rowValuesAreTheFormerTexts() throws Exception {
        IncidentValues values = new IncidentValues(FactionCatalog.shipped());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random r = new Random(3);
        String[] codes = {"SAA", "SDF", "NOPE", "HTS", "UNK"};
        for (int n = 0; n < 30_000; n++) {
            DatePrecision p = DatePrecision.values()[r.nextInt(DatePrecision.values().length)];
            LocalDate d = n % 100 == 0 ? LocalDate.of(r.nextInt(20_000) - 5_000, 12, 31)
                    : LocalDate.of(1995 + r.nextInt(35), 1 + r.nextInt(12), 1 + r.nextInt(28));
            Incident.Builder b = Incident.builder().sourceKey("acled:K" + n).date(d).datePrecision(p)
                    .eventType(EventType.PROTESTS);
            if (r.nextInt(4) == 0) b.endDate(d.plusDays(r.nextInt(400)));
            if (r.nextBoolean()) b.position((r.nextInt(1_800_000) - 900_000) / 10_000.0, r.nextDouble() * 360 - 180);
            for (int a = r.nextInt(5); a > 0; a--) b.actor("actor " + r.nextInt(40), codes[r.nextInt(codes.length)]);
            Incident i = values.normalised(b.build());
            IncidentBinding.Row row = IncidentBinding.Row.of(i, values);
            // the former Row.of
            assertEquals(i.date().toString(), row.date(), "date " + n);
            assertEquals(i.spanEnd().toString(), row.spanEnd(), "span end " + n);
            assertEquals(String.join(",", i.factions()), row.factions(), "factions " + n);
            assertEquals(IncidentValues.actorsJson(i), row.actors(), "actors " + n);
            assertEquals(IncidentValues.hash(sha, i), row.hash(), "hash " + n);
            assertArrayEquals(i.located() ? GeoPackageBinary.point(i.longitude(), i.latitude()) : null, row.geom());
        }
    }
}
