package org.sitmap.ui.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.tiles.NetworkPolicy;
import org.sitmap.tiles.TileOrigin;

class TileSourceViewModelTest {
    private final List<Runnable> posted = new ArrayList<>();

    private void runPosted() {
        List<Runnable> now = new ArrayList<>(posted);
        posted.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void toggleSwitchesThePolicyAndIsRemembered() {
        NetworkPolicy policy = NetworkPolicy.switchable(true);
        OnlinePreference prefs = OnlinePreference.inMemory(true);
        TileSourceViewModel vm = new TileSourceViewModel(() -> policy, prefs, posted::add, () -> "");
        assertThat(vm.onlineProperty().get()).isTrue();
        vm.onlineProperty().set(false);
        assertThat(policy.allowsNetwork()).isFalse();
        assertThat(prefs.online()).isFalse();
        assertThat(vm.sourceTextProperty().get()).contains("offline mode");
        vm.onlineProperty().set(true);
        assertThat(policy.allowsNetwork()).isTrue();
        assertThat(prefs.online()).isTrue();
    }

    @Test
    void forcedOfflineCannotBeSwitchedOnAndLeavesThePreferenceAlone() {
        NetworkPolicy policy = NetworkPolicy.forcedOffline();
        OnlinePreference prefs = OnlinePreference.inMemory(true);
        TileSourceViewModel vm = new TileSourceViewModel(() -> policy, prefs, posted::add, () -> "");
        assertThat(vm.forcedOffline()).isTrue();
        assertThat(vm.onlineProperty().get()).isFalse();
        vm.onlineProperty().set(true);
        assertThat(vm.onlineProperty().get()).isFalse();
        assertThat(policy.allowsNetwork()).isFalse();
        assertThat(prefs.online()).isTrue();
    }

    @Test
    void sourceTextNamesWhereTilesCameFromWithAttribution() {
        NetworkPolicy policy = NetworkPolicy.switchable(true);
        TileSourceViewModel vm = new TileSourceViewModel(() -> policy, OnlinePreference.inMemory(true), posted::add,
                () -> "My Pack");
        assertThat(vm.sourceTextProperty().get()).contains("local basemap").contains("Natural Earth, GeoNames");
        vm.served(TileOrigin.OPENSTREETMAP);
        vm.served(TileOrigin.OPENSTREETMAP);
        vm.served(TileOrigin.MBTILES);
        assertThat(posted).hasSize(2); // one refresh per new kind of source
        runPosted();
        assertThat(vm.sourceTextProperty().get())
                .contains("MBTiles file").contains("OpenStreetMap")
                .contains("OpenStreetMap contributors").contains("My Pack")
                .doesNotContain("Natural Earth");
    }

    @Test
    void choosingAPackOpensItOnTheWorkerAndReportsTheOutcome() {
        NetworkPolicy policy = NetworkPolicy.switchable(false);
        TileSourceViewModel vm = new TileSourceViewModel(() -> policy, OnlinePreference.inMemory(false), posted::add,
                () -> "");
        List<Runnable> workerQueue = new ArrayList<>();
        List<java.nio.file.Path> opened = new ArrayList<>();
        vm.setPackOpener(workerQueue::add, file -> {
            if (file.toString().contains("bad")) throw new java.io.IOException(file + ": not an MBTiles file");
            opened.add(file);
        });
        vm.useMbTiles(java.nio.file.Path.of("good.mbtiles"));
        assertThat(opened).isEmpty(); // nothing opened on the calling (FX) thread
        workerQueue.remove(0).run();
        assertThat(opened).containsExactly(java.nio.file.Path.of("good.mbtiles"));
        runPosted();
        assertThat(vm.problemProperty().get()).contains("good.mbtiles");

        vm.useMbTiles(java.nio.file.Path.of("bad.mbtiles"));
        workerQueue.remove(0).run();
        runPosted();
        assertThat(vm.problemProperty().get()).isEqualTo("bad.mbtiles: not an MBTiles file");
    }
}
