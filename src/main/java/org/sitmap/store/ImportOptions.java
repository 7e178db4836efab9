package org.sitmap.store;

/**
 * How an import treats bad rows and what it stores.
 *
 * @param strict  reject the whole file at the first bad row (nothing stored)
 * @param dryRun  read and report everything, store nothing
 */
public record ImportOptions(boolean strict, boolean dryRun) {
    public static final ImportOptions DEFAULT = new ImportOptions(false, false);
}
