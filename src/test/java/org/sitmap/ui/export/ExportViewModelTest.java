package org.sitmap.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.export.Element;
import org.sitmap.export.Paper;
import org.sitmap.export.SnapshotSpec;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.Viewport;
import org.sitmap.store.ImportOptions;
import org.sitmap.store.gpkg.IncidentStore;
import org.sitmap.testutil.Fixtures;
import org.sitmap.ui.map.tiles.MapTiles;
import org.sitmap.ui.session.TestWorkspace;
import org.sitmap.ui.session.Workspace;

/** The export dialog's state, without a toolkit (direct executors). */
class ExportViewModelTest {
    @TempDir Path dir;

    private ExportViewModel vm(Path db) {
        return new ExportViewModel(TestWorkspace.onStore(db, MapTiles.offline(dir.resolve("tiles"))));
    }

    @Test
    void specIsTheViewOnScreenWithTheChosenSizeTextsAndElements() {
        ExportViewModel vm = vm(dir.resolve("s.gpkg"));
        Viewport screen = new Viewport(35.7, 36.6, 9.5, 1200, 800);
        FilterSpec filter = FilterSpec.ALL.withFactions(Set.of("HTS"));
        vm.titleProperty().set("T");
        vm.markingProperty().set("M");
        vm.shownProperty(Element.LEGEND).set(false);
        SnapshotSpec hd = vm.spec(screen, filter, IncidentPainter.Mode.HEAT);
        var off = org.assertj.core.data.Offset.offset(1e-6);
        assertThat(hd.bbox().minLon()).isCloseTo(screen.bounds().minLon(), off);
        assertThat(hd.bbox().maxLat()).isCloseTo(screen.bounds().maxLat(), off);
        assertThat(Double.toString(hd.bbox().minLon()).length()).isLessThanOrEqualTo(10);
        assertThat(hd.filter()).isEqualTo(filter);
        assertThat(hd.mode()).isEqualTo(IncidentPainter.Mode.HEAT);
        assertThat(hd.width()).isEqualTo(1920);
        assertThat(hd.height()).isEqualTo(1080);
        assertThat(hd.shows(Element.LEGEND)).isFalse();
        assertThat(hd.shows(Element.MARKING)).isTrue();
        assertThat(hd.title()).isEqualTo("T");
        assertThat(hd.offline()).isTrue();
        vm.sizeProperty().set(ExportViewModel.Size.A4_300);
        SnapshotSpec a4 = vm.spec(screen, filter, IncidentPainter.Mode.AUTO);
        assertThat(a4.paper()).isEqualTo(Paper.A4);
        assertThat(a4.width()).isEqualTo(3508);
        assertThat(a4.height()).isEqualTo(2480);
        assertThat(a4.scale()).isEqualTo(300 / 96.0);
        // the print viewport covers the same area as the screen-scale one
        Viewport print = a4.viewport(null);
        Viewport logical = a4.screenViewport(null);
        assertThat(print.lon(0)).isCloseTo(logical.lon(0), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(vm.commandLine(a4, Path.of("map.png"))).startsWith("sitmap export --db ")
                .contains("--paper A4 --dpi 300", "--faction HTS", "--title T", "--marking M", "--no-legend",
                        "--offline");
    }

    @Test
    void dataExportRunsOnTheWorkerAndReports() throws Exception {
        Path db = dir.resolve("s.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            s.importAll(Fixtures.readerOf("t", Fixtures.arabic(), Fixtures.unresolved()), ImportOptions.DEFAULT, null);
        }
        ExportViewModel vm = vm(db);
        Path out = dir.resolve("out.kml");
        vm.exportData(FilterSpec.ALL, out);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("1 incidents written to out.kml");
        assertThat(Files.readString(out)).contains("<Placemark");
        vm.exportData(FilterSpec.ALL, dir.resolve("out.xyz"));
        assertThat(vm.messageProperty().get()).startsWith("Export failed: ").contains(".xyz");
    }

    @Test
    void anExportCancelledBeforeItStartsWritesNothingAndSaysSo() throws Exception {
        Path db = dir.resolve("cancel.gpkg");
        IncidentStore.open(db).close();
        java.util.List<Runnable> workerTasks = new java.util.ArrayList<>();
        Workspace ws = new Workspace(workerTasks::add, Runnable::run,
                f -> new org.sitmap.ui.session.StoreSource(IncidentStore.openReadOnly(f)), db,
                MapTiles.offline(dir.resolve("tiles")));
        ws.load();
        while (!workerTasks.isEmpty()) workerTasks.remove(0).run();   // the load and the first filtering
        ExportViewModel vm = new ExportViewModel(ws);
        vm.cancel();   // idle: ignored
        assertThat(vm.messageProperty().get()).isEmpty();
        Path out = dir.resolve("out.geojson");
        vm.exportData(org.sitmap.model.FilterSpec.ALL, out);
        assertThat(vm.busyProperty().get()).isTrue();
        vm.cancel();
        assertThat(vm.messageProperty().get()).isEqualTo("Cancelling the export…");
        workerTasks.remove(0).run();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Export cancelled: nothing was written");
        assertThat(out).doesNotExist();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    /** With every faction off nothing is exported, and no made-up faction code reaches the command line. */
    @Test
    void everyFactionOffExportsNothingAndShowsNoNulFaction() throws Exception {
        Path db = dir.resolve("none.gpkg");
        try (IncidentStore s = IncidentStore.open(db)) {
            s.importAll(Fixtures.readerOf("t", Fixtures.arabic()), ImportOptions.DEFAULT, null);
        }
        ExportViewModel vm = vm(db);
        FilterSpec none = FilterSpec.ALL.withNoFaction();
        SnapshotSpec spec = vm.spec(new Viewport(35.7, 36.6, 9.5, 1200, 800), none, IncidentPainter.Mode.AUTO);
        String line = vm.commandLine(spec, Path.of("map.png"));
        assertThat(line).doesNotContain("\u0000").doesNotContain("--faction").contains("nothing would be exported");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.sitmap.export.ExportRequest.arguments(spec, db,
                Path.of("map.png"), null)).isInstanceOf(IllegalArgumentException.class);
        Path out = dir.resolve("none.geojson");
        vm.exportData(none, out);
        assertThat(vm.messageProperty().get()).contains("Every faction is off");
        assertThat(out).doesNotExist();
        vm.exportMap(spec, dir.resolve("none.png"));
        assertThat(dir.resolve("none.png")).doesNotExist();
    }
}
