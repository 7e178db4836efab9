package org.sitmap.export;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.sitmap.model.EventType;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.render.MarkerSprites;

/**
 * A KMZ for Google Earth: the {@link KmlWriter} document as {@code doc.kml} (the first entry, as Google Earth
 * expects) and the map's own markers (faction colour, event-type shape, drawn by {@link MarkerSprites}) as
 * {@code files/<faction>-<type>.png} inside the archive, referenced relatively, so Google Earth shows them
 * offline.
 *
 * <p>Not thread-safe; close it to finish the archive.
 */
public final class KmzWriter implements Closeable {
    /** Icon side in pixels (Google Earth scales icons to about 32 pixels at scale 1). */
    static final int ICON_PX = 40;
    private final ZipOutputStream zip;
    private final FactionCatalog catalog;
    private final KmlWriter kml;

    /** Starts the archive and its document; {@link #close()} adds the icons and closes {@code out}. */
    public KmzWriter(OutputStream out, FactionCatalog catalog, String name) throws IOException {
        this.zip = new ZipOutputStream(out);
        this.catalog = catalog;
        zip.putNextEntry(new ZipEntry("doc.kml"));
        OutputStream entry = new FilterOutputStream(zip) {
            @Override public void write(byte[] b, int off, int len) throws IOException { zip.write(b, off, len); }
            @Override public void close() throws IOException { zip.closeEntry(); }
        };
        kml = new KmlWriter(entry, catalog, name, KmzWriter::iconPath);
    }

    /** The icon's path inside the archive. */
    static String iconPath(Faction f, EventType t) {
        return "files/" + f.code().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + t.name().toLowerCase(Locale.ROOT) + ".png";
    }

    /** Writes one incident (nothing for an unresolved one). */
    public void write(Incident i) throws IOException {
        kml.write(i);
    }

    /** Placemarks written. */
    public int written() { return kml.written(); }

    @Override
    public void close() throws IOException {
        try {
            kml.close();
            for (Faction f : catalog.factions()) {
                for (EventType t : EventType.values()) {
                    zip.putNextEntry(new ZipEntry(iconPath(f, t)));
                    ImageIO.write(icon(f, t), "png", zip);
                    zip.closeEntry();
                }
            }
        } finally {
            zip.close();
        }
    }

    /** The map's marker of a faction and event type, centred in a transparent square. */
    static BufferedImage icon(Faction f, EventType t) {
        BufferedImage img = new BufferedImage(ICON_PX, ICON_PX, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(ICON_PX / 16.0, ICON_PX / 16.0);
            MarkerSprites.drawMarker(g, 8, 8, 5.5, f.rgb(), t, 0);
        } finally {
            g.dispose();
        }
        return img;
    }
}
