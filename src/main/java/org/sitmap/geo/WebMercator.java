package org.sitmap.geo;

/**
 * Spherical Web Mercator (EPSG:3857) in normalised world units: x and y in [0,1), y growing southward, as slippy
 * map tiles are laid out. At zoom z the world is 256·2^z pixels wide.
 */
public final class WebMercator {
    /** Latitude limit of the projection. */
    public static final double MAX_LAT = 85.05112878;

    private WebMercator() { }

    public static double x(double lon) {
        return (lon + 180.0) / 360.0;
    }

    public static double y(double lat) {
        double c = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
        double s = Math.sin(Math.toRadians(c));
        return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
    }

    public static double lon(double x) {
        return x * 360.0 - 180.0;
    }

    public static double lat(double y) {
        double n = Math.PI - 2.0 * Math.PI * y;
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /** Ground metres per pixel at a latitude and zoom (256-pixel tiles, WGS 84 equatorial radius). */
    public static double metresPerPixel(double lat, double zoom) {
        return Math.cos(Math.toRadians(lat)) * 2 * Math.PI * 6378137.0 / (256.0 * Math.pow(2, zoom));
    }
}
