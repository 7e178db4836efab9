package org.sitmap.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.ui.map.IncidentText;
import org.sitmap.ui.session.SessionViewModel;

/**
 * The status bar: incidents shown / total and the date span of those shown ({@code #status-count}), a busy
 * indicator, and the session's message ({@code #status-message}).
 *
 * <p>Threading: FX thread only.
 */
public final class StatusBar extends HBox {
    private final Label count = new Label("Loading…");
    private final Label message = new Label();

    public StatusBar(SessionViewModel session) {
        super(10);
        setId("status-bar");
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);
        setStyle("-fx-background-color: #eeeeee; -fx-border-color: #cccccc transparent transparent transparent;");
        count.setId("status-count");
        message.setId("status-message");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(session.busyProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        message.textProperty().bind(session.messageProperty());
        getChildren().addAll(count, busy, gap, message);
        session.shownProperty().addListener((o, a, sel) -> update(sel));
    }

    private void update(Selection sel) {
        if (sel == null) return;
        IncidentIndex ix = sel.index();
        // rows are sorted by first day: the first is the earliest; the latest end is among the last rows (no row's
        // span is longer than maxSpan), so only those are read, not all the rows shown
        int min = sel.count() == 0 ? Integer.MAX_VALUE : ix.day(sel.row(0));
        int max = Integer.MIN_VALUE;
        for (int k = sel.count() - 1; k >= 0; k--) {
            int r = sel.row(k);
            if ((long) ix.day(r) + ix.maxSpan() < max) break;
            max = Math.max(max, ix.dayEnd(r));
        }
        count.setText(sel.count() == 0 ? IncidentText.status(0, ix.size(), 0, 0).replace(" · 1970-01-01 – 1970-01-01", "")
                : IncidentText.status(sel.count(), ix.size(), min, max));
    }
}
