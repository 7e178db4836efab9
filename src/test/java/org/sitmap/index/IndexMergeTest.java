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
    void nothingAddedIsTheSameIndex() {
        IncidentIndex base = index(new long[] {1}, new int[] {10}, new String[] {"Aleppo"});
        assertSame(base, IndexMerge.merge(base, IncidentIndex.empty(CAT)));
        IncidentIndex m = IndexMerge.merge(IncidentIndex.empty(CAT), base);
        assertEquals(1, m.size());
        assertEquals("Aleppo", m.place(0));
    }
}
