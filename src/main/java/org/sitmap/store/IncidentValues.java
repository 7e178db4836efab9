package org.sitmap.store;


import java.nio.charset.StandardCharsets;
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
        return hash(sha, normalised);
    }

    /** The actors column (a JSON array of name and faction). */
    public static String actorsJson(Incident i) {
        return ActorsJson.write(i.actors());
    }

    /** The {@code faction_codes} column. */
    public static String factionCodes(Incident i) {
        return String.join(",", i.factions());
    }

    /**
     * A hash of every stored field except the id, the batch and the origin: equal hashes mean an unchanged event
     * (a new revision of the source's record counts as a change).
     * The origin (file and line) is left out because the same event comes again in a newer export under another
     * file name and on another line; that alone is no newer version of the event.
     */
    public static String hash(MessageDigest sha, Incident i) {
        StringBuilder sb = new StringBuilder(256);
        Object[] parts = {i.sourceKey(), i.date(), i.datePrecision().code(), i.endDate(), i.place(), i.admin1(),
                i.country(), i.latitude(), i.longitude(), i.geoPrecision().code(), i.eventType().label(),
                i.subEventType() == null ? null : i.subEventType().label(), i.fatalities(), i.summary(), i.source(),
                i.evidence()};
        for (Object p : parts) sb.append(p == null ? "\u0000" : p.toString()).append('\u001f');
        for (Actor a : i.actors()) sb.append(a.name()).append('\u001e').append(a.factionCode()).append('\u001f');
        // only when given, so that the hashes of events without a revision stay those of stores made before it
        if (i.revised() != null) sb.append("revised\u001e").append(i.revised().getEpochSecond());
        byte[] d = sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder(32);
        for (int k = 0; k < 16; k++) hex.append(Character.forDigit((d[k] >> 4) & 15, 16)).append(Character.forDigit(d[k] & 15, 16));
        return hex.toString();
    }

    /** ISO 3166-1 alpha-2 for the countries of the theatre, else null (a learned place's country code). */
    public static String countryCode(String country) {
        if (country == null) return null;
        return switch (country.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "syria", "syrian arab republic" -> "SY";
            case "turkey", "türkiye", "turkiye" -> "TR";
            case "iraq" -> "IQ";
            case "lebanon" -> "LB";
            case "jordan" -> "JO";
            case "israel" -> "IL";
            default -> null;
        };
    }
}
