package org.sitmap.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitmap.index.Fixtures;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;
import org.sitmap.ui.session.IncidentSource;

/** An in-memory store for UI tests: a few incidents in southern Idlib. */
public final class MemorySource implements IncidentSource {
    private final Map<Long, Incident> byId = new LinkedHashMap<>();
    private IncidentIndex index;

    public MemorySource(List<Incident> incidents) {
        for (Incident i : incidents) byId.put(i.id(), i);
        index = IncidentIndex.of(Fixtures.catalog(), incidents);
    }

    /** Three places; SDF only at Busayrah (far east), HTS and SAA/RUS around Kafar Sijnah. */
    public static MemorySource sample() {
        List<Incident> l = new ArrayList<>();
        l.add(Incident.builder().id(1).sourceKey("t:1").date(java.time.LocalDate.parse("2019-05-06"))
                .datePrecision(org.sitmap.model.DatePrecision.DAY).place("Kafar Sijnah").admin1("Idlib")
                .position(35.5333, 36.6333).eventType(SubEventType.AIR_DRONE_STRIKE.type())
                .subEventType(SubEventType.AIR_DRONE_STRIKE).actor("Russian warplanes", "RUS")
                .summary("Air strike on the village").source("Test agency").origin("fixture.txt:1")
                .evidence("Warplanes struck the village at dawn, witnesses said.").build());
        l.add(Fixtures.incident(2, "2019-05-07", "Nayrab", 35.80, 36.83, SubEventType.SHELLING, "SAA"));
        l.add(Fixtures.incident(3, "2019-05-08", "Nayrab", 35.80, 36.83, SubEventType.ARMED_CLASH, "HTS"));
        l.add(Fixtures.incident(4, "2019-05-09", "Busayrah", 35.155, 40.43, SubEventType.ARMED_CLASH, "SDF"));
        return new MemorySource(l);
    }

    @Override public synchronized IncidentIndex loadIndex() { return index; }

    /** Adds an incident, as an import into the store would (any thread); the next load sees it. */
    public synchronized void add(Incident i) {
        byId.put(i.id(), i);
        index = IncidentIndex.of(Fixtures.catalog(), List.copyOf(byId.values()));
    }

    @Override public synchronized long[] searchText(String words) {
        return byId.values().stream().filter(i -> (i.place() + " " + i.summary() + " " + i.evidence()).contains(words))
                .mapToLong(Incident::id).toArray();
    }

    @Override public synchronized Optional<Incident> incident(long id) { return Optional.ofNullable(byId.get(id)); }

    @Override public String name() { return "memory"; }

    @Override public void close() { }
}
