package org.sitmap.ingest.acled;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sitmap.ingest.csv.CsvIncidentReader.Bad;
import org.sitmap.model.EventType;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;

/**
 * ACLED event and sub-event type labels to the model's taxonomy, cached per label. Besides the current labels,
 * the event types of ACLED's exports before 2019 are understood:
 * <ul>
 *   <li>{@code Battle-No change of territory} → Battles / Armed clash</li>
 *   <li>{@code Battle-Government regains territory} → Battles / Government regains territory</li>
 *   <li>{@code Battle-Non-state actor overtakes territory} → Battles / Non-state actor overtakes territory</li>
 *   <li>{@code Remote violence} → Explosions/Remote violence (no sub-type)</li>
 *   <li>{@code Riots/Protests} → Protests (no sub-type)</li>
 *   <li>{@code Strategic development} → Strategic developments</li>
 *   <li>{@code Non-violent transfer of territory}, {@code Headquarters or base established} → Strategic
 *       developments with that sub-type</li>
 * </ul>
 */
final class AcledTypes {
    private static final Map<String, SubEventType> LEGACY_SUB = Map.of(
            "battle-no change of territory", SubEventType.ARMED_CLASH,
            "battle-government regains territory", SubEventType.GOVERNMENT_REGAINS_TERRITORY,
            "battle-non-state actor overtakes territory", SubEventType.NON_STATE_OVERTAKES_TERRITORY,
            "non-violent transfer of territory", SubEventType.NON_VIOLENT_TRANSFER,
            "headquarters or base established", SubEventType.HEADQUARTERS_ESTABLISHED);
    private static final Map<String, EventType> LEGACY_TYPE = Map.of(
            "remote violence", EventType.EXPLOSIONS,
            "riots/protests", EventType.PROTESTS,
            "strategic development", EventType.STRATEGIC_DEVELOPMENTS);

    private final Map<String, Optional<EventType>> types = new HashMap<>();
    private final Map<String, Optional<SubEventType>> subs = new HashMap<>();
    /** The pre-2019 sub-type an event type label implies ({@link #LEGACY_SUB} by its lower case), per label. */
    private final Map<String, Optional<SubEventType>> legacySubs = new HashMap<>();

    /** Sets the event type (and sub-type when known) of {@code b}. */
    void apply(String type, String sub, Incident.Builder b) throws Bad {
        if (type == null) throw new Bad("no event_type");
        Optional<EventType> t = types.computeIfAbsent(type, AcledTypes::type);
        if (t.isEmpty()) throw new Bad("unknown event_type '" + type + "'");
        b.eventType(t.get());
        SubEventType legacy = legacySubs.computeIfAbsent(type,
                k -> Optional.ofNullable(LEGACY_SUB.get(k.toLowerCase(Locale.ROOT)))).orElse(null);
        if (sub == null) {
            if (legacy != null) b.subEventType(legacy);
            return;
        }
        Optional<SubEventType> s = subs.computeIfAbsent(sub, SubEventType::parse);
        if (s.isEmpty()) throw new Bad("unknown sub_event_type '" + sub + "'");
        if (s.get().type() != t.get()) throw new Bad("sub_event_type '" + sub + "' is not a kind of '" + type + "'");
        b.subEventType(s.get());
    }

    private static Optional<EventType> type(String label) {
        String key = label.toLowerCase(Locale.ROOT).strip();
        SubEventType legacy = LEGACY_SUB.get(key);
        if (legacy != null) return Optional.of(legacy.type());
        EventType old = LEGACY_TYPE.get(key);
        if (old != null) return Optional.of(old);
        return EventType.parse(label);
    }
}
