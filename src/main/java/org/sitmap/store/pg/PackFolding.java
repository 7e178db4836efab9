package org.sitmap.store.pg;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.sitmap.index.IncidentIndex;
import org.sitmap.index.IndexMerge;
import org.sitmap.model.FactionCatalog;

/**
 * The parts of a team store's packs ({@link IndexPacks}) as they stream in, in order: each pack's rows appended, the
 * packs folded newest-over-oldest into one index. Any part out of the planned order makes {@link #add} false.
 *
 * <p>Threading: one reading thread, the one streaming the packs.
 */
final class PackFolding {
    private final FactionCatalog catalog;
    private final List<IndexPacks.Pack> plan;
    private final List<IncidentIndex> stack = new ArrayList<>();
    private int at = -1;
    private int nextPart;
    private PackColumns cols;

    PackFolding(FactionCatalog catalog, List<IndexPacks.Pack> plan) {
        this.catalog = catalog;
        this.plan = plan;
    }

    boolean add(long pack, int part, ByteBuffer payload) {
        if (cols == null || nextPart == plan.get(at).parts()) {
            if (cols != null) push(cols.build(catalog));
            at++;
            if (at >= plan.size() || plan.get(at).rows() > Integer.MAX_VALUE) return false;
            cols = new PackColumns((int) plan.get(at).rows());
            nextPart = 0;
        }
        if (plan.get(at).pack() != pack || part != nextPart++) return false;
        cols.add(payload);
        return true;
    }

    /**
     * Folds with a run stack: a pack is merged into the one below while that one is not much larger, so many
     * small imports merge among themselves and a large base is copied about once, not once per import.
     */
    private void push(IncidentIndex ix) {
        stack.add(ix);
        while (stack.size() >= 2 && stack.get(stack.size() - 2).size() <= 2L * stack.get(stack.size() - 1).size()) {
            collapseTop();
        }
    }

    private void collapseTop() {
        IncidentIndex newer = stack.remove(stack.size() - 1);
        IncidentIndex older = stack.remove(stack.size() - 1);
        stack.add(IndexMerge.merge(older, newer));
    }

    IncidentIndex finish() {
        if (cols == null || at != plan.size() - 1 || nextPart != plan.get(at).parts()) return null;
        push(cols.build(catalog));
        while (stack.size() >= 2) collapseTop();
        return stack.get(0);
    }
}
