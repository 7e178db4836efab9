package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sitmap.model.Actor;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.Incident;
import org.sitmap.model.ParsedRow;
import org.sitmap.store.IncidentValues;

/**
 * Decides what an import does with each row read, so that the importing thread only binds and writes: maps the
 * actors to factions, makes the row's column values (in an import into an empty store, which decides by the key
 * alone, they are left {@linkplain IncidentBinding.Row#pending pending} for the importing thread to make, so that
 * the two threads share the work), and by its source key and content hash chooses insert (with a
 * new fid), update (of the stored fid), skip (unchanged) or keep the stored version (older: the source revised the
 * stored one later), or, in an import into an empty store where it keeps only key hashes ({@link KeyHashes}),
 * leaves a row whose key hash it met before to the importing thread (CHECK, {@link DuplicateKeys}); it also gathers the bounds of the rows written, the located places of the rows inserted or
 * updated ({@link PlaceTally}, for the store's gazetteer) and the actor names no alias maps.
 *
 * <p>Threading: {@link #preload} runs on the importing thread before the {@link org.sitmap.store.Prefetch} thread starts;
 * {@link #plan} then runs on that thread alone. The importing thread reads {@link #endFid}, {@link #bounds},
 * {@link #places}, {@link #unmapped} and {@link #reindexed} (and calls {@link #forgetKeys}) only after {@code Prefetch} has handed it the end of the rows: every
 * {@code plan} call happened before that hand-off through the queue, which publishes their effects.
 */
final class RowPlanner {
    /**
     * What becomes of a row. CHECK: the row's key hash was met before in an import into an empty store, so the
     * importing thread decides from the store ({@link DuplicateKeys}); the row has a fid kept for it should it be
     * new after all.
     */
    enum Action { INSERT, UPDATE, SKIP, OLDER, REJECT, CHECK }

    /**
     * A row with its decision: {@code values} are null for a rejected row; {@code fid} is the row to insert or
     * update; {@code deleteFts} asks to remove an older row's full-text entries before its first update.
     */
    record Planned(ParsedRow row, IncidentBinding.Row values, Action action, long fid, boolean deleteFts) {
        /** This row with its values made, if they were {@linkplain IncidentBinding.Row#isPending pending}. */
        Planned complete(IncidentValues made) {
            if (values == null || !values.isPending()) return this;
            return new Planned(row, IncidentBinding.Row.of(values.incident(), made), action, fid, deleteFts);
        }
    }

    /** The revision time of a row whose source gives none. */
    static final long UNREVISED = Long.MIN_VALUE;

    private final FactionCatalog catalog;
    /** Makes the values of the rows this thread decides by their content hash. */
    private final IncidentValues values;
    /** The source keys in the store or written by this import (row, hash, revision time); null in hash mode. */
    private KeyTable known = new KeyTable();
    /** In an import into an empty store, the hashes of the keys met instead ({@link KeyHashes}); else null. */
    private KeyHashes met;
    private final PlaceTally places = new PlaceTally();
    /** Whether an actor name is a known alias of UNK (alias matching is costly; names repeat). */
    private final Map<String, Boolean> unknownAliases = new HashMap<>();
    private final Set<String> unmapped = new LinkedHashSet<>();
    private final Set<Long> reindexed = new HashSet<>();
    /** minLon, minLat, maxLon, maxLat of the rows written. */
    private final double[] bounds = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    private long firstFid;
    private long nextFid;

    RowPlanner(FactionCatalog catalog) {
        this.catalog = catalog;
        this.values = new IncidentValues(catalog);
    }

