package org.sitmap.ui.map.tiles;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * A small bar for the window: the "Online tiles" toggle and where the tiles come from with their attribution.
 * Mount it anywhere with {@code new TileSourceBar(TileSourceViewModel.forWindow())}. Construct on the FX thread.
 */
public final class TileSourceBar extends HBox {
    public TileSourceBar(TileSourceViewModel vm) {
        CheckBox online = new CheckBox("Online tiles");
        online.setId("tiles-online");
        online.selectedProperty().bindBidirectional(vm.onlineProperty());
        if (vm.forcedOffline()) {
            online.setDisable(true);
            online.setTooltip(new Tooltip("Started with --offline: no network connection is opened."));
        } else {
            online.setTooltip(new Tooltip("Fetch OpenStreetMap tiles (cached on disk). Off: no network connection."));
        }
        Label source = new Label();
        source.setId("tiles-source");
        source.textProperty().bind(vm.sourceTextProperty());
        source.setStyle("-fx-font-size: 11px; -fx-text-fill: #555;");
        getChildren().addAll(online, source);
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 8, 2, 8));
    }
}
