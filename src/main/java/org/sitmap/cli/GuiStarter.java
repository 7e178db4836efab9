package org.sitmap.cli;

import java.nio.file.Path;

/** Starts the window; supplied by the app layer so the command line does not depend on the UI. */
@FunctionalInterface
public interface GuiStarter {
    /**
     * @param db      the store to open, or null for the default store
     * @param offline true to guarantee that no network connection is opened
     */
    void start(Path db, boolean offline);
}
