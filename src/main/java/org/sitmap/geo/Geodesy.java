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
        boolean inside = false;
        int n = polygon.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double[] a = polygon.get(i), b = polygon.get(j);
            if ((a[1] > lat) != (b[1] > lat)
                    && lon < (b[0] - a[0]) * (lat - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
