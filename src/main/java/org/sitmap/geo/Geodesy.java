package org.sitmap.geo;

import java.util.List;

/** Distances and point-in-polygon on WGS 84 coordinates in degrees. Stateless and thread-safe. */
public final class Geodesy {
    /** Mean Earth radius (IUGG), km. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private Geodesy() { }

    /** Great-circle (haversine) distance in kilometres between two lat/lon points. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /**
     * True when (lon, lat) lies inside the polygon given as lon,lat pairs (closed implicitly), by ray casting in
     * plain degrees (fine for the small areas drawn on a map).
     */
    public static boolean inPolygon(List<double[]> polygon, double lon, double lat) {
        double[] xs = new double[polygon.size()], ys = new double[polygon.size()];
        for (int k = 0; k < xs.length; k++) { xs[k] = polygon.get(k)[0]; ys[k] = polygon.get(k)[1]; }
        return inPolygon(xs, ys, lon, lat);
    }

    /**
     * As {@link #inPolygon(List, double, double)} with the polygon's longitudes in {@code xs} and latitudes in
     * {@code ys} (the form for testing many points against one polygon without allocating).
     */
    public static boolean inPolygon(double[] xs, double[] ys, double lon, double lat) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > lat) != (ys[j] > lat)
                    && lon < (xs[j] - xs[i]) * (lat - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
