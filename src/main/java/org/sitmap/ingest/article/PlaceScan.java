package org.sitmap.ingest.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds candidate place mentions in a sentence: runs of capitalised words (with inner articles such as al-, ash,
 * ez) or of Arabic words, minus a stop-list of common words, countries and nationalities, each with the
 * preposition that governs it. Only mentions governed by a locative preposition ("in", "at", "near", "around",
 * "west of" ...) can be where something happened; "from", "between", "towards", "based in" ... are not.
 * Stateless; safe from any thread.
 */
final class PlaceScan {
    /**
     * A candidate: its words, where they are, whether it is locative, and how near ("west of X" → near);
     * {@code kind} is the kind word that follows or ends it ("airport" of "Mezzeh airport", "city" of "Tafs City"),
     * {@code noun} the one that governs it ("city" of "the city of X"), either may be empty; {@code leadStart} is where
     * the run began before leading stop words were trimmed ("Syrian" of "Syrian Desert"), {@code fullEnd} where it
     * ended before a kind word was taken off ("Dam" of "Tishrin Dam").
     */
    record Run(String text, int start, int end, boolean locative, boolean near, boolean region, List<int[]> tokens,
               String kind, String noun, int leadStart, int fullEnd) {
        /** True when the run names a facility next to a place: an airport, air base, dam, crossing, base. */
        boolean facility() { return FACILITY.contains(kind) || FACILITY.contains(noun); }
    }

