package org.sitmap.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sitmap.render.Viewport;

/**
 * The world file ({@code .pgw}), projection file ({@code .prj}) and GDAL side file ({@code .png.aux.xml}) that let
 * GIS tools (QGIS, ArcGIS, GDAL) place an exported PNG: Web Mercator (EPSG:3857) metres per pixel and the centre of the top-left pixel, and the ESRI
 * WKT of WGS 84 / Pseudo-Mercator.
 */
public final class WorldFile {
    /** Half the Web Mercator world's width in metres (π × 6378137). */
    public static final double HALF_WORLD = Math.PI * 6378137.0;
    /** ESRI-style WKT of EPSG:3857 (what ArcGIS writes for "WGS 1984 Web Mercator (auxiliary sphere)"). */
    public static final String PRJ = "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\","
            + "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
            + "PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],"
            + "PARAMETER[\"Standard_Parallel_1\",0.0],PARAMETER[\"Auxiliary_Sphere_Type\",0.0],UNIT[\"Meter\",1.0]]";

    private WorldFile() { }

    /** The six world-file numbers: A (m per pixel east), D, B (rotation 0), E (negative), C, F (top-left centre). */
    public static double[] parameters(Viewport vp) {
        double mpp = 2 * HALF_WORLD / vp.worldPixels();
        double c = (vp.originX() + 0.5) * mpp - HALF_WORLD;
        double f = HALF_WORLD - (vp.originY() + 0.5) * mpp;
        return new double[] {mpp, 0, 0, -mpp, c, f};
    }

    /** Writes {@code name.pgw}, {@code name.prj} and {@code name.png.aux.xml} next to {@code png}; returns the world file. */
    public static Path writeBeside(Path png, Viewport vp) throws IOException {
        String name = png.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path pgw = png.resolveSibling(stem + ".pgw");
        StringBuilder sb = new StringBuilder();
        for (double d : parameters(vp)) sb.append(String.format(Locale.ROOT, "%.10f%n", d));
        Files.writeString(pgw, sb.toString(), StandardCharsets.US_ASCII);
        Files.writeString(png.resolveSibling(stem + ".prj"), PRJ, StandardCharsets.US_ASCII);
        // GDAL (and so QGIS) takes a PNG's CRS from its PAM side file, not from the .prj
        Files.writeString(png.resolveSibling(name + ".aux.xml"), "<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">"
                + PRJ.replace("\"", "&quot;") + "</SRS>\n</PAMDataset>\n", StandardCharsets.US_ASCII);
        return pgw;
    }

    /** Longitude of an EPSG:3857 x in metres. */
    public static double lon(double x) { return Math.toDegrees(x / 6378137.0); }

    /** Latitude of an EPSG:3857 y in metres. */
    public static double lat(double y) { return Math.toDegrees(2 * Math.atan(Math.exp(y / 6378137.0)) - Math.PI / 2); }
}
