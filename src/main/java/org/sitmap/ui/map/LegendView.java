package org.sitmap.ui.map;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.paint.Color;

/**
 * The faction legend with toggles: a check box per faction present (colour swatch, name, count). Unchecking one
 * switches its incidents off through {@link LegendViewModel}. Check boxes have ids {@code legend-CODE}.
 *
 * <p>Threading: FX thread only.
 */
public final class LegendView extends VBox {
    private final LegendViewModel vm;

    public LegendView(LegendViewModel vm) {
        super(3);
        this.vm = vm;
        setId("legend");
        setPadding(new Insets(8));
        vm.entries().addListener((ListChangeListener<LegendViewModel.Entry>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        Label title = new Label("Factions");
        title.setStyle("-fx-font-weight: bold;");
        getChildren().add(title);
        for (LegendViewModel.Entry e : vm.entries()) {
            int rgb = e.faction().rgb();
            Circle swatch = new Circle(6, Color.rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff));
            swatch.setStroke(Color.WHITE);
            CheckBox box = new CheckBox(e.faction().name() + "  (" + e.count() + ")");
            box.setGraphic(swatch);
            box.setId("legend-" + e.faction().code());
            box.setSelected(e.on());
            box.selectedProperty().addListener((o, a, on) -> vm.setOn(e.faction().code(), on));
            getChildren().add(box);
        }
    }
}
