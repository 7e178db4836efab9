package org.sitmap.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.sitmap.render.Raster;

/**
 * Writes a snapshot as a one-page PDF: the raster filling a page of the paper size (or of the pixel size at
 * 96 dpi), losslessly compressed, with the title, subtitle and marking as document properties and as invisible
 * text over the picture, so the PDF can be searched and its title copied.
 */
public final class PdfWriter {
    /** PDFBox logs its font-cache build as warnings on first use; the export's stderr is for errors only. */
    private static final java.util.logging.Logger PDFBOX = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    static {
        PDFBOX.setLevel(java.util.logging.Level.SEVERE);
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

    /** Writes the PDF (via a temporary file). */
    public static void write(Raster raster, SnapshotSpec spec, java.time.ZonedDateTime created, Path out)
            throws IOException {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try (PDDocument doc = new PDDocument()) {
            PDRectangle size = pageSize(spec);
            PDPage page = new PDPage(size);
            doc.addPage(page);
            PDImageXObject img = LosslessFactory.createFromImage(doc, Images.rgb(raster));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(img, 0, 0, size.getWidth(), size.getHeight());
                hiddenText(cs, size, spec);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            if (!spec.title().isBlank()) info.setTitle(spec.title());
            if (!spec.subtitle().isBlank()) info.setSubject(spec.subtitle());
            if (!spec.marking().isBlank()) info.setKeywords(spec.marking());
            info.setCreator("Sitmap");
            Calendar cal = new GregorianCalendar(TimeZone.getTimeZone(created.getZone()));
            cal.setTimeInMillis(created.toInstant().toEpochMilli());
            info.setCreationDate(cal);
            doc.save(tmp.toFile());
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The texts as invisible (render mode "neither") Helvetica; characters Helvetica lacks are left out. */
    private static void hiddenText(PDPageContentStream cs, PDRectangle size, SnapshotSpec spec) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        float y = size.getHeight() - 40;
        for (String s : new String[] {spec.marking(), spec.title(), spec.subtitle()}) {
            String t = encodable(font, s);
            if (t.isBlank()) continue;
            cs.beginText();
            cs.setRenderingMode(RenderingMode.NEITHER);
            cs.setFont(font, 12);
            cs.newLineAtOffset(20, y);
            cs.showText(t);
            cs.endText();
            y -= 16;
        }
    }

    private static String encodable(PDType1Font font, String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                sb.append(c);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }
}
