package org.sitmap.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;

/**
 * The vector side of a {@link Raster} in a vector export: the Java2D context (a PDF page's) into which the painters
 * draw their markers, cluster discs, counts and town labels instead of stamping pixels. The placement is the
 * painters' own (the same code places sprites on screen and vectors on paper); only the last step differs. Text is
 * drawn as text (so a PDF holds it as real, searchable text), over a halo drawn as an outline.
 *
 * <p>Not thread-safe: used by the one thread that draws the export.
 */
public final class VectorMarks {
    private final Graphics2D g;

    /** @param g where marks go, in the raster's pixel coordinates */
    public VectorMarks(Graphics2D g) {
        this.g = g;
    }

    /** The context marks are drawn into. */
    public Graphics2D graphics() { return g; }

    /**
     * Text with a halo: the outline stroked {@code halo} wide in {@code haloColour}, then the text itself in
     * {@code colour}, its baseline starting at (x, baseline).
     */
    public void haloText(String text, Font font, float x, float baseline, float halo, Color haloColour, Color colour) {
        TextLayout tl = new TextLayout(text, font, g.getFontRenderContext());
        Shape outline = tl.getOutline(AffineTransform.getTranslateInstance(x, baseline));
        g.setStroke(new BasicStroke(halo, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(haloColour);
        g.draw(outline);
        g.setColor(colour);
        g.setFont(font);
        g.drawString(text, x, baseline);
    }

    /**
     * Draws what the painters left in {@code r}'s pixels (the heat surface) as one image under the marks to come;
     * nothing when every pixel is transparent. Clears the pixels after.
     */
    public void flushPixels(Raster r) {
        boolean any = false;
        for (int p : r.pixels()) {
            if (p != 0) {
                any = true;
                break;
            }
        }
        if (!any) return;
        g.drawImage(r.image(), 0, 0, null);
        r.clear(0);
    }
}
