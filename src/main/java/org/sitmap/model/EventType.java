package org.sitmap.model;

import java.util.Locale;
import java.util.Optional;

/** ACLED's six event types. */
public enum EventType {
    BATTLES("Battles"),
    EXPLOSIONS("Explosions/Remote violence"),
    VIOLENCE_AGAINST_CIVILIANS("Violence against civilians"),
    PROTESTS("Protests"),
    RIOTS("Riots"),
    STRATEGIC_DEVELOPMENTS("Strategic developments");

    private final String label;

    EventType(String label) { this.label = label; }

    /** ACLED's own spelling, used in the store and in every export. */
    public String label() { return label; }

    /** Finds a type by ACLED label or enum name, ignoring case, spaces and punctuation. */
    public static Optional<EventType> parse(String text) {
        if (text == null) return Optional.empty();
        String key = squash(text);
        for (EventType t : values()) {
            if (squash(t.label).equals(key) || squash(t.name()).equals(key)) return Optional.of(t);
        }
        return Optional.empty();
    }

    static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
