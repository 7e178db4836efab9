package org.sitmap.ingest.article;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sitmap.geo.Geodesy;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Place;

/**
 * Scene rules beyond single names: facilities named after a place ("Mezzeh airport", "the airport of X", "Tishrin
 * Dam"), headlines, the air force behind an air strike, and places an actor holds. Stateless; safe from any thread.
 */
final class Scenes {
    private Scenes() { }

    /** Nouns that make a governorate seat's name the town itself ("the city of Idlib"), not the governorate. */
    static final Set<String> TOWN_NOUNS = Set.of("city", "town", "village", "cities", "towns", "villages", "heart",
            "centre", "center", "streets", "market", "square", "neighbourhood", "neighborhood");

    /** "X, held by Y", "controlled by", "under the control of", "stronghold of". */
    static final Pattern HELD = Pattern.compile("(?i)\\b(?:held|controlled|run|dominated|besieged) by\\b|\\bunder the control of\\b"
            + "|\\b(?:a |the )?(?:stronghold|bastion|bastions|strongholds) of\\b|-held\\b");

    /** Feature codes of facilities (GeoNames-like codes the gazetteer gives airports, bases, dams, crossings). */
    private static final Set<String> FACILITY_CODES = Set.of("AIRP", "AIRB", "AIRF", "AIRH", "MILB", "DAM", "BDRCRS",
            "INSM", "CKPT", "PSTB", "RSV");

    /** Factions that strike from the air. */
    private static final List<String> AIR = List.of("SAA", "RUS", "TUR", "ISR", "USA");

    /**
     * The facility a run names: an entry with a facility code whose name is the run ("Tishrin" of "Tishrin Dam"),
     * or whose name is the run followed by the kind word ("Damascus airport", "Damascus International Airport").
     * Null when the gazetteer has none: the facility is then unresolved, never put at the town's centre.
     */
    static Place facility(Gazetteer g, String name, PlaceScan.Run run, Place town) {
        String kind = PlaceScan.FACILITY.contains(run.kind()) ? run.kind() : run.noun();
        String[] words = name.split("\\s+");
        String last = words[words.length - 1];
        for (String variant : new String[] {name + " " + kind, name + " international " + kind, name + " military " + kind,
                name + " air base", name, last + " " + kind, words[0] + " " + kind}) {
            for (Gazetteer.Match m : g.candidates(variant)) {
                Place p = m.place();
                if (m.quality() != Gazetteer.Quality.FUZZY && FACILITY_CODES.contains(String.valueOf(p.featureCode()))
                        && (town == null || Geodesy.distanceKm(town.latitude(), town.longitude(), p.latitude(), p.longitude()) < 40)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** True for a title-case line (most words capitalised): names there that the gazetteer lacks are not scenes. */
    static boolean headline(String sentence) {
        String[] words = sentence.trim().split("\\s+");
        if (words.length < 4 || words.length > 16) return false;
        int caps = 0;
        int letters = 0;
        for (String w : words) {
            if (w.isEmpty() || !Character.isLetter(w.charAt(0))) continue;
            letters++;
            if (Character.isUpperCase(w.charAt(0))) caps++;
        }
        return letters >= 4 && caps * 10 >= letters * 7;
    }

    /**
     * An air strike with no air force among its actors gets the air force the article names most (the strike
     * "carried out probably by the Syrian air force" of a sentence the extraction takes as analysis).
     */
    static void addAirActor(List<Actors.Mention> who, Map<String, Integer> count, FactionCatalog catalog) {
        for (Actors.Mention m : who) if (AIR.contains(m.code())) return;
        String best = null;
        int n = 0;
        for (String code : AIR) {
            int c = count.getOrDefault(code, 0);
            if (c > n) { n = c; best = code; }
        }
        if (best != null) {
            String code = best;
            who.add(new Actors.Mention(catalog.byCode(code).map(f -> f.name()).orElse(code), code, -1, -1));
        }
    }
}
