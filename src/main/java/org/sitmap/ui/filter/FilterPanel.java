package org.sitmap.ui.filter;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.SubEventType;
import org.sitmap.ui.session.SessionViewModel;

/**
 * The filter panel on the left: active filters as removable chips ({@code #filter-chips}, each
 * {@code #chip-ID}), text search ({@code #filter-text}, searched as one types or on Enter), factions with counts and all / none /
 * only ({@code #filter-faction-CODE}, {@code #filter-only-CODE}, {@code #filter-all}, {@code #filter-none}), event
 * types ({@code #filter-type-NAME}) and sub-types (a menu), fatalities at least N ({@code #filter-fatalities}),
 * date precision ({@code #filter-precision-NAME}). The area is drawn with the map's Area / Lasso tools and shows
 * here as a chip.
 *
 * <p>Threading: FX thread only.
 */
public final class FilterPanel extends ScrollPane {
    private static final javafx.scene.text.Font SMALL = javafx.scene.text.Font.font(10);
    private static final Insets ONLY_PADDING = new Insets(0, 5, 0, 5);
    private final FilterViewModel vm;
    private final SessionViewModel session;
    private final FlowPane chipPane = new FlowPane(4, 4);
    private final VBox factionBox = new VBox(2);
    private final TextField text = new TextField();
    private final Spinner<Integer> fatalities = new Spinner<>(0, 100_000, 0, 1);

    public FilterPanel(FilterViewModel vm, SessionViewModel session) {
        this.vm = vm;
        this.session = session;
        setId("filter-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setPrefWidth(270);
        VBox box = new VBox(6);
        box.setPadding(new Insets(8));

        Label title = bold("Filters");
        Button clear = new Button("Clear all");
        clear.setId("filter-clear");
        clear.setOnAction(e -> vm.clearAll());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(6, title, gap, clear);
        head.setAlignment(Pos.CENTER_LEFT);
        chipPane.setId("filter-chips");

        text.setId("filter-text");
        text.setPromptText("Search place, summary, evidence");
        text.setOnAction(e -> vm.setText(text.getText()));
        // search as one types, once typing pauses for a quarter second (FX thread timer; Enter searches at once)
        javafx.animation.PauseTransition typing = new javafx.animation.PauseTransition(javafx.util.Duration.millis(250));
        typing.setOnFinished(e -> vm.setText(text.getText()));
        text.textProperty().addListener((o, a, n) -> { if (!n.strip().equals(vm.text())) typing.playFromStart(); });

        Button all = new Button("All");
        all.setId("filter-all");
        all.setOnAction(e -> vm.all());
        Button none = new Button("None");
        none.setId("filter-none");
        none.setOnAction(e -> vm.none());
        HBox factionHead = new HBox(6, bold("Factions"), all, none);
        factionHead.setAlignment(Pos.CENTER_LEFT);

        VBox typeBox = new VBox(2);
        for (EventType t : EventType.values()) {
            CheckBox c = new CheckBox(t.label());
            // the shape this type has on the map, drawn by the map's own marker code
            c.setGraphic(new javafx.scene.image.ImageView(javafx.embed.swing.SwingFXUtils.toFXImage(
                    org.sitmap.render.SymbolIcons.eventType(t, 14), null)));
            c.setId("filter-type-" + t.name());
            c.selectedProperty().bindBidirectional(vm.typeProperty(t));
            typeBox.getChildren().add(c);
        }
        MenuButton sub = new MenuButton("Sub-types");
        sub.setId("filter-subtypes");
        EventType last = null;
        for (SubEventType t : SubEventType.values()) {
            if (last != null && t.type() != last) sub.getItems().add(new SeparatorMenuItem());
            last = t.type();
            CheckMenuItem item = new CheckMenuItem(t.label());
            item.setId("filter-subtype-" + t.name());
            item.selectedProperty().bindBidirectional(vm.subTypeProperty(t));
            sub.getItems().add(item);
        }

        fatalities.setId("filter-fatalities");
        fatalities.setEditable(true);
        fatalities.setPrefWidth(90);
        fatalities.getValueFactory().valueProperty().bindBidirectional(vm.minFatalitiesProperty());
        HBox fat = new HBox(6, new Label("Fatalities at least"), fatalities);
        fat.setAlignment(Pos.CENTER_LEFT);

        javafx.scene.layout.FlowPane precBox = new javafx.scene.layout.FlowPane(10, 4);   // wraps in a narrow panel
        for (DatePrecision p : DatePrecision.values()) {
            CheckBox c = new CheckBox(p.name().charAt(0) + p.name().substring(1).toLowerCase(Locale.ROOT));
            c.setId("filter-precision-" + p.name());
            c.selectedProperty().bindBidirectional(vm.precisionProperty(p));
            precBox.getChildren().add(c);
        }
        Label areaHint = new Label("Area: draw it on the map with the Area or Lasso tool.");
        areaHint.setWrapText(true);
        areaHint.setStyle("-fx-text-fill: #666;");

        box.getChildren().addAll(head, chipPane, bold("Search"), text, factionHead, factionBox,
                bold("Event types (none ticked: all)"), typeBox, sub, fat,
                bold("Date known to (none ticked: all)"), precBox, areaHint);
        setContent(box);

        vm.factions().addListener((ListChangeListener<FilterViewModel.FactionEntry>) c -> rebuildFactions());
        vm.chips().addListener((ListChangeListener<FilterViewModel.Chip>) c -> rebuildChips());
        // the search box shows the filter's words, except while the analyst types new ones
        session.filterProperty().addListener((o, a, f) -> { if (!text.isFocused() || f.text().isEmpty()) text.setText(f.text()); });
        text.setText(session.filterProperty().get().text());
        rebuildFactions();
        rebuildChips();
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private void rebuildChips() {
        chipPane.getChildren().clear();
        for (FilterViewModel.Chip c : vm.chips()) {
            Button b = new Button(c.label() + "  ✕");
            b.setId("chip-" + c.id());
            b.setStyle("-fx-background-radius: 10; -fx-background-color: #dde8f7; -fx-padding: 2 8 2 8;");
            b.setOnAction(e -> c.remove().run());
            chipPane.getChildren().add(b);
        }
    }

    /**
     * Gives {@code node} its tooltip the first time the pointer enters it: a tooltip is a popup window, and making
     * one per faction row while the index arrives held the FX thread for several ms of a frame.
     */
    private static void tooltipOnFirstVisit(javafx.scene.Node node, String text) {
        node.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, new javafx.event.EventHandler<>() {
            @Override public void handle(javafx.scene.input.MouseEvent ev) {
                node.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, this);
                javafx.scene.control.Tooltip.install(node, new javafx.scene.control.Tooltip(text));
            }
        });
    }

