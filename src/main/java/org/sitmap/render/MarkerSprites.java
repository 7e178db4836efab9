package org.sitmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;

/**
 * Pre-drawn incident markers, one small premultiplied ARGB sprite per faction × event type × style, drawn once
 * with Java2D and then stamped into a {@link Raster}'s int[] with no Java2D call per point.
 *
 * <p>Shape by event type: circle battles, diamond explosions/remote violence, triangle violence against
 * civilians, square strategic developments, pentagon-like star protests, cross riots. Style: geo precision 1
 * solid; 2-3 hollow (a ring in the faction colour around a white centre); date precision week or coarser drawn
 * lighter (translucent).
 *
 * <p>Immutable after construction except for the lazily filled cache, which is confined to the drawing thread:
 * use one instance per thread (painters own theirs).
 */
public final class MarkerSprites {
    /** Style bit: approximate position (geo precision 2-3), drawn hollow. */
    public static final int HOLLOW = 1;
    /** Style bit: date known only to the week or month, drawn lighter. */
    public static final int LIGHT = 2;

    private static final int TYPES = EventType.values().length;
    private final FactionCatalog catalog;
    private final int radius;
    private final int size;
    private final int[][] sprites;
    /** Per sprite: offsets (dy*size+dx) of non-transparent pixels, to skip empty corners when stamping. */
    private final int[][] opaqueIdx;
    /**
     * Per sprite, for rasters {@link #plannedWidth} wide: the raster offsets (from the sprite's top-left pixel) and
     * values of its fully opaque pixels (copied) and of its translucent ones (blended), so a stamp inside the
     * raster is two plain loops with no per-pixel row arithmetic or alpha test.
     */
    private final int[][] solidAt;
    private final int[][] solidValue;
    private final int[][] blendAt;
    private final int[][] blendValue;
    /** Per sprite (up to 64 pixels wide): each row's visible pixels, and its fully opaque ones, as bit masks. */
    private final long[][] visibleRows;
    private final long[][] opaqueRows;
    private int plannedWidth = -1;

    /** @param radius marker radius in pixels (the sprite is {@code 2·radius+3} pixels square) */
    public MarkerSprites(FactionCatalog catalog, int radius) {
        this.catalog = catalog;
        this.radius = radius;
        this.size = 2 * radius + 3;
        this.sprites = new int[catalog.size() * TYPES * 4][];
        this.opaqueIdx = new int[sprites.length][];
        this.solidAt = new int[sprites.length][];
        this.solidValue = new int[sprites.length][];
        this.blendAt = new int[sprites.length][];
        this.blendValue = new int[sprites.length][];
        this.visibleRows = new long[sprites.length][];
        this.opaqueRows = new long[sprites.length][];
    }

    public int radius() { return radius; }

    /** Side of a sprite in pixels. */
    public int size() { return size; }

    /** The sprite key of a faction ordinal, event type ordinal and style bits. */
    public static int key(int faction, int type, int style) {
        return (faction * TYPES + type) * 4 + style;
    }

    /** Draws the marker of sprite {@code key} as vectors centred on (x, y). */
    public void draw(Graphics2D g, int key, double x, double y) {
        int type = (key >> 2) % TYPES;
        int faction = (key >> 2) / TYPES;
        drawMarker(g, x, y, radius, catalog.get(faction).rgb(), EventType.values()[type], key & 3);
    }

    /** The sprite for a key, drawn on first use. */
    public int[] sprite(int key) {
        int[] s = sprites[key];
        if (s == null) {
            int style = key & 3;
            int type = (key >> 2) % TYPES;
            int faction = (key >> 2) / TYPES;
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            drawMarker(g, size / 2.0, size / 2.0, radius, catalog.get(faction).rgb(), EventType.values()[type], style);
            g.dispose();
            s = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
            int n = 0;
            for (int p : s) if (p != 0) n++;
            int[] idx = new int[n];
            n = 0;
            for (int k = 0; k < s.length; k++) if (s[k] != 0) idx[n++] = k;
            if (size <= 64) {
                long[] vis = new long[size];
                long[] solid = new long[size];
                for (int k = 0; k < s.length; k++) {
                    if (s[k] == 0) continue;
                    vis[k / size] |= 1L << (k % size);
                    if (s[k] >>> 24 == 255) solid[k / size] |= 1L << (k % size);
                }
                visibleRows[key] = vis;
                opaqueRows[key] = solid;
            }
            sprites[key] = s;
            opaqueIdx[key] = idx;
        }
        return s;
    }

