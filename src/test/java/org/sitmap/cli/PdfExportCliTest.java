package org.sitmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.export.WorldFile;
import org.sitmap.seed.DefaultStore;
import org.sitmap.testutil.Tools;

/**
 * The map as a vector PDF (issue #13): marks and text as vectors over one basemap image, embedded fonts that
 * print Arabic, and the geospatial dictionary GDAL reads; checked with PDFBox and, where installed, with poppler's
 * pdffonts and pdftotext and GDAL's gdalinfo.
 */
class PdfExportCliTest {
    private static final String TITLE = "خريطة إدلب Idlib";
    @TempDir static Path shared;
    private static Path pdf;
    private static Path png;
    private static String err;

    @BeforeAll
    static void export() {
        Path seeds = shared.resolve("seeds.gpkg");
        DefaultStore.openDefault(seeds).close();
        pdf = shared.resolve("map.pdf");
        png = shared.resolve("map.png");
        List<String> common = List.of("export", "--db", seeds.toString(), "--offline", "--created",
                "2026-01-02T03:04:00Z", "--title", TITLE, "--marking", "UNCLASSIFIED", "--bbox", "35.8,35.2,37.4,36.4");
        CliRunner cli = new CliRunner();
        StringBuilder e = new StringBuilder();
        for (Path out : List.of(pdf, png)) {
            List<String> a = new ArrayList<>(common);
            a.addAll(List.of("--out", out.toString()));
            int code = cli.run(a.toArray(String[]::new));
            e.append(cli.err);
            assertThat(code).as(e.toString()).isZero();
        }
        err = e.toString();
    }

    @Test
    void marksAndTextAreVectorsOverOneBasemapImage() throws Exception {
        assertThat(err).isEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDPage page = doc.getPage(0);
            List<PDImageXObject> images = new ArrayList<>();
            List<PDFont> fonts = new ArrayList<>();
            collect(page.getResources(), images, fonts);
            assertThat(images).hasSize(1);
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Idlib", "UNCLASSIFIED", "Factions", "incidents shown").doesNotContain("?");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(TITLE);
        }
    }

    private static void collect(PDResources res, List<PDImageXObject> images, List<PDFont> fonts) throws Exception {
        if (res == null) return;
        for (COSName n : res.getFontNames()) fonts.add(res.getFont(n));
        for (COSName n : res.getXObjectNames()) {
            PDXObject x = res.getXObject(n);
            if (x instanceof PDImageXObject i) images.add(i);
            if (x instanceof PDFormXObject f) collect(f.getResources(), images, fonts);
        }
    }

    @Test
    void thePageCarriesTheGeospatialDictionary() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            COSArray vp = (COSArray) doc.getPage(0).getCOSObject().getDictionaryObject(COSName.getPDFName("VP"));
            COSDictionary measure = (COSDictionary) ((COSDictionary) vp.getObject(0))
                    .getDictionaryObject(COSName.getPDFName("Measure"));
            assertThat(measure.getNameAsString(COSName.SUBTYPE)).isEqualTo("GEO");
            assertThat(((COSArray) measure.getDictionaryObject(COSName.getPDFName("GPTS"))).size()).isEqualTo(8);
            assertThat(((COSArray) measure.getDictionaryObject(COSName.getPDFName("LPTS"))).size()).isEqualTo(8);
        }
    }

    @Test
    void gdalReadsTheCoordinateSystemAndTheGeotransformOfThePng() throws Exception {
        assumeTrue(Tools.onPath("gdalinfo"), "gdalinfo (gdal-bin) is not installed");
        Tools.Run r = Tools.run("gdalinfo", pdf.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Geospatial PDF").contains("Pseudo-Mercator");
        Matcher origin = Pattern.compile("Origin = \\(([-0-9.]+),([-0-9.]+)\\)").matcher(r.output());
        Matcher pixel = Pattern.compile("Pixel Size = \\(([-0-9.]+),([-0-9.]+)\\)").matcher(r.output());
        Matcher size = Pattern.compile("Size is (\\d+), (\\d+)").matcher(r.output());
        assertThat(origin.find() && pixel.find() && size.find()).as(r.output()).isTrue();
        // the same area as the PNG's world file (which names the centre of the top-left pixel)
        List<String> pgw = Files.readAllLines(shared.resolve("map.pgw"));
        double mpp = Double.parseDouble(pgw.get(0));
        double left = Double.parseDouble(pgw.get(4)) - mpp / 2, top = Double.parseDouble(pgw.get(5)) + mpp / 2;
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        double width = img.getWidth() * mpp;
        assertThat(Double.parseDouble(origin.group(1))).isCloseTo(left, org.assertj.core.data.Offset.offset(mpp));
        assertThat(Double.parseDouble(origin.group(2))).isCloseTo(top, org.assertj.core.data.Offset.offset(mpp));
        assertThat(Double.parseDouble(pixel.group(1)) * Integer.parseInt(size.group(1)))
                .isCloseTo(width, org.assertj.core.data.Offset.offset(mpp * 2));
        assertThat(left).isBetween(-WorldFile.HALF_WORLD, WorldFile.HALF_WORLD);
    }

    @Test
    void popplerFindsEmbeddedFontsAndArabicText() throws Exception {
        assumeTrue(Tools.onPath("pdffonts") && Tools.onPath("pdftotext"), "poppler-utils is not installed");
        Tools.Run fonts = Tools.run("pdffonts", pdf.toString());
        assertThat(fonts.exit()).isZero();
        List<String> rows = fonts.output().lines().skip(2).filter(l -> !l.isBlank()).toList();
        assertThat(rows).isNotEmpty().allMatch(l -> l.contains("DejaVuSans"))
                .allMatch(l -> l.toLowerCase(Locale.ROOT).matches(".*\\byes\\s+yes\\s+yes\\b.*"));
        Tools.Run text = Tools.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        assertThat(text.exit()).isZero();
        assertThat(text.output()).contains("إدلب").contains("خريطة").contains("Idlib").doesNotContain("??");
    }

    @Test
    void pdfboxsFontCacheGoesToThePlatformCacheFolder() {
        // PDFBox would write .pdfbox.cache into the home folder; the export points it at Sitmap's cache folder
        assertThat(Path.of(System.getProperty("pdfbox.fontcache")))
                .isEqualTo(org.sitmap.tiles.TileCache.defaultRoot().resolveSibling("pdfbox"));
    }
}
