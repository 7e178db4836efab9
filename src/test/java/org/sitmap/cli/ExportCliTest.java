package org.sitmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.export.ExportRequest;
import org.sitmap.export.MapExport;
import org.sitmap.export.SnapshotSpec;
import org.sitmap.export.WorldFile;
import org.sitmap.index.Selection;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.LegendPainter;
import org.sitmap.render.Viewport;
import org.sitmap.seed.DefaultStore;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.tiles.TileChain;
import org.sitmap.ui.export.ExportViewModel;

/** {@code sitmap export} of the shipped seed incidents, offline, without a display. */
class ExportCliTest {
    private static final String CREATED = "2026-01-02T03:04:00Z";
    @TempDir static Path shared;
    private static Path seeds;
    @TempDir Path dir;
    private final CliRunner cli = new CliRunner();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    @BeforeAll
    static void buildSeedStore() {
        seeds = shared.resolve("seeds.gpkg");
        DefaultStore.openDefault(seeds).close();
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private int export(String... more) {
        List<String> a = new ArrayList<>(List.of("export", "--db", seeds.toString(), "--offline", "--created", CREATED));
        a.addAll(List.of(more));
        return run(a.toArray(String[]::new));
    }

    @Test
    void idlibSnapshotHasItsSizeLegendColoursAndWorldFile() throws Exception {
        Path png = dir.resolve("idlib.png");
        assertThat(export("--out", png.toString(), "--center", "35.75,36.6", "--zoom", "9.8", "--width", "1920",
                "--height", "1080", "--title", "Idlib")).as(err.toString()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1920);
        assertThat(img.getHeight()).isEqualTo(1080);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) colours.add(img.getRGB(x, y) & 0xffffff);
        }
        Viewport vp = new Viewport(35.75, 36.6, 9.8, 1920, 1080);
        try (IncidentStore store = IncidentStore.open(seeds)) {
            MapExport ex = new MapExport(store, TileChain.forExport(true, null));
            Selection all = ex.select(FilterSpec.ALL);
            LegendPainter.Model legend = LegendPainter.Model.of(org.sitmap.export.SnapshotRendererAccess.inView(all, vp));
            assertThat(legend.factions()).hasSizeGreaterThanOrEqualTo(3);
            for (LegendPainter.FactionEntry f : legend.factions()) {
                assertThat(colours).as(f.faction().code()).contains(f.faction().rgb());
            }
        }
        // world file: the pixel centre of a place maps back to its coordinates
        List<String> pgw = Files.readAllLines(dir.resolve("idlib.pgw"));
        assertThat(pgw).hasSize(6);
        double a = Double.parseDouble(pgw.get(0)), e = Double.parseDouble(pgw.get(3));
        double c = Double.parseDouble(pgw.get(4)), f = Double.parseDouble(pgw.get(5));
        double lat = 35.9306, lon = 36.6339;   // Idlib city
        double px = vp.x(lon) - 0.5, py = vp.y(lat) - 0.5;   // column/row whose centre is the place
        assertThat(WorldFile.lon(c + px * a)).isCloseTo(lon, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(WorldFile.lat(f + py * e)).isCloseTo(lat, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(a).isCloseTo(-e, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Files.readString(dir.resolve("idlib.prj"))).startsWith("PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\"")
                .contains("Mercator_Auxiliary_Sphere").contains("6378137.0");
        assertThat(Files.readString(dir.resolve("idlib.png.aux.xml"))).startsWith("<PAMDataset>")
                .contains("<SRS").contains("WGS_1984_Web_Mercator_Auxiliary_Sphere");
    }

    @Test
    void pdfHasOnePageOfThePaperSize() throws Exception {
        Path pdf = dir.resolve("map.pdf");
        assertThat(export("--out", pdf.toString(), "--paper", "A4", "--dpi", "100", "--title", "Idlib PDF"))
                .as(err.toString()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(box.getHeight()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Idlib PDF");
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Idlib PDF");
        }
    }

    @Test
    void gifHasAFramePerStepAndLoops() throws Exception {
        Path gif = dir.resolve("anim.gif");
        assertThat(export("--out", gif.toString(), "--from", "2020-05-01", "--to", "2020-12-31", "--step", "1m",
                "--width", "320", "--height", "240", "--delay", "300")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("8 frames");
        var reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(8);
            var meta = (javax.imageio.metadata.IIOMetadataNode) reader.getImageMetadata(0)
                    .getAsTree("javax_imageio_gif_image_1.0");
            var app = (javax.imageio.metadata.IIOMetadataNode) meta.getElementsByTagName("ApplicationExtension").item(0);
            assertThat(app.getAttribute("applicationID")).isEqualTo("NETSCAPE");
            assertThat(app.getAttribute("authenticationCode")).isEqualTo("2.0");
            var gce = (javax.imageio.metadata.IIOMetadataNode) meta.getElementsByTagName("GraphicControlExtension").item(0);
            assertThat(gce.getAttribute("delayTime")).isEqualTo("30");
            assertThat(reader.read(7).getWidth()).isEqualTo(320);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(export("--out", dir.resolve("x.bmp").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("sitmap: ").contains(".png");
        assertThat(export("--out", dir.resolve("x.png").toString(), "--center", "35,36")).isEqualTo(2);
        assertThat(export("--out", dir.resolve("x.png").toString(), "--legend-corner", "middle")).isEqualTo(2);
        assertThat(export("--out", dir.resolve("x.png").toString(), "--faction", "XYZ")).isEqualTo(2);
        assertThat(export("--out", dir.resolve("x.png").toString(), "--paper", "A9")).isEqualTo(2);
        assertThat(err.toString().lines().count()).isEqualTo(1);
    }

    @Test
    void unwritableOutputIsOneLineAndExitOne() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        assertThat(export("--out", blocker.resolve("sub/map.png").toString())).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("sitmap: " + blocker.resolve("sub/map.png")).contains("cannot write")
                .doesNotContain("\n");
        assertThat(export("--out", blocker.resolve("x.kml").toString())).isEqualTo(1);
        assertThat(err.toString().lines().count()).isEqualTo(1);
    }

    /** The window's export builds its spec from the view; its command line renders the very same pixels. */
    @Test
    void windowAndCommandLineGiveTheSamePixels() throws Exception {
        org.sitmap.ui.session.Workspace ws = org.sitmap.ui.session.TestWorkspace.onStore(seeds,
                org.sitmap.ui.map.tiles.MapTiles.offline(dir.resolve("tile-cache")));
        ExportViewModel vm = new ExportViewModel(ws);
        vm.titleProperty().set("Same view");
        vm.markingProperty().set("TEST MARKING");
        vm.shownProperty(org.sitmap.export.Element.NORTH_ARROW).set(false);
        vm.cornerProperty(org.sitmap.export.Element.LEGEND).set(org.sitmap.render.Corner.BOTTOM_LEFT);
        Viewport screen = new Viewport(35.71, 36.62, 9.37, 1100, 700);   // what MapPane would report
        ws.session().filterProperty().set(FilterSpec.ALL.withFactions(Set.of("SAA", "RUS")));
        FilterSpec filter = ws.session().filterProperty().get();   // the window's: by primary faction
        SnapshotSpec spec = vm.spec(screen, filter, IncidentPainter.Mode.AUTO);
        ws.close();
        Path gui = dir.resolve("gui.png");
        try (IncidentStore store = IncidentStore.open(seeds)) {
            MapExport export = new MapExport(store, TileChain.forExport(true, null));
            export.write(spec, gui, ZonedDateTime.parse(CREATED));
            // the window keeps an incident by its primary faction (an ISIS attack with SAA on the other side is not
            // SAA's), the command line's --faction by any of them: the window's export keeps the window's rule
            assertThat(export.select(filter).count())
                    .isLessThan(export.select(filter.withFactionRule(org.sitmap.model.FactionRule.ANY)).count());
        }
        Path cli = dir.resolve("cli.png");
        List<String> args = new ArrayList<>(List.of("export", "--created", CREATED));
        args.addAll(ExportRequest.arguments(spec, seeds, cli, null));
        assertThat(args).contains("--legend-corner", "--no-north-arrow");
        assertThat(String.join(" ", args)).contains("--faction-rule primary");
        assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
        BufferedImage a = ImageIO.read(gui.toFile());
        BufferedImage b = ImageIO.read(cli.toFile());
        assertThat(b.getWidth()).isEqualTo(a.getWidth()).isEqualTo(1920);
        int[] pa = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
        int[] pb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        assertThat(pb).isEqualTo(pa);
        assertThat(Files.readString(dir.resolve("cli.pgw"))).isEqualTo(Files.readString(dir.resolve("gui.pgw")));
    }
}
