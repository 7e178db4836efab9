package org.sitmap.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sitmap.export.Element;
import org.sitmap.export.SnapshotSpec;
import org.sitmap.model.FilterSpec;
import org.sitmap.render.Corner;
import org.sitmap.render.Viewport;
import org.sitmap.ui.map.MapPane;
import org.sitmap.ui.session.SessionViewModel;
import org.sitmap.ui.session.Workspace;

/**
 * File → Export map… (a dialog: title, subtitle, marking, size, format, elements, and the equivalent
 * {@code sitmap export} command line) and File → Export data… (GeoJSON, CSV, KML or GeoPackage of the filtered
 * incidents). Both work on the view and filter on screen; the work runs on the window's worker and its progress
 * and result go to the status bar.
 *
 * <p>Threading: FX thread.
 */
public final class ExportMenu {
    private static final String UPDATE = "sitmap.export.updateCommand";

    private ExportMenu() { }

    private static void updateCommandLater(TextArea command) {
        Object r = command.getProperties().get(UPDATE);
        if (r instanceof Runnable run) run.run();
    }

    /**
     * The three items for the window's File menu (Export map…, Export data…, Cancel export); progress goes to the
     * status bar.
     *
     * @param map   the map whose view and drawing mode an export starts from
     * @param owner the window dialogs belong to (may give null)
     */
    public static List<MenuItem> items(Workspace workspace, MapPane map, Supplier<Window> owner) {
        ExportViewModel vm = new ExportViewModel(workspace);
        SessionViewModel session = workspace.session();
        vm.messageProperty().addListener((o, a, b) -> session.messageProperty().set(b));
        MenuItem mapItem = new MenuItem("Export map…");
        mapItem.setId("export-map");
        mapItem.setOnAction(e -> showMapDialog(vm, session, map, owner.get()));
        MenuItem data = new MenuItem("Export data…");
        data.setId("export-data");
        data.setOnAction(e -> exportData(vm, session.filterProperty().get(), owner.get()));
        MenuItem cancel = new MenuItem("Cancel export");
        cancel.setId("export-cancel");
        cancel.setOnAction(e -> vm.cancel());
        mapItem.disableProperty().bind(vm.busyProperty());
        data.disableProperty().bind(vm.busyProperty());
        cancel.disableProperty().bind(vm.busyProperty().not());
        return List.of(mapItem, data, cancel);
    }

