package org.sitmap.store;

/** A failure of the store itself (SQLite error, disk full, corrupt file): not the user's input. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
