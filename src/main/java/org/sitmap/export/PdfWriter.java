package org.sitmap.export;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.tiles.TileCache;

/**
 * Writes a snapshot as a one-page vector PDF of the paper size (or of the pixel size at the spec's density): the
 * basemap as one losslessly compressed image, and over it the incidents, town labels, legend, scale bar, title and
 * every other decoration drawn as vectors and real text by the same painters that draw the PNG
 * ({@link SnapshotRenderer#drawOver(Graphics2D, SnapshotSpec, Viewport, java.util.Set, SnapshotRenderer.Content)}),
 * through a Java2D-to-PDF bridge. Text is set in the embedded DejaVu Sans, Arabic included ({@link PdfText}).
 * The page carries the ISO 32000-2 geospatial dictionary ({@link GeoPdf}), so GDAL and QGIS read it as a map in Web
 * Mercator. Title, subtitle and marking are also the document's properties.
 *
 * <p>PDFBox keeps a font cache; it is pointed at the platform's cache folder ({@code ~/.cache/sitmap/pdfbox}),
 * never the home folder (Sitmap embeds its own font, so PDFBox has no system font to look up anyway).
 */
public final class PdfWriter {
    /** PDFBox logs its font-cache build as warnings on first use; the export's stderr is for errors only. */
    private static final java.util.logging.Logger PDFBOX = java.util.logging.Logger.getLogger("org.apache.pdfbox");
    private static final java.util.logging.Logger BRIDGE = java.util.logging.Logger.getLogger("de.rototor.pdfbox");

    static {
        PDFBOX.setLevel(java.util.logging.Level.SEVERE);
        BRIDGE.setLevel(java.util.logging.Level.SEVERE);
        if (System.getProperty("pdfbox.fontcache") == null) {
            System.setProperty("pdfbox.fontcache", TileCache.defaultRoot().resolveSibling("pdfbox").toString());
        }
    }

    private PdfWriter() { }

    /** Page size in points (1/72 inch) for a spec. */
    public static PDRectangle pageSize(SnapshotSpec spec) {
        if (spec.paper() != null) {
            return new PDRectangle((float) (spec.paper().widthMm(spec.landscape()) / 25.4 * 72),
                    (float) (spec.paper().heightMm(spec.landscape()) / 25.4 * 72));
        }
        return new PDRectangle(spec.width() * 72f / spec.dpi(), spec.height() * 72f / spec.dpi());
    }

    /**
     * Writes the PDF (via a temporary file): {@code basemap} as the picture's background, then whatever
     * {@code overlay} draws into the page's Java2D context (in the basemap's pixel coordinates).
     *
     * @param vp the viewport the basemap shows (for the georeferencing)
     */
    public static void write(Raster basemap, Viewport vp, SnapshotSpec spec, java.time.ZonedDateTime created, Path out,
                             Consumer<Graphics2D> overlay) throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (PDDocument doc = new PDDocument()) {
            PDRectangle size = pageSize(spec);
            PDPage page = new PDPage(size);
            doc.addPage(page);
            int w = basemap.width(), h = basemap.height();
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            try (PdfText text = new PdfText(doc)) {
                g.setFontTextDrawer(text);
                g.drawImage(Images.rgb(basemap), 0, 0, null);
                overlay.accept(g);
            } finally {
                g.dispose();
            }
            PDFormXObject picture = g.getXFormObject();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.transform(Matrix.getScaleInstance(size.getWidth() / w, size.getHeight() / h));
                cs.drawForm(picture);
            }
            GeoPdf.georeference(page, new PDRectangle(0, 0, size.getWidth(), size.getHeight()), vp);
            PDDocumentInformation info = doc.getDocumentInformation();
            if (!spec.title().isBlank()) info.setTitle(spec.title());
            if (!spec.subtitle().isBlank()) info.setSubject(spec.subtitle());
            if (!spec.marking().isBlank()) info.setKeywords(spec.marking());
            info.setCreator("Sitmap");
            Calendar cal = new GregorianCalendar(TimeZone.getTimeZone(created.getZone()));
            cal.setTimeInMillis(created.toInstant().toEpochMilli());
            info.setCreationDate(cal);
            doc.save(tmp.toFile());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    }
}
