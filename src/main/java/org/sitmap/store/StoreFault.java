package org.sitmap.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;

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

    /**
     * The fault behind {@code e}, in plain words, when it is one the user can act on (read-only, disk full,
     * damaged, locked); null for anything else.
     *
     * @param writing whether the failed work was a write that was rolled back (an import)
     */
    public static StoreFault of(Path store, SQLException e, boolean writing) {
        int primary = e.getErrorCode() & 0xff;
        String unchanged = writing ? ": nothing was imported, the store is unchanged" : "";
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code) return readOnly(store, e);
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return new StoreFault(Kind.FULL, "the disk holding " + name(store) + " is full" + unchanged, e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return damaged(store, e);
        }
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new StoreFault(Kind.BUSY, name(store) + " is locked by another program" + unchanged
                    + "; close it there and try again", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_INTERRUPT.code) {
            return new StoreFault(Kind.CANCELLED, "reading " + name(store) + " was cancelled" + unchanged, e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return new StoreFault(Kind.OTHER, "cannot open " + name(store) + ": check that its folder exists and"
                    + " can be read", e);
        }
        return null;
    }

    /** The store is damaged: say so and name the check. */
    public static StoreFault damaged(Path store, Throwable cause) {
        return new StoreFault(Kind.DAMAGED, name(store) + " is damaged: run 'sitmap check --db " + store
                + "' to see what is wrong and how to recover", cause);
    }

    private static String name(Path store) {
        return store == null ? "the store" : store.toString();
    }
}
