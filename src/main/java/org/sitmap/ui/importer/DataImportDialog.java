package org.sitmap.ui.importer;

import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File → Import data…: choose ACLED/UCDP CSV, GeoJSON or KML/KMZ files, then a window shows the progress and
 * each file's import report. All state lives in {@link DataImportViewModel}.
 *
 * <p>Threading: build and use on the FX thread.
 */
public final class DataImportDialog {
    private DataImportDialog() { }

    /** A menu item that asks for files and imports them ({@code model} is called on the FX thread). */
    public static MenuItem menuItem(Supplier<DataImportViewModel> model, Supplier<Window> owner) {
        MenuItem item = new MenuItem("Import data…");
        item.setId("import-data");
        item.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Import event data");
            fc.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Event data (ACLED, UCDP, GeoJSON, KML, Excel, zip)", "*.csv",
                            "*.geojson", "*.json", "*.kml", "*.kmz", "*.xlsx", "*.zip", "*.gz"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            List<File> files = fc.showOpenMultipleDialog(owner.get());
            if (files == null || files.isEmpty()) return;
            DataImportViewModel vm = model.get();
            show(vm, owner.get());
            vm.importFiles(files.stream().map(File::toPath).toList());
        });
        return item;
    }

    private static void show(DataImportViewModel vm, Window owner) {
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle("Import data");
        TextArea report = new TextArea();
        report.setEditable(false);
        report.setWrapText(true);
        report.textProperty().bind(vm.reportProperty());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel import");
        cancel.setId("import-cancel");
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, spinner, status, gap, cancel, close);
        bar.setPadding(new Insets(8));
        BorderPane root = new BorderPane(report);
        root.setBottom(bar);
        stage.setScene(new Scene(root, 760, 420));
        stage.show();
    }
}
