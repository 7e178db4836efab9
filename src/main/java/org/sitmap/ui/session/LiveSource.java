package org.sitmap.ui.session;

import org.sitmap.index.IncidentIndex;

/**
 * A store other clients write while the window is open (a team server): it can say that something was committed
 * and give the index grown by it. The workspace follows it on a thread of its own ({@link LiveUpdates}).
 *
 * <p>Threading: {@link #awaitChange} is called by the live thread only (a bounded blocking wait, never on the FX
 * thread); {@link #grow} on the worker only, like every other store call.
 */
public interface LiveSource extends IncidentSource {
    /** What one bounded wait saw: whether the server answered, and whether anything was committed since. */
    record Change(boolean connected, boolean committed) { }

    /** The index grown by what was committed, and one line for the status bar saying what arrived. */
    record Growth(IncidentIndex index, String message) { }

    /** Waits at most {@code millis} for another client's commit (the live thread only). */
    Change awaitChange(int millis);

    /**
     * {@code current} (the index the window shows) grown by every import committed after it was loaded, or null
     * when nothing was. Worker only.
     */
    Growth grow(IncidentIndex current);

    /** Stops the waiting of {@link #awaitChange} (its connection); any thread. */
    void stopFollowing();
}
