package org.sitmap.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sitmap.model.Place;
import org.sitmap.model.SubEventType;

/**
 * A synthetic but realistic incident set: N incidents clustered on real towns (weighted by population, scattered
 * a few kilometres around each), factions and event types in proportions close to UCDP GED's Syria record
 * (government forces, insurgents and IS dominate; air and artillery strikes outnumber clashes), dates over ten
 * years with a war-like rise and fall. Deterministic for a given seed. Written as an ACLED-format CSV so the
 * benchmark measures the real import path.
 */
public final class SyntheticData {
    /** Actor pairs (ACLED actor1 / actor2 names) with relative weights. */
    private static final String[][] DYADS = {
            {"Military Forces of Syria (2000-)", "Opposition Rebels (Syria)", "30"},
            {"Military Forces of Syria (2000-)", "Islamic State (Syria)", "14"},
            {"Islamic State (Syria)", "Syrian Democratic Forces", "10"},
            {"Military Forces of Russia (2000-)", "Hayat Tahrir al-Sham", "8"},
            {"Hayat Tahrir al-Sham", "Military Forces of Syria (2000-)", "8"},
            {"Military Forces of Turkey (2016-)", "Syrian Democratic Forces", "6"},
            {"Syrian National Army", "Syrian Democratic Forces", "5"},
            {"Military Forces of Syria (2000-)", "Civilians (Syria)", "7"},
            {"Islamic State (Syria)", "Civilians (Syria)", "4"},
            {"Military Forces of Iran (1989-)", "Islamic State (Syria)", "3"},
            {"Military Forces of Israel (1948-)", "Hezbollah", "2"},
            {"Unidentified Armed Group (Syria)", "Civilians (Syria)", "3"},
    };
    /** Sub-event types with relative weights. */
    private static final Object[][] TYPES = {
            {SubEventType.SHELLING, 30}, {SubEventType.AIR_DRONE_STRIKE, 18}, {SubEventType.ARMED_CLASH, 30},
            {SubEventType.REMOTE_EXPLOSIVE, 5}, {SubEventType.ATTACK, 8}, {SubEventType.ABDUCTION, 2},
            {SubEventType.NON_STATE_OVERTAKES_TERRITORY, 1}, {SubEventType.GOVERNMENT_REGAINS_TERRITORY, 1},
            {SubEventType.ARRESTS, 2}, {SubEventType.PEACEFUL_PROTEST, 2}, {SubEventType.OTHER, 1},
    };

    /** The 31 columns of the current ACLED export. */
    public static final String ACLED_HEADER = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
            + "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
            + "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
            + "notes,fatalities,tags,timestamp";

    private final List<Place> towns;
    private final double[] cumulativeTownWeight;
    private final LocalDate start = LocalDate.of(2015, 1, 1);
    private final int days = 3652;

    /** @param towns the towns to cluster on (at least one) */
    public SyntheticData(List<Place> towns) {
        if (towns.isEmpty()) throw new IllegalArgumentException("no towns to cluster incidents on");
        this.towns = List.copyOf(towns);
        cumulativeTownWeight = new double[towns.size()];
        double sum = 0;
        for (int k = 0; k < towns.size(); k++) {
            sum += Math.sqrt(Math.max(500, towns.get(k).population()));
            cumulativeTownWeight[k] = sum;
        }
    }

