package org.sitmap.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.index.Fixtures;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;
import org.sitmap.ui.session.SessionViewModel;

class IncidentTableModelTest {
    private final org.sitmap.ui.session.Workspace ws = org.sitmap.ui.session.TestWorkspace.loaded(
            org.sitmap.ui.session.TestWorkspace.source(null, w -> new long[0]));
    private final SessionViewModel session = ws.session();
    private final IncidentTableModel model = new IncidentTableModel(ws);

    IncidentTableModelTest() {
        Incident a = Incident.builder().id(1).sourceKey("t:1").date(java.time.LocalDate.parse("2020-05-03")).place("Saraqib")
                .position(35.86, 36.8).subEventType(SubEventType.SHELLING).eventType(SubEventType.SHELLING.type())
                .actor("x", "SAA").fatalities(7).build();
        session.indexProperty().set(IncidentIndex.of(Fixtures.catalog(), List.of(a,
                Fixtures.incident(2, "2020-05-01", "ariha", 35.81, 36.6, SubEventType.ARMED_CLASH, "HTS"),
                Fixtures.incident(3, "2020-05-02", "Binnish", 35.95, 36.7, SubEventType.AIR_DRONE_STRIKE, "RUS"))));
    }

    private long[] ids() {
        IncidentIndex ix = session.indexProperty().get();
        int[] r = model.rowsProperty().get();
        long[] out = new long[r.length];
        for (int k = 0; k < r.length; k++) out[k] = ix.id(r[k]);
        return out;
    }

    @Test
    void sortsByEachColumnBothWays() {
        assertThat(ids()).containsExactly(2, 3, 1);
        model.ascendingProperty().set(false);
        assertThat(ids()).containsExactly(1, 3, 2);
        model.sortByProperty().set(IncidentTableModel.Column.PLACE);
        model.ascendingProperty().set(true);
        assertThat(ids()).containsExactly(2, 3, 1);            // ariha, Binnish, Saraqib: case-insensitive
        model.sortByProperty().set(IncidentTableModel.Column.FATALITIES);
        model.ascendingProperty().set(false);
        assertThat(ids()).as(java.util.Arrays.toString(ids())).startsWith(1);
    }

    @Test
    void selectionIsSharedWithTheSession() {
        model.select(1);
        assertThat(session.selectedIdProperty().get()).isEqualTo(3);
        session.selectedIdProperty().set(1);
        assertThat(model.positionOfSelected()).isEqualTo(2);
    }
}