    /**
     * Row {@code j} of sprite {@code key} as a bit mask (bit i: column i) of its visible pixels (alpha above 0), for
     * sprites up to 64 pixels wide, once {@link #sprite} has drawn it.
     */
    long[] visibleRows(int key) { return visibleRows[key]; }

    /** As {@link #visibleRows}, the fully opaque pixels (alpha 255), which hide whatever was stamped below them. */
    long[] opaqueRows(int key) { return opaqueRows[key]; }

    /**
     * Source-over stamps sprite {@code key} centred on pixel (cx, cy), clipped to the raster.
     */
    public void stamp(Raster r, int key, int cx, int cy) {
        if (r.vector() != null) {
            // the sprite's centre is half a pixel right of and below (cx, cy): its side is odd
            draw(r.vector().graphics(), key, cx + 0.5, cy + 0.5);
            return;
        }
        int[] s = sprite(key);
        int[] idx = opaqueIdx[key];
        int[] dst = r.pixels();
        int w = r.width();
        int h = r.height();
        int x0 = cx - size / 2;
        int y0 = cy - size / 2;
        boolean inside = x0 >= 0 && y0 >= 0 && x0 + size <= w && y0 + size <= h;
        if (inside) {
            if (w != plannedWidth) {
                java.util.Arrays.fill(solidAt, null);
                plannedWidth = w;
            }
            if (solidAt[key] == null) plan(key, w);
            int base = y0 * w + x0;
            int[] at = solidAt[key];
            int[] value = solidValue[key];
            for (int j = 0; j < at.length; j++) dst[base + at[j]] = value[j];
            at = blendAt[key];
            value = blendValue[key];
            for (int j = 0; j < at.length; j++) {
                int i = base + at[j];
                int src = value[j];
                dst[i] = src + mulPre(dst[i], 255 - (src >>> 24));
            }
            return;
        }
        for (int k : idx) {
            int dy = k / size;
            int dx = k - dy * size;
            int x = x0 + dx;
            int y = y0 + dy;
            if (x < 0 || y < 0 || x >= w || y >= h) continue;
            int src = s[k];
            int a = src >>> 24;
            int i = y * w + x;
            if (a == 255) {
                dst[i] = src;
            } else {
                dst[i] = src + mulPre(dst[i], 255 - a);
            }
        }
    }

    /**
     * Makes sprite {@code key} ready for {@link #stampBand} on rasters as wide as {@code r}: call on the drawing
     * thread before handing stamps to two threads.
     */
    public void prepare(Raster r, int key) {
        sprite(key);
        if (r.width() != plannedWidth) {
            java.util.Arrays.fill(solidAt, null);
            plannedWidth = r.width();
        }
        if (solidAt[key] == null) plan(key, r.width());
    }

    /**
     * As {@link #stamp}, limited to the raster rows {@code [yFrom, yTo)}, for a {@link #prepare prepared} sprite on a
     * pixel raster. It only reads this object, so two threads may stamp two bands of one raster at once; each pixel
     * gets the same operations in the same order as from {@link #stamp}.
     */
    public void stampBand(Raster r, int key, int cx, int cy, int yFrom, int yTo) {
        int[] dst = r.pixels();
        int w = r.width();
        int x0 = cx - size / 2;
        int y0 = cy - size / 2;
        if (y0 >= yTo || y0 + size <= yFrom) return;
        if (x0 >= 0 && x0 + size <= w && y0 >= yFrom && y0 + size <= yTo) {
            int base = y0 * w + x0;
            int[] at = solidAt[key];
            int[] value = solidValue[key];
            for (int j = 0; j < at.length; j++) dst[base + at[j]] = value[j];
            at = blendAt[key];
            value = blendValue[key];
            for (int j = 0; j < at.length; j++) {
                int i = base + at[j];
                int src = value[j];
                dst[i] = src + mulPre(dst[i], 255 - (src >>> 24));
            }
            return;
        }
        int[] s = sprites[key];
        for (int k : opaqueIdx[key]) {
            int dy = k / size;
            int x = x0 + k - dy * size;
            int y = y0 + dy;
            if (x < 0 || y < yFrom || x >= w || y >= yTo) continue;
            int src = s[k];
            int i = y * w + x;
            if (src >>> 24 == 255) {
                dst[i] = src;
            } else {
                dst[i] = src + mulPre(dst[i], 255 - (src >>> 24));
            }
        }
    }

