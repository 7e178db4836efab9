package org.sitmap.tiles;

/** Where a tile came from, with the attribution the window must show for it. */
public enum TileOrigin {
    MBTILES("MBTiles file", ""),
    OPENSTREETMAP("OpenStreetMap", "© OpenStreetMap contributors"),
    LOCAL("local basemap", "Natural Earth, GeoNames");

    private final String label;
    private final String attribution;

    TileOrigin(String label, String attribution) {
        this.label = label;
        this.attribution = attribution;
    }

    /** A short name for the "tiles from" indicator. */
    public String label() { return label; }

    /** The attribution text (MBTiles packs carry their own in their metadata). */
    public String attribution() { return attribution; }
}