    /**
     * Reads the store's source keys and hashes; new rows get fids from {@code firstFid} on. An empty store's import
     * keeps only the hashes of the keys it meets ({@link KeyHashes}).
     */
    void preload(Connection conn, long firstFid) throws SQLException {
        this.firstFid = firstFid;
        this.nextFid = firstFid;
        try (PreparedStatement ps = conn.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM incident)");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getBoolean(1)) {
                met = new KeyHashes();
                known = null;
                return;
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT source_key, fid, content_hash, coalesce(source_revised, ?) FROM incident")) {
            ps.setLong(1, UNREVISED);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1), rs.getLong(2), IncidentBinding.hash64(rs.getString(3)), rs.getLong(4));
                }
            }
        }
    }

    /** How many incidents the store had. */
    int stored() {
        return known == null ? 0 : known.size();
    }

    /** The first fid of the rows this import inserts. */
    long firstFid() {
        return firstFid;
    }

    /** Decides about one row (on the reading thread). */
    Planned plan(ParsedRow row) {
        if (row.isRejected()) return new Planned(row, null, Action.REJECT, 0, false);
        Incident inc = normaliseActors(row.incident());
        byte[] key = inc.sourceKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (met != null) {
            // decided by the key's hash alone: the values (content hash, actors, geometry) are left to the importing
            // thread, whose writing costs less than this thread's reading since rows go to SQLite as pages
            IncidentBinding.Row pending = IncidentBinding.Row.pending(inc);
            if (!met.add(key)) return new Planned(row, pending, Action.CHECK, nextFid++, false);
            long fid = nextFid++;
            written(inc, true, bounds, places);
            return new Planned(row, pending, Action.INSERT, fid, false);
        }
        IncidentBinding.Row values = IncidentBinding.Row.of(inc, this.values);
        long hash = IncidentBinding.hash64(values.hash());
        long revised = inc.revised() == null ? UNREVISED : inc.revised().getEpochSecond();
        int k = known.find(key);
        Action action;
        long fid;
        boolean deleteFts = false;
        if (k < 0) {
            action = Action.INSERT;
            fid = nextFid++;
            if (known != null) known.add(key, fid, hash, revised);
        } else if (known.hash(k) == hash) {
            return new Planned(row, values, Action.SKIP, known.fid(k), false);
        } else if (revised != UNREVISED && known.revised(k) != UNREVISED && revised < known.revised(k)) {
            // an older export of an event whose newer version is stored: keep the newer
            return new Planned(row, values, Action.OLDER, known.fid(k), false);
        } else {
            action = Action.UPDATE;
            fid = known.fid(k);
            known.set(k, hash, revised);
            // rows inserted by this import are indexed at its end anyway
            deleteFts = fid < firstFid && reindexed.add(fid);
        }
        written(inc, action == Action.INSERT, bounds, places);
        return new Planned(row, values, action, fid, deleteFts);
    }

    /** Counts a row written (inserted or updated) into {@code bounds} and {@code places}. */
    static void written(Incident inc, boolean inserted, double[] bounds, PlaceTally places) {
        if (inc.located()) {
            bounds[0] = Math.min(bounds[0], inc.longitude());
            bounds[1] = Math.min(bounds[1], inc.latitude());
            bounds[2] = Math.max(bounds[2], inc.longitude());
            bounds[3] = Math.max(bounds[3], inc.latitude());
        }
        places.add(inc, inserted);
    }

    /** Lets the keys go once every row was planned (the phases after the rows need memory; nothing reads them). */
    void forgetKeys() {
        known = null;
        met = null;
    }

    /** The located places of the rows inserted or updated, with how many inserted rows name each. */
    PlaceTally places() { return places; }

    /** The first fid after the rows inserted. */
    long endFid() {
        return nextFid;
    }

    /** Older rows this import updated, whose full-text entries must be made again. */
    Set<Long> reindexed() {
        return reindexed;
    }

    /** minLon, minLat, maxLon, maxLat of the rows written (min above max when none was located). */
    double[] bounds() {
        return bounds;
    }

    /** Actor names kept under UNK that no alias maps, in the order first met. */
    Set<String> unmapped() {
        return unmapped;
    }

    /** Actors whose code the catalog does not know go under UNK; names that no alias maps are reported. */
    private Incident normaliseActors(Incident inc) {
        boolean changed = false;
        List<Actor> actors = new ArrayList<>(inc.actors().size());
        for (Actor a : inc.actors()) {
            Actor kept = a;
            if (catalog.byCode(a.factionCode()).isEmpty()) {
                kept = new Actor(a.name(), Faction.UNKNOWN_CODE);
                changed = true;
            }
            if (kept.factionCode().equals(Faction.UNKNOWN_CODE) && !unknownAliases.computeIfAbsent(kept.name(),
                    n -> catalog.codeFor(n).equals(Optional.of(Faction.UNKNOWN_CODE)))) {
                unmapped.add(kept.name());
            }
            actors.add(kept);
        }
        return changed ? inc.toBuilder().actors(actors).build() : inc;
    }
}
