package org.sitmap.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;

/** What opening a store for writing sets up before its migrations and after them: the journal and the factions. */
final class StoreSetup {
    private StoreSetup() { }

    /**
     * New files get 16 KiB pages (faster bulk imports and scans); every store runs in WAL mode, imports too
     * ({@link BulkMode}), so that readers never wait for a writer. An SQLite file
     * with tables but without Sitmap's migration table is someone else's database and is left alone. Returns
     * whether the file was new (no tables).
     */
    static boolean journal(Connection c) throws SQLException {
        boolean empty;
        boolean ours;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), count(CASE WHEN name = 'sitmap_migration'"
                + " THEN 1 END) FROM sqlite_master");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            empty = rs.getInt(1) == 0;
            ours = rs.getInt(2) > 0;
        }
        if (!empty && !ours) {
            throw new org.sitmap.model.InputException(null, 0, "not a Sitmap store (an SQLite file without Sitmap's"
                    + " tables); give a new file name to create a store");
        }
        try (java.sql.Statement st = c.createStatement()) {
            if (empty) st.execute("PRAGMA page_size = 16384");
            st.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            // another program has the store open in rollback-journal mode; the next import switches to WAL
            if (!BulkMode.busy(e)) throw e;
        }
        return empty;
    }

    /** Writes the catalog's factions into the store, when they differ from those stored (an open writes nothing else). */
    static void syncFactions(Connection c, FactionCatalog catalog) throws SQLException {
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < catalog.size(); i++) {
            Faction f = catalog.get(i);
            want.append(f.code()).append('\t').append(f.name()).append('\t').append(String.join("|", f.aliases()))
                    .append('\t').append(f.hexColour()).append('\t').append(i).append('\n');
        }
        StringBuilder have = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, name, aliases, colour, ord FROM faction ORDER BY ord");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                have.append(rs.getString(1)).append('\t').append(rs.getString(2)).append('\t').append(rs.getString(3))
                        .append('\t').append(rs.getString(4)).append('\t').append(rs.getInt(5)).append('\n');
            }
        }
        if (have.toString().contentEquals(want)) return;
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO faction(code, name, aliases, colour, ord) VALUES (?,?,?,?,?) ON CONFLICT(code) DO UPDATE"
                        + " SET name=excluded.name, aliases=excluded.aliases, colour=excluded.colour, ord=excluded.ord")) {
            for (int i = 0; i < catalog.size(); i++) {
                Faction f = catalog.get(i);
                ps.setString(1, f.code());
                ps.setString(2, f.name());
                ps.setString(3, String.join("|", f.aliases()));
                ps.setString(4, f.hexColour());
                ps.setInt(5, i);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
