package org.sitmap.store.pg;

import org.sitmap.model.InputException;

/**
 * The server asks a password that is not known ({@code PGPASSWORD}, the password file and the address have none),
 * or refused the one given. The command line shows its one line; the window asks for the password instead
 * (see {@link #refused()}). The message never holds the password.
 */
public final class PgPasswordRequired extends InputException {
    private final boolean refused;

    PgPasswordRequired(String message, boolean refused) {
        super(null, 0, message);
        this.refused = refused;
    }

    /** True when a password was given and the server refused it; false when none was known. */
    public boolean refused() {
        return refused;
    }
}
