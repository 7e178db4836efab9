package org.sitmap.ui.details;

import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.sitmap.model.Actor;
import org.sitmap.model.Incident;

/**
 * The details panel: every field of the selected incident, its evidence text and source, and the other incidents
 * at its place. Bound to a {@link DetailsViewModel}.
 *
 * <p>Threading: FX thread only.
 */
public final class DetailsView extends ScrollPane {
    private final Label place = new Label("Click an incident on the map");
    private final GridPane fields = new GridPane();
    private final Label evidence = new Label();
    private final Label othersTitle = new Label();
    private final VBox others = new VBox(2);

    public DetailsView(DetailsViewModel vm) {
        setId("details");
        place.setId("details-place");
        place.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        place.setWrapText(true);
        evidence.setId("details-evidence");
        evidence.setWrapText(true);
        evidence.setStyle("-fx-font-style: italic; -fx-padding: 4 0 4 0;");
        othersTitle.setStyle("-fx-font-weight: bold;");
        fields.setHgap(8);
        fields.setVgap(2);
        VBox box = new VBox(6, place, fields, evidence, othersTitle, others);
        box.setPadding(new Insets(8));
        box.setPrefWidth(300);
        setContent(box);
        setFitToWidth(true);
        setPrefWidth(320);
        vm.detailsProperty().addListener((o, a, d) -> show(d));
        show(null);
    }

    private void show(DetailsViewModel.Details d) {
        fields.getChildren().clear();
        others.getChildren().clear();
        if (d == null) {
            place.setText("Click an incident on the map");
            evidence.setText("");
            othersTitle.setText("");
            return;
        }
        Incident i = d.incident();
        place.setText(i.place() == null || i.place().isBlank() ? "(no place name)" : i.place());
        int r = 0;
        r = row(r, "Id", Long.toString(i.id()));
        r = row(r, "Date", i.date() + (i.endDate() != null ? " to " + i.endDate() : "") + " (" + i.datePrecision().name().toLowerCase() + ")");
        r = row(r, "Admin 1", i.admin1());
        r = row(r, "Country", i.country());
        r = row(r, "Position", i.latitude() == null ? "unresolved" : String.format("%.4f, %.4f", i.latitude(), i.longitude()));
        r = row(r, "Geo precision", i.geoPrecision().name().toLowerCase());
        r = row(r, "Event type", i.eventType().label());
        r = row(r, "Sub-type", i.subEventType() == null ? null : i.subEventType().label());
        r = row(r, "Actors", i.actors().stream().map(a -> a.name() + " (" + a.factionCode() + ")").collect(Collectors.joining("; ")));
        r = row(r, "Fatalities", i.fatalities() == null ? "unknown" : i.fatalities().toString());
        r = row(r, "Summary", i.summary());
        r = row(r, "Source", i.source());
        r = row(r, "Origin", i.origin());
        r = row(r, "Source key", i.sourceKey());
        row(r, "Import batch", Long.toString(i.batchId()));
        evidence.setText(i.evidence() == null || i.evidence().isBlank() ? "(no evidence text)" : "\u201c" + i.evidence() + "\u201d");
        othersTitle.setText(d.othersTotal() == 0 ? "No other incidents at this place"
                : d.othersTotal() + " other incident" + (d.othersTotal() == 1 ? "" : "s") + " at this place"
                + (d.othersTotal() > d.others().size() ? " (latest " + d.others().size() + ")" : ""));
        for (Incident o : d.others()) {
            Label l = new Label(o.date() + "  " + o.eventType().label() + "  "
                    + o.actors().stream().map(Actor::factionCode).distinct().collect(Collectors.joining(", ")));
            l.setWrapText(true);
            others.getChildren().add(l);
        }
    }

    private int row(int r, String name, String value) {
        if (value == null || value.isBlank()) return r;
        Label k = new Label(name);
        k.setStyle("-fx-text-fill: #555;");
        Label v = new Label(value);
        v.setWrapText(true);
        v.setMaxWidth(210);
        fields.addRow(r, k, v);
        return r + 1;
    }
}
