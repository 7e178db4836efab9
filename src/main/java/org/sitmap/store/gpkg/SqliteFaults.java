package org.sitmap.store.gpkg;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sitmap.store.StoreFault;
import org.sqlite.SQLiteErrorCode;

/** SQLite's error codes read as the store faults a user can act on (the shared {@link StoreFault} knows no SQLite). */
final class SqliteFaults {
    private SqliteFaults() { }

    /**
     * The fault behind {@code e}, in plain words, when it is one the user can act on (read-only, disk full,
     * damaged, locked); null for anything else.
     *
     * @param writing whether the failed work was a write that was rolled back (an import)
     */
    static StoreFault of(Path store, SQLException e, boolean writing) {
        int primary = e.getErrorCode() & 0xff;
        String unchanged = writing ? ": nothing was imported, the store is unchanged" : "";
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code) return StoreFault.readOnly(store, e);
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return new StoreFault(StoreFault.Kind.FULL, "the disk holding " + StoreFault.name(store) + " is full" + unchanged, e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return StoreFault.damaged(store, e);
        }
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new StoreFault(StoreFault.Kind.BUSY, StoreFault.name(store) + " is locked by another program" + unchanged
                    + "; close it there and try again", e);
        }
        if (primary == SQLiteErrorCode.SQLITE_INTERRUPT.code) {
            return new StoreFault(StoreFault.Kind.CANCELLED, "reading " + StoreFault.name(store) + " was cancelled" + unchanged, e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return new StoreFault(StoreFault.Kind.OTHER, "cannot open " + StoreFault.name(store) + ": check that its folder exists and"
                    + " can be read", e);
        }
        return null;
    }

}
