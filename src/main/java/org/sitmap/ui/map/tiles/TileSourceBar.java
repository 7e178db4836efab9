package org.sitmap.ui.map.tiles;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import java.io.File;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * A small bar for the window: the "Online tiles" toggle, a "Tile pack" menu (open or remove an MBTiles file), and
 * where the tiles come from with their attribution.
 * Mount it anywhere with {@code new TileSourceBar(TileSourceViewModel.forWindow(workspace))}. Construct on the FX thread.
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
        MenuButton pack = new MenuButton("Tile pack");
        pack.setId("tiles-pack");
        MenuItem open = new MenuItem("Open MBTiles file\u2026");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open an MBTiles tile pack");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MBTiles", "*.mbtiles"));
            File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) vm.useMbTiles(file.toPath());
        });
        MenuItem remove = new MenuItem("Remove tile pack");
        remove.setOnAction(e -> vm.useMbTiles(null));
        pack.getItems().addAll(open, remove);
        pack.setStyle("-fx-font-size: 11px;");
        Label message = new Label();
        message.textProperty().bind(vm.problemProperty());
        message.setStyle("-fx-font-size: 11px; -fx-text-fill: #8a4b00;");
        getChildren().addAll(online, pack, source, message);
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 8, 2, 8));
    }
}
