package org.sitmap.ingest.table;

import org.sitmap.model.InputException;

/** A problem found by a {@link TableRows} itself: its line is already the original file's. */
final class TableException extends InputException {
    TableException(String file, long line, String message) {
        super(file, line, message);
    }

    TableException(String file, long line, String message, Throwable cause) {
        super(file, line, message, cause);
    }
}
