package org.sitmap.store;

import java.nio.file.Path;

/**
 * A failure of the store that the user can act on, with a message that is one plain line: what happened to which
 * store, and what to do. The command line prints it as it is; the window shows it. The SQLite text stays in the
 * cause (for the log).
 */
public class StoreFault extends StoreException {
    /** What kind of fault, for callers that react differently (the window offers the check for a damaged store). */
    public enum Kind { READ_ONLY, FULL, DAMAGED, BUSY, CANCELLED, OTHER }

    private final Kind kind;

    public StoreFault(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() { return kind; }

    /** The store cannot be written (read-only file or folder). */
    public static StoreFault readOnly(Path store, Throwable cause) {
        return new StoreFault(Kind.READ_ONLY, name(store) + " is read-only: copy it or choose another with --db", cause);
    }

    /** The store is damaged: say so and name the check. */
    public static StoreFault damaged(Path store, Throwable cause) {
        return new StoreFault(Kind.DAMAGED, name(store) + " is damaged: run 'sitmap check --db " + store
                + "' to see what is wrong and how to recover", cause);
    }

    /** How a message names {@code store}. */
    public static String name(Path store) {
        return store == null ? "the store" : store.toString();
    }
}