    private void rebuildFactions() {
        // the same factions as shown (a recount after a brush step or a filter change): only counts and ticks
        // change, so the rows are updated in place instead of built again on the FX thread
        java.util.List<FilterViewModel.FactionEntry> now = vm.factions();
        if (factionBox.getChildren().size() == now.size() && !now.isEmpty()) {
            boolean same = true;
            for (int i = 0; i < now.size() && same; i++) {
                same = factionBox.getChildren().get(i).getId() != null
                        && factionBox.getChildren().get(i).getId().equals("filter-row-" + now.get(i).faction().code());
            }
            if (same) {
                for (int i = 0; i < now.size(); i++) {
                    FilterViewModel.FactionEntry e = now.get(i);
                    CheckBox c = (CheckBox) ((HBox) factionBox.getChildren().get(i)).getChildren().get(0);
                    c.setText(e.faction().code() + "  " + String.format(Locale.ROOT, "%,d", e.count()));
                    c.setSelected(e.on());
                }
                return;
            }
        }
        factionBox.getChildren().clear();
        for (FilterViewModel.FactionEntry e : vm.factions()) {
            int rgb = e.faction().rgb();
            Circle sw = new Circle(5, Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
            CheckBox c = new CheckBox(e.faction().code() + "  " + String.format(Locale.ROOT, "%,d", e.count()));
            c.setGraphic(sw);
            c.setId("filter-faction-" + e.faction().code());
            c.setSelected(e.on());
            c.setMaxWidth(Double.MAX_VALUE);
            c.selectedProperty().addListener((o, a, on) -> vm.setOn(e.faction().code(), on));
            tooltipOnFirstVisit(c, e.faction().name());
            Button only = new Button("only");
            only.setId("filter-only-" + e.faction().code());
            only.setFont(SMALL);
            only.setPadding(ONLY_PADDING);
            only.setOnAction(x -> vm.only(e.faction().code()));
            HBox.setHgrow(c, Priority.ALWAYS);
            HBox row = new HBox(4, c, only);
            row.setId("filter-row-" + e.faction().code());
            row.setAlignment(Pos.CENTER_LEFT);
            factionBox.getChildren().add(row);
        }
    }
}
