package org.sitmap.store;

import java.util.List;

/**
 * The outcome of checking a store ({@code sitmap check}, the window's check of a damaged store).
 *
 * @param store    the store as named to the user (a file, or a server without its password)
 * @param healthy  nothing wrong found
 * @param passed   the parts that were checked and found fine, in plain words
 * @param findings what is wrong, one plain line each
 * @param recovery what to do when something is wrong, one step a line (empty when healthy)
 */
public record CheckReport(String store, boolean healthy, List<String> passed, List<String> findings,
                          List<String> recovery) {
    public CheckReport {
        passed = List.copyOf(passed);
        findings = List.copyOf(findings);
        recovery = List.copyOf(recovery);
    }

    /** A verdict, the findings, and (when damaged) the steps to recover; plain text for the terminal or a dialog. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(store).append(healthy ? ": healthy" : ": damaged").append('\n');
        for (String p : passed) sb.append("  ok: ").append(p).append('\n');
        for (String f : findings) sb.append("  problem: ").append(f).append('\n');
        if (!healthy) {
            sb.append("What to do:\n");
            for (String s : recovery) sb.append("  ").append(s).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
