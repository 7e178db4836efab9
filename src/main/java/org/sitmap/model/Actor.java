package org.sitmap.model;

import java.util.Objects;

/**
 * One actor of an incident: the name as the source reported it and the faction code it maps to
 * ({@link Faction#UNKNOWN_CODE} when no alias matched).
 */
public record Actor(String name, String factionCode) {
    public Actor {
        Objects.requireNonNull(name, "name");
        factionCode = factionCode == null || factionCode.isBlank() ? Faction.UNKNOWN_CODE : factionCode;
    }
}