    /** Splits sprite {@code key}'s visible pixels into opaque and translucent ones, as offsets in a raster {@code w} wide. */
    private void plan(int key, int w) {
        int[] s = sprites[key];
        int[] idx = opaqueIdx[key];
        int solid = 0;
        for (int k : idx) if (s[k] >>> 24 == 255) solid++;
        int[] sa = new int[solid], sv = new int[solid], ba = new int[idx.length - solid], bv = new int[ba.length];
        int a = 0, b = 0;
        for (int k : idx) {
            int off = k / size * w + k % size;
            if (s[k] >>> 24 == 255) {
                sa[a] = off;
                sv[a++] = s[k];
            } else {
                ba[b] = off;
                bv[b++] = s[k];
            }
        }
        solidAt[key] = sa;
        solidValue[key] = sv;
        blendAt[key] = ba;
        blendValue[key] = bv;
    }

    /** Multiplies every channel of a premultiplied pixel by {@code f}/255. */
    static int mulPre(int p, int f) {
        int rb = ((p & 0x00ff00ff) * f + 0x00800080);
        rb = ((rb + ((rb >>> 8) & 0x00ff00ff)) >>> 8) & 0x00ff00ff;
        int ag = (((p >>> 8) & 0x00ff00ff) * f + 0x00800080);
        ag = (ag + ((ag >>> 8) & 0x00ff00ff)) & 0xff00ff00;
        return ag | rb;
    }

    /**
     * Draws one marker with Java2D (used for the sprites, the legend and vector exports).
     *
     * @param rgb   faction colour 0xRRGGBB
     * @param style {@link #HOLLOW} and/or {@link #LIGHT}
     */
    public static void drawMarker(Graphics2D g, double cx, double cy, double r, int rgb, EventType type, int style) {
        Shape shape = shape(type, cx, cy, r);
        int alpha = (style & LIGHT) != 0 ? 150 : 255;
        Color fill = new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
        Color outline = new Color(255, 255, 255, alpha);
        if ((style & HOLLOW) != 0) {
            g.setColor(new Color(255, 255, 255, alpha * 3 / 4));
            g.fill(shape);
            g.setStroke(new BasicStroke((float) Math.max(1.6, r * 0.42)));
            g.setColor(fill);
            g.draw(shape(type, cx, cy, r * 0.82));
        } else {
            g.setColor(fill);
            g.fill(shape);
            g.setStroke(new BasicStroke(1f));
            g.setColor(outline);
            g.draw(shape);
        }
    }

    /** The outline of an event type's marker. */
    public static Shape shape(EventType type, double cx, double cy, double r) {
        switch (type) {
            case EXPLOSIONS: {
                Path2D p = new Path2D.Double();
                double d = r * 1.2;
                p.moveTo(cx, cy - d); p.lineTo(cx + d, cy); p.lineTo(cx, cy + d); p.lineTo(cx - d, cy); p.closePath();
                return p;
            }
            case VIOLENCE_AGAINST_CIVILIANS: {
                Path2D p = new Path2D.Double();
                double d = r * 1.15;
                p.moveTo(cx, cy - d); p.lineTo(cx + d, cy + d * 0.8); p.lineTo(cx - d, cy + d * 0.8); p.closePath();
                return p;
            }
            case STRATEGIC_DEVELOPMENTS:
                return new Rectangle2D.Double(cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
            case PROTESTS: {
                Path2D p = new Path2D.Double();
                for (int k = 0; k < 10; k++) {
                    double a = -Math.PI / 2 + k * Math.PI / 5;
                    double rr = k % 2 == 0 ? r * 1.2 : r * 0.55;
                    if (k == 0) p.moveTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
                    else p.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
                }
                p.closePath();
                return p;
            }
            case RIOTS: {
                Path2D p = new Path2D.Double();
                double a = r * 0.4;
                double b = r * 1.1;
                p.moveTo(cx - a, cy - b); p.lineTo(cx + a, cy - b); p.lineTo(cx + a, cy - a); p.lineTo(cx + b, cy - a);
                p.lineTo(cx + b, cy + a); p.lineTo(cx + a, cy + a); p.lineTo(cx + a, cy + b); p.lineTo(cx - a, cy + b);
                p.lineTo(cx - a, cy + a); p.lineTo(cx - b, cy + a); p.lineTo(cx - b, cy - a); p.lineTo(cx - a, cy - a);
                p.closePath();
                return p;
            }
            case BATTLES:
            default:
                return new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        }
    }

    /** A short name of the shape for legends and notes. */
    public static String shapeName(EventType type) {
        return switch (type) {
            case BATTLES -> "circle";
            case EXPLOSIONS -> "diamond";
            case VIOLENCE_AGAINST_CIVILIANS -> "triangle";
            case STRATEGIC_DEVELOPMENTS -> "square";
            case PROTESTS -> "star";
            case RIOTS -> "cross";
        };
    }
}
