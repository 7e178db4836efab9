package org.sitmap.render;

import org.sitmap.index.IncidentIndex;

/**
 * The per-row part of a marker picture ({@link IncidentPainter}) after its cull: every row in view becomes a hit
 * target, in order; in a dense view (more than {@link IncidentPainter#DENSE_ROWS} rows in view) a row under a
 * {@link IncidentPainter#DENSE_PX}-pixel cell of {@link IncidentPainter#DENSE_CELL} rows or more is left out unless
 * it is the cell's last (on top); the rows kept get their sprite key. Many rows are done as two halves of the
 * sequence on two threads ({@link org.sitmap.index.Split}): the dense cells' counts and last rows per half (added
 * after, the second half's last row winning), then the hit targets written at their own positions and each half's
 * kept rows listed in order. What follows in order on one thread (the pixels' stacks and the sprites to stamp) reads
 * {@link #kept} half after half, so the lists, targets and stamps are those of one pass in order.
 *
 * <p>Threading: not thread-safe (scratch arrays kept between frames); owned by one {@link IncidentPainter}.
 */
final class MarkerCollect {
    /** From this many rows in view the pass runs as two halves. */
    static final int SPLIT_ROWS = 20_000;
    /** Per half, the kept rows as {x, y, sprite key + 1} triples in order, and the ints used. */
    final int[][] kept = {new int[0], new int[0]};
    final int[] keptInts = new int[2];
    /** Rows in view from which the pass splits (a field so that a test can compare both ways). */
    int splitRows = SPLIT_ROWS;

    /**
     * Collects the rows in view, listed by the cull as {row, x, y} triples in {@code inView[0]} then
     * {@code inView[1]} ({@code found[k]} ints each), into {@code hits} and {@link #kept}.
     *
     * @param m the cull's margin in pixels (the sprites' size)
     */
    void collect(IncidentIndex ix, int[][] inView, int[] found, int w, int h, int m, HitTester.Builder hits) {
        int total = (found[0] + found[1]) / 3;
        int at = hits.appendSingles(total);
        int cw = (w + 2 * m) / IncidentPainter.DENSE_PX + 1;
        int cells = cw * ((h + 2 * m) / IncidentPainter.DENSE_PX + 1);
        boolean dense = total > IncidentPainter.DENSE_ROWS;
        int[][] rowsH = new int[2][];
        int[][] lastH = new int[2][];
        if (dense) {
            org.sitmap.index.Split.halves(total, splitRows, (half, from, to) -> {
                int[] rows = new int[cells];
                int[] last = new int[cells];
                forRange(inView, found, from, to, (list, i0, i1, seq0) -> {
                    for (int i = i0, seq = seq0; i < i1; i += 3, seq++) {
                        int c = cell(list[i + 1], list[i + 2], m, cw);
                        rows[c]++;
                        last[c] = seq;
                    }
                });
                rowsH[half] = rows;
                lastH[half] = last;
            });
        }
        int[] cellRows = rowsH[0];
        int[] cellLast = lastH[0];
        if (dense && rowsH[1] != null) {
            int[] r1 = rowsH[1];
            int[] l1 = lastH[1];
            for (int c = 0; c < cells; c++) {
                if (r1[c] == 0) continue;
                cellRows[c] += r1[c];
                cellLast[c] = l1[c];
            }
        }
        keptInts[0] = 0;
        keptInts[1] = 0;
        org.sitmap.index.Split.halves(total, splitRows, (half, from, to) -> {
            if (kept[half].length < 3 * (to - from)) kept[half] = new int[3 * (to - from)];
            int[] out = kept[half];
            int[] n = {0};
            forRange(inView, found, from, to, (list, i0, i1, seq0) -> {
                int c3 = n[0];
                for (int i = i0, seq = seq0; i < i1; i += 3, seq++) {
                    int row = list[i];
                    int x = list[i + 1];
                    int y = list[i + 2];
                    hits.singleAt(at + seq, x + 0.5f, y + 0.5f, row);
                    if (cellRows != null) {
                        int c = cell(x, y, m, cw);
                        if (cellRows[c] >= IncidentPainter.DENSE_CELL && cellLast[c] != seq) continue;
                    }
                    out[c3] = x;
                    out[c3 + 1] = y;
                    out[c3 + 2] = IncidentPainter.styleOf(ix, row) + 1;
                    c3 += 3;
                }
                n[0] = c3;
            });
            keptInts[half] = n[0];
        });
    }

    private static int cell(int x, int y, int m, int cw) {
        return (y + m) / IncidentPainter.DENSE_PX * cw + (x + m) / IncidentPainter.DENSE_PX;
    }

    /** A run of one cull list: ints {@code [i0, i1)} of {@code list}, the first being row {@code seq0} in view. */
    @FunctionalInterface
    private interface Run {
        void run(int[] list, int i0, int i1, int seq0);
    }

    /** The rows in view {@code [from, to)} (in order over both lists) as at most two runs. */
    private static void forRange(int[][] inView, int[] found, int from, int to, Run run) {
        int n0 = found[0] / 3;
        if (from < n0) run.run(inView[0], 3 * from, 3 * Math.min(to, n0), from);
        if (to > n0) {
            int a = Math.max(from, n0);
            run.run(inView[1], 3 * (a - n0), 3 * (to - n0), a);
        }
    }
}
