package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.render.label.LabelPlacer;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;

class IncidentPainterTest {
    private final FactionCatalog cat = Fixtures.catalog();
    private final IncidentPainter painter = new IncidentPainter(cat);
    private static final int BATTLES = EventType.BATTLES.ordinal();

    private Selection one(double lat, double lon, String faction, int geo) {
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, 1);
        Fixtures.add(b, cat, 1, lat, lon, faction, BATTLES, geo, 1, "Kafr Nabl");
        return Selection.all(b.build());
    }

    private static int rgb(Raster r, int x, int y) {
        return r.pixels()[y * r.width() + x] & 0xffffff;
    }

    @Test
    void exactIncidentIsSolidInItsFactionColourAtItsPixel() {
        Viewport vp = new Viewport(35.5, 36.6, 12, 400, 300);
        Raster r = new Raster(400, 300);
        HitTester hits = painter.paint(r, vp, one(35.5, 36.6, "HTS", 1), IncidentPainter.Options.DEFAULT);
        int x = (int) Math.floor(vp.x(36.6));
        int y = (int) Math.floor(vp.y(35.5));
        assertThat(rgb(r, x, y)).isEqualTo(cat.byCode("HTS").orElseThrow().rgb());
        assertThat(r.pixels()[y * 400 + x] >>> 24).isEqualTo(255);
        assertThat(hits.drawnRows()).isEqualTo(1);
        assertThat(r.pixels()[10 * 400 + 10]).isZero();
    }

    @Test
    void approximateIncidentIsHollow() {
        Viewport vp = new Viewport(35.5, 36.6, 12, 400, 300);
        Raster r = new Raster(400, 300);
        painter.paint(r, vp, one(35.5, 36.6, "HTS", 2), IncidentPainter.Options.DEFAULT);
        int x = (int) Math.floor(vp.x(36.6));
        int y = (int) Math.floor(vp.y(35.5));
        int centre = rgb(r, x, y);
        assertThat(centre).isNotEqualTo(cat.byCode("HTS").orElseThrow().rgb());
        assertThat((centre >> 16) & 0xff).as("centre is light").isGreaterThan(150);
        // the ring, a few pixels out, is dark green (HTS #117733)
        int ring = rgb(r, x + 4, y);
        assertThat((ring >> 8) & 0xff).isGreaterThan((ring >> 16) & 0xff);
    }

    @Test
    void unresolvedIncidentIsNotDrawn() {
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, 2);
        Fixtures.add(b, cat, 1, Double.NaN, Double.NaN, "SAA", BATTLES, 0, 1, "Nowhere");
        Fixtures.add(b, cat, 2, 35.5, 36.6, "SAA", BATTLES, 0, 1, "Nowhere");
        Raster r = new Raster(200, 200);
        HitTester hits = painter.paint(r, new Viewport(35.5, 36.6, 12, 200, 200), Selection.all(b.build()),
                IncidentPainter.Options.DEFAULT);
        assertThat(hits.drawnRows()).isZero();
        for (int p : r.pixels()) assertThat(p).isZero();
    }

    @Test
    void nearbyIncidentsClusterAtLowZoomAndSplitWhenZoomedIn() {
        // CLUSTERS mode groups by cell; AUTO keeps three incidents as markers (see aFewDozenIncidents...)
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, 3);
        Fixtures.add(b, cat, 1, 35.50, 36.60, "SAA", BATTLES, 1, 1, "A");
        Fixtures.add(b, cat, 2, 35.52, 36.62, "RUS", BATTLES, 1, 1, "B");
        Fixtures.add(b, cat, 3, 35.51, 36.58, "SAA", BATTLES, 1, 1, "C");
        Selection sel = Selection.all(b.build());
        HitTester low = painter.paint(new Raster(600, 400), new Viewport(35.5, 36.6, 7, 600, 400), sel,
                IncidentPainter.Options.DEFAULT.withMode(IncidentPainter.Mode.CLUSTERS));
        assertThat(low.clusters()).isEqualTo(1);
        assertThat(low.singles()).isZero();
        HitTester.Hit hit = low.hit(300, 200, 6);
        assertThat(hit).isNotNull();
        assertThat(hit.isCluster()).isTrue();
        assertThat(hit.clusterRows()).hasSize(3);
        HitTester high = painter.paint(new Raster(600, 400), new Viewport(35.51, 36.6, 13, 600, 400), sel,
                IncidentPainter.Options.DEFAULT.withMode(IncidentPainter.Mode.CLUSTERS));
        assertThat(high.clusters()).isZero();
        assertThat(high.singles()).isEqualTo(3);
    }

    @Test
    void hitTesterFindsTheNearestMarker() {
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, 2);
        Fixtures.add(b, cat, 10, 35.50, 36.60, "SAA", BATTLES, 1, 1, "A");
        Fixtures.add(b, cat, 20, 35.51, 36.62, "SDF", BATTLES, 1, 1, "B");
        IncidentIndex ix = b.build();
        Viewport vp = new Viewport(35.505, 36.61, 13, 600, 400);
        HitTester hits = painter.paint(new Raster(600, 400), vp, Selection.all(ix), IncidentPainter.Options.DEFAULT);
        HitTester.Hit h = hits.hit(vp.x(36.62) + 2, vp.y(35.51) - 1, 8);
        assertThat(ix.id(h.row())).isEqualTo(20);
        assertThat(hits.hit(5, 5, 8)).isNull();
    }

    @Test
    void selectedIncidentIsRinged() {
        Viewport vp = new Viewport(35.5, 36.6, 12, 200, 200);
        Raster plain = new Raster(200, 200);
        Raster ringed = new Raster(200, 200);
        Selection sel = one(35.5, 36.6, "SAA", 1);
        painter.paint(plain, vp, sel, IncidentPainter.Options.DEFAULT);
        painter.paint(ringed, vp, sel, IncidentPainter.Options.DEFAULT.withSelectedRow(0));
        int x = (int) Math.floor(vp.x(36.6)) + 10;
        int y = (int) Math.floor(vp.y(35.5));
        assertThat(plain.pixels()[y * 200 + x]).isZero();
        assertThat(ringed.pixels()[y * 200 + x]).isNotZero();
    }

    @Test
    void heatModeCoversTheIncidents() {
        Viewport vp = new Viewport(35.5, 36.6, 9, 300, 200);
        Raster r = new Raster(300, 200);
        HitTester hits = painter.paint(r, vp, one(35.5, 36.6, "SAA", 1),
                IncidentPainter.Options.DEFAULT.withMode(IncidentPainter.Mode.HEAT));
        assertThat(hits.drawnRows()).isEqualTo(1);
        assertThat(r.pixels()[100 * 300 + 150] >>> 24).isGreaterThan(100);
        assertThat(r.pixels()[5 * 300 + 5]).isZero();
    }

    @Test
    void labelsDoNotOverlapAndTheBusiestPlaceIsNamed() {
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, 40);
        String[] names = {"Kafar Sijnah", "Busayrah", "Nayrab", "Maarat al-Numan", "Khan Shaykhun", "Saraqib"};
        int id = 1;
        for (int k = 0; k < 30; k++) {
            String name = names[k % names.length];
            int p = k % names.length;
            Fixtures.add(b, cat, id++, 35.50 + p * 0.004, 36.60 + p * 0.003, "SAA", BATTLES, 1, 1, name);
        }
        Fixtures.add(b, cat, id, 35.5, 36.6, "SAA", BATTLES, 1, 1, "Kafar Sijnah");
        Selection sel = Selection.all(b.build());
        Viewport vp = new Viewport(35.51, 36.61, 11, 500, 400);
        Raster r = new Raster(500, 400);
        HitTester hits = painter.paint(r, vp, sel, IncidentPainter.Options.DEFAULT);
        List<LabelPlacer.Placed> placed = new LabelPainter().paint(r, vp, sel, hits, -1, List.of(), 0, List.of());
        assertThat(placed).isNotEmpty();
        assertThat(placed.get(0).candidate().text()).isEqualTo("Kafar Sijnah");
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(placed.get(i).box().intersects(placed.get(j).box())).isFalse();
            }
        }
    }

    @Test
    void aClusterIsNeverNamedAfterOneOfItsPlaces() {
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, 40);
        for (int k = 0; k < 40; k++) Fixtures.add(b, cat, k + 1, 35.5 + (k % 5) * 0.01, 36.6, "SAA", BATTLES, 1, 1, k < 30 ? "Aleppo" : "Other");
        Selection sel = Selection.all(b.build());
        Viewport vp = new Viewport(35.5, 36.6, 7, 400, 300);
        Raster r = new Raster(400, 300);
        HitTester hits = painter.paint(r, vp, sel, IncidentPainter.Options.DEFAULT.withMode(IncidentPainter.Mode.CLUSTERS));
        assertThat(hits.clusters()).isEqualTo(1);
        assertThat(new LabelPainter().paint(r, vp, sel, hits, -1, List.of(), 0, List.of())).isEmpty();
    }

    @Test
    void aFewDozenIncidentsAreNeverClusteredInAutoMode() {
        // five villages a few kilometres apart, seen from far away: markers that would overlap are displaced
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, 40);
        double[][] at = {{35.5279, 36.5896}, {35.5469, 36.5428}, {35.5572, 36.5699}, {35.5208, 36.5547}, {35.5479, 36.6436}};
        for (int k = 0; k < 20; k++) Fixtures.add(b, cat, k + 1, at[k % 5][0], at[k % 5][1], "SAA", BATTLES, 1, 1, "V" + k % 5);
        Selection sel = Selection.all(b.build());
        Viewport vp = new Viewport(35.54, 36.59, 7.5, 400, 300);
        HitTester hits = painter.paint(new Raster(400, 300), vp, sel, IncidentPainter.Options.DEFAULT);
        assertThat(hits.clusters()).isZero();
        assertThat(hits.singles()).isEqualTo(20);
        // the five positions are apart by at least a marker's width
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int k = 0; k < hits.singles(); k++) distinct.add(hits.singleX(k) + "," + hits.singleY(k));
        assertThat(distinct).hasSize(5);
        for (String p : distinct) {
            for (String q : distinct) {
                if (p.equals(q)) continue;
                String[] a = p.split(","), c = q.split(",");
                assertThat(Math.hypot(Float.parseFloat(a[0]) - Float.parseFloat(c[0]),
                        Float.parseFloat(a[1]) - Float.parseFloat(c[1]))).isGreaterThanOrEqualTo(10);
            }
        }
        List<LabelPlacer.Placed> placed = new LabelPainter().paint(new Raster(400, 300), vp, sel, hits, -1, List.of(), 0, List.of());
        assertThat(placed).extracting(p -> p.candidate().text()).containsExactlyInAnyOrder("V0", "V1", "V2", "V3", "V4");
    }

    @Test
    void manyIncidentsOnTopOfEachOtherBecomeADisc() {
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, 400);
        for (int k = 0; k < 300; k++) Fixtures.add(b, cat, k + 1, 35.5 + (k % 30) * 0.002, 36.6 + (k / 30) * 0.002, "SAA", BATTLES, 1, 1, "P" + k);
        Selection sel = Selection.all(b.build());
        HitTester hits = painter.paint(new Raster(400, 300), new Viewport(35.53, 36.61, 8, 400, 300), sel,
                IncidentPainter.Options.DEFAULT);
        assertThat(hits.clusters()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void scaleBarLengthIsRound() {
        assertThat(ScaleBarPainter.niceMetres(100, 140)).isEqualTo(10_000);
        assertThat(ScaleBarPainter.niceMetres(30, 140)).isEqualTo(2_000);
        assertThat(ScaleBarPainter.label(50_000)).isEqualTo("50 km");
        assertThat(ScaleBarPainter.label(500)).isEqualTo("500 m");
    }

    @Test
    void legendListsOnlyTheFactionsAndTypesShown() {
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, 3);
        Fixtures.add(b, cat, 1, 35.5, 36.6, "SAA", BATTLES, 1, 1, "A");
        Fixtures.add(b, cat, 2, 35.5, 36.6, "SAA", EventType.EXPLOSIONS.ordinal(), 2, 1, "A");
        Fixtures.add(b, cat, 3, 35.5, 36.6, "ISIS", BATTLES, 1, 1, "A");
        LegendPainter.Model m = LegendPainter.Model.of(Selection.all(b.build()));
        assertThat(m.factions()).extracting(f -> f.faction().code()).containsExactly("SAA", "ISIS");
        assertThat(m.factions().get(0).count()).isEqualTo(2);
        assertThat(m.types()).extracting(LegendPainter.TypeEntry::type)
                .containsExactly(EventType.BATTLES, EventType.EXPLOSIONS);
        assertThat(m.approximateShown()).isTrue();
        Raster r = new Raster(400, 300);
        var box = LegendPainter.paint(r, m, Corner.TOP_RIGHT, true);
        assertThat(box.x + box.width).isEqualTo(400 - 12);
        assertThat(r.pixels()[(box.y + 2) * 400 + box.x + 5]).isNotZero();
    }
}
