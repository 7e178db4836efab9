package org.sitmap.export;

import org.sitmap.index.Selection;
import org.sitmap.render.Viewport;

/** Test access to package-private parts of the renderer. */
public final class SnapshotRendererAccess {
    private SnapshotRendererAccess() { }

    public static Selection inView(Selection sel, Viewport vp) { return SnapshotRenderer.inView(sel, vp); }
}
