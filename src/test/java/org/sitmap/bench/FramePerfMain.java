package org.sitmap.bench;

import java.util.List;
import java.util.function.Supplier;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.Place;
import org.sitmap.render.HitTester;
import org.sitmap.render.IncidentPainter;
import org.sitmap.render.LabelPainter;
import org.sitmap.render.MapFramePainter;
import org.sitmap.render.Raster;
import org.sitmap.render.Viewport;

/**
 * Dev tool (not a test): the benchmark's frame stages split into their parts (filter, incidents, labels) on the
 * in-memory synthetic index, best and median of R runs. {@code java -cp target/classes:target/test-classes:DEPS
 * org.sitmap.bench.FramePerfMain N R}.
 */
public final class FramePerfMain {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<Place> towns = Gazetteer.readShipped().stream()
                .filter(p -> "SY".equals(p.countryCode()) && p.featureCode() != null
                        && p.featureCode().startsWith("PPL") && p.source() != null && p.source().startsWith("GeoNames")).toList();
        IncidentIndex ix = new SyntheticData(towns).index(org.sitmap.model.FactionCatalog.shipped(), n, 42);
        Viewport screen = Viewport.fit(Benchmark.SYRIA, 1600, 1000);
        Viewport idlib = new Viewport(35.75, 36.6, 11.5, 1600, 1000);
        Raster r = new Raster(1600, 1000);
        IncidentPainter painter = new IncidentPainter(ix.catalog());
        LabelPainter labels = new LabelPainter();
        MapFramePainter frame = new MapFramePainter();
        Supplier<FilterSpec> next = FrameStages.slidingWindow(ix);
        Selection[] sel = {null};
        HitTester[] hits = {null};
        time("filter", runs, () -> sel[0] = new IndexFilter(ix, next.get(), null).apply());
        time("incidents (brush sel)", runs, () -> { r.clear(0); hits[0] = painter.paint(r, screen, sel[0], IncidentPainter.Options.DEFAULT); });
        System.out.println("  sel " + sel[0].count() + " singles " + hits[0].singles() + " clusters " + hits[0].clusters());
        time("labels (brush sel)", runs, () -> labels.paint(r, screen, sel[0], hits[0], -1, List.of(), 5, List.of()));
        org.sitmap.render.basemap.BasemapPainter bp = org.sitmap.render.basemap.BasemapPainter.shared();
        time("basemap candidates", runs, () -> bp.labelCandidates(screen, 1));
        System.out.println("  candidates " + bp.labelCandidates(screen, 1).size());
        time("place only (brush sel)", runs, () -> new org.sitmap.render.label.LabelPlacer(1600, 1000).place(bp.labelCandidates(screen, 1)));
        time("labels+basemap (brush sel)", runs, () -> labels.paint(r, screen, sel[0], hits[0], -1, bp.labelCandidates(screen, 1), 5, List.of()));
        time("frame (brush sel)", runs, () -> frame.paint(r, screen, sel[0], IncidentPainter.Options.DEFAULT));
        TimelineStage timeline = new TimelineStage(ix);
        time("timeline picture (cached)", runs, () -> timeline.histogram(next.get()));
        time("timeline uncached", Math.max(3, runs / 3), () -> timeline.histogramUncached(next.get()));
        Selection all = Selection.all(ix);
        for (Viewport vp : new Viewport[] {screen, idlib}) {
            time("incidents all z" + vp.zoom(), runs, () -> { r.clear(0); hits[0] = painter.paint(r, vp, all, IncidentPainter.Options.DEFAULT); });
            System.out.println("  singles " + hits[0].singles() + " clusters " + hits[0].clusters());
            time("labels all z" + vp.zoom(), runs, () -> labels.paint(r, vp, all, hits[0], -1, List.of(), 5, List.of()));
            time("frame all z" + vp.zoom(), runs, () -> frame.paint(r, vp, all, IncidentPainter.Options.DEFAULT));
        }
    }

    static void time(String what, int runs, Runnable task) {
        for (int k = 0; k < Math.max(3, runs / 3); k++) task.run();
        long[] t = new long[runs];
        long[] c = new long[runs];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int k = 0; k < runs; k++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            task.run();
            t[k] = System.nanoTime() - t0;
            c[k] = mx.getCurrentThreadCpuTime() - c0;
        }
        java.util.Arrays.sort(t);
        java.util.Arrays.sort(c);
        System.out.printf("%-28s wall best %8.2f median %8.2f | cpu best %8.2f median %8.2f ms%n", what, t[0] / 1e6,
                t[runs / 2] / 1e6, c[0] / 1e6, c[runs / 2] / 1e6);
    }
}