    /** Writes {@code n} incidents as an ACLED CSV; returns the file. */
    public Path writeAcledCsv(Path file, int n, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        int dyadTotal = 0;
        for (String[] d : DYADS) dyadTotal += Integer.parseInt(d[2]);
        int typeTotal = 0;
        for (Object[] t : TYPES) typeTotal += (Integer) t[1];
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(ACLED_HEADER);
            w.write('\n');
            StringBuilder sb = new StringBuilder(400);
            for (int i = 0; i < n; i++) {
                Place town = pickTown(rnd.nextDouble() * cumulativeTownWeight[cumulativeTownWeight.length - 1]);
                String[] dyad = pickDyad(rnd.nextInt(dyadTotal));
                SubEventType type = pickType(rnd.nextInt(typeTotal));
                LocalDate date = start.plusDays(warDay(rnd));
                double km = Math.abs(rnd.nextGaussian()) * 3;
                double angle = rnd.nextDouble() * 2 * Math.PI;
                double lat = town.latitude() + km / 111.0 * Math.sin(angle);
                double lon = town.longitude() + km / (111.0 * Math.cos(Math.toRadians(town.latitude()))) * Math.cos(angle);
                int precision = rnd.nextInt(100) < 80 ? 1 : rnd.nextInt(100) < 70 ? 2 : 3;
                int timePrecision = rnd.nextInt(100) < 90 ? 1 : rnd.nextInt(100) < 70 ? 2 : 3;
                int fatalities = rnd.nextInt(100) < 55 ? 0 : (int) Math.min(500, Math.abs(rnd.nextGaussian()) * 6 + 1);
                sb.setLength(0);
                sb.append("SYN").append(i).append(',').append(date).append(',').append(date.getYear()).append(',')
                        .append(timePrecision).append(",Political violence,").append(type.type().label()).append(',')
                        .append(type.label()).append(',').append(quote(dyad[0])).append(",,1,").append(quote(dyad[1]))
                        .append(",,2,12,,760,Middle East,Syria,").append(quote(town.admin1() == null ? "" : town.admin1()))
                        .append(",,,").append(quote(town.name())).append(',')
                        .append(String.format(Locale.ROOT, "%.4f,%.4f", lat, lon)).append(',').append(precision)
                        .append(",Synthetic,National,").append(quote("Synthetic incident near " + town.name()))
                        .append(',').append(fatalities).append(",,1700000000\n");
                w.write(sb.toString());
            }
        }
        return file;
    }

    /** Day offset: a rise to a peak in the third year and a long decline, with weekly noise. */
    private int warDay(SplittableRandom rnd) {
        while (true) {
            int d = rnd.nextInt(days);
            double x = d / (double) days;
            double intensity = Math.exp(-Math.pow((x - 0.25) / 0.22, 2)) + 0.15;
            if (rnd.nextDouble() < intensity) return d;
        }
    }

    private Place pickTown(double u) {
        int lo = 0, hi = cumulativeTownWeight.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeTownWeight[mid] < u) lo = mid + 1; else hi = mid;
        }
        return towns.get(lo);
    }

    private static String[] pickDyad(int u) {
        for (String[] d : DYADS) {
            u -= Integer.parseInt(d[2]);
            if (u < 0) return d;
        }
        return DYADS[0];
    }

    private static SubEventType pickType(int u) {
        for (Object[] t : TYPES) {
            u -= (Integer) t[1];
            if (u < 0) return (SubEventType) t[0];
        }
        return SubEventType.ARMED_CLASH;
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * The same incidents as {@link #writeAcledCsv} with the same seed (same towns, dyads, types, dates, positions
     * and precisions, drawn in the same order), built straight into an in-memory index without a file or a store:
     * the benchmark's frame stages at ten million incidents without waiting for an import ({@code --frame-only}).
     * Actor names are mapped to factions by the catalog as the importer does; ids are 1..n.
     */
    public org.sitmap.index.IncidentIndex index(org.sitmap.model.FactionCatalog catalog, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int dyadTotal = 0;
        for (String[] d : DYADS) dyadTotal += Integer.parseInt(d[2]);
        int typeTotal = 0;
        for (Object[] t : TYPES) typeTotal += (Integer) t[1];
        java.util.Map<String, Integer> ordinal = new java.util.HashMap<>();
        for (String[] d : DYADS) {
            for (int k = 0; k < 2; k++) ordinal.computeIfAbsent(d[k], a -> catalog.ordinal(catalog.codeOrUnknown(a)));
        }
        org.sitmap.index.IncidentIndex.Builder b = new org.sitmap.index.IncidentIndex.Builder(catalog, n);
        for (int i = 0; i < n; i++) {
            Place town = pickTown(rnd.nextDouble() * cumulativeTownWeight[cumulativeTownWeight.length - 1]);
            String[] dyad = pickDyad(rnd.nextInt(dyadTotal));
            SubEventType type = pickType(rnd.nextInt(typeTotal));
            LocalDate date = start.plusDays(warDay(rnd));
            double km = Math.abs(rnd.nextGaussian()) * 3;
            double angle = rnd.nextDouble() * 2 * Math.PI;
            double lat = town.latitude() + km / 111.0 * Math.sin(angle);
            double lon = town.longitude() + km / (111.0 * Math.cos(Math.toRadians(town.latitude()))) * Math.cos(angle);
            int precision = rnd.nextInt(100) < 80 ? 1 : rnd.nextInt(100) < 70 ? 2 : 3;
            int timePrecision = rnd.nextInt(100) < 90 ? 1 : rnd.nextInt(100) < 70 ? 2 : 3;
            int fatalities = rnd.nextInt(100) < 55 ? 0 : (int) Math.min(500, Math.abs(rnd.nextGaussian()) * 6 + 1);
            // the CSV carries 4 decimals; so does the index built from it
            lat = Math.round(lat * 1e4) / 1e4;
            lon = Math.round(lon * 1e4) / 1e4;
            LocalDate end = timePrecision == 1 ? date : timePrecision == 2 ? date.plusDays(6)
                    : date.with(java.time.temporal.TemporalAdjusters.lastDayOfMonth());
            int f0 = ordinal.get(dyad[0]);
            int f1 = ordinal.get(dyad[1]);
            b.add(i + 1L, (int) date.toEpochDay(), (int) end.toEpochDay(), lat, lon, (1L << f0) | (1L << f1), f0,
                    type.type().ordinal(), type.ordinal(), timePrecision, precision, fatalities, town.name());
        }
        return b.build();
    }
}
