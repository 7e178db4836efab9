package org.sitmap.ingest.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sitmap.geo.Geodesy;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.ingest.gazetteer.NameKey;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Place;

/**
 * The place side of {@link ArticleExtractor}: which parts of a capitalised run the gazetteer knows, each mention
 * looked up once per article, and the tests the extractor applies to a candidate place (seat of a governorate, an
 * area, how far from the places the article names exactly, which neighbouring countries the text names).
 *
 * <p>Stateless but for {@link Lookups}, which belongs to one extraction (one thread).
 */
final class PlaceMentions {
    private PlaceMentions() {
    }

    /** A span of a sentence that may name a place, with the gazetteer's candidates for it (none: unresolved). */
    record Hit(String text, int start, int end, PlaceScan.Run run, List<Gazetteer.Match> cands) { }

    /** Distinct mentions per article for which the spelling-tolerant search runs. */
    static final int FUZZY_LOOKUPS = 500;
    /** The candidates of each mention of one extraction (one thread), each looked up once. */
    static final class Lookups {
        private final Gazetteer gazetteer;
        private final Map<String, List<Gazetteer.Match>> seen = new HashMap<>();
        private final Map<String, List<Gazetteer.Match>> seenExact = new HashMap<>();
        private int fuzzyLeft = FUZZY_LOOKUPS;

        Lookups(Gazetteer gazetteer) { this.gazetteer = gazetteer; }

        /** The candidates; with {@code fuzzy} also those one or two edits away while the budget lasts. */
        List<Gazetteer.Match> candidates(String mention, boolean fuzzy) {
            Map<String, List<Gazetteer.Match>> memo = fuzzy ? seen : seenExact;
            List<Gazetteer.Match> c = memo.get(mention);
            if (c == null) {
                c = gazetteer.candidates(mention, fuzzy && fuzzyLeft > 0);
                if (fuzzy && (c.isEmpty() || c.get(0).quality() == Gazetteer.Quality.FUZZY)) fuzzyLeft--;
                memo.put(mention, c);
            }
            return c;
        }
    }

    private static final Pattern COUNTRY = Pattern.compile("\\b(Turk(?:ey|ish|iye)|Türkiye|Iraqi?|Leban(?:on|ese)|Jordan(?:ian)?|Israeli?)\\b");

    /** ISO codes of the neighbouring countries the text names (a place there needs that support). */
    static Set<String> countriesNamed(String text) {
        Set<String> out = new java.util.HashSet<>();
        java.util.regex.Matcher m = COUNTRY.matcher(text);
        while (m.find()) {
            String w = m.group(1);
            out.add(w.startsWith("Tür") || w.startsWith("Turk") ? "TR" : w.startsWith("Iraq") ? "IQ" : w.startsWith("Leban") ? "LB"
                    : w.startsWith("Jordan") ? "JO" : "IL");
        }
        return out;
    }

    /** True when every candidate matches on its key and lies within 25 km of the first: one place, several entries. */
    static boolean oneKeyPlace(List<Gazetteer.Match> cands) {
        if (cands.isEmpty()) return false;
        Place first = cands.get(0).place();
        for (Gazetteer.Match m : cands) {
            if (m.quality() != Gazetteer.Quality.KEY
                    || Geodesy.distanceKm(first.latitude(), first.longitude(), m.place().latitude(), m.place().longitude()) > 25) return false;
        }
        return true;
    }

    static boolean syrian(Place p) {
        return "SY".equals(p.countryCode()) || p.countryCode() == null;
    }

    /** Longest place name tried, in words; longer capitalised runs are headlines or titles, not names. */
    private static final int MAX_NAME_WORDS = 5;

    /** A spelling match farther than this from every place the article names exactly is not trusted. */
    static final double FAR_KM = 100;

    static double nearest(List<double[]> anchors, Place p) {
        double d = Double.MAX_VALUE;
        for (double[] a : anchors) d = Math.min(d, Geodesy.distanceKm(a[0], a[1], p.latitude(), p.longitude()));
        return d;
    }

