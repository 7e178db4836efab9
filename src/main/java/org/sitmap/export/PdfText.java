package org.sitmap.export;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedCharacterIterator;
import java.text.Bidi;
import java.text.CharacterIterator;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * How text reaches a vector PDF: every font the painters use is the shipped DejaVu Sans (regular or bold, the
 * style kept), embedded as a subset, so the PDF prints the same on any machine and its text can be searched and
 * copied. Left-to-right text is written as text. Text that needs the bidirectional algorithm or shaping (Arabic)
 * is drawn as the outlines Java2D lays out with the same font (joined letters, right to left), with the same text
 * invisible over it in visual order, so that it prints correctly and a text extractor (pdftotext) reads Arabic.
 *
 * <p>Not thread-safe: one per document.
 */
final class PdfText extends PdfBoxGraphics2DFontTextDrawer {
    private static final String REGULAR = "/fonts/DejaVuSans.ttf";
    private static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";
    private static Font awtRegular;
    private static Font awtBold;
    private final PDDocument doc;
    private PDFont regular;
    private PDFont bold;

    PdfText(PDDocument doc) {
        this.doc = doc;
    }

    @Override
    protected PDFont mapFont(Font font, IFontTextDrawerEnv env) throws IOException {
        return pdfFont(font.isBold());
    }

    private PDFont pdfFont(boolean isBold) throws IOException {
        if (isBold) {
            if (bold == null) bold = load(BOLD);
            return bold;
        }
        if (regular == null) regular = load(REGULAR);
        return regular;
    }

    private PDFont load(String resource) throws IOException {
        try (InputStream in = resource(resource)) {
            return PDType0Font.load(doc, in, true);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = PdfText.class.getResourceAsStream(name);
        if (in == null) throw new IOException(name + " is missing from the class path");
        return in;
    }

    /** The shipped font as a Java2D font of {@code font}'s style and size (for the outlines of shaped text). */
    static synchronized Font awtFont(Font font) {
        try {
            if (awtRegular == null) {
                try (InputStream r = resource(REGULAR); InputStream b = resource(BOLD)) {
                    awtRegular = Font.createFont(Font.TRUETYPE_FONT, r);
                    awtBold = Font.createFont(Font.TRUETYPE_FONT, b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the shipped font is damaged", e);
        }
        return (font.isBold() ? awtBold : awtRegular).deriveFont(font.getSize2D());
    }

    @Override
    public boolean canDrawText(AttributedCharacterIterator iterator, IFontTextDrawerEnv env)
            throws IOException, FontFormatException {
        return iterator.getAttribute(TextAttribute.BACKGROUND) == null;
    }

    @Override
    public void drawText(AttributedCharacterIterator iterator, IFontTextDrawerEnv env)
            throws IOException, FontFormatException {
        StringBuilder sb = new StringBuilder();
        for (char c = iterator.first(); c != CharacterIterator.DONE; c = iterator.next()) sb.append(c);
        String text = sb.toString();
        char[] chars = text.toCharArray();
        Font font = (Font) iterator.getAttribute(TextAttribute.FONT);
        if (font == null) font = env.getFont();
        PDFont pdf = pdfFont(font.isBold());
        if (!Bidi.requiresBidi(chars, 0, chars.length) && encodable(pdf, text).length() == text.length()) {
            iterator.first();
            super.drawText(iterator, env);
            return;
        }
        shaped(text, font, env);
    }

    /** Outlines of the laid-out text, filled, and the same text invisible in visual order over it. */
    private void shaped(String text, Font font, IFontTextDrawerEnv env) throws IOException {
        PDPageContentStream cs = env.getContentStream();
        TextLayout layout = new TextLayout(text, awtFont(font), env.getFontRenderContext());
        Shape outline = layout.getOutline(null);
        env.applyPaint(env.getPaint(), outline);
        boolean evenOdd = path(cs, outline);
        if (evenOdd) cs.fillEvenOdd(); else cs.fill();

        PDFont pdf = pdfFont(font.isBold());
        String visual = encodable(pdf, visualOrder(text));
        if (visual.isEmpty()) return;
        float size = font.getSize2D();
        float width = pdf.getStringWidth(visual) / 1000f * size;
        cs.beginText();
        cs.setFont(pdf, size);
        cs.setRenderingMode(RenderingMode.NEITHER);
        if (width > 0) cs.setHorizontalScaling(100f * layout.getAdvance() / width);
        cs.setTextMatrix(new Matrix(1, 0, 0, -1, 0, 0));
        cs.showText(visual);
        cs.endText();
    }

    /** Writes a shape's path; true when it fills by the even-odd rule. */
    private static boolean path(PDPageContentStream cs, Shape shape) throws IOException {
        PathIterator it = shape.getPathIterator(null);
        float[] c = new float[6];
        float lastX = 0, lastY = 0;
        while (!it.isDone()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> { cs.moveTo(c[0], c[1]); lastX = c[0]; lastY = c[1]; }
                case PathIterator.SEG_LINETO -> { cs.lineTo(c[0], c[1]); lastX = c[0]; lastY = c[1]; }
                case PathIterator.SEG_QUADTO -> {
                    // a quadratic Bézier as the cubic PDF draws
                    cs.curveTo(lastX + 2f / 3 * (c[0] - lastX), lastY + 2f / 3 * (c[1] - lastY),
                            c[2] + 2f / 3 * (c[0] - c[2]), c[3] + 2f / 3 * (c[1] - c[3]), c[2], c[3]);
                    lastX = c[2];
                    lastY = c[3];
                }
                case PathIterator.SEG_CUBICTO -> { cs.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]); lastX = c[4]; lastY = c[5]; }
                case PathIterator.SEG_CLOSE -> cs.closePath();
                default -> { }
            }
            it.next();
        }
        return it.getWindingRule() == PathIterator.WIND_EVEN_ODD;
    }

    /** The characters in the order they appear on the page, left to right (right-to-left runs reversed). */
    static String visualOrder(String text) {
        Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        Integer[] order = new Integer[runs];
        for (int i = 0; i < runs; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            order[i] = i;
        }
        Bidi.reorderVisually(levels, 0, order, 0, runs);
        StringBuilder sb = new StringBuilder(text.length());
        for (Integer r : order) {
            String run = text.substring(bidi.getRunStart(r), bidi.getRunLimit(r));
            sb.append((bidi.getRunLevel(r) & 1) == 1 ? new StringBuilder(run).reverse() : run);
        }
        return sb.toString();
    }

    /** The characters {@code font} has glyphs for. */
    private static String encodable(PDFont font, String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                sb.append(c);
            } catch (IOException | IllegalArgumentException e) {
                // left out of the text layer; the outline still shows it
            }
        });
        return sb.toString();
    }
}
