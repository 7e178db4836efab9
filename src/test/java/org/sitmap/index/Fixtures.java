package org.sitmap.index;

import java.time.LocalDate;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;

/** Test fixtures: the shipped faction list and a compact incident factory. */
public final class Fixtures {
    private Fixtures() { }

    public static FactionCatalog catalog() {
        return FactionCatalog.shipped();
    }

    public static Incident incident(long id, String date, String place, double lat, double lon, SubEventType type,
                                    String... factions) {
        Incident.Builder b = Incident.builder().id(id).sourceKey("test:" + id).date(LocalDate.parse(date))
                .datePrecision(DatePrecision.DAY).place(place).position(lat, lon).subEventType(type)
                .eventType(type.type());
        for (String f : factions) b.actor(f + " actor", f);
        return b.build();
    }

    public static Incident unresolved(long id, String date, String place) {
        return Incident.builder().id(id).sourceKey("test:" + id).date(LocalDate.parse(date)).place(place)
                .eventType(EventType.EXPLOSIONS).actor("Syrian army", "SAA").build();
    }
}
