package org.sitmap.ui.table;

import java.time.LocalDate;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableListBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.SubEventType;
import org.sitmap.ui.session.SessionViewModel;

/**
 * The incident table (collapsible, under the timeline): date, place, primary faction, type, fatalities of the
 * shown incidents, virtualised (a {@link TableView} over a list view of the model's {@code int[]}; cells are built
 * for visible lines only), sortable by clicking a header (sorting on the worker, see {@link IncidentTableModel}).
 * Selecting a line selects the incident on the map and in the details; selecting on the map selects the line.
 * Id {@code #incident-table}.
 *
 * <p>Threading: FX thread only.
 */
public final class IncidentTable extends TitledPane {
    private final IncidentTableModel model;
    private final SessionViewModel session;
    private final TableView<Integer> table = new TableView<>();
    private boolean syncing;

    /** A read-only list over an int[] (no boxing of the whole selection). */
    private static final class RowList extends ObservableListBase<Integer> {
        private final int[] rows;

        RowList(int[] rows) { this.rows = rows; }

        @Override public Integer get(int k) { return k; }

        @Override public int size() { return rows.length; }
    }

    public IncidentTable(IncidentTableModel model, SessionViewModel session) {
        this.model = model;
        this.session = session;
        setText("Incident table");
        setExpanded(false);
        setAnimated(false);
        table.setId("incident-table");
        table.setPrefHeight(220);
        table.setPlaceholder(new javafx.scene.control.Label("No incidents shown"));
        table.getColumns().add(column("Date", IncidentTableModel.Column.DATE, 120, (ix, r) -> {
            String d = LocalDate.ofEpochDay(ix.day(r)).toString();
            DatePrecision p = DatePrecision.ofCode(ix.datePrecision(r));
            if (ix.dayEnd(r) > ix.day(r)) d += " … " + LocalDate.ofEpochDay(ix.dayEnd(r));
            return p == DatePrecision.DAY ? d : d + " (" + p.name().toLowerCase(Locale.ROOT) + ")";
        }));
        table.getColumns().add(column("Place", IncidentTableModel.Column.PLACE, 180, IncidentIndex::place));
        table.getColumns().add(column("Faction", IncidentTableModel.Column.FACTION, 90,
                (ix, r) -> ix.catalog().factions().get(ix.primaryFaction(r)).code()));
        table.getColumns().add(column("Type", IncidentTableModel.Column.TYPE, 260, (ix, r) -> {
            String t = EventType.values()[ix.eventType(r)].label();
            return ix.subEventType(r) < 0 ? t : t + " · " + SubEventType.values()[ix.subEventType(r)].label();
        }));
        table.getColumns().add(column("Fatalities", IncidentTableModel.Column.FATALITIES, 80,
                (ix, r) -> ix.fatalities(r) < 0 ? "" : Integer.toString(ix.fatalities(r))));
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                model.sortByProperty().set(IncidentTableModel.Column.DATE);
                model.ascendingProperty().set(true);
            } else {
                TableColumn<Integer, ?> c = t.getSortOrder().get(0);
                model.sortByProperty().set((IncidentTableModel.Column) c.getUserData());
                model.ascendingProperty().set(c.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        model.rowsProperty().addListener((o, a, rows) -> {
            syncing = true;
            try {
                table.setItems(new RowList(rows));
                selectFromSession();
            } finally {
                syncing = false;
            }
        });
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, k) -> {
            if (!syncing && k.intValue() >= 0) model.select(k.intValue());
        });
        session.selectedIdProperty().addListener((o, a, b) -> {
            syncing = true;
            try {
                selectFromSession();
            } finally {
                syncing = false;
            }
        });
        setContent(table);
    }

    private void selectFromSession() {
        int k = model.positionOfSelected();
        if (k < 0) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedIndex() != k) {
            table.getSelectionModel().clearAndSelect(k);
            if (isExpanded()) table.scrollTo(Math.max(0, k - 3));
        }
    }

    private interface Cell { String text(IncidentIndex ix, int row); }

    private TableColumn<Integer, String> column(String title, IncidentTableModel.Column key, double width, Cell cell) {
        TableColumn<Integer, String> c = new TableColumn<>(title);
        c.setUserData(key);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> {
            IncidentIndex ix = session.indexProperty().get();
            int[] rows = model.rowsProperty().get();
            int k = f.getValue();
            if (ix == null || k >= rows.length || rows[k] >= ix.size()) return new ReadOnlyObjectWrapper<>("");
            return new ReadOnlyObjectWrapper<>(cell.text(ix, rows[k]));
        });
        return c;
    }

    /** The table (for tests). */
    public TableView<Integer> table() { return table; }
}
