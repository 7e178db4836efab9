package org.sitmap.store.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FactionCatalog;

/**
 * The streamed rows put in order by day: on one thread, with half of the columns on a helper thread, and for rows that
 * arrived in day order already (not moved), always the index {@link IncidentIndex.Builder} makes of the same rows.
 */
class IndexRowsTest {
    private static final FactionCatalog CATALOG = FactionCatalog.shipped();
    private static final String[] PLACES = {"Aleppo", "Idlib", "حلب", "Homs", "Daraa"};

    @Test
    void rowsInNoOrderByDayComeOutAsTheBuildersOnOneThreadAndSplit() {
        check(false);
    }

    @Test
    void rowsAlreadyInDayOrderComeOutAsTheBuilders() {
        check(true);
    }

    private static void check(boolean inOrder) {
        int n = 3_000;
        ExecutorService helper = Executors.newSingleThreadExecutor();
        try {
            IncidentIndex oneThread = rows(n, inOrder).build(PLACES);
            IncidentIndex split = rows(n, inOrder).build(PLACES, helper);
            IncidentIndex.Builder b = new IncidentIndex.Builder(CATALOG, n);
            SplittableRandom rnd = new SplittableRandom(5);
            for (int k = 0; k < n; k++) {
                int[] r = row(rnd, k, inOrder);
                b.add(k + 1, r[0], r[1], 33 + r[2] / 1000.0, 36 + r[3] / 1000.0, 1L << (k % 3), k % 3, r[4], -1,
                        1 + k % 3, 1 + k % 2, k, PLACES[k % PLACES.length]);
            }
            IncidentIndex expected = b.build();
            same(expected, oneThread);
            same(expected, split);
        } finally {
            helper.shutdownNow();
        }
    }

    /** Rows with a value of their own in every column (so a row put in the wrong place shows), more room than rows. */
    private static IndexRows rows(int n, boolean inOrder) {
        IndexRows rows = new IndexRows(CATALOG, n + 100);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int k = 0; k < n; k++) {
            int[] r = row(rnd, k, inOrder);
            rows.add(k + 1, r[0], r[1], 33 + r[2] / 1000.0, 36 + r[3] / 1000.0, 1L << (k % 3), k % 3, r[4], -1,
                    1 + k % 3, 1 + k % 2, k, k % PLACES.length);
        }
        return rows;
    }

    private static int[] row(SplittableRandom rnd, int k, boolean inOrder) {
        int first = inOrder ? 16_000 + k / 7 : 16_000 + rnd.nextInt(400);
        return new int[] {first, first + rnd.nextInt(10), rnd.nextInt(3000), rnd.nextInt(3000), rnd.nextInt(3)};
    }

    private static void same(IncidentIndex a, IncidentIndex b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            String at = "row " + i;
            assertEquals(a.id(i), b.id(i), at);
            assertEquals(a.day(i), b.day(i), at);
            assertEquals(a.dayEnd(i), b.dayEnd(i), at);
            assertEquals(a.lat(i), b.lat(i), at);
            assertEquals(a.lon(i), b.lon(i), at);
            assertEquals(a.mercX(i), b.mercX(i), at);
            assertEquals(a.mercY(i), b.mercY(i), at);
            assertEquals(a.factionMask(i), b.factionMask(i), at);
            assertEquals(a.primaryFaction(i), b.primaryFaction(i), at);
            assertEquals(a.eventType(i), b.eventType(i), at);
            assertEquals(a.datePrecision(i), b.datePrecision(i), at);
            assertEquals(a.geoPrecision(i), b.geoPrecision(i), at);
            assertEquals(a.fatalities(i), b.fatalities(i), at);
            assertEquals(a.place(i), b.place(i), at);
        }
    }
}
