package org.sitmap.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.Incident;
import org.sitmap.model.IncidentReader;
import org.sitmap.model.Place;

/**
 * An open Sitmap store, whichever kind: what the window, the importers and the command line need from one. Two
 * implementations: a GeoPackage file ({@code store.gpkg.IncidentStore}) and a team store on a PostgreSQL/PostGIS
 * server ({@code store.pg.PgStore}). Both keep the same fields under the same names, the same stable keys and content
 * hashes ({@link IncidentValues}), and answer the same {@link FilterSpec} with the same incidents in the same order;
 * one contract test suite runs against both.
 *
 * <p>Failures: a {@link StoreFault} (or an {@code InputException}) whose message is one plain line that names the
 * store as {@link #display()} gives it, never with a password; anything else is a {@link StoreException}.
 *
 * <p>Threading: blocking calls, one at a time per store (implementations synchronize); call them from background
 * threads only, never from the FX thread. Only {@link #interrupt()} may be called while another thread is inside.
 */
public interface IncidentStorage extends AutoCloseable {
    /**
     * The store's name for messages and the status bar: the file as given, or {@code postgresql://user@host:port/db}
     * (never a password).
     */
    String display();

    /** The GeoPackage file behind this store; null for a server. */
    Path file();

    /** The factions incidents are stored under. */
    FactionCatalog factions();

    /** The applied schema version of this kind of store. */
    int schemaVersion();

    /** Number of incidents. */
    int count();

    /** Whether imports into this store are allowed (false: a read-only file or folder, or a server role that only reads). */
    boolean writable();

    /**
     * Every incident's filter columns as a fresh in-memory index; a second reading thread, where the store uses one,
     * runs on {@code helper} ({@code Runnable::run}: all on the calling thread).
     */
    IncidentIndex loadIndex(Executor helper);

    /** As {@link #loadIndex(Executor)}, with whatever helper the store sees fit. */
    IncidentIndex loadIndex();

    /**
     * Stops the statement running on this store from any thread; the interrupted call throws a {@link StoreFault} of
     * kind {@link StoreFault.Kind#CANCELLED}. Not synchronized, by design.
     */
    void interrupt();

    /**
     * Ids of the incidents whose place, summary or evidence hold every word typed (the last one also as the start of
     * a word), ascending. Words without a letter or digit match nothing.
     */
    long[] searchText(String words);

    /** One incident with every field. */
    Optional<Incident> incident(long id);

    /**
     * Streams the incidents that pass {@code spec}, ordered by date then id, to {@code sink} on the calling thread
     * (for exports and queries of any size). The store stays busy until the last one is delivered; {@code sink}
     * must not call back into the store.
     *
     * @return the number delivered
     */
    long forEach(FilterSpec spec, Consumer<Incident> sink);

    /** The incidents that pass {@code spec}, ordered by date then id, in a list. */
    default List<Incident> query(FilterSpec spec) {
        List<Incident> out = new ArrayList<>();
        forEach(spec, out::add);
        return out;
    }

    /**
     * The data sets and sources of the incidents that pass {@code spec} (the drawn area excepted), most incidents
     * first: pairs of {the source key's prefix before ':' in lower case (may be empty), the reported source (may
     * be null)}.
     */
    List<String[]> sources(FilterSpec spec);

    /**
     * As {@link #sources(FilterSpec)}, for the incidents of {@code shown} (a selection of this store's index made
     * with {@code spec}, the drawn area included); a store may count them from the index's rows instead of asking
     * its database. By default, {@link #sources(FilterSpec)}.
     */
    default List<String[]> sources(FilterSpec spec, org.sitmap.index.Selection shown) {
        return sources(spec);
    }

    /**
     * Imports every row of {@code reader} in one transaction: all or nothing, stable keys (a re-import adds
     * nothing), places of located events learned into the gazetteer. Stopped when {@code cancelled} turns true or
     * the calling thread is interrupted: the store is then as before, and a {@link StoreFault} of kind
     * {@link StoreFault.Kind#CANCELLED} is thrown.
     *
     * @param progress receives the number of rows read so far, now and then (on the calling thread); may be null
     * @throws org.sitmap.model.InputException one line when this store may not be written, or in strict mode at the
     *                                         first rejected row
     */
    ImportReport importAll(IncidentReader reader, ImportOptions options, LongConsumer progress, BooleanSupplier cancelled);

    /** As {@link #importAll(IncidentReader, ImportOptions, LongConsumer, BooleanSupplier)}, never cancelled. */
    default ImportReport importAll(IncidentReader reader, ImportOptions options, LongConsumer progress) {
        return importAll(reader, options, progress, () -> false);
    }

    /** Every gazetteer entry (learned from imports or added from a gazetteer file), in insertion order. */
    List<Place> places();

    /** Every gazetteer entry with its precision and event count, in insertion order (for {@code sitmap gazetteer}). */
    List<StoredPlace> storedPlaces();

    /**
     * Adds gazetteer entries in one transaction; an entry whose name, source and position equal a stored one
     * replaces it.
     *
     * @return the number of entries written
     */
    int upsertPlaces(List<Place> places);

    /** The import batches, oldest first. */
    List<ImportBatch> batches();

    /**
     * Whether the store is whole, checked without writing anything; {@code quick} for the form that takes seconds on
     * a large store. Never throws for a damaged store: the damage is the report's finding.
     */
    CheckReport check(boolean quick);

    @Override
    void close();
}
