package org.sitmap.ingest.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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

    /**
     * Extracts the incidents of {@code text}.
     *
     * @param file   the file name (origin) used in the incidents
     * @param source who published the article, may be null (then the file name)
     */
    public Result extract(String text, ArticleDate date, String file, String source) {
        // linear in the text's length: each distinct mention is looked up once, each place anchors once, and the
        // costly spelling-tolerant search (every gazetteer entry) runs for at most PlaceMentions.FUZZY_LOOKUPS distinct mentions
        PlaceMentions.Lookups look = new PlaceMentions.Lookups(gazetteer);
        List<Sentence> sentences = Sentences.split(text);
        int n = sentences.size();
        List<List<Actors.Mention>> actorsOf = new ArrayList<>(n);
        List<List<PlaceMentions.Hit>> hitsOf = new ArrayList<>(n);
        Set<String> governorates = new LinkedHashSet<>();
        List<double[]> anchors = new ArrayList<>();
        Set<Place> anchored = new java.util.HashSet<>();
        Map<String, Integer> actorCount = new HashMap<>();
        Set<String> countries = PlaceMentions.countriesNamed(text);
        for (Sentence s : sentences) {
            List<Actors.Mention> am = actors.find(s.text());
            actorsOf.add(am);
            for (Actors.Mention m : am) {
                if (!m.code().equals("CIV")) actorCount.merge(m.code(), s.number() == 1 ? 3 : 1, Integer::sum);
            }
            List<int[]> skip = new ArrayList<>();
            for (Actors.Mention m : am) skip.add(new int[] {m.start(), m.end()});
            List<PlaceMentions.Hit> hits = new ArrayList<>();
            for (PlaceScan.Run r : PlaceScan.scan(s.text(), skip)) hits.addAll(PlaceMentions.match(s.text(), r, look));
            hitsOf.add(hits);
            for (PlaceMentions.Hit h : hits) {
                if (PlaceMentions.oneKeyPlace(h.cands())
                        && (PlaceMentions.syrian(h.cands().get(0).place()) || countries.contains(h.cands().get(0).place().countryCode()))) {
                    Place p = h.cands().get(0).place();
                    if (anchored.add(p)) anchors.add(new double[] {p.latitude(), p.longitude()});
                }
                for (Gazetteer.Match m : h.cands()) {
                    if (m.quality() == Gazetteer.Quality.KEY && (PlaceMentions.seat(m.place()) || h.run().region()) && m.place().admin1() != null) {
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
            List<PlaceMentions.Hit> places = new ArrayList<>();
            Map<PlaceMentions.Hit, Gazetteer.Match> resolved = new HashMap<>();
            for (PlaceMentions.Hit h : hitsOf.get(si)) {
                Gazetteer.Match best = h.cands().isEmpty() ? null
                        : gazetteer.best(look.candidates(h.text(), true), governorates, anchors, countries);
                if (best != null && best.quality() == Gazetteer.Quality.FUZZY && !anchors.isEmpty()
                        && PlaceMentions.nearest(anchors, best.place()) > PlaceMentions.FAR_KM) {
                    best = null;
                }
                // a small place far from all the others the text names, in a governorate it does not name: a homonym
                if (best != null && anchors.size() >= 2 && best.place().population() < 20_000 && !PlaceMentions.seat(best.place())
                        && !governorates.contains(best.place().admin1()) && PlaceMentions.nearest(anchors, best.place()) > 1.5 * PlaceMentions.FAR_KM) {
                    best = null;
                }
                if (best != null) {
                    resolved.put(h, best);
                    Place p = best.place();
                    if (p.featureCode() != null && p.featureCode().startsWith("PPL") && (p.population() >= 100_000 || PlaceMentions.seat(p))) lastCity = p;
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
                            PlaceMentions.seat(lastCity) ? 1 : 3, type, who, when, dead);
                    made.add(d);
                }
                boolean headline = Scenes.headline(t);
                for (PlaceMentions.Hit h : places) {
                    Gazetteer.Match m = resolved.get(h);
                    Place p = m == null ? null : m.place();
                    String mention = h.text();
                    if (h.run().facility()) {
                        p = Scenes.facility(gazetteer, h.text(), h.run(), p);
                        if (p == null) mention = h.text() + " " + (FACILITY_WORDS.contains(h.run().kind()) ? h.run().kind() : h.run().noun());
                    }
                    if (p == null && headline) continue;
                    GeoPrecision gp = PlaceMentions.precision(p, h.run());
                    boolean asTown = Scenes.TOWN_NOUNS.contains(h.run().noun()) || h.run().facility();
                    int rank = p == null ? 3 : asTown ? 3 : (h.run().region() || PlaceMentions.seat(p)) ? 1 : PlaceMentions.isArea(p) ? 2 : 3;
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
        return finish(text, Draft.merge(drafts), date, file, source);
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
                b.place(PlaceMentions.displayName(d.place)).admin1(d.place.admin1()).country(COUNTRIES.getOrDefault(d.place.countryCode(), d.place.countryCode()))
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

    private static String hash(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
