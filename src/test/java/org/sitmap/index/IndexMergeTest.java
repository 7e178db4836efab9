package org.sitmap.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.sitmap.model.FactionCatalog;

/** A live update's rows join the index in day order; a row of the same id is replaced, not doubled. */
class IndexMergeTest {
    private static final FactionCatalog CAT = FactionCatalog.shipped();

    private static IncidentIndex index(long[] ids, int[] days, String[] places) {
        IncidentIndex.Builder b = new IncidentIndex.Builder(CAT, ids.length);
        for (int k = 0; k < ids.length; k++) {
            b.add(ids[k], days[k], days[k] + 2, 36.2, 37.1, 1L, 0, 0, -1, 1, 1, k, places[k]);
        }
        return b.build();
    }

    @Test
    void newRowsJoinInDayOrderAndReplaceTheirOldVersion() {
        IncidentIndex base = index(new long[] {1, 2, 3, 4}, new int[] {10, 20, 30, 40},
                new String[] {"Aleppo", "Idlib", "Aleppo", "Homs"});
        // 3 was updated (now day 5, Raqqa); 5 and 6 are new, 6 on the same day as 2
        IncidentIndex added = index(new long[] {3, 5, 6}, new int[] {5, 35, 20}, new String[] {"Raqqa", "Idlib", "Deir"});
        IncidentIndex m = IndexMerge.merge(base, added);
        assertEquals(6, m.size());
        long[] ids = new long[m.size()];
        int[] days = new int[m.size()];
        for (int r = 0; r < m.size(); r++) {
            ids[r] = m.id(r);
            days[r] = m.day(r);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {3, 1, 2, 6, 5, 4}, ids);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {5, 10, 20, 20, 35, 40}, days);
        assertEquals("Raqqa", m.place(m.rowOf(3)));
        assertEquals("Idlib", m.place(m.rowOf(5)));
        assertEquals("Deir", m.place(m.rowOf(6)));
        assertEquals("Homs", m.place(m.rowOf(4)));
        assertEquals(7, m.dayEnd(m.rowOf(3)));
        assertEquals(4, base.size(), "the index on screen is not changed");
    }

    @Test
    void removedIdsLeaveTheIndexWithOrWithoutAddedRows() {
        IncidentIndex base = index(new long[] {1, 2, 3, 4}, new int[] {10, 20, 30, 40},
                new String[] {"Aleppo", "Idlib", "Aleppo", "Homs"});
        // another tool deleted 2 and 9 (never in the index) and nothing else changed
        IncidentIndex m = IndexMerge.merge(base, IncidentIndex.empty(CAT), new long[] {2, 9});
        assertEquals(3, m.size());
        assertEquals(-1, m.rowOf(2));
        assertEquals("Homs", m.place(m.rowOf(4)));
        // deleted 1, moved 4 to day 5, added 7 above every id: the added rows' fast path must still drop 1
        IncidentIndex added = index(new long[] {4, 7}, new int[] {5, 50}, new String[] {"Raqqa", "Deir"});
        IncidentIndex n = IndexMerge.merge(base, added, new long[] {1});
        long[] ids = new long[n.size()];
        for (int r = 0; r < n.size(); r++) ids[r] = n.id(r);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {4, 2, 3, 7}, ids);
        IncidentIndex above = index(new long[] {8}, new int[] {15}, new String[] {"Homs"});
        IncidentIndex o = IndexMerge.merge(base, above, new long[] {3});
        assertEquals(4, o.size());
        assertEquals(-1, o.rowOf(3));
        assertEquals(4, base.size(), "the index on screen is not changed");
    }

    @Test
    void nothingAddedIsTheSameIndex() {
        IncidentIndex base = index(new long[] {1}, new int[] {10}, new String[] {"Aleppo"});
        assertSame(base, IndexMerge.merge(base, IncidentIndex.empty(CAT)));
        IncidentIndex m = IndexMerge.merge(IncidentIndex.empty(CAT), base);
        assertEquals(1, m.size());
        assertEquals("Aleppo", m.place(0));
    }

    @Test
    void aLargeMergeEqualsTheRowByRowRule() {
        java.util.Random rnd = new java.util.Random(3);
        int n = 20_000;
        long[] ids = new long[n];
        int[] days = new int[n];
        String[] places = new String[n];
        for (int k = 0; k < n; k++) {
            ids[k] = k + 1;
            days[k] = k / 7;
            places[k] = "P" + (k % 50);
        }
        IncidentIndex base = index(ids, days, places);
        for (int variant = 0; variant < 2; variant++) {
            checkMerge(base, ids, days, places, rnd, variant == 0);
        }
    }

    /** Merges 500 rows (a fifth replacing base rows when {@code replacing}, else all new) and checks the rule. */
    private static void checkMerge(IncidentIndex base, long[] ids, int[] days, String[] places, java.util.Random rnd,
                                   boolean replacing) {
        int n = ids.length;
        int m = 500;
        long[] addIds = new long[m];
        int[] addDays = new int[m];
        String[] addPlaces = new String[m];
        for (int k = 0; k < m; k++) {
            // a fifth replace rows of the base (updated incidents), the others are new; days all over the span
            addIds[k] = replacing && k % 5 == 0 ? 1 + rnd.nextInt(n) : 100_000 + k;
            addDays[k] = rnd.nextInt(n / 7 + 30);
            addPlaces[k] = "Q" + (k % 9);
        }
        // distinct ids in the import, in day order as an index holds them
        java.util.LinkedHashMap<Long, Integer> byId = new java.util.LinkedHashMap<>();
        for (int k = 0; k < m; k++) byId.put(addIds[k], k);
        Integer[] order = byId.values().toArray(new Integer[0]);
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(k -> addDays[k]));
        long[] ai = new long[order.length];
        int[] ad = new int[order.length];
        String[] ap = new String[order.length];
        for (int k = 0; k < order.length; k++) {
            ai[k] = addIds[order[k]];
            ad[k] = addDays[order[k]];
            ap[k] = addPlaces[order[k]];
        }
        IncidentIndex added = index(ai, ad, ap);
        IncidentIndex merged = IndexMerge.merge(base, added);
        // the rule, row by row: the base without the replaced ids, then each added row after the base's rows of its day
        java.util.Set<Long> replacedIds = new java.util.HashSet<>();
        for (long id : ai) replacedIds.add(id);
        java.util.List<long[]> expect = new java.util.ArrayList<>();   // {id, day, origin 0 base / 1 added, position}
        for (int k = 0; k < n; k++) if (!replacedIds.contains(ids[k])) expect.add(new long[] {ids[k], days[k], 0, k});
        for (int k = 0; k < ai.length; k++) expect.add(new long[] {ai[k], ad[k], 1, k});
        expect.sort(java.util.Comparator.<long[]>comparingLong(e -> e[1]).thenComparingLong(e -> e[2]).thenComparingLong(e -> e[3]));
        assertEquals(expect.size(), merged.size());
        for (int r = 0; r < merged.size(); r++) {
            long[] e = expect.get(r);
            assertEquals(e[0], merged.id(r), "row " + r);
            assertEquals(e[1], merged.day(r), "row " + r);
            assertEquals(e[2] == 0 ? places[(int) e[3]] : ap[(int) e[3]], merged.place(r), "row " + r);
        }
    }
}
