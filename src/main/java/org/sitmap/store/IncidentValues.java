package org.sitmap.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.model.Actor;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;

/**
 * The stored form of an incident that every store writes the same way, so that a key and a content hash mean the
 * same thing in a GeoPackage and on a team server (a field store brought to the server skips what is already
 * there): the factions as a list, the actors as JSON with unknown faction codes under UNK, the content hash.
 *
 * <p>Not thread-safe (it holds a digest): one per writing thread.
 */
public final class IncidentValues {
    private final FactionCatalog catalog;
    private final MessageDigest sha;

    /** Values under {@code catalog}'s faction codes. */
    public IncidentValues(FactionCatalog catalog) {
        this.catalog = catalog;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code i} with actors of unknown faction codes kept under {@link Faction#UNKNOWN_CODE}. */
    public Incident normalised(Incident i) {
        List<Actor> actors = new ArrayList<>(i.actors().size());
        boolean changed = false;
        for (Actor a : i.actors()) {
            if (catalog.byCode(a.factionCode()).isEmpty()) {
                actors.add(new Actor(a.name(), Faction.UNKNOWN_CODE));
                changed = true;
            } else {
                actors.add(a);
            }
        }
        return changed ? i.toBuilder().actors(actors).build() : i;
    }

    /** The content hash of a normalised incident (hex SHA-256, as the GeoPackage store keeps it). */
    public String hash(Incident normalised) {
        return IncidentBinding.hash(sha, normalised);
    }

    /** The actors column (a JSON array of name and faction). */
    public static String actorsJson(Incident i) {
        return ActorsJson.write(i.actors());
    }

    /** The {@code faction_codes} column. */
    public static String factionCodes(Incident i) {
        return String.join(",", i.factions());
    }
}
