package org.sitmap.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sitmap.geo.Geodesy;
import org.sitmap.ingest.article.ArticleDate;
import org.sitmap.ingest.article.ArticleExtractor;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.ingest.gazetteer.NameKey;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.store.gpkg.IncidentStore;

/**
 * Scores the article geoparser against the project's answer key ({@code src/test/resources/eval/answer-key.csv},
 * facts only) on article texts kept outside the project, one file per key id ({@code TEXTS/e01.txt} ...).
 * Run by hand, not by the build:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.sitmap.eval.GeoparserEval \
 *     --texts /tmp/eval-texts [--split dev|test|all] [--db store.gpkg] [--verbose]
 * </pre>
 *
 * Places: a predicted point is right when it lies within the tolerance of a key place (needed or optional);
 * recall counts the needed places with a predicted point within tolerance. Factions: the codes of all incidents
 * of an article (CIV left out) against the needed and optional codes. Articles whose text is missing are skipped
 * and listed. {@code --db} adds the store's gazetteer (e.g. after importing UCDP GED) as the window and
 * {@code sitmap import} do.
 */
public final class GeoparserEval {
    private GeoparserEval() { }

    record Point(String name, double lat, double lon, double tol) { }

    static final class Article {
        String id;
        String url;
        String date;
        String split;
        final List<Point> places = new ArrayList<>();
        final List<Point> optional = new ArrayList<>();
        final List<String> unlocatable = new ArrayList<>();
        final List<String> factions = new ArrayList<>();
        final List<String> optionalFactions = new ArrayList<>();
    }

    /** Reads the answer key; rows of one id after the first leave url, date and split empty. */
    static Map<String, Article> readKey(Path key) throws IOException {
        Map<String, Article> out = new LinkedHashMap<>();
        boolean header = true;
        for (String line : Files.readAllLines(key, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) continue;
            if (header) { header = false; continue; }
            String[] c = line.split(",", -1);
            Article a = out.computeIfAbsent(c[0], k -> { Article n = new Article(); n.id = k; return n; });
            if (!c[1].isEmpty()) { a.url = c[1]; a.date = c[2]; a.split = c[3]; }
            switch (c[4]) {
                case "place" -> a.places.add(point(c));
                case "optional" -> a.optional.add(point(c));
                case "unlocatable" -> a.unlocatable.add(c[5]);
                case "faction" -> a.factions.add(c[5]);
                case "faction_optional" -> a.optionalFactions.add(c[5]);
                default -> throw new IllegalArgumentException(key + ": unknown kind " + c[4]);
            }
        }
        return out;
    }

    private static Point point(String[] c) {
        return new Point(c[5], Double.parseDouble(c[6]), Double.parseDouble(c[7]), Double.parseDouble(c[8]));
    }

    /** Counts over a set of articles. */
    static final class Tally {
        int placesNeeded, placesFound, points, pointsRight, factionsNeeded, factionsFound, factionsNamed,
                factionsRight, unlocatable, unlocatableListed, articles;

        String line(String label) {
            return String.format(Locale.ROOT, "%-6s articles %2d  places recall %.2f (%d/%d) precision %.2f (%d/%d)"
                    + "  factions recall %.2f (%d/%d) precision %.2f (%d/%d)  unlocatable listed %d/%d", label, articles,
                    ratio(placesFound, placesNeeded), placesFound, placesNeeded, ratio(pointsRight, points), pointsRight,
                    points, ratio(factionsFound, factionsNeeded), factionsFound, factionsNeeded,
                    ratio(factionsRight, factionsNamed), factionsRight, factionsNamed, unlocatableListed, unlocatable);
        }
    }

    static double ratio(int a, int b) { return b == 0 ? 1 : (double) a / b; }

