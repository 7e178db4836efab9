package org.sitmap.ingest.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitmap.model.Place;

/**
 * Turns the place names of event data into gazetteer entries. Event files name places as a person would write
 * them: UCDP's {@code where_coordinates} says "Kafr Sajnah town", "Maar Tahroma/Maarat Hurmah village",
 * "Toubal/Shalaf castle (Qallat Shillif)", "Idlib Governorate"; ACLED's {@code location} is plain. This class
 * takes the kind word off (it becomes the feature code: town → PPL, district → ADM2, airbase → AIRB ...), makes
 * every variant separated by a slash or in brackets an alternate name, keeps the full text as one more alternate
 * (so "Tishreen Dam" as written still matches) and names the governorate as the project does.
 *
 * <p>Stateless; safe from any thread.
 */
public final class EventPlaces {
    private EventPlaces() { }

    /** Kind words at the end of a name, longest first, and the GeoNames-like feature code each gives. */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("town", "PPL"), Map.entry("village", "PPL"), Map.entry("city", "PPL"), Map.entry("suburb", "PPLX"),
            Map.entry("locality", "PPL"), Map.entry("neighbourhood", "PPLX"), Map.entry("neighborhood", "PPLX"),
            Map.entry("quarter", "PPLX"), Map.entry("district", "ADM2"), Map.entry("subdistrict", "ADM3"),
            Map.entry("governorate", "ADM1"), Map.entry("province", "ADM1"), Map.entry("area", "AREA"),
            Map.entry("enclave", "AREA"), Map.entry("pocket", "AREA"), Map.entry("sector", "AREA"),
            Map.entry("triangle", "AREA"), Map.entry("axis", "AREA"), Map.entry("plain", "AREA"),
            Map.entry("region", "AREA"), Map.entry("countryside", "AREA"), Map.entry("desert", "DSRT"),
            Map.entry("mountain", "MT"), Map.entry("mountains", "MT"), Map.entry("hill", "HLL"), Map.entry("range", "MTS"),
            Map.entry("airport", "AIRP"), Map.entry("airbase", "AIRB"), Map.entry("air base", "AIRB"),
            Map.entry("military airport", "AIRB"), Map.entry("base", "MILB"), Map.entry("military base", "MILB"),
            Map.entry("complex", "INSM"), Map.entry("checkpoint", "CKPT"), Map.entry("dam", "DAM"),
            Map.entry("reservoir", "RSV"), Map.entry("road", "RD"), Map.entry("highway", "RD"), Map.entry("junction", "RDJCT"),
            Map.entry("crossing", "BDRCRS"), Map.entry("border crossing", "BDRCRS"), Map.entry("border", "BDRCRS"),
            Map.entry("camp", "CMP"), Map.entry("farm", "FRM"), Map.entry("farms", "FRMS"), Map.entry("field", "OILF"),
            Map.entry("fields", "OILF"), Map.entry("oil field", "OILF"), Map.entry("oil fields", "OILF"),
            Map.entry("gas field", "GASF"), Map.entry("station", "STN"), Map.entry("plant", "PS"),
            Map.entry("spring", "SPNG"), Map.entry("island", "ISL"), Map.entry("castle", "CSTL"),
            Map.entry("prison", "PRN"), Map.entry("bridge", "BDG"), Map.entry("valley", "VAL"), Map.entry("lake", "LK"),
            Map.entry("military airbase", "AIRB"), Map.entry("army base", "MILB"), Map.entry("air defense base", "MILB"),
            Map.entry("radar base", "MILB"), Map.entry("international airport", "AIRP"), Map.entry("airfield", "AIRF"));

    /** Words that qualify a facility's kind ("Abu al-Duhur Military Airbase", "Qwaris Military Air Base"). */
    private static final Set<String> MODIFIERS = Set.of("military", "army", "international", "former", "iranian",
            "russian", "turkish", "american", "us");
    /** Facilities keep their kind in every name, so that "Deir ez Zor airport" is not the town. */
    private static final Map<String, List<String>> FACILITY_WORDS = Map.of(
            "AIRP", List.of("airport", "airbase", "air base", "military airport", "international airport", "airfield"),
            "AIRB", List.of("airbase", "air base", "airport", "military airport", "military airbase", "airfield"),
            "MILB", List.of("base", "military base", "army base"),
            "DAM", List.of("dam"),
            "BDRCRS", List.of("crossing", "border crossing"));

    private static final Pattern BRACKETS = Pattern.compile("\\(([^)]*)\\)");
    private static final Set<String> NOT_PLACES = Set.of("syria", "syrian arab republic", "iraq", "turkey", "lebanon",
            "jordan", "israel", "unknown", "");

    /**
     * The entry for an event-data place name at a position, or null when the name is no place (a country, empty).
     *
     * @param raw       the name as the event file gives it
     * @param precision the best geo precision of its events (1 exact, 2 near, 3 region and coarser)
     * @param admin1    the governorate as the file gives it, may be null
     * @param country   ISO code, may be null (then SY when the position lies in Syria's box)
     * @param source    the entry's source text
     */
    public static Place place(String raw, double lat, double lon, int precision, String admin1, String country,
                              String source) {
        if (raw == null) return null;
        String text = raw.strip().replaceAll("\\s+", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher b = BRACKETS.matcher(text);
        List<String> inBrackets = new ArrayList<>();
        while (b.find()) inBrackets.add(b.group(1).strip());
        String outer = BRACKETS.matcher(text).replaceAll(" ").strip().replaceAll("\\s+", " ");
        String fc = null;
        String full = outer;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            String[] t = outer.toLowerCase(Locale.ROOT).split(" ");
            for (int words = 2; words >= 1 && !stripped; words--) {
                if (t.length <= words) continue;
                String tail = String.join(" ", java.util.Arrays.copyOfRange(t, t.length - words, t.length));
                String code = KINDS.get(tail);
                if (code == null && (fc == null || words > 1 || !MODIFIERS.contains(tail))) continue;
                if (fc == null) fc = code;
                outer = outer.substring(0, outer.length() - tail.length()).strip();
                stripped = true;
            }
        }
        List<String> facilityWords = fc == null ? null : FACILITY_WORDS.get(fc);
        List<String> cores = new ArrayList<>();
        if (!outer.contains(" - ")) {
            for (String v : outer.split("/")) if (!v.isBlank()) cores.add(v.strip());
        } else {
            cores.add(outer);
        }
        if (facilityWords == null) {
            names.addAll(cores);
        } else {
            names.add(full);
            for (String c : cores) for (String w : facilityWords) names.add(c + " " + w);
        }
        for (String v : inBrackets) {
            for (String w : v.split("/")) {
                if (w.isBlank()) continue;
                names.add(w.strip());
                if (facilityWords != null) for (String f : facilityWords) names.add(w.strip() + " " + f);
            }
        }
        names.removeIf(n -> NOT_PLACES.contains(n.toLowerCase(Locale.ROOT)));
        if (names.isEmpty()) return null;
        if (fc == null) fc = precision >= 3 ? "RGN" : "PPL";
        List<String> alts = new ArrayList<>(names);
        String name = alts.remove(0);
        if (!text.equals(name)) alts.add(text);
        if (country == null) country = inSyria(lat, lon) ? "SY" : null;
        return new Place(name, java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", ""),
                alts, lat, lon, fc, country, governorate(admin1), 0, source);
    }

    /** The project's name of a governorate written any way ("Hamah Governorate", "Deir ez Zor", "Dar'a"), else as given. */
    public static String governorate(String admin1) {
        if (admin1 == null || admin1.isBlank()) return null;
        String a = admin1.replaceAll("(?i)\\s+(governorate|province|muhafazah)$", "").strip();
        String sk = NameKey.skeleton(a);
        for (String g : GeoNamesDump.SYRIA_ADMIN1.values()) {
            if (NameKey.skeleton(g).equals(sk)) return g;
        }
        String k = NameKey.key(a);
        if (k.equals("rifdimashq") || k.equals("damascuscountryside") || k.equals("ruraldamascus")) return "Rif Dimashq";
        return a;
    }

    /** A rough box around Syria (for entries that give no country). */
    static boolean inSyria(double lat, double lon) {
        return lat >= 32.3 && lat <= 37.35 && lon >= 35.6 && lon <= 42.4;
    }
}
