package org.sitmap.ui.map.tiles;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.sitmap.tiles.NetworkPolicy;
import org.sitmap.tiles.TileOrigin;

/**
 * State of the map's tile sources for the window: the remembered online/offline toggle and the "tiles from"
 * text with its attribution. Knows no Node; tested without a toolkit.
 *
 * <p>Threading: properties live on the FX thread. {@link #served(TileOrigin)} is called on tile threads; it
 * posts a refresh through the injected FX executor only when a new kind of source appears.
 */
public final class TileSourceViewModel {
    private final Supplier<NetworkPolicy> policy;
    private final OnlinePreference prefs;
    private final Executor fx;
    private final Supplier<String> packAttribution;
    private final BooleanProperty online = new SimpleBooleanProperty(this, "online");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper(this, "sourceText", "");
    private final AtomicInteger seen = new AtomicInteger();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper localOnly =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "localOnly", true);
    private Executor worker = Runnable::run;
    private PackOpener packOpener = file -> {
        throw new java.io.IOException("choosing a tile pack is not available here");
    };

    /** Opens (or, given null, removes) the MBTiles pack behind the chain; blocking, off the FX thread. */
    @FunctionalInterface
    public interface PackOpener {
        void open(java.nio.file.Path file) throws java.io.IOException;
    }

    /**
     * @param policy          the current network policy (read each time: the settings may be replaced)
     * @param prefs           where the toggle is remembered
     * @param fx              runs on the FX thread (the workspace's FX hop; direct in tests)
     * @param packAttribution the MBTiles pack's attribution (empty without one)
     */
    TileSourceViewModel(Supplier<NetworkPolicy> policy, OnlinePreference prefs, Executor fx,
                        Supplier<String> packAttribution) {
        this.policy = policy;
        this.prefs = prefs;
        this.fx = fx;
        this.packAttribution = packAttribution;
        online.set(policy.get().allowsNetwork());
        online.addListener((obs, was, on) -> {
            if (policy.get().isForcedOffline()) {
                if (on) online.set(false);
                return;
            }
            policy.get().setOnline(on);
            prefs.setOnline(on);
            seen.set(0);
            refresh();
        });
        refresh();
    }

    /**
     * The window's view model over its workspace's {@link MapTiles} (their policy, preferences and pack); updates
     * from tile threads reach it through the workspace's FX hop.
     */
    public static TileSourceViewModel forWindow(org.sitmap.ui.session.Workspace workspace) {
        MapTiles tiles = workspace.tiles();
        TileSourceViewModel vm = new TileSourceViewModel(tiles::policy, tiles.preferences(), workspace::onUi,
                tiles::packAttribution);
        tiles.setListener(vm::served);
        vm.setPackOpener(tiles.packOpener(), tiles::useMbTiles);
        return vm;
    }

    /** Online mode (remembered); cannot be switched on under {@code --offline}. */
    public BooleanProperty onlineProperty() { return online; }

    /** True under {@code --offline}: the toggle is locked off. */
    public boolean forcedOffline() { return policy.get().isForcedOffline(); }

    /** E.g. "Tiles: OpenStreetMap, local basemap · © OpenStreetMap contributors · Natural Earth, GeoNames". */
    public ReadOnlyStringProperty sourceTextProperty() { return sourceText.getReadOnlyProperty(); }

    /** Sets how a chosen MBTiles pack is opened, and on which executor (not the FX thread). */
    public void setPackOpener(Executor worker, PackOpener opener) {
        this.worker = worker;
        this.packOpener = opener;
    }

    /**
     * Uses the MBTiles pack {@code file} (null removes it) for tiles not yet shown; failures appear in
     * {@link #problemProperty()}. Call on the FX thread; the file is opened on the worker.
     */
    public void useMbTiles(java.nio.file.Path file) {
        worker.execute(() -> {
            String message;
            try {
                packOpener.open(file);
                message = file == null ? "Tile pack removed." : "Tile pack: " + file.getFileName()
                        + " (new tiles come from it; zoom or pan to refresh)";
            } catch (java.io.IOException | RuntimeException e) {
                message = e.getMessage() == null ? "Cannot open the tile pack." : e.getMessage();
            }
            String m = message;
            fx.execute(() -> {
                problem.set(m);
                seen.set(0);
                refresh();
            });
        });
    }

    /**
     * True while every tile shown comes from the local basemap, whose names the map places itself (together with
     * the incidents' labels); false once tiles from a pack or OpenStreetMap, which carry their own names, appear.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty localOnlyProperty() {
        return localOnly.getReadOnlyProperty();
    }

    /** The last message about the tile pack (empty when none). */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Notes that a tile came from {@code origin}; call from any thread. */
    public void served(TileOrigin origin) {
        int bit = 1 << origin.ordinal();
        int before = seen.getAndUpdate(v -> v | bit);
        if ((before & bit) == 0) fx.execute(this::refresh);
    }

    private void refresh() {
        Set<TileOrigin> origins = EnumSet.noneOf(TileOrigin.class);
        for (TileOrigin o : TileOrigin.values()) if ((seen.get() & (1 << o.ordinal())) != 0) origins.add(o);
        if (origins.isEmpty()) origins.add(TileOrigin.LOCAL);
        localOnly.set(origins.size() == 1 && origins.contains(TileOrigin.LOCAL));
        String from = origins.stream().map(TileOrigin::label).collect(Collectors.joining(", "));
        String credits = origins.stream()
                .map(o -> o == TileOrigin.MBTILES ? packAttribution.get() : o.attribution())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" · "));
        String mode = policy.get().isForcedOffline() ? " (offline)" : online.get() ? "" : " (offline mode)";
        sourceText.set("Tiles: " + from + mode + (credits.isEmpty() ? "" : " · © " + credits.replace("© ", "")));
    }
}
