package org.sitmap.ui.importer;

import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.sitmap.model.SubEventType;

/**
 * File → Import article…: a window to open a text file or paste an article, set its date, extract its incidents,
 * review each with its evidence (matched words highlighted) and the places not located, edit place, date,
 * factions and type, and save. All state lives in {@link ArticleImportViewModel}.
 *
 * <p>Threading: build and use on the FX thread; the view model runs extraction and saving on the worker.
 */
public final class ArticleImportDialog {
    private final ArticleImportViewModel vm;
    private final Stage stage = new Stage();

    public ArticleImportDialog(ArticleImportViewModel vm, Window owner) {
        this.vm = vm;
        if (owner != null) stage.initOwner(owner);
        stage.setTitle("Import article");
        stage.setScene(new Scene(build(), 1000, 720));
    }

    /** A menu item that opens a fresh dialog each time ({@code model} is called on the FX thread). */
    public static MenuItem menuItem(Supplier<ArticleImportViewModel> model, Supplier<Window> owner) {
        MenuItem item = new MenuItem("Import article…");
        item.setId("import-article");
        item.setOnAction(e -> new ArticleImportDialog(model.get(), owner.get()).show());
        return item;
    }

    public void show() { stage.show(); }

    private BorderPane build() {
        Button open = new Button("Open text file…");
        open.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Text", "*.txt"));
            File f = fc.showOpenDialog(stage);
            if (f != null) vm.loadFile(f.toPath());
        });
        DatePicker date = new DatePicker();
        date.setPromptText("publication date");
        date.valueProperty().bindBidirectional(vm.dateProperty());
        Button extract = new Button("Extract incidents");
        extract.setDefaultButton(true);
        extract.setOnAction(e -> vm.extract());
        Label file = new Label();
        file.textProperty().bind(vm.fileNameProperty());
        HBox bar = new HBox(8, open, new Label("Date:"), date, extract, file);
        bar.setPadding(new Insets(6));

        TextArea text = new TextArea();
        text.setWrapText(true);
        text.setPromptText("Paste the article here, or open a text file.");
        text.textProperty().bindBidirectional(vm.textProperty());

        TableView<ArticleImportViewModel.Row> table = new TableView<>(vm.rows());
        table.setEditable(true);
        table.setId("import-rows");
        TableColumn<ArticleImportViewModel.Row, String> cDate = new TableColumn<>("Date");
        cDate.setCellValueFactory(c -> c.getValue().dateProperty());
        cDate.setCellFactory(TextFieldTableCell.forTableColumn());
        cDate.setPrefWidth(100);
        TableColumn<ArticleImportViewModel.Row, String> cPlace = new TableColumn<>("Place");
        cPlace.setCellValueFactory(c -> c.getValue().placeProperty());
        cPlace.setCellFactory(TextFieldTableCell.forTableColumn());
        cPlace.setPrefWidth(180);
        TableColumn<ArticleImportViewModel.Row, String> cWhere = new TableColumn<>("Position");
        cWhere.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().where()));
        cWhere.setPrefWidth(190);
        TableColumn<ArticleImportViewModel.Row, String> cFactions = new TableColumn<>("Factions");
        cFactions.setCellValueFactory(c -> c.getValue().factionsProperty());
        cFactions.setCellFactory(TextFieldTableCell.forTableColumn());
        TableColumn<ArticleImportViewModel.Row, SubEventType> cType = new TableColumn<>("Type");
        cType.setCellValueFactory(c -> c.getValue().typeProperty());
        cType.setCellFactory(ComboBoxTableCell.forTableColumn(new StringConverter<>() {
            @Override public String toString(SubEventType t) { return t == null ? "" : t.type().label() + " / " + t.label(); }
            @Override public SubEventType fromString(String s) { return SubEventType.parse(s).orElse(null); }
        }, SubEventType.values()));
        cType.setPrefWidth(300);
        table.getColumns().addAll(List.of(cDate, cPlace, cWhere, cFactions, cType));

        TextFlow evidence = new TextFlow();
        evidence.setPadding(new Insets(6));
        evidence.setMinHeight(Region.USE_PREF_SIZE);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> showEvidence(evidence, row));

        Label unresolved = new Label();
        unresolved.setWrapText(true);
        vm.unresolved().addListener((javafx.collections.ListChangeListener<String>) c -> unresolved.setText(
                vm.unresolved().isEmpty() ? "" : "Not located (kept without coordinates): " + String.join(", ", vm.unresolved())));

        VBox review = new VBox(4, table, new Label("Evidence:"), evidence, unresolved);
        VBox.setVgrow(table, Priority.ALWAYS);
        review.setPadding(new Insets(6));
        SplitPane split = new SplitPane(text, review);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.35);

        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        Button save = new Button("Save to store");
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.isEmpty(vm.rows())));
        extract.disableProperty().bind(vm.busyProperty());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox foot = new HBox(8, message, grow, save, close);
        foot.setPadding(new Insets(6));

        BorderPane root = new BorderPane(split);
        root.setTop(bar);
        root.setBottom(foot);
        return root;
    }

    private static void showEvidence(TextFlow flow, ArticleImportViewModel.Row row) {
        flow.getChildren().clear();
        if (row == null) return;
        String s = row.evidence();
        int at = 0;
        for (int[] m : row.marks()) {
            if (m[0] < at || m[1] > s.length()) continue;
            flow.getChildren().add(new Text(s.substring(at, m[0])));
            Text hit = new Text(s.substring(m[0], m[1]));
            hit.setStyle("-fx-font-weight: bold; -fx-fill: #b2182b;");
            flow.getChildren().add(hit);
            at = m[1];
        }
        flow.getChildren().add(new Text(s.substring(at)));
    }
}
