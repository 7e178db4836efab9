package org.sitmap.render;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sitmap.index.Bucket;
import org.sitmap.index.Histogram;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexFilter;
import org.sitmap.index.Selection;
import org.sitmap.model.BBox;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;

/**
 * Times one frame of dragging the timeline brush, as the window does it (not a test; run by hand, see
 * notes/timeline.md): filter the index to the brushed dates, histogram of the date-free selection over all dates,
 * timeline strip painted (1600×120), map painted (incidents AUTO + labels + scale bar, 1600×1000, all Syria).
 * The project benchmark ({@code sitmap bench}) is where targets are measured.
 */
public final class TimelinePerfMain {
    public static void main(String[] args) {
        FactionCatalog cat = Fixtures.catalog();
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {100_000, 1_000_000};
        Raster map = new Raster(1600, 1000);
        Raster strip = new Raster(1600, 120);
        IncidentPainter painter = new IncidentPainter(cat);
        LabelPainter labels = new LabelPainter();
        TimelinePainter timeline = new TimelinePainter(cat);
        Viewport country = Viewport.fit(new BBox(35.5, 32.3, 42.4, 37.4), 1600, 1000);
        for (int n : sizes) {
            IncidentIndex ix = synthetic(cat, n, 11);
            int from = ix.minDay();
            int to = ix.maxDay();
            Bucket bucket = Bucket.forZoom(to - from + 1, 1600, 3);
            Selection context = new IndexFilter(ix, FilterSpec.ALL, null, IndexFilter.FactionRule.PRIMARY).apply(false);
            int frames = 40;
            double[] fl = new double[frames], hi = new double[frames], hiCtx = new double[frames], tl = new double[frames],
                    mp = new double[frames], total = new double[frames];
            int shown = 0;
            for (int k = -10; k < frames; k++) {          // 10 warm-up frames
                int a = from + 200 + Math.floorMod(k, frames) * 20;
                FilterSpec spec = FilterSpec.ALL.withDates(java.time.LocalDate.ofEpochDay(a),
                        java.time.LocalDate.ofEpochDay(a + 90));
                long t0 = System.nanoTime();
                Selection sel = new IndexFilter(ix, spec, null, IndexFilter.FactionRule.PRIMARY).apply();
                long t1 = System.nanoTime();
                Histogram h = Histogram.of(context, from, to, bucket);
                long t2 = System.nanoTime();
                timeline.paint(strip, h, new TimelinePainter.View(from, to, a, a + 90));
                long t3 = System.nanoTime();
                map.clear(0);
                HitTester hits = painter.paint(map, country, sel, IncidentPainter.Options.DEFAULT);
                labels.paint(map, country, sel, hits);
                ScaleBarPainter.paint(map, country, Corner.BOTTOM_LEFT);
                long t4 = System.nanoTime();
                Selection ctx2 = new IndexFilter(ix, FilterSpec.ALL, null, IndexFilter.FactionRule.PRIMARY).apply(false);
                Histogram.of(ctx2, from, to, bucket);
                long t5 = System.nanoTime();
                if (k < 0) continue;
                shown = sel.count();
                fl[k] = (t1 - t0) / 1e6; hi[k] = (t2 - t1) / 1e6; tl[k] = (t3 - t2) / 1e6; mp[k] = (t4 - t3) / 1e6;
                hiCtx[k] = (t5 - t4) / 1e6;
                total[k] = (t4 - t0) / 1e6;
            }
            System.out.printf("n=%,d (brush 91 days, ~%,d shown; bucket %s over %d days)%n", n, shown, bucket, to - from + 1);
            row("filter (dates)", fl);
            row("histogram (cached context)", hi);
            row("context filter + histogram", hiCtx);
            row("timeline strip paint", tl);
            row("map paint (AUTO+labels)", mp);
            row("frame: filter+hist+rasters", total);
        }
    }

    private static void row(String what, double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        System.out.printf("  %-30s median %6.2f ms   p95 %6.2f ms%n", what, s[s.length / 2], s[(int) (s.length * 0.95)]);
    }

    /** Eight years, 80 % known to the day, 10 % to a week, 10 % to a month; positions over Syria. */
    static IncidentIndex synthetic(FactionCatalog cat, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        IncidentIndex.Builder b = new IncidentIndex.Builder(cat, n);
        int start = (int) java.time.LocalDate.parse("2012-01-01").toEpochDay();
        for (int i = 0; i < n; i++) {
            int f = r.nextInt(cat.size());
            int day = start + r.nextInt(8 * 365);
            int p = r.nextInt(10);
            int end = p < 8 ? day : p == 8 ? day + 6 : day + 29;
            b.add(i + 1, day, end, 32.5 + r.nextDouble() * 4.7, 35.7 + r.nextDouble() * 6.5, 1L << f, f,
                    r.nextInt(6), -1, p < 8 ? 1 : p == 8 ? 2 : 3, 1 + r.nextInt(3), -1, "P" + r.nextInt(500));
        }
        return b.build();
    }
}
