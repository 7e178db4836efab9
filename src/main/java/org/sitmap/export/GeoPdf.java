package org.sitmap.export;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.sitmap.render.Viewport;

/**
 * The ISO 32000-2 geospatial dictionary of a map page (as GDAL, QGIS and Acrobat read it): one viewport
 * ({@code /VP}) over the whole page whose measure ({@code /Measure /Subtype /GEO}) ties the page's corners
 * ({@code /LPTS}, as fractions of the viewport) to their latitude and longitude ({@code /GPTS}), with the map's
 * coordinate system ({@code /GCS}: Web Mercator, EPSG:3857, in which the picture is drawn, so the page is an
 * exact affine map of it).
 */
final class GeoPdf {
    private GeoPdf() { }

    /** Adds the viewport of {@code vp} (drawn over the whole of {@code box}) to {@code page}. */
    static void georeference(PDPage page, PDRectangle box, Viewport vp) {
        double north = vp.lat(0), south = vp.lat(vp.height()), west = vp.lon(0), east = vp.lon(vp.width());
        COSDictionary gcs = new COSDictionary();
        gcs.setItem(COSName.TYPE, COSName.getPDFName("PROJCS"));
        gcs.setItem(COSName.getPDFName("EPSG"), COSInteger.get(3857));
        gcs.setItem(COSName.getPDFName("WKT"), new COSString(WorldFile.PRJ));

        COSDictionary measure = new COSDictionary();
        measure.setItem(COSName.TYPE, COSName.getPDFName("Measure"));
        measure.setItem(COSName.SUBTYPE, COSName.getPDFName("GEO"));
        // corners of the unit square: bottom-left, top-left, top-right, bottom-right (y up, as on the page)
        measure.setItem(COSName.getPDFName("Bounds"), numbers(0, 0, 0, 1, 1, 1, 1, 0));
        measure.setItem(COSName.getPDFName("LPTS"), numbers(0, 0, 0, 1, 1, 1, 1, 0));
        measure.setItem(COSName.getPDFName("GPTS"), numbers(south, west, north, west, north, east, south, east));
        measure.setItem(COSName.getPDFName("GCS"), gcs);
        measure.setItem(COSName.getPDFName("PDU"), array(COSName.getPDFName("M"), COSName.getPDFName("SQM"),
                COSName.getPDFName("DEG")));

        COSDictionary viewport = new COSDictionary();
        viewport.setItem(COSName.TYPE, COSName.getPDFName("Viewport"));
        viewport.setItem(COSName.BBOX, box.getCOSArray());
        viewport.setItem(COSName.NAME, new COSString("Map"));
        viewport.setItem(COSName.getPDFName("Measure"), measure);
        page.getCOSObject().setItem(COSName.getPDFName("VP"), array(viewport));
    }

    private static COSArray numbers(double... v) {
        COSArray a = new COSArray();
        try {
            // as text: a float's seven digits would put a corner up to a metre off
            for (double d : v) a.add(new COSFloat(String.format(java.util.Locale.ROOT, "%.9f", d)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return a;
    }

    private static COSArray array(org.apache.pdfbox.cos.COSBase... items) {
        COSArray a = new COSArray();
        for (org.apache.pdfbox.cos.COSBase b : items) a.add(b);
        return a;
    }
}
