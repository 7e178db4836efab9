package org.sitmap.ingest.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitmap.ingest.article.Cues.When;
import org.sitmap.ingest.article.Sentences.Sentence;
import org.sitmap.ingest.gazetteer.NameKey;
import org.sitmap.model.Actor;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Place;
import org.sitmap.model.SubEventType;

/**
 * An incident of {@link ArticleExtractor} before it is built: the sentence, the place (null: unresolved) and its
 * mention, how wide the mention is ({@code rank}: 1 governorate, 2 area or road, 3 town), the actors and the date.
 * {@link #merge} joins drafts of one event and drops wide mentions that precise ones replace.
 *
 * <p>Mutable; one extraction (one thread) owns its drafts.
 */
final class Draft {
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

    /** Same place, type and date: one incident (actors joined, the evidence with a stated date preferred). */
    static List<Draft> merge(List<Draft> drafts) {
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
}
