package org.sitmap.render.basemap;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.geo.WebMercator;

/**
 * The vector data of the offline basemap, read from the classpath folder {@code data/basemap/} (shipped in the
 * repository's {@code data/basemap/}, rebuilt by {@code data/basemap/regenerate.sh}): Natural Earth 1:50m
 * countries, their shared borders and coastlines, Syrian governorates (Natural Earth admin-1), rivers and lakes
 * (Natural Earth 1:50m), GeoNames towns and the trunk roads of the project's gazetteer (M4, M5).
 * Coordinates are projected once to normalised Web Mercator (0..1 across the world) at load.
 *
 * <p>Binary layer format (big-endian): int magic {@code 0x534D4231}, int featureCount, then per feature: u16
 * length + UTF-8 name, int partCount, per part int pointCount and pointCount pairs of int (lon·1e5, lat·1e5).
 *
 * <p>Immutable after loading; safe to share between threads. {@link #shipped()} loads once per JVM.
 *
 * @param countries    country polygons (one feature per country, rings as parts, even-odd holes)
 * @param borders      land borders between countries (lines)
 * @param coast        coastlines (lines)
 * @param governorates Syrian governorate polygons
 * @param governorateLines lines between Syrian governorates (not the outer border)
 * @param rivers       rivers and lake centrelines (Natural Earth 1:50m, smoothed)
 * @param lakes        lake polygons (Natural Earth 1:50m, smoothed)
 * @param towns        towns, most populous first
 * @param roads        trunk roads as lines, named by their number (M4, M5)
 */
public record BasemapData(List<Feature> countries, List<Feature> borders, List<Feature> coast,
                          List<Feature> governorates, List<Feature> governorateLines, List<Feature> rivers,
                          List<Feature> lakes, List<Town> towns, List<Feature> roads) {
    private static final int MAGIC = 0x534D4231;
    private static final String ROOT = "data/basemap/";

    /**
     * A named shape; each part is a ring or line of interleaved normalised Mercator x, y.
     *
     * @param name  the name (may be empty)
     * @param parts parts, each {@code [x0, y0, x1, y1, ...]}
     * @param minX  bounding box, normalised Mercator
     * @param minY  bounding box
     * @param maxX  bounding box
     * @param maxY  bounding box
     */
    public record Feature(String name, List<double[]> parts, double minX, double minY, double maxX, double maxY) {
        static Feature of(String name, List<double[]> parts) {
            double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
            for (double[] p : parts) {
                for (int i = 0; i < p.length; i += 2) {
                    x0 = Math.min(x0, p[i]); x1 = Math.max(x1, p[i]);
                    y0 = Math.min(y0, p[i + 1]); y1 = Math.max(y1, p[i + 1]);
                }
            }
            return new Feature(name, List.copyOf(parts), x0, y0, x1, y1);
        }
    }

    /**
     * A populated place from GeoNames.
     *
     * @param name        ASCII name
     * @param lat         latitude
     * @param lon         longitude
     * @param country     ISO country code
     * @param featureCode GeoNames feature code (PPLC capital, PPLA governorate seat, ...)
     * @param population  population (0 when unknown)
     */
    public record Town(String name, double lat, double lon, String country, String featureCode, long population) {
        /** Normalised Mercator x. */
        public double mercX() { return WebMercator.x(lon); }

        /** Normalised Mercator y. */
        public double mercY() { return WebMercator.y(lat); }
    }

    private static final class Holder {
        static final BasemapData SHIPPED = load();
    }

    /** The basemap shipped with the application, loaded on first use. */
    public static BasemapData shipped() {
        return Holder.SHIPPED;
    }

    private static BasemapData load() {
        try {
            return new BasemapData(layer("countries-50m.bin"), layer("borders-50m.bin"), layer("coast-50m.bin"),
                    layer("governorates-syr.bin"), layer("governorate-lines-syr.bin"),
                    layer("water-rivers.bin"), layer("water-lakes.bin"), towns("towns.csv"), layer("roads-syr.bin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped basemap under " + ROOT, e);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = BasemapData.class.getClassLoader().getResourceAsStream(ROOT + file);
        if (in == null) throw new IOException("missing resource " + ROOT + file);
        return in;
    }

    /** Reads one binary layer from a stream (see the class comment for the format). */
    static List<Feature> readLayer(InputStream raw) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC) throw new IOException("not a basemap layer");
            int count = in.readInt();
            List<Feature> features = new ArrayList<>(count);
            for (int f = 0; f < count; f++) {
                byte[] name = new byte[in.readUnsignedShort()];
                in.readFully(name);
                int partCount = in.readInt();
                List<double[]> parts = new ArrayList<>(partCount);
                for (int p = 0; p < partCount; p++) {
                    int n = in.readInt();
                    double[] xy = new double[n * 2];
                    for (int i = 0; i < n; i++) {
                        xy[2 * i] = WebMercator.x(in.readInt() / 1e5);
                        xy[2 * i + 1] = WebMercator.y(in.readInt() / 1e5);
                    }
                    parts.add(xy);
                }
                features.add(Feature.of(new String(name, StandardCharsets.UTF_8), parts));
            }
            return List.copyOf(features);
        }
    }

    private static List<Feature> layer(String file) throws IOException {
        return readLayer(open(file));
    }

    private static List<Town> towns(String file) throws IOException {
        List<Town> towns = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            r.readLine(); // geonameid,name,lat,lon,country,feature_code,population
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split(",", -1);
                if (c.length < 7) continue;
                towns.add(new Town(c[1], Double.parseDouble(c[2]), Double.parseDouble(c[3]), c[4], c[5],
                        c[6].isEmpty() ? 0 : Long.parseLong(c[6])));
            }
        }
        return List.copyOf(towns);
    }
}
