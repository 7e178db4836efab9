package org.sitmap.ingest.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitmap.geo.Geodesy;
import org.sitmap.model.InputException;
import org.sitmap.model.Place;

/**
 * The place-name index: the shipped GeoNames extract ({@code data/gazetteer/geonames-syria.tsv}), the curated
 * supplement ({@code data/gazetteer/supplement.csv}) and any extra places (e.g. those of a store), searchable by
 * spelling-tolerant keys ({@link NameKey}) and Arabic script.
 *
 * <p>Immutable once built; safe to share between threads.
 */
public final class Gazetteer {
    static final String GEONAMES = "data/gazetteer/geonames-syria.tsv";
    static final String SUPPLEMENT = "data/gazetteer/supplement.csv";
    static final String UCDP = "data/gazetteer/ucdp-places.tsv";

    /** How a name matched: on its key, on its consonant skeleton, or on a skeleton one or two edits away. */
    public enum Quality { KEY, SKELETON, FUZZY }

    /** One candidate for a mention. */
    public record Match(Place place, Quality quality) { }

    private final List<Place> places;
    private final Map<String, List<Place>> byKey = new HashMap<>();
    private final Map<String, List<Place>> bySkeleton = new HashMap<>();
    private final Map<String, List<Place>> byArabic = new HashMap<>();
    /** The keys of each place's name and alternate names (not Arabic), computed once: matching compares them. */
    private final Map<Place, List<String>> nameKeys = new java.util.IdentityHashMap<>();
    /** The same keys made {@link NameKey#loose}, computed once. */
    private final Map<Place, List<String>> looseKeys = new java.util.IdentityHashMap<>();

    /** Builds an index over {@code places}. */
    public Gazetteer(Collection<Place> places) {
        this.places = List.copyOf(places);
        for (Place p : this.places) {
            List<String> keys = new ArrayList<>();
            for (String n : p.alternateNames()) if (n != null && !NameKey.isArabic(n)) keys.add(NameKey.key(n));
            if (!NameKey.isArabic(p.name())) keys.add(NameKey.key(p.name()));
            nameKeys.put(p, keys);
            looseKeys.put(p, keys.stream().map(NameKey::loose).toList());
            Set<String> names = new LinkedHashSet<>();
            names.add(p.name());
            if (p.asciiName() != null) names.add(p.asciiName());
            names.addAll(p.alternateNames());
            for (String n : names) {
                if (n == null || n.isBlank()) continue;
                if (NameKey.isArabic(n)) {
                    add(byArabic, NameKey.arabic(n), p);
                    continue;
                }
                String k = NameKey.key(n);
                if (!NameKey.usable(k)) continue;
                add(byKey, k, p);
                String s = NameKey.skeleton(n);
                if (s.length() >= 2) add(bySkeleton, s, p);
            }
        }
    }

    private static void add(Map<String, List<Place>> m, String k, Place p) {
        if (k.isEmpty()) return;
        List<Place> l = m.computeIfAbsent(k, x -> new ArrayList<>(1));
        if (!l.contains(p)) l.add(p);
    }

    /** The shipped gazetteer from the classpath, plus the places of {@code extra} (may be null). */
    public static Gazetteer load(PlaceSource extra) {
        List<Place> shippedPlaces = readShipped();
        if (extra == null) return shippedIndex();
        List<Place> more = learned(extra.places());
        if (more.isEmpty()) return shippedIndex();
        // a store place that the shipped data already has (same name, within a kilometre) is left out, so that a
        // name stays unambiguous when the UCDP file the shipped list comes from is imported too
        Gazetteer base = shippedIndex();
        List<Place> all = new ArrayList<>(shippedPlaces);
        for (Place p : more) {
            boolean known = false;
            for (Match m : base.candidates(p.name())) {
                if (m.quality() == Quality.KEY && Geodesy.distanceKm(m.place().latitude(), m.place().longitude(), p.latitude(), p.longitude()) < 1) {
                    known = true;
                    break;
                }
            }
            if (!known) all.add(p);
        }
        return new Gazetteer(all);
    }

    private static volatile List<Place> shipped;
    private static volatile Gazetteer shippedIndex;

    /** The index of the shipped entries alone, built once. */
    static Gazetteer shippedIndex() {
        Gazetteer g = shippedIndex;
        if (g == null) shippedIndex = g = new Gazetteer(readShipped());
        return g;
    }

    /** The shipped entries (GeoNames extract and supplement), read once from the classpath. */
    public static List<Place> readShipped() {
        List<Place> s = shipped;
        if (s == null) {
            List<Place> all = new ArrayList<>();
            all.addAll(readGeoNamesTsv(open(GEONAMES), GEONAMES));
            all.addAll(readSupplement(open(SUPPLEMENT), SUPPLEMENT));
            all.addAll(readEventPlaces(open(UCDP), UCDP));
            shipped = s = List.copyOf(all);
        }
        return s;
    }