    /** Sub-spans of a run that the gazetteer knows, longest first; the whole run (unresolved) when none is known. */
    static List<Hit> match(String s, PlaceScan.Run run, Lookups look) {
        for (int[] span : new int[][] {{run.leadStart(), run.fullEnd()}, {run.start(), run.fullEnd()}, {run.leadStart(), run.end()}}) {
            // "Syrian Desert", "White Desert", "Tishrin Dam": a name that begins with a stop word or ends with a kind word
            if ((span[0] == run.start() && span[1] == run.end()) || span[1] - span[0] > 60) continue;
            String full = s.substring(span[0], span[1]);
            List<Gazetteer.Match> c = look.candidates(full, false).stream().filter(m -> m.quality() == Gazetteer.Quality.KEY).toList();
            if (!c.isEmpty()) return List.of(new Hit(full, span[0], span[1], run, c));
        }
        List<int[]> w = run.tokens();
        boolean[] used = new boolean[w.size()];
        List<Hit> out = new ArrayList<>();
        for (int len = Math.min(w.size(), MAX_NAME_WORDS); len >= 1; len--) {
            for (int a = 0; a + len <= w.size(); a++) {
                boolean free = true;
                for (int k = a; k < a + len; k++) free &= !used[k];
                if (!free) continue;
                String sub = s.substring(w.get(a)[0], w.get(a + len - 1)[1]);
                if (len == 1 && PlaceScan.STOP.contains(NameKey.plain(sub))) continue;
                if (!NameKey.usable(NameKey.key(sub))) continue;
                // a part of a run keeps only exact (key) matches, so it needs no spelling-tolerant search
                List<Gazetteer.Match> c = look.candidates(sub, len == w.size());
                if (len < w.size()) c = c.stream().filter(m -> m.quality() == Gazetteer.Quality.KEY).toList();
                if (c.isEmpty()) continue;
                for (int k = a; k < a + len; k++) used[k] = true;
                out.add(new Hit(sub, w.get(a)[0], w.get(a + len - 1)[1], run, c));
            }
        }
        for (int k = 0; k < w.size() && !out.isEmpty(); k++) {
            // a partial match ("Tall" of "Tall Zughbiyya") is another place's name: the run stays unresolved
            if (!used[k] && !PlaceScan.STOP.contains(NameKey.plain(s.substring(w.get(k)[0], w.get(k)[1])))) out.clear();
        }
        if (out.isEmpty() && w.size() <= MAX_NAME_WORDS && NameKey.key(run.text()).length() >= 4) {
            out.add(new Hit(run.text(), run.start(), run.end(), run, List.of()));
        }
        out.sort(Comparator.comparingInt(Hit::start));
        return out;
    }

    static boolean seat(Place p) {
        String fc = p.featureCode();
        return p.admin1() != null && fc != null && (fc.equals("PPLA") || fc.equals("PPLC") || fc.startsWith("ADM1"))
                && NameKey.key(p.name()).equals(NameKey.key(p.admin1()));
    }

    static boolean isArea(Place p) {
        String fc = p.featureCode();
        return fc != null && (fc.equals("AREA") || fc.equals("RD") || fc.startsWith("ADM") || fc.equals("RGN") || fc.equals("DSRT"));
    }

    static GeoPrecision precision(Place p, PlaceScan.Run run) {
        if (p == null) return GeoPrecision.UNRESOLVED;
        if (run.region() || "AREA".equals(p.featureCode()) || "DSRT".equals(p.featureCode())) return GeoPrecision.REGION;
        if (run.near() || "RD".equals(p.featureCode())) return GeoPrecision.NEAR;
        return GeoPrecision.EXACT;
    }

    /** The plain-ASCII spelling where there is one (GeoNames' ` for ayn shown as '). */
    static String displayName(Place p) {
        String a = p.asciiName();
        return a == null || a.isBlank() ? p.name() : a.replace('`', '\'');
    }
}