    /** Kind words that may end a run or follow it ("Tafs City", "Mezzeh airport"). */
    static final Set<String> KINDS = Set.of("city", "town", "village", "province", "governorate", "countryside",
            "district", "neighborhood", "neighbourhood", "suburb", "quarter", "camp", "airport", "airbase", "base",
            "dam", "crossing", "desert", "region", "area", "prison", "road", "highway", "plain", "valley", "cities",
            "towns", "villages", "outskirts");
    static final Set<String> FACILITY = Set.of("airport", "airbase", "base", "dam", "crossing");
    /** Kind words after which "of"/"in" names the larger place the run lies in ("Sana'a neighbourhood of Qamishli"). */
    private static final Set<String> WITHIN = Set.of("neighborhood", "neighbourhood", "district", "quarter", "suburb");
    private static final Set<String> SPEECH = Set.of("said", "says", "added", "told", "stated", "explained", "noted",
            "confirmed", "announced", "tweeted", "wrote", "claimed", "denied", "warned", "asked");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}'’‘`ʿʾ-]*[\\p{L}\\p{N}])?|[,;:()\"“”]");
    private static final Set<String> CONNECTORS = Set.of("al", "el", "ash", "as", "ad", "ar", "at", "az", "an", "ez",
            "ed", "es", "er", "et", "en", "adh", "ath", "bin", "ibn", "de", "du");
    private static final Set<String> LOCATIVE = Set.of("in", "at", "near", "around", "on", "outside", "inside", "across",
            "along", "within", "entered", "into", "hit", "struck", "stormed", "shelled", "bombed", "targeted", "nearby",
            "attacked", "pounded", "raided", "captured", "recaptured", "seized", "overran", "liberated", "besieged",
            "ambushed", "retook", "regained", "over");
    private static final Set<String> NOT_LOCATIVE = Set.of("from", "between", "to", "towards", "toward", "with",
            "against", "by", "for", "like", "than", "about", "via", "through", "under", "after", "before", "since");
    private static final Set<String> OF_LOCATIVE = Set.of("west", "east", "north", "south", "northwest", "northeast",
            "southwest", "southeast", "western", "eastern", "northern", "southern", "outskirts", "districts", "district",
            "area", "countryside", "suburbs", "outside", "centre", "center", "neighbourhood", "neighbourhoods",
            "neighborhood", "neighborhoods", "villages", "village", "town", "city", "province", "governorate", "parts",
            "vicinity", "edge", "edges", "heart", "surroundings", "environs", "road", "entrance", "towns", "cities",
            "hub", "stronghold", "bastion", "settlement", "localities", "locality", "airport", "camp", "countrysides",
            "airbase", "base", "dam", "crossing", "square", "market", "streets", "areas", "positions",
            "hills", "hill", "farms", "fringes", "suburb");
    /** Place nouns after which "including" introduces places ("villages including X, Y and Z"). */
    private static final Set<String> PLACE_NOUNS = Set.of("villages", "towns", "cities", "areas", "positions",
            "points", "places", "localities", "hamlets", "settlements", "neighbourhoods", "neighborhoods");
    private static final Set<String> NEAR_WORDS = Set.of("west", "east", "north", "south", "northwest", "northeast",
            "southwest", "southeast", "western", "eastern", "northern", "southern", "outskirts", "near", "around",
            "outside", "vicinity", "surroundings", "environs", "nearby", "suburbs", "edge", "edges", "entrance");
    private static final Set<String> EXCLUDING_BEFORE_IN = Set.of("based", "stationed", "headquartered", "located",
            "born", "live", "lives", "living", "hiding", "holed");
    static final Set<String> STOP = Set.of("syria", "syrian", "syrians", "turkey", "turkish", "iraq", "iraqi", "iran",
            "iranian", "lebanon", "lebanese", "jordan", "jordanian", "israel", "israeli", "israelis", "russia", "russian",
            "russians", "britain", "british", "america", "american", "us", "usa", "uk", "un", "eu", "europe", "european",
            "arab", "arabs", "kurdish", "kurds", "chechen", "dagestani", "ukraine", "egypt", "qatar", "gulf", "the", "a",
            "an", "and", "or", "in", "on", "at", "by", "of", "for", "from", "to", "with", "this", "that", "these", "those",
            "it", "its", "they", "their", "he", "she", "we", "i", "you", "meanwhile", "furthermore", "moreover",
            "however", "thus", "here", "there", "following", "according", "analysts", "now", "so", "both", "most",
            "naturally", "probably", "others", "other", "not", "as", "back", "top", "main", "content", "leave", "reply",
            "hit", "use", "what", "self", "new", "old", "then", "after", "before", "since", "while", "when", "where",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "observatory", "human", "rights", "state", "states", "islamic", "government", "defense", "defence",
            "ministry", "air", "force", "forces", "army", "aerospace", "military", "council", "front", "party",
            "group", "groups", "brigade", "brigades", "operation", "shield", "spring", "saga", "exhaustion",
            "exahustion", "sources", "source", "media", "news", "agency", "reuters", "afp", "sana", "sohr", "said",
            "in particular", "particular", "skip", "alliance", "al-qaeda", "al-qaida", "qaeda", "qaida", "hamas",
            "hezbollah", "mount", "says", "report", "reports", "reported", "also", "only", "some", "all", "many",
            "several", "despite", "imminent", "prelude", "isis", "daesh", "is", "sdf", "saa", "hts", "taf", "fsa",
            "pmf", "ypg", "sna", "tip", "idf", "irgc", "lieutenant", "colonel", "general", "president", "minister",
            "commander", "director", "chief", "head", "spokesman", "spokesperson", "brigadier", "captain", "mr", "dr",
            "bedouin", "bedouins", "druze", "alawite", "alawites", "sunni", "sunnis", "shiite", "shia", "christian",
            "christians", "turkmen", "circassian", "armenian", "assyrian", "yazidi", "yazidis", "kurd",
            "prime", "interim", "envoy", "ambassador", "secretary", "leader", "official", "officials", "sergeant");

    private PlaceScan() { }

    /** The candidate runs of {@code s}; {@code skip} lists [start,end) spans (actor mentions) to leave out. */
    static List<Run> scan(String s, List<int[]> skip) {
        List<int[]> toks = new ArrayList<>();
        Matcher m = WORD.matcher(s);
        while (m.find()) toks.add(new int[] {m.start(), m.end()});
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            if (!startsRun(s, toks.get(i), skip)) { i++; continue; }
            int j = i;
            while (j + 1 < toks.size() && continuesRun(s, toks.get(j + 1), skip, j + 2 < toks.size() ? toks.get(j + 2) : null)) j++;
            int next = j + 1;
            // trim leading stop words
            int a = i;
            while (a <= j && STOP.contains(org.sitmap.ingest.gazetteer.NameKey.plain(s.substring(toks.get(a)[0], toks.get(a)[1])))) a++;
            // a capitalised kind word ends the run: "Tafs City", "Al-Dimas Airport"
            String kind = "";
            int fullEnd = toks.get(j)[1];
            if (a < j && KINDS.contains(lower(s, toks.get(j)))) {
                kind = lower(s, toks.get(j));
                j--;
            }
            String after = next < toks.size() ? lower(s, toks.get(next)) : "";
            if (kind.isEmpty() && KINDS.contains(after)) kind = after;
            boolean person = SPEECH.contains(after) || SPEECH.contains(kind);
            boolean within = WITHIN.contains(kind) && kindThenOf(s, toks, next, after.equals(kind));
            if (a <= j && !person && !within && !(a == j && KINDS.contains(lower(s, toks.get(a))))) {
                List<int[]> words = new ArrayList<>(toks.subList(a, j + 1));
                String text = s.substring(words.get(0)[0], words.get(words.size() - 1)[1]);
                Governor g = governor(s, toks, i, skip);
                boolean region = kind.equals("province") || kind.equals("governorate") || kind.equals("countryside")
                        || kind.equals("desert") || kind.equals("region");
                boolean near = g.near || kind.equals("area") || kind.equals("countryside") || kind.equals("outskirts");
                runs.add(new Run(text, words.get(0)[0], words.get(words.size() - 1)[1], g.locative, near, region, words,
                        kind, g.noun, toks.get(i)[0], fullEnd));
            }
            i = next;
        }
        return runs;
    }

    /** True when the kind word (at {@code k}, or the run's own last word) is followed by "of"/"in" and a name. */
    private static boolean kindThenOf(String s, List<int[]> toks, int k, boolean kindFollows) {
        int p = kindFollows ? k + 1 : k;
        if (p + 1 >= toks.size()) return false;
        String w = lower(s, toks.get(p));
        if (!w.equals("of") && !w.equals("in")) return false;
        int q = p + 1;
        if (q < toks.size() && lower(s, toks.get(q)).equals("the")) q++;
        return q < toks.size() && Character.isUpperCase(s.charAt(toks.get(q)[0]));
    }

    private record Governor(boolean locative, boolean near, String noun) { }

    private static final Governor NONE = new Governor(false, false, "");

    private static Governor governor(String s, List<int[]> toks, int runStart, List<int[]> skip) {
        int k = runStart - 1;
        int steps = 0;
        while (k >= 0 && steps < 9) {
            String w = lower(s, toks.get(k));
            if (LOCATIVE.contains(w)) {
                if (w.equals("in") && k > 0 && EXCLUDING_BEFORE_IN.contains(lower(s, toks.get(k - 1)))) return NONE;
                String noun = w.equals("in") && k > 0 && FACILITY.contains(lower(s, toks.get(k - 1))) ? lower(s, toks.get(k - 1)) : "";
                return new Governor(true, NEAR_WORDS.contains(w), noun);
            }
            if (w.equals("of")) {
                String before = k > 0 ? lower(s, toks.get(k - 1)) : "";
                if (!OF_LOCATIVE.contains(before)) return NONE;
                // "from the Iraqi city of X": what governs the noun phrase decides
                for (int b = k - 2, n = 0; b >= 0 && n < 4; b--, n++) {
                    String v = lower(s, toks.get(b));
                    if (NOT_LOCATIVE.contains(v)) return NONE;
                    if (LOCATIVE.contains(v)) break;
                }
                return new Governor(true, NEAR_WORDS.contains(before), before);
            }
            if (w.equals("including")) {
                for (int b = k - 1; b >= Math.max(0, k - 4); b--) {
                    if (PLACE_NOUNS.contains(lower(s, toks.get(b)))) return new Governor(true, false, "");
                }
                return NONE;
            }
            if (NOT_LOCATIVE.contains(w)) return NONE;
            char c = s.charAt(toks.get(k)[0]);
            boolean free = w.equals("and") || w.equals("or") || !Character.isLetterOrDigit(c) || Character.isUpperCase(c)
                    || CONNECTORS.contains(w) || startsRun(s, toks.get(k), List.of());
            k--;
            if (!free) steps++;
        }
        return NONE;
    }

    private static boolean startsRun(String s, int[] t, List<int[]> skip) {
        if (inside(t, skip)) return false;
        char c = s.charAt(t[0]);
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) return true;
        if (Character.isUpperCase(c)) return true;
        String w = s.substring(t[0], t[1]);
        int h = w.indexOf('-');
        return h > 0 && h + 1 < w.length() && CONNECTORS.contains(w.substring(0, h).toLowerCase(Locale.ROOT))
                && Character.isUpperCase(w.charAt(h + 1));
    }

    private static boolean continuesRun(String s, int[] t, List<int[]> skip, int[] next) {
        if (startsRun(s, t, skip)) return true;
        if (inside(t, skip)) return false;
        return CONNECTORS.contains(lower(s, t)) && next != null && startsRun(s, next, skip);
    }

    private static boolean inside(int[] t, List<int[]> spans) {
        for (int[] sp : spans) if (t[0] < sp[1] && sp[0] < t[1]) return true;
        return false;
    }

    static String lower(String s, int[] t) {
        return s.substring(t[0], t[1]).toLowerCase(Locale.ROOT);
    }
}
