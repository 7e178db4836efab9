package org.sitmap.ingest.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sitmap.geo.Geodesy;
import org.sitmap.ingest.article.Cues.When;
import org.sitmap.ingest.article.Sentences.Sentence;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.ingest.gazetteer.NameKey;
import org.sitmap.model.Actor;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.Place;
import org.sitmap.model.SubEventType;

/**
 * Turns the text of a news article into incidents: one per place where the article reports that something
 * happened, each with the sentence that supports it as evidence (matched words marked {@code [[like this]]}).
 * Places come from the {@link Gazetteer} (context picks between homonyms: the governorates the article names and
 * the places it resolves); a place the gazetteer lacks gives an incident without coordinates, listed as
 * unresolved. Background (earlier years, analysis, speculation) gives none.
 *
 * <p>Immutable; one instance may serve several threads.
 */
public final class ArticleExtractor {
    /** An incident and where it came from: 1-based sentence number, the mention, whether it has a position. */
    public record Extracted(Incident incident, int sentence, long line, String mention) {
        public boolean resolved() { return incident.located(); }
    }

    /** What one article gave: the incidents in text order and the places that could not be resolved. */
    public record Result(List<Extracted> incidents, List<String> unresolved) { }

    private static final Pattern SUPPORT = Pattern.compile("(?i)\\bintervention\\b|\\bthanks to\\b|\\bwith the (?:help|support)\\b"
            + "|\\bbacked by\\b|\\balongside\\b|\\btogether with\\b|\\bsupported by\\b");
    private static final Pattern ENEMY = Pattern.compile("(?i)\\b(?:the|its|their) enem(?:y|ies)\\b");
    private static final Pattern THE_CITY = Pattern.compile("(?i)\\b(?:in|on|at) the city\\b");
    private static final Map<String, String> COUNTRIES = Map.of("SY", "Syria", "TR", "Turkey", "IQ", "Iraq",
            "LB", "Lebanon", "JO", "Jordan");

    private final Gazetteer gazetteer;
    private final FactionCatalog catalog;
    private final Actors actors;

    public ArticleExtractor(Gazetteer gazetteer, FactionCatalog catalog) {
        this.gazetteer = gazetteer;
        this.catalog = catalog;
        this.actors = new Actors(catalog);
    }

    /** The gazetteer this extractor resolves places with. */
    public Gazetteer gazetteerOf() { return gazetteer; }

    /** A place the text says an actor holds ("X, held by Y"): the actor is a party to the incidents there. */
    private record Held(Place place, Actors.Mention actor) { }

    private static final Set<String> FACILITY_WORDS = Set.of("airport", "airbase", "base", "dam", "crossing");

    private record Hit(String text, int start, int end, PlaceScan.Run run, List<Gazetteer.Match> cands) { }

    private static final class Draft {
        Sentence sentence;
        Place place;
        String mention;
        int[] span;
        GeoPrecision precision;
        int rank;
        SubEventType type;
        final LinkedHashMap<String, Actor> actors = new LinkedHashMap<>();
        final List<int[]> actorSpans = new ArrayList<>();
        When when;
        Integer fatalities;
    }

    /**
     * Extracts the incidents of {@code text}.
     *
     * @param file   the file name (origin) used in the incidents
     * @param source who published the article, may be null (then the file name)
     */
    public Result extract(String text, ArticleDate date, String file, String source) {
        // linear in the text's length: each distinct mention is looked up once, each place anchors once, and the
        // costly spelling-tolerant search (every gazetteer entry) runs for at most FUZZY_LOOKUPS distinct mentions
        Lookups look = new Lookups(gazetteer);
        List<Sentence> sentences = Sentences.split(text);
        int n = sentences.size();
        List<List<Actors.Mention>> actorsOf = new ArrayList<>(n);
        List<List<Hit>> hitsOf = new ArrayList<>(n);
        Set<String> governorates = new LinkedHashSet<>();
        List<double[]> anchors = new ArrayList<>();
        Set<Place> anchored = new java.util.HashSet<>();
        Map<String, Integer> actorCount = new HashMap<>();
        Set<String> countries = countriesNamed(text);
        for (Sentence s : sentences) {
            List<Actors.Mention> am = actors.find(s.text());
            actorsOf.add(am);
            for (Actors.Mention m : am) {
                if (!m.code().equals("CIV")) actorCount.merge(m.code(), s.number() == 1 ? 3 : 1, Integer::sum);
            }
            List<int[]> skip = new ArrayList<>();
            for (Actors.Mention m : am) skip.add(new int[] {m.start(), m.end()});
            List<Hit> hits = new ArrayList<>();
            for (PlaceScan.Run r : PlaceScan.scan(s.text(), skip)) hits.addAll(match(s.text(), r, look));
            hitsOf.add(hits);
            for (Hit h : hits) {
                if (oneKeyPlace(h.cands())
                        && (syrian(h.cands().get(0).place()) || countries.contains(h.cands().get(0).place().countryCode()))) {
                    Place p = h.cands().get(0).place();
                    if (anchored.add(p)) anchors.add(new double[] {p.latitude(), p.longitude()});
                }
                for (Gazetteer.Match m : h.cands()) {
                    if (m.quality() == Gazetteer.Quality.KEY && (seat(m.place()) || h.run().region()) && m.place().admin1() != null) {
                        governorates.add(m.place().admin1());
                    }
                }
            }
        }
        String dominant = actorCount.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);

