package org.sitmap.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.render.HitTester;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.MapFramePainter;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;
import org.sitmap.render.label.LabelPlacer;
import org.sitmap.testutil.SeedIndex;

/**
 * The first look on the shipped seed incidents, drawn as the window's map layer draws its opening view (the data's
 * extent, in the map area of a 1600 × 1000 window): nothing clustered, the mission's towns named as themselves,
 * no text on another text or on a marker.
 */
class SeedOpeningViewTest {
    private static final List<String> MISSION = List.of("Kafr Sajnah", "Maarat Hurmah", "Maarzita", "Sheikh Mustafa",
            "Hish", "Sfuhen", "Iblin", "Ihsim", "Nayrab", "Maarrat Misrin", "Aleppo", "Al Busayrah");

    @Test
    void theMissionsTownsAreNamedAndNothingOverlaps() {
        IncidentIndex ix = SeedIndex.load();
        for (int[] size : new int[][] {{1010, 585}, {800, 500}}) {
            Viewport vp = Viewport.fit(MapPane.dataExtent(ix), size[0], size[1]);
            Raster r = new Raster(vp.width(), vp.height());
            MapFramePainter painter = new MapFramePainter();
            HitTester hits = painter.paint(r, vp, Selection.all(ix), IncidentPainter.Options.DEFAULT);
            assertThat(hits.clusters()).as("clusters at %s", vp).isZero();
            List<LabelPlacer.Placed> labels = painter.lastLabels();
            assertThat(labels).extracting(p -> p.candidate().text()).containsAll(MISSION);
            for (int i = 0; i < labels.size(); i++) {
                for (int j = i + 1; j < labels.size(); j++) {
                    assertThat(labels.get(i).box().intersects(labels.get(j).box()))
                            .as("%s over %s", labels.get(i).candidate().text(), labels.get(j).candidate().text())
                            .isFalse();
                }
            }
            double radius = painter.incidents(ix.catalog()).sprites().radius();
            for (LabelPlacer.Placed p : labels) {
                for (int k = 0; k < hits.singles(); k++) {
                    double x = hits.singleX(k), y = hits.singleY(k);
                    if (Math.abs(x - p.candidate().x()) < 0.5 && Math.abs(y - p.candidate().y()) < 0.5) continue;
                    assertThat(p.box().intersects(x - radius, y - radius, 2 * radius, 2 * radius))
                            .as("%s over the marker of %s", p.candidate().text(), ix.place(hits.singleRow(k)))
                            .isFalse();
                }
            }
        }
    }
}
