package org.sitmap.model;

/** A longitude/latitude bounding box in degrees (WGS 84). */
public record BBox(double minLon, double minLat, double maxLon, double maxLat) {
    public BBox {
        if (!(minLon <= maxLon && minLat <= maxLat)) {
            throw new IllegalArgumentException("bounding box minimum exceeds maximum");
        }
        if (minLat < -90 || maxLat > 90 || minLon < -180 || maxLon > 180) {
            throw new IllegalArgumentException("bounding box outside -180..180 / -90..90");
        }
    }

    /** Syria with a margin: the default view. */
    public static final BBox SYRIA = new BBox(35.5, 32.2, 42.5, 37.4);

    /** Parses {@code minLon,minLat,maxLon,maxLat}. */
    public static BBox parse(String text) {
        String[] p = text.split(",");
        if (p.length != 4) throw new IllegalArgumentException("expected minLon,minLat,maxLon,maxLat but got '" + text + "'");
        try {
            return new BBox(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()),
                    Double.parseDouble(p[2].trim()), Double.parseDouble(p[3].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in bounding box '" + text + "'");
        }
    }

    public boolean contains(double lon, double lat) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }

    public double centerLon() { return (minLon + maxLon) / 2; }

    public double centerLat() { return (minLat + maxLat) / 2; }
}
