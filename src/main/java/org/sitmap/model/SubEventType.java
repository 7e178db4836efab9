package org.sitmap.model;

import java.util.Optional;

/** ACLED's sub-event types, each under its {@link EventType}. */
public enum SubEventType {
    ARMED_CLASH(EventType.BATTLES, "Armed clash"),
    GOVERNMENT_REGAINS_TERRITORY(EventType.BATTLES, "Government regains territory"),
    NON_STATE_OVERTAKES_TERRITORY(EventType.BATTLES, "Non-state actor overtakes territory"),
    CHEMICAL_WEAPON(EventType.EXPLOSIONS, "Chemical weapon"),
    AIR_DRONE_STRIKE(EventType.EXPLOSIONS, "Air/drone strike"),
    SUICIDE_BOMB(EventType.EXPLOSIONS, "Suicide bomb"),
    SHELLING(EventType.EXPLOSIONS, "Shelling/artillery/missile attack"),
    REMOTE_EXPLOSIVE(EventType.EXPLOSIONS, "Remote explosive/landmine/IED"),
    GRENADE(EventType.EXPLOSIONS, "Grenade"),
    SEXUAL_VIOLENCE(EventType.VIOLENCE_AGAINST_CIVILIANS, "Sexual violence"),
    ATTACK(EventType.VIOLENCE_AGAINST_CIVILIANS, "Attack"),
    ABDUCTION(EventType.VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"),
    PEACEFUL_PROTEST(EventType.PROTESTS, "Peaceful protest"),
    PROTEST_WITH_INTERVENTION(EventType.PROTESTS, "Protest with intervention"),
    EXCESSIVE_FORCE(EventType.PROTESTS, "Excessive force against protesters"),
    VIOLENT_DEMONSTRATION(EventType.RIOTS, "Violent demonstration"),
    MOB_VIOLENCE(EventType.RIOTS, "Mob violence"),
    AGREEMENT(EventType.STRATEGIC_DEVELOPMENTS, "Agreement"),
    ARRESTS(EventType.STRATEGIC_DEVELOPMENTS, "Arrests"),
    CHANGE_TO_GROUP(EventType.STRATEGIC_DEVELOPMENTS, "Change to group/activity"),
    DISRUPTED_WEAPONS_USE(EventType.STRATEGIC_DEVELOPMENTS, "Disrupted weapons use"),
    HEADQUARTERS_ESTABLISHED(EventType.STRATEGIC_DEVELOPMENTS, "Headquarters or base established"),
    LOOTING(EventType.STRATEGIC_DEVELOPMENTS, "Looting/property destruction"),
    NON_VIOLENT_TRANSFER(EventType.STRATEGIC_DEVELOPMENTS, "Non-violent transfer of territory"),
    OTHER(EventType.STRATEGIC_DEVELOPMENTS, "Other");

    private final EventType type;
    private final String label;

    SubEventType(EventType type, String label) {
        this.type = type;
        this.label = label;
    }

    /** The event type this sub-type belongs to. */
    public EventType type() { return type; }

    /** ACLED's own spelling. */
    public String label() { return label; }

    /** Finds a sub-type by ACLED label or enum name, ignoring case, spaces and punctuation. */
    public static Optional<SubEventType> parse(String text) {
        if (text == null) return Optional.empty();
        String key = EventType.squash(text);
        for (SubEventType t : values()) {
            if (EventType.squash(t.label).equals(key) || EventType.squash(t.name()).equals(key)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
