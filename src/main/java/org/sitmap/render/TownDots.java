package org.sitmap.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.HashMap;
import java.util.Map;
import org.sitmap.render.label.LabelStyle;

/**
 * The basemap towns' dots of a raster picture, stamped from sprites instead of drawn with Java2D each frame (three
 * anti-aliased shapes a town, about a third of a brush frame's label work at country zoom). A sprite is the
 * style's {@link LabelStyle#paintDot} drawing made at the dot's fraction of a pixel, so stamped into a transparent
 * raster it gives exactly the pixels the drawing gives there; the sprites of one view are made once and stamped
 * on every later frame of it (brush drags, playback, filter changes).
 *
 * <p>Not thread-safe (a cache): one instance per drawing thread, as {@link LabelPainter}.
 */
final class TownDots {
    /** The cache is emptied when it holds this many sprites (many views visited). */
    private static final int MAX = 4096;

    private record Key(int rgb, double r, double fx, double fy) { }

    private final Map<Key, GlyphSprites.Sprite> sprites = new HashMap<>();

    /** Stamps the dot of {@code style} of radius {@code dotR} centred on (x, y). */
    void stamp(Raster r, LabelStyle style, double x, double y, double dotR) {
        double ix = Math.floor(x);
        double iy = Math.floor(y);
        double fx = x - ix;
        double fy = y - iy;
        int pad = (int) Math.ceil(dotR + 2);
        Key key = new Key(style.dot().getRGB(), dotR, fx, fy);
        GlyphSprites.Sprite s = sprites.get(key);
        if (s == null) {
            if (sprites.size() >= MAX) sprites.clear();
            int size = 2 * pad + 2;
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = img.createGraphics();
            // the hints of Raster.graphics(), so the sprite is what drawing into the raster gives
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            style.paintDot(g, pad + fx, pad + fy, dotR);
            g.dispose();
            s = new GlyphSprites.Sprite(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), size, size, size);
            sprites.put(key, s);
        }
        GlyphSprites.stamp(r, s, (int) ix - pad, (int) iy - pad);
    }
}
