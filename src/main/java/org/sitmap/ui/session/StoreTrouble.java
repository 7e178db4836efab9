package org.sitmap.ui.session;

import java.nio.file.Path;
import org.sitmap.store.gpkg.StoreCheck;

/**
 * What the window tells the user when the store could not be read: what failed, the verdict of the quick check
 * that ran then ({@code sitmap check --quick}), and the steps to recover. Plain text for a dialog; no toolkit.
 *
 * @param title the dialog's title
 * @param text  its text
 */
public record StoreTrouble(String title, String text) {
    /**
     * @param failure the one-line message of what failed
     * @param check   the quick check's report, or null when the check itself could not run
     */
    public static StoreTrouble of(Path store, String failure, StoreCheck.Report check) {
        StringBuilder sb = new StringBuilder("Sitmap could not read the store ").append(store).append(".\n")
                .append(failure).append("\n\n");
        if (check == null) {
            sb.append("The quick check could not run either. Steps to recover:\n");
            for (String s : StoreCheck.recoverySteps(store)) sb.append(s).append('\n');
            return new StoreTrouble("The store cannot be read", sb.toString().strip());
        }
        if (check.healthy()) {
            sb.append("A quick check found the store whole, so the problem is probably elsewhere (the file's"
                    + " permissions, another program holding it). Close other programs using it and open it again;"
                    + " 'sitmap check --db ").append(store).append("' runs the full check.");
            return new StoreTrouble("The store cannot be read", sb.toString().strip());
        }
        sb.append("A quick check found it damaged:\n");
        for (String f : check.findings()) sb.append("- ").append(f).append('\n');
        sb.append("\nSteps to recover:\n");
        for (String s : StoreCheck.recoverySteps(store)) sb.append(s).append('\n');
        return new StoreTrouble("The store is damaged", sb.toString().strip());
    }
}
