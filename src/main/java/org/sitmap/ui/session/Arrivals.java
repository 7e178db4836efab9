package org.sitmap.ui.session;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sitmap.store.pg.PgBrowser;

/** The status bar's line for incidents another client imported: "412 incidents from alice's import of acled.csv". */
final class Arrivals {
    private Arrivals() { }

    /**
     * One line for {@code batches}, which brought {@code rows} incidents (new or changed) into the index, and for
     * {@code edited} incidents written by another program (QGIS, psql; -1: it may have changed anything, and the
     * index was read again).
     */
    static String describe(List<PgBrowser.Batch> batches, int rows, int edited) {
        String edits = edited < 0 ? "the store was changed by another program and read again"
                : edited == 1 ? "1 incident changed by another program"
                : edited + " incidents changed by another program";
        if (batches.isEmpty()) return edits;
        String imports = describe(batches, rows);
        return edited == 0 ? imports : imports + "; " + edits;
    }

    /** One line for {@code batches}, which brought {@code rows} incidents (new or changed) into the index. */
    static String describe(List<PgBrowser.Batch> batches, int rows) {
        String count = rows == 1 ? "1 incident" : rows + " incidents";
        if (batches.size() == 1) {
            PgBrowser.Batch b = batches.get(0);
            String whose = b.user() == null ? "an import" : b.user() + "'s import";
            return count + " from " + whose + " of " + fileName(b.file());
        }
        Set<String> users = new LinkedHashSet<>();
        for (PgBrowser.Batch b : batches) if (b.user() != null) users.add(b.user());
        return count + " from " + batches.size() + " imports" + (users.isEmpty() ? "" : " (" + String.join(", ", users)
                + ")");
    }

    private static String fileName(String file) {
        if (file == null) return "a file";
        int cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(cut + 1);
    }
}