    private static InputStream open(String resource) {
        InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("missing resource " + resource);
        return in;
    }

    /** One row of a shipped table: its cells. */
    @FunctionalInterface
    private interface TableRow {
        void accept(String[] cells);
    }

    /**
     * Reads a table shipped with Sitmap: '#' comment lines and blank lines skipped, the first other line a header,
     * every row {@code columns} cells split at {@code separator} (a regular expression).
     */
    private static void readShippedTable(InputStream stream, String file, String separator, int columns, TableRow row) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            long n = 0;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.startsWith("#") || line.isBlank()) continue;
                if (header) { header = false; continue; }
                String[] c = line.split(separator, -1);
                if (c.length != columns) throw new InputException(file, n, "expected " + columns + " columns, found " + c.length);
                row.accept(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Place> readGeoNamesTsv(InputStream stream, String file) {
        List<Place> out = new ArrayList<>();
        readShippedTable(stream, file, "\t", 10, c -> {
            List<String> alts = c[3].isEmpty() ? List.of() : List.of(c[3].split(","));
            out.add(new Place(c[1], c[2], alts, Double.parseDouble(c[4]), Double.parseDouble(c[5]), c[6], c[7],
                    c[8], Long.parseLong(c[9]), "GeoNames " + c[0]));
        });
        return out;
    }

    /**
     * The store's entries as gazetteer places: those learned from event files (source {@code events:...}) have
     * their names taken apart by {@link EventPlaces}; the others are used as stored.
     */
    static List<Place> learned(List<Place> stored) {
        List<Place> out = new ArrayList<>(stored.size());
        for (Place p : stored) {
            if (p.source() == null || !p.source().startsWith("events:")) {
                out.add(p);
                continue;
            }
            int precision = "RGN".equals(p.featureCode()) ? 3 : 1;
            Place q = EventPlaces.place(p.name(), p.latitude(), p.longitude(), precision, p.admin1(), p.countryCode(),
                    p.source() + ": " + p.name());
            if (q != null) out.add(q);
        }
        return out;
    }

    /** Reads {@code ucdp-places.tsv} (name as UCDP writes it, latitude, longitude, where_prec, adm_1, adm_2, events). */
    static List<Place> readEventPlaces(InputStream stream, String file) {
        List<Place> out = new ArrayList<>();
        readShippedTable(stream, file, "\t", 7, c -> {
            Place p = EventPlaces.place(c[0], Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                    Integer.parseInt(c[3]), c[4], null, "UCDP GED: " + c[0]);
            if (p != null) out.add(p);
        });
        return out;
    }

    static List<Place> readSupplement(InputStream stream, String file) {
        List<Place> out = new ArrayList<>();
        readShippedTable(stream, file, ",", 10, c -> {
            List<String> alts = c[1].isEmpty() ? List.of() : List.of(c[1].split("\\|"));
            String ascii = java.text.Normalizer.normalize(c[0], java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            out.add(new Place(c[0], ascii, alts, Double.parseDouble(c[3]), Double.parseDouble(c[4]),
                    c[2], c[5], c[6], Long.parseLong(c[7]), "Sitmap supplement: " + c[8]));
        });
        return out;
    }

    public List<Place> places() { return places; }

    /**
     * The candidates for a mention, best match quality first: entries whose key equals the mention's (or whose
     * Arabic form equals it), else whose consonant skeleton equals it, else (skeleton of four or more letters)
     * one edit away, or two for skeletons of ten or more (and then the spelling within a fifth of its length).
     */
    public List<Match> candidates(String mention) {
        return candidates(mention, true);
    }

    /**
     * The candidates for a mention; without {@code fuzzy} no skeleton one or two edits away is looked for (that
     * search visits every entry, so a caller bounds how often it asks for it).
     */
    public List<Match> candidates(String mention, boolean fuzzy) {
        List<Match> out = new ArrayList<>();
        if (NameKey.isArabic(mention)) {
            for (Place p : byArabic.getOrDefault(NameKey.arabic(mention), List.of())) out.add(new Match(p, Quality.KEY));
            return out;
        }
        String key = NameKey.key(mention);
        if (!NameKey.usable(key)) return out;
        for (Place p : byKey.getOrDefault(key, List.of())) out.add(new Match(p, Quality.KEY));
        if (!out.isEmpty()) return out;
        if (key.length() < 4) return out;
        if (key.length() > 60) return out;
        String sk = NameKey.skeleton(mention);
        if (sk.length() < 2) return out;
        for (Place p : bySkeleton.getOrDefault(sk, List.of())) {
            // a two-letter skeleton ("Hesh", "Shami") says little: the vowels must agree too
            if (sk.length() >= 3 ? closeEnough(key, p, 3) : looseEqual(key, p)) out.add(new Match(p, Quality.SKELETON));
        }
        if (sk.length() < 3) return out;
        if (!out.isEmpty() || sk.length() < 4 || !fuzzy) return out;
        int max = sk.length() >= 10 ? 2 : 1;
        for (Map.Entry<String, List<Place>> e : bySkeleton.entrySet()) {
            String k = e.getKey();
            if (k.length() < 4 || k.charAt(0) != sk.charAt(0)) continue;
            if (NameKey.distance(sk, k, max) <= max) {
                for (Place p : e.getValue()) {
                    if (closeEnough(key, p, 5) && out.stream().noneMatch(m -> m.place() == p)) out.add(new Match(p, Quality.FUZZY));
                }
            }
        }
        return out;
    }

    private boolean looseEqual(String key, Place p) {
        return looseKeys.get(p).contains(NameKey.loose(key));
    }

    /** True when one of the place's name keys is within a third of the mention key's length (at least 1 edit). */
    private boolean closeEnough(String key, Place p, int divisor) {
        String loose = NameKey.loose(key);
        int max = Math.max(1, loose.length() / divisor);
        for (String k : looseKeys.get(p)) if (NameKey.distance(loose, k, max) <= max) return true;
        return false;
    }

    /**
     * The best candidate for a mention in context, or null when none is found.
     *
     * @param governorates governorate names the text states (any spelling), may be empty
     * @param anchors      positions {lat, lon} of places already resolved in the same text, may be empty
     */
    public Match resolve(String mention, Collection<String> governorates, List<double[]> anchors) {
        return resolve(mention, governorates, anchors, null);
    }

    /**
     * As {@link #resolve(String, Collection, List)}, but a place outside Syria is a candidate only when the text
     * supports it: its country is among {@code countries} (ISO codes the text names) and the name matches on its
     * key, or a place the text names exactly lies within 30 km. {@code countries} null: no such check.
     */
    public Match resolve(String mention, Collection<String> governorates, List<double[]> anchors, Set<String> countries) {
        return best(candidates(mention), governorates, anchors, countries);
    }

    /** The best of {@code cands} (a mention's {@link #candidates}) in context, or null when there is none. */
    public Match best(List<Match> cands, Collection<String> governorates, List<double[]> anchors) {
        return best(cands, governorates, anchors, null);
    }

    /** As {@link #best(List, Collection, List)}, with the support a place abroad needs ({@link #resolve(String, Collection, List, Set)}). */
    public Match best(List<Match> cands, Collection<String> governorates, List<double[]> anchors, Set<String> countries) {
        if (countries != null) cands = cands.stream().filter(m -> supported(m, anchors, countries)).toList();
        if (cands.isEmpty()) return null;
        Set<String> govKeys = new LinkedHashSet<>();
        for (String g : governorates) govKeys.add(NameKey.key(g));
        Match best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Match m : cands) {
            double s = score(m, govKeys, anchors);
            if (s > bestScore) { bestScore = s; best = m; }
        }
        return best;
    }

    private static boolean supported(Match m, List<double[]> anchors, Set<String> countries) {
        Place p = m.place();
        String cc = p.countryCode() != null ? p.countryCode() : EventPlaces.inSyria(p.latitude(), p.longitude()) ? "SY" : null;
        if ("SY".equals(cc)) return true;
        for (double[] a : anchors) if (Geodesy.distanceKm(a[0], a[1], p.latitude(), p.longitude()) < 30) return true;
        return m.quality() == Quality.KEY && cc != null && countries.contains(cc);
    }

    private static double score(Match m, Set<String> govKeys, List<double[]> anchors) {
        Place p = m.place();
        double s = -3.0 * m.quality().ordinal();
        if (p.admin1() != null && govKeys.contains(NameKey.key(p.admin1()))) s += 3;
        if (!anchors.isEmpty()) {
            double d = Double.MAX_VALUE;
            for (double[] a : anchors) d = Math.min(d, Geodesy.distanceKm(a[0], a[1], p.latitude(), p.longitude()));
            s += d < 25 ? 3 : d < 75 ? 2 : d < 200 ? 1 : 0;
        }
        s += Math.log10(p.population() + 1) * 0.3;
        if ("SY".equals(p.countryCode())) s += 1;
        if (p.source() != null && p.source().startsWith("Sitmap")) s += 0.5;
        return s;
    }
}