    /** Scores one article's extraction into {@code t}; returns the lines that explain it. */
    static List<String> score(Article a, ArticleExtractor.Result r, Tally t) {
        List<String> why = new ArrayList<>();
        t.articles++;
        Set<String> seen = new LinkedHashSet<>();
        boolean[] found = new boolean[a.places.size()];
        for (ArticleExtractor.Extracted e : r.incidents()) {
            Incident i = e.incident();
            if (!i.located()) continue;
            if (!seen.add(String.format(Locale.ROOT, "%.4f,%.4f", i.latitude(), i.longitude()))) continue;
            t.points++;
            boolean right = false;
            for (int k = 0; k < a.places.size(); k++) {
                Point p = a.places.get(k);
                if (Geodesy.distanceKm(p.lat(), p.lon(), i.latitude(), i.longitude()) <= p.tol()) { found[k] = true; right = true; }
            }
            for (Point p : a.optional) {
                if (Geodesy.distanceKm(p.lat(), p.lon(), i.latitude(), i.longitude()) <= p.tol()) right = true;
            }
            if (right) t.pointsRight++;
            else why.add("  wrong place: " + e.mention() + " -> " + i.place() + " " + i.latitude() + "," + i.longitude());
        }
        for (int k = 0; k < found.length; k++) {
            t.placesNeeded++;
            if (found[k]) t.placesFound++;
            else why.add("  missed place: " + a.places.get(k).name());
        }
        Set<String> unresolved = new LinkedHashSet<>();
        for (String u : r.unresolved()) unresolved.add(NameKey.key(u));
        for (String u : a.unlocatable) {
            t.unlocatable++;
            if (unresolved.contains(NameKey.key(u))) t.unlocatableListed++;
        }
        Set<String> named = new LinkedHashSet<>();
        for (ArticleExtractor.Extracted e : r.incidents()) {
            for (String code : e.incident().factions()) if (!code.equals("CIV")) named.add(code);
        }
        Set<String> allowed = new LinkedHashSet<>(a.optionalFactions);
        for (String f : a.factions) {
            t.factionsNeeded++;
            List<String> alternatives = List.of(f.split("\\|"));
            allowed.addAll(alternatives);
            if (alternatives.stream().anyMatch(named::contains)) t.factionsFound++;
            else why.add("  missed faction: " + f);
        }
        for (String code : named) {
            t.factionsNamed++;
            if (allowed.contains(code)) t.factionsRight++;
            else why.add("  wrong faction: " + code);
        }
        return why;
    }

    public static void main(String[] args) throws IOException {
        Path key = Path.of("src/test/resources/eval/answer-key.csv");
        Path texts = null;
        Path db = null;
        String split = "all";
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--key" -> key = Path.of(args[++i]);
                case "--texts" -> texts = Path.of(args[++i]);
                case "--db" -> db = Path.of(args[++i]);
                case "--split" -> split = args[++i];
                case "--verbose" -> verbose = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (texts == null) throw new IllegalArgumentException("--texts DIR is required");
        Gazetteer g;
        if (db != null) {
            try (IncidentStore s = IncidentStore.open(db)) {
                List<org.sitmap.model.Place> stored = s.places();
                g = Gazetteer.load(() -> stored);
            }
        } else {
            g = Gazetteer.load(null);
        }
        ArticleExtractor ex = new ArticleExtractor(g, FactionCatalog.shipped());
        Map<String, Tally> bySplit = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Article a : readKey(key).values()) {
            if (!split.equals("all") && !split.equals(a.split)) continue;
            Path f = texts.resolve(a.id + ".txt");
            if (!Files.exists(f)) { missing.add(a.id); continue; }
            String text = Files.readString(f, StandardCharsets.UTF_8);
            ArticleExtractor.Result r = ex.extract(text, ArticleDate.parse(a.date), a.id + ".txt", a.url);
            Tally one = new Tally();
            List<String> why = score(a, r, one);
            score(a, r, bySplit.computeIfAbsent(a.split, k -> new Tally()));
            score(a, r, bySplit.computeIfAbsent("all", k -> new Tally()));
            if (verbose) {
                System.out.println(one.line(a.id));
                why.forEach(System.out::println);
                for (ArticleExtractor.Extracted e : r.incidents()) {
                    Incident i = e.incident();
                    System.out.println("    s" + e.sentence() + " " + e.mention() + " -> " + (i.located() ? i.place() + " "
                            + i.geoPrecision() : "[unresolved]") + " " + i.subEventType() + " " + i.factions());
                }
            }
        }
        for (Map.Entry<String, Tally> e : bySplit.entrySet()) System.out.println(e.getValue().line(e.getKey()));
        if (!missing.isEmpty()) System.out.println("texts missing (skipped): " + missing);
    }
}
