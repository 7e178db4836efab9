package org.sitmap.render;

import org.sitmap.index.IncidentIndex;
import org.sitmap.index.Selection;
import org.sitmap.model.BBox;
import org.sitmap.model.FactionCatalog;

/**
 * Quick timing of {@link IncidentPainter} (not a test; run by hand, see docs/design/map.md). The project benchmark
 * ({@code sitmap bench}) is where the targets are measured.
 */
public final class PainterPerfMain {
    public static void main(String[] args) {
        FactionCatalog cat = Fixtures.catalog();
        Raster r = new Raster(1600, 1000);
        IncidentPainter p = new IncidentPainter(cat);
        LabelPainter labels = new LabelPainter();
        for (int n : new int[] {100_000, 1_000_000}) {
            IncidentIndex ix = Fixtures.random(cat, n, 7);
            Selection sel = Selection.all(ix);
            Viewport country = Viewport.fit(new BBox(35.5, 32.3, 42.4, 37.4), 1600, 1000);
            Viewport idlib = new Viewport(35.6, 36.7, 11.5, 1600, 1000);
            for (Viewport vp : new Viewport[] {country, idlib}) {
                for (IncidentPainter.Mode mode : IncidentPainter.Mode.values()) {
                    IncidentPainter.Options o = IncidentPainter.Options.DEFAULT.withMode(mode);
                    long best = Long.MAX_VALUE;
                    int drawn = 0;
                    for (int k = 0; k < 15; k++) {
                        r.clear(0);
                        long t = System.nanoTime();
                        drawn = p.paint(r, vp, sel, o).drawnRows();
                        best = Math.min(best, System.nanoTime() - t);
                    }
                    System.out.printf("n=%,d mode=%s zoom=%.2f drawn=%,d best=%.1f ms%n", n, mode, vp.zoom(), drawn,
                            best / 1e6);
                }
                long best = Long.MAX_VALUE;
                for (int k = 0; k < 10; k++) {
                    long t = System.nanoTime();
                    labels.paint(r, vp, sel, HitTester.EMPTY);
                    best = Math.min(best, System.nanoTime() - t);
                }
                System.out.printf("n=%,d labels zoom=%.2f best=%.1f ms%n", n, vp.zoom(), best / 1e6);
            }
        }
    }
}
