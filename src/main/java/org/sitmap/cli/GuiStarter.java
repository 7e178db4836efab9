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

    /**
     * Opens the window on a team server: {@code address} is {@code --db} as given ({@code postgresql://...} or
     * {@code service=NAME}, already checked); the password, when the server asks one that is not known, is typed
     * into the window.
     */
    default void startServer(String address, boolean offline) {
        throw new UnsupportedOperationException("this launcher opens no window on a team server");
    }
}