    private static void showMapDialog(ExportViewModel vm, SessionViewModel session, MapPane map, Window owner) {
        Viewport screen = map.layer().currentViewport();
        if (screen == null) return;
        FilterSpec filter = session.filterProperty().get();
        var mode = map.layer().modeProperty().get();
        TextArea command = new TextArea();
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Export map");
        if (owner != null) d.initOwner(owner);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(12));
        TextField title = field(vm.titleProperty(), "export-title");
        TextField subtitle = field(vm.subtitleProperty(), "export-subtitle");
        TextField marking = field(vm.markingProperty(), "export-marking");
        marking.setPromptText("e.g. UNCLASSIFIED // FOR TRAINING");
        ChoiceBox<ExportViewModel.Size> size = new ChoiceBox<>();
        size.getItems().setAll(ExportViewModel.Size.values());
        size.valueProperty().bindBidirectional(vm.sizeProperty());
        ChoiceBox<ExportViewModel.Format> format = new ChoiceBox<>();
        format.getItems().setAll(ExportViewModel.Format.values());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        GridPane elements = new GridPane();
        elements.setHgap(6);
        elements.setVgap(4);
        int k = 0;
        for (Element e : Element.values()) {
            if (e == Element.MARKING) continue;
            CheckBox cb = new CheckBox(e.option().replace('-', ' '));
            cb.selectedProperty().bindBidirectional(vm.shownProperty(e));
            elements.add(cb, (k % 2) * 2, k / 2);
            if (vm.cornerProperty(e) != null) {
                ChoiceBox<Corner> corner = new ChoiceBox<>();
                corner.getItems().setAll(Corner.values());
                corner.setConverter(new javafx.util.StringConverter<>() {
                    @Override public String toString(Corner c) {
                        return c == null ? "" : c.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                    }

                    @Override public Corner fromString(String s) { return Corner.valueOf(s); }
                });
                corner.valueProperty().bindBidirectional(vm.cornerProperty(e));
                corner.disableProperty().bind(cb.selectedProperty().not());
                corner.valueProperty().addListener((o, a, b) -> updateCommandLater(command));
                elements.add(corner, (k % 2) * 2 + 1, k / 2);
            }
            k++;
        }
        command.setEditable(false);
        command.setWrapText(true);
        command.setPrefRowCount(3);
        Runnable updateCommand = () -> command.setText(vm.commandLine(vm.spec(screen, filter, mode),
                Path.of("map." + vm.extension())));
        for (var p : List.of(vm.titleProperty(), vm.subtitleProperty(), vm.markingProperty())) {
            p.addListener((o, a, b) -> updateCommand.run());
        }
        vm.sizeProperty().addListener((o, a, b) -> updateCommand.run());
        vm.formatProperty().addListener((o, a, b) -> updateCommand.run());
        for (Element e : Element.values()) {
            if (e != Element.MARKING) vm.shownProperty(e).addListener((o, a, b) -> updateCommand.run());
        }
        command.getProperties().put(UPDATE, updateCommand);
        updateCommand.run();
        int r = 0;
        g.addRow(r++, new Label("Title"), title);
        g.addRow(r++, new Label("Subtitle"), subtitle);
        g.addRow(r++, new Label("Marking"), marking);
        g.addRow(r++, new Label("Size"), size);
        g.addRow(r++, new Label("Format"), format);
        g.addRow(r++, new Label("Show"), elements);
        g.addRow(r, new Label("Command line"), command);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(new ButtonType("Export…", ButtonType.OK.getButtonData()),
                ButtonType.CANCEL);
        d.showAndWait().filter(b -> b.getButtonData() == ButtonType.OK.getButtonData()).ifPresent(b -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Export map");
            String ext = vm.extension();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase() + " file", "*." + ext));
            fc.setInitialFileName("map." + ext);
            File f = fc.showSaveDialog(owner);
            if (f == null) return;
            Path out = withExtension(f.toPath(), ext);
            SnapshotSpec spec = vm.spec(screen, filter, mode);
            vm.exportMap(spec, out);
        });
    }

    private static void exportData(ExportViewModel vm, FilterSpec filter, Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export the shown incidents");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("GeoJSON", "*.geojson"),
                new FileChooser.ExtensionFilter("CSV (ACLED columns)", "*.csv"),
                new FileChooser.ExtensionFilter("KML (Google Earth)", "*.kml"),
                new FileChooser.ExtensionFilter("KMZ (Google Earth, icons inside)", "*.kmz"),
                new FileChooser.ExtensionFilter("GeoPackage", "*.gpkg"));
        fc.setInitialFileName("incidents.geojson");
        File f = fc.showSaveDialog(owner);
        if (f == null) return;
        Path out = f.toPath();
        String ext = org.sitmap.export.MapExport.extension(out);
        if (!org.sitmap.export.DataExport.FORMATS.contains(ext)) {
            String chosen = fc.getSelectedExtensionFilter() == null ? "*.geojson"
                    : fc.getSelectedExtensionFilter().getExtensions().get(0);
            out = withExtension(out, chosen.substring(2));
        }
        vm.exportData(filter, out);
    }

    private static Path withExtension(Path p, String ext) {
        String name = p.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith("." + ext) ? p : p.resolveSibling(name + "." + ext);
    }

    private static TextField field(javafx.beans.property.StringProperty p, String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(36);
        t.textProperty().bindBidirectional(p);
        return t;
    }
}
