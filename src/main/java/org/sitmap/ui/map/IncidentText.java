package org.sitmap.ui.map;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;

/**
 * Short texts about index rows for tooltips and the status bar. Pure functions; any thread.
 */
public final class IncidentText {
    private IncidentText() { }

    /** "Kafr Nabl · 2019-05-06 · SAA, RUS · Explosions/Remote violence" (date precision noted when coarse). */
    public static String tooltip(IncidentIndex ix, int row) {
        StringBuilder sb = new StringBuilder();
        String place = ix.place(row);
        sb.append(place.isBlank() ? "(no place name)" : place).append('\n');
        sb.append(date(ix, row)).append('\n');
        sb.append(String.join(", ", factions(ix, row))).append('\n');
        sb.append(EventType.values()[ix.eventType(row)].label());
        if (ix.geoPrecision(row) >= 2) sb.append("\napproximate place");
        return sb.toString();
    }

    /** The date as known: a day, or "week of", "month of" when the source gives less. */
    public static String date(IncidentIndex ix, int row) {
        LocalDate d = LocalDate.ofEpochDay(ix.day(row));
        DatePrecision p = DatePrecision.ofCode(ix.datePrecision(row));
        String s = switch (p) {
            case DAY -> d.toString();
            case WEEK -> "week of " + d;
            case MONTH -> d.getYear() + "-" + String.format("%02d", d.getMonthValue()) + " (month)";
            case YEAR -> d.getYear() + " (year)";
        };
        if (p == DatePrecision.DAY && ix.dayEnd(row) > ix.day(row)) s += " to " + LocalDate.ofEpochDay(ix.dayEnd(row));
        return s;
    }

    /** The codes of the row's factions, primary first. */
    public static List<String> factions(IncidentIndex ix, int row) {
        FactionCatalog cat = ix.catalog();
        List<String> out = new ArrayList<>();
        out.add(cat.get(ix.primaryFaction(row)).code());
        long mask = ix.factionMask(row);
        for (int f = 0; f < cat.size(); f++) {
            if ((mask & (1L << f)) != 0 && f != ix.primaryFaction(row)) out.add(cat.get(f).code());
        }
        return out;
    }

    /** "123 of 16,566 incidents shown · 2016-01-01 – 2019-12-31". */
    public static String status(int shown, int total, int minDay, int maxDay) {
        String s = String.format("%,d of %,d incidents shown", shown, total);
        if (total > 0) s += " · " + LocalDate.ofEpochDay(minDay) + " – " + LocalDate.ofEpochDay(maxDay);
        return s;
    }
}
