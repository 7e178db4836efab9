package org.sitmap.render.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelPlacerTest {
    private static LabelPlacer.Candidate at(String text, double priority, double x, double y) {
        return new LabelPlacer.Candidate(text, priority, x, y, 60, 14, 7, 0, false, false, null);
    }

    static void assertNoOverlap(List<LabelPlacer.Placed> placed) {
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(placed.get(i).box().intersects(placed.get(j).box()))
                        .as("%s over %s", placed.get(i).candidate().text(), placed.get(j).candidate().text())
                        .isFalse();
            }
        }
    }

    @Test
    void aThousandCrowdedCandidatesNeverOverlapAndStayInThePicture() {
        Random rnd = new Random(7);
        List<LabelPlacer.Candidate> cs = new ArrayList<>();
        for (int k = 0; k < 1000; k++) cs.add(at("L" + k, rnd.nextInt(100), rnd.nextDouble() * 400, rnd.nextDouble() * 300));
        List<LabelPlacer.Placed> placed = new LabelPlacer(400, 300).place(cs);
        assertThat(placed).hasSizeGreaterThan(20);
        assertNoOverlap(placed);
        for (LabelPlacer.Placed p : placed) assertThat(new Rectangle2D.Double(0, 0, 400, 300).contains(p.box())).isTrue();
    }

    @Test
    void higherPriorityWinsWhereTwoCompeteAndIsPlacedFirst() {
        // two anchors so close that only one label fits: the higher priority one, whatever the input order
        List<LabelPlacer.Candidate> cs = List.of(
                at("town", 400, 100, 20), at("incident", 800, 100, 20), at("selected", 1000, 100, 20));
        List<LabelPlacer.Placed> placed = new LabelPlacer(200, 40).place(cs);
        assertThat(placed).extracting(p -> p.candidate().text()).startsWith("selected", "incident");
        assertThat(placed.get(0).candidate().priority()).isEqualTo(1000);
        for (int i = 1; i < placed.size(); i++) {
            assertThat(placed.get(i).candidate().priority()).isLessThanOrEqualTo(placed.get(i - 1).candidate().priority());
        }
        assertNoOverlap(placed);
    }

    @Test
    void noLabelCoversAnotherMarkerButItMayTouchItsOwn() {
        LabelPlacer placer = new LabelPlacer(300, 200);
        placer.obstacle(100, 100, 6);   // its own marker
        placer.obstacle(130, 100, 6);   // a neighbour right where the right-hand position would be
        List<LabelPlacer.Placed> placed = placer.place(List.of(at("Saraqib", 500, 100, 100)));
        assertThat(placed).hasSize(1);
        Rectangle2D neighbour = new Rectangle2D.Double(124, 94, 12, 12);
        assertThat(placed.get(0).box().intersects(neighbour)).isFalse();
        assertThat(placed.get(0).box().getMinX()).isLessThan(100);   // moved to the left
    }

    @Test
    void aTownWhoseLabelDoesNotFitLosesItsDotTooAndAPlacedDotBlocksOthers() {
        LabelPlacer placer = new LabelPlacer(300, 100);
        LabelPlacer.Candidate town = new LabelPlacer.Candidate("Hish", 400, 150, 50, 30, 12, 5, 3, false, false, null);
        LabelPlacer.Candidate fixed = new LabelPlacer.Candidate("I D L I B", 300, 150, 50, 80, 12, 0, 0, true, false, null);
        List<LabelPlacer.Placed> placed = placer.place(List.of(fixed, town));
        // the town comes first (priority) and its dot blocks the area name centred on it
        assertThat(placed).extracting(p -> p.candidate().text()).containsExactly("Hish");
    }

    @Test
    void aCrowdedPlaceMayMoveAwayWithALeader() {
        LabelPlacer placer = new LabelPlacer(300, 300);
        List<LabelPlacer.Candidate> cs = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            cs.add(new LabelPlacer.Candidate("V" + k, 800 - k, 150, 150, 40, 12, 7, 0, false, true, null));
        }
        List<LabelPlacer.Placed> placed = placer.place(cs);
        assertThat(placed).hasSize(8);
        assertThat(placed).anyMatch(LabelPlacer.Placed::leader);
        assertNoOverlap(placed);
    }
}