        List<Draft> drafts = new ArrayList<>();
        List<Draft> lastDrafts = List.of();
        List<Actors.Mention> lastActors = List.of();
        int lastActorsParagraph = -1;
        int lastDraftsParagraph = -1;
        When carried = null;
        int carriedParagraph = -1;
        Place lastCity = null;
        List<Held> held = new ArrayList<>();
        for (int si = 0; si < n; si++) {
            Sentence s = sentences.get(si);
            String t = s.text();
            List<Actors.Mention> am = actorsOf.get(si);
            List<Draft> made = new ArrayList<>();
            When w = Cues.when(t, date);
            if (w != null && w.end() != null) { carried = w; carriedParagraph = s.paragraph(); }
            boolean background = Cues.pastYear(t, date.date()) || (Cues.speculative(t) && w == null);
            boolean government = am.stream().anyMatch(m -> Cues.government(m.code()));
            SubEventType type = background ? null : Cues.eventType(t, government);
            List<Hit> places = new ArrayList<>();
            Map<Hit, Gazetteer.Match> resolved = new HashMap<>();
            for (Hit h : hitsOf.get(si)) {
                Gazetteer.Match best = h.cands().isEmpty() ? null
                        : gazetteer.best(look.candidates(h.text(), true), governorates, anchors, countries);
                if (best != null && best.quality() == Gazetteer.Quality.FUZZY && !anchors.isEmpty()
                        && nearest(anchors, best.place()) > FAR_KM) {
                    best = null;
                }
                // a small place far from all the others the text names, in a governorate it does not name: a homonym
                if (best != null && anchors.size() >= 2 && best.place().population() < 20_000 && !seat(best.place())
                        && !governorates.contains(best.place().admin1()) && nearest(anchors, best.place()) > 1.5 * FAR_KM) {
                    best = null;
                }
                if (best != null) {
                    resolved.put(h, best);
                    Place p = best.place();
                    if (p.featureCode() != null && p.featureCode().startsWith("PPL") && (p.population() >= 100_000 || seat(p))) lastCity = p;
                }
                if (h.run().locative()) places.add(h);
            }
            if (type == null) {
                if (!background && !am.isEmpty() && SUPPORT.matcher(t).find() && lastDraftsParagraph == s.paragraph()) {
                    for (Draft d : lastDrafts) for (Actors.Mention m : am) d.actors.putIfAbsent(m.code(), new Actor(m.text(), m.code()));
                }
            } else {
                List<Actors.Mention> who = new ArrayList<>(am);
                boolean victimsOnly = !who.isEmpty() && who.stream().allMatch(m -> m.code().equals("CIV"));
                if ((who.isEmpty() || victimsOnly) && lastActorsParagraph == s.paragraph()) {
                    for (Actors.Mention m : lastActors) if (!m.code().equals("CIV")) who.add(0, m);
                }
                if (who.isEmpty() && dominant != null) {
                    who.add(new Actors.Mention(catalog.byCode(dominant).map(f -> f.name()).orElse(dominant), dominant, -1, -1));
                }
                if (ENEMY.matcher(t).find()) who.addAll(lastActors);
                if (type == SubEventType.AIR_DRONE_STRIKE) Scenes.addAirActor(who, actorCount, catalog);
                When when = w != null ? w : (carried != null && carriedParagraph == s.paragraph() ? carried : new When(date.date(), null, date.precision(), false));
                Integer dead = Cues.fatalities(t);
                if (places.isEmpty() && lastCity != null && THE_CITY.matcher(t).find()) {
                    java.util.regex.Matcher cm = THE_CITY.matcher(t);
                    cm.find();
                    Draft d = draft(s, lastCity, "the city", new int[] {cm.start(), cm.end()}, GeoPrecision.EXACT,
                            seat(lastCity) ? 1 : 3, type, who, when, dead);
                    made.add(d);
                }
                boolean headline = Scenes.headline(t);
                for (Hit h : places) {
                    Gazetteer.Match m = resolved.get(h);
                    Place p = m == null ? null : m.place();
                    String mention = h.text();
                    if (h.run().facility()) {
                        p = Scenes.facility(gazetteer, h.text(), h.run(), p);
                        if (p == null) mention = h.text() + " " + (FACILITY_WORDS.contains(h.run().kind()) ? h.run().kind() : h.run().noun());
                    }
                    if (p == null && headline) continue;
                    GeoPrecision gp = precision(p, h.run());
                    boolean asTown = Scenes.TOWN_NOUNS.contains(h.run().noun()) || h.run().facility();
                    int rank = p == null ? 3 : asTown ? 3 : (h.run().region() || seat(p)) ? 1 : isArea(p) ? 2 : 3;
                    made.add(draft(s, p, mention, new int[] {h.start(), h.end()}, gp, rank, type, who, when, dead));
                }
                if (!made.isEmpty()) {
                    drafts.addAll(made);
                    lastDrafts = made;
                    lastDraftsParagraph = s.paragraph();
                }
            }
            if (!am.isEmpty()) { lastActors = am; lastActorsParagraph = s.paragraph(); }
            if (Scenes.HELD.matcher(t).find()) {
                for (Gazetteer.Match m : resolved.values()) for (Actors.Mention a : am) if (!a.code().equals("CIV")) held.add(new Held(m.place(), a));
            }
        }
        for (Held h : held) {
            for (Draft d : drafts) if (d.place == h.place()) d.actors.putIfAbsent(h.actor().code(), new Actor(h.actor().text(), h.actor().code()));
        }
        return finish(text, merge(drafts), date, file, source);
    }

    /** Distinct mentions per article for which the spelling-tolerant search runs. */
    private static final int FUZZY_LOOKUPS = 500;
    /** The candidates of each mention of one extraction (one thread), each looked up once. */
    private static final class Lookups {
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
    private static boolean oneKeyPlace(List<Gazetteer.Match> cands) {
        if (cands.isEmpty()) return false;
        Place first = cands.get(0).place();
        for (Gazetteer.Match m : cands) {
            if (m.quality() != Gazetteer.Quality.KEY
                    || Geodesy.distanceKm(first.latitude(), first.longitude(), m.place().latitude(), m.place().longitude()) > 25) return false;
        }
        return true;
    }

    private static boolean syrian(Place p) {
        return "SY".equals(p.countryCode()) || p.countryCode() == null;
    }

    /** Longest place name tried, in words; longer capitalised runs are headlines or titles, not names. */
    private static final int MAX_NAME_WORDS = 5;

    /** A spelling match farther than this from every place the article names exactly is not trusted. */
    private static final double FAR_KM = 100;

    private static double nearest(List<double[]> anchors, Place p) {
        double d = Double.MAX_VALUE;
        for (double[] a : anchors) d = Math.min(d, Geodesy.distanceKm(a[0], a[1], p.latitude(), p.longitude()));
        return d;
    }

    private Draft draft(Sentence s, Place p, String mention, int[] span, GeoPrecision gp, int rank, SubEventType type,
                        List<Actors.Mention> who, When when, Integer dead) {
        Draft d = new Draft();
        d.sentence = s;
        d.place = p;
        d.mention = mention;
        d.span = span;
        d.precision = p == null ? GeoPrecision.UNRESOLVED : gp;
        d.rank = rank;
        d.type = type;
        for (Actors.Mention m : who) {
            d.actors.putIfAbsent(m.code(), new Actor(m.text(), m.code()));
            if (m.start() >= 0 && m.start() + m.text().length() <= s.text().length()
                    && s.text().regionMatches(m.start(), m.text(), 0, m.text().length())) d.actorSpans.add(new int[] {m.start(), m.end()});
        }
        d.when = when;
        d.fatalities = dead;
        return d;
    }

    /** Sub-spans of a run that the gazetteer knows, longest first; the whole run (unresolved) when none is known. */
    private List<Hit> match(String s, PlaceScan.Run run, Lookups look) {
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

    private static boolean seat(Place p) {
        String fc = p.featureCode();
        return p.admin1() != null && fc != null && (fc.equals("PPLA") || fc.equals("PPLC") || fc.startsWith("ADM1"))
                && NameKey.key(p.name()).equals(NameKey.key(p.admin1()));
    }

    private static boolean isArea(Place p) {
        String fc = p.featureCode();
        return fc != null && (fc.equals("AREA") || fc.equals("RD") || fc.startsWith("ADM") || fc.equals("RGN") || fc.equals("DSRT"));
    }

    private static GeoPrecision precision(Place p, PlaceScan.Run run) {
        if (p == null) return GeoPrecision.UNRESOLVED;
        if (run.region() || "AREA".equals(p.featureCode()) || "DSRT".equals(p.featureCode())) return GeoPrecision.REGION;
        if (run.near() || "RD".equals(p.featureCode())) return GeoPrecision.NEAR;
        return GeoPrecision.EXACT;
    }

    /** Same place, type and date: one incident (actors joined, the evidence with a stated date preferred). */
    private static List<Draft> merge(List<Draft> drafts) {
        LinkedHashMap<String, Draft> byKey = new LinkedHashMap<>();
        for (Draft d : drafts) {
            String k = (d.place != null ? d.place.name() + "|" + d.place.latitude() : "?" + NameKey.key(d.mention))
                    + "|" + d.type + "|" + d.when.date();
            Draft prev = byKey.get(k);
            if (prev == null) { byKey.put(k, d); continue; }
            for (Map.Entry<String, Actor> e : d.actors.entrySet()) prev.actors.putIfAbsent(e.getKey(), e.getValue());
            if (d.fatalities != null && (prev.fatalities == null || d.fatalities > prev.fatalities)) prev.fatalities = d.fatalities;
            if (d.when.explicit() && !prev.when.explicit()) {
                prev.sentence = d.sentence; prev.span = d.span; prev.mention = d.mention; prev.when = d.when;
                prev.actorSpans.clear(); prev.actorSpans.addAll(d.actorSpans);
            }
        }
        List<Draft> list = new ArrayList<>(byKey.values());
        List<Draft> out = new ArrayList<>();
        for (Draft d : list) {
            List<Draft> by = d.place != null && d.rank < 3 ? supersededBy(d, list) : List.of();
            if (by.isEmpty()) { out.add(d); continue; }
            // the wider mention's actors are parties to the precise incidents that replace it
            for (Draft o : by) {
                if (Math.abs(o.sentence.number() - d.sentence.number()) > 2) continue;
                for (Map.Entry<String, Actor> e : d.actors.entrySet()) if (!e.getKey().equals("CIV")) o.actors.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** A governorate-wide mention gives way to any more precise one in the governorate; an area or road to a town. */
    private static List<Draft> supersededBy(Draft d, List<Draft> all) {
        List<Draft> by = new ArrayList<>();
        for (Draft o : all) {
            if (o == d || o.place == null || o.rank <= d.rank || o.place.admin1() == null || o.place == d.place) continue;
            if (!o.place.admin1().equals(d.place.admin1())) continue;
            if (d.rank == 1 || o.type == d.type && o.sentence.number() != d.sentence.number()) by.add(o);
        }
        return by;
    }

    private Result finish(String text, List<Draft> drafts, ArticleDate date, String file, String source) {
        String hash = hash(text);
        List<Extracted> out = new ArrayList<>();
        LinkedHashSet<String> unresolved = new LinkedHashSet<>();
        for (Draft d : drafts) {
            Incident.Builder b = Incident.builder()
                    .sourceKey("article:" + hash + ":" + d.sentence.number() + ":" + NameKey.key(d.place != null ? d.place.name() : d.mention)
                            + ":" + d.type.name().toLowerCase(java.util.Locale.ROOT))
                    .date(d.when.date()).datePrecision(d.when.precision()).endDate(d.when.end())
                    .subEventType(d.type)
                    .actors(new ArrayList<>(d.actors.values()))
                    .fatalities(d.fatalities)
                    .source(source != null ? source : file)
                    .origin(file + ":" + d.sentence.line())
                    .evidence(Evidence.mark(d.sentence.text(), d.span, d.actorSpans));
            if (d.place != null) {
                b.place(displayName(d.place)).admin1(d.place.admin1()).country(COUNTRIES.getOrDefault(d.place.countryCode(), d.place.countryCode()))
                        .position(d.place.latitude(), d.place.longitude()).geoPrecision(d.precision);
            } else {
                b.place(d.mention).position(null, null).geoPrecision(GeoPrecision.UNRESOLVED);
                unresolved.add(d.mention);
            }
            Incident draftIncident = b.build();
            b.summary(Evidence.summary(draftIncident, catalog));
            out.add(new Extracted(b.build(), d.sentence.number(), d.sentence.line(), d.mention));
        }
        return new Result(out, new ArrayList<>(unresolved));
    }

    /** The plain-ASCII spelling where there is one (GeoNames' ` for ayn shown as '). */
    static String displayName(Place p) {
        String a = p.asciiName();
        return a == null || a.isBlank() ? p.name() : a.replace('`', '\'');
    }

    private static String hash(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
