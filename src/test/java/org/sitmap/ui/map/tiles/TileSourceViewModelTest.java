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
}
