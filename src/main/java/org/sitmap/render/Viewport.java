package org.sitmap.render;

import org.sitmap.geo.WebMercator;
import org.sitmap.model.BBox;

/**
 * What part of the world a picture shows: a centre, a (fractional) Web Mercator zoom level and a size in pixels.
 * At zoom z the world is 256·2^z pixels wide, as on slippy-map tiles, so the screen map and an export of the same
 * viewport put every incident on the same pixel.
 *
 * @param centerLat centre latitude
 * @param centerLon centre longitude
 * @param zoom      Web Mercator zoom level (fractional allowed)
 * @param width     picture width in pixels
 * @param height    picture height in pixels
 */
public record Viewport(double centerLat, double centerLon, double zoom, int width, int height) {
    public Viewport {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("viewport size must be positive");
        if (zoom < 0 || zoom > 22) throw new IllegalArgumentException("zoom " + zoom + " outside 0..22");
    }

    /** World size in pixels at this zoom. */
    public double worldPixels() { return 256.0 * Math.pow(2, zoom); }

    /** Pixel x of the picture's left edge in world pixels. */
    public double originX() { return WebMercator.x(centerLon) * worldPixels() - width / 2.0; }

    /** Pixel y of the picture's top edge in world pixels. */
    public double originY() { return WebMercator.y(centerLat) * worldPixels() - height / 2.0; }

    /** Screen x of a longitude. */
    public double x(double lon) { return WebMercator.x(lon) * worldPixels() - originX(); }

    /** Screen y of a latitude. */
    public double y(double lat) { return WebMercator.y(lat) * worldPixels() - originY(); }

    /** Longitude at screen x. */
    public double lon(double x) { return WebMercator.lon((x + originX()) / worldPixels()); }

    /** Latitude at screen y. */
    public double lat(double y) { return WebMercator.lat((y + originY()) / worldPixels()); }

    /** The area shown. */
    public BBox bounds() {
        return new BBox(Math.max(-180, lon(0)), Math.max(-85, lat(height)), Math.min(180, lon(width)),
                Math.min(85, lat(0)));
    }

    /** Ground metres per pixel at the centre. */
    public double metresPerPixel() { return WebMercator.metresPerPixel(centerLat, zoom); }

    /** The largest zoom (to 1/100 of a level) at which {@code box} fits in a picture of the given size. */
    public static Viewport fit(BBox box, int width, int height) {
        double wx = WebMercator.x(box.maxLon()) - WebMercator.x(box.minLon());
        double wy = WebMercator.y(box.minLat()) - WebMercator.y(box.maxLat());
        double zx = Math.log(width / (256.0 * Math.max(wx, 1e-9))) / Math.log(2);
        double zy = Math.log(height / (256.0 * Math.max(wy, 1e-9))) / Math.log(2);
        double z = Math.max(0, Math.min(18, Math.floor(Math.min(zx, zy) * 100) / 100));
        double cy = (WebMercator.y(box.minLat()) + WebMercator.y(box.maxLat())) / 2;
        return new Viewport(WebMercator.lat(cy), box.centerLon(), z, width, height);
    }

    public Viewport withSize(int w, int h) { return new Viewport(centerLat, centerLon, zoom, w, h); }
}
