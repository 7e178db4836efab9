package org.sitmap.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.beans.Observable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.bench.SyntheticData;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.FilterSpec;
import org.sitmap.store.pg.PgCluster;
import org.sitmap.store.pg.PgLocation;
import org.sitmap.store.pg.PgSnapshot;

/**
 * A workspace on a team server, as the window has it: the index streamed, then grown live by another client's
 * import or another program's edit within two seconds (filter and selection kept), a cut connection or a restarted
 * server noticed and caught up, a reader offered no import, and the local snapshot making a reopen fetch only what is
 * new. Waits are bounded and event-driven (listeners on the workspace's properties), never sleeps.
 */
class ServerWorkspaceTest {
    private static PgCluster pg;
    private static SyntheticData data;
    @TempDir
    static Path dir;
    private static int files;
    // the test's "FX thread"; a daemon left running, since a closed workspace's worker may still hand it results
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });
    private final List<Workspace> open = new ArrayList<>();

    @BeforeAll
    static void cluster() throws Exception {
        pg = PgCluster.sharedOrSkip();
        pg.teamStore("live");
        pg.createLogin("live_ed", "pw-live-ed");
        pg.createLogin("live_rd", "pw-live-rd");
        pg.execute("live", "GRANT sitmap_editor TO live_ed");
        pg.execute("live", "GRANT sitmap_reader TO live_rd");
        data = PgCluster.synthetic();
        importRows(300);
    }

    @AfterEach
    void closeAll() {
        for (Workspace w : open) w.close();
    }

    static PgLocation reader() {
        return pg.location("live_rd", "pw-live-rd", "live");
    }

    static PgLocation editor() {
        return pg.location("live_ed", "pw-live-ed", "live");
    }

    /** Another client's import of {@code n} new synthetic incidents (keys of their own). */
    static org.sitmap.model.ImportReport importRows(int n) throws Exception {
        String name = "L" + (++files);
        Path f = data.writeAcledCsv(dir.resolve(name + ".csv"), n, files);
        List<String> lines = Files.readAllLines(f);
        lines.replaceAll(l -> l.startsWith("SYN") ? name + l.substring(3) : l);
        Files.write(f, lines);
        return PgCluster.importFile(editor(), f);
    }

    private Workspace open(PgLocation where, Path cache) throws Exception {
        Workspace ws = Workspace.open(new ServerOpener(where, null, new PgSnapshot(cache)), null, null, ui::execute);
        open.add(ws);
        onUi(() -> {
            ws.load();
            return null;
        });
        await(ws, () -> ws.session().indexProperty().get() != null, 30_000, ws.session().indexProperty());
        return ws;
    }

    private <T> T onUi(Callable<T> c) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return c.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, ui).get(30, TimeUnit.SECONDS);
    }

    /** Waits at most {@code millis} until {@code cond} (read on the ui thread) holds, rechecking when {@code on} changes. */
    private void await(Workspace ws, BooleanSupplier cond, long millis, Observable... on) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onUi(() -> {
            if (cond.getAsBoolean()) done.complete(null);
            for (Observable o : on) o.addListener(x -> { if (cond.getAsBoolean()) done.complete(null); });
            return null;
        });
        done.get(millis, TimeUnit.MILLISECONDS);
    }

    /** Returns once the workspace's live connection is up: a small import has reached it. */
    private void following(Workspace ws) throws Exception {
        int before = onUi(() -> count(ws));
        importRows(5);
        await(ws, () -> count(ws) == before + 5, 15_000, ws.session().indexProperty());
    }

    private static int count(Workspace ws) {
        IncidentIndex ix = ws.session().indexProperty().get();
        return ix == null ? -1 : ix.size();
    }

    @Test
    void theIndexComesFromTheServerAndAnotherClientsImportArrivesWithinTwoSeconds() throws Exception {
        Workspace ws = open(reader(), dir.resolve("cache-live"));
        int before = onUi(() -> count(ws));
        assertThat(before).isGreaterThanOrEqualTo(300);
        assertThat(onUi(() -> ws.session().messageProperty().get()))
                .startsWith(reader().display()).contains("sitmap_editor").doesNotContain("pw-live");
        assertFalse(onUi(() -> ws.writableProperty().get()), "a reader is offered no import");
        // the analyst's filter and selection before the import
        IncidentIndex ix = onUi(() -> ws.session().indexProperty().get());
        long selected = ix.id(ix.size() / 2);
        FilterSpec spec = org.sitmap.ui.session.SessionViewModel.ALL.withDates(java.time.LocalDate.of(1990, 1, 1), null);
        onUi(() -> {
            ws.session().filterProperty().set(spec);
            ws.session().selectedIdProperty().set(selected);
            return null;
        });
        // details and text search come from the server
        String word = ix.place(0).split("[^\\p{L}]+")[0];
        long[] hits = CompletableFuture.supplyAsync(() -> ws.textMatches(word), ws::execute).get(30, TimeUnit.SECONDS);
        assertThat(hits).contains(ix.id(0));
        assertTrue(CompletableFuture.supplyAsync(() -> ws.source().incident(selected), ws::execute)
                .get(30, TimeUnit.SECONDS).isPresent());

        org.sitmap.model.ImportReport r = importRows(1000);
        await(ws, () -> count(ws) == before + 1000, 2_000, ws.session().indexProperty());
        assertEquals(before + 1000, onUi(() -> count(ws)));
        assertThat(onUi(() -> ws.session().messageProperty().get()))
                .isEqualTo(r.imported() + " incidents from live_ed's import of L" + files + ".csv");
        assertEquals(spec.withFactionRule(org.sitmap.model.FactionRule.PRIMARY),
                onUi(() -> ws.session().filterProperty().get()), "the filter is kept");
        assertEquals(selected, onUi(() -> ws.session().selectedIdProperty().get()), "the selection is kept");
    }

    @Test
    void anEditInAnotherProgramArrivesWithinTwoSeconds() throws Exception {
        Workspace ws = open(reader(), dir.resolve("cache-edit"));
        following(ws);
        IncidentIndex ix = onUi(() -> ws.session().indexProperty().get());
        int before = ix.size();
        long gone = ix.id(0);
        long moved = ix.id(1);
        // as QGIS commits an edit session: one transaction, a row deleted and a point moved
        pg.execute("live", "BEGIN; DELETE FROM sitmap.incident WHERE fid = " + gone + "; UPDATE sitmap.incident"
                + " SET geom = ST_SetSRID(ST_MakePoint(36.6356, 35.6301), 4326) WHERE fid = " + moved + "; COMMIT");
        await(ws, () -> count(ws) == before - 1, 2_000, ws.session().indexProperty());
        IncidentIndex now = onUi(() -> ws.session().indexProperty().get());
        assertEquals(-1, now.rowOf(gone));
        assertEquals(35.6301f, now.lat(now.rowOf(moved)), 1e-4f);
        assertThat(onUi(() -> ws.session().messageProperty().get())).isEqualTo("2 incidents changed by another program");
    }

    @Test
    void aMissingPasswordIsAskedForAndNeverWrittenAnywhere() throws Exception {
        List<String> logged = new ArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord r) {
                StringBuilder t = new StringBuilder(String.valueOf(new java.util.logging.SimpleFormatter().format(r)));
                synchronized (logged) {
                    logged.add(t.toString());
                }
            }

            @Override public void flush() { }

            @Override public void close() { }
        };
        h.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Logger sitmap = java.util.logging.Logger.getLogger("org.sitmap");
        java.util.logging.Logger driver = java.util.logging.Logger.getLogger("org.postgresql");
        java.util.logging.Level was = sitmap.getLevel();
        java.util.logging.Level wasDriver = driver.getLevel();
        root.addHandler(h);
        sitmap.setLevel(java.util.logging.Level.ALL);
        driver.setLevel(java.util.logging.Level.ALL);
        try {
            List<Boolean> asked = new ArrayList<>();
            PgLocation noPassword = pg.location("live_rd", null, "live");
            assertFalse(noPassword.hasPassword());
            Path cache = dir.resolve("cache-pw");
            ServerOpener opener = new ServerOpener(noPassword, (server, user, refused) -> {
                asked.add(refused);
                assertEquals(noPassword.display(), server);
                assertEquals("live_rd", user);
                return (asked.size() == 1 ? "pw-wrong-typed" : "pw-live-rd").toCharArray();
            }, new PgSnapshot(cache));
            Workspace ws = Workspace.open(opener, null, null, ui::execute);
            open.add(ws);
            onUi(() -> {
                ws.load();
                return null;
            });
            await(ws, () -> ws.session().indexProperty().get() != null, 30_000, ws.session().indexProperty());
            assertEquals(List.of(true), asked.subList(1, 2), "asked again after a refused password");
            assertEquals(false, asked.get(0), "first asked because none was known");
            assertEquals(2, asked.size());
            String status = onUi(() -> ws.session().messageProperty().get());
            assertThat(status).startsWith(noPassword.display());
            // the live feed reconnects with the typed password too
            int before = onUi(() -> count(ws));
            importRows(10);
            await(ws, () -> count(ws) == before + 10, 2_000, ws.session().indexProperty());
            ws.close();
            List<String> everything = new ArrayList<>();
            synchronized (logged) {
                everything.addAll(logged);
            }
            everything.add(status);
            everything.add(opener.display());
            try (var files = Files.walk(cache)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    everything.add(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(everything).isNotEmpty().noneMatch(t -> t.contains("pw-live-rd") || t.contains("pw-wrong-typed"));
            assertThat(logged).as("the log was captured").isNotEmpty();
        } finally {
            root.removeHandler(h);
            sitmap.setLevel(was);
            driver.setLevel(wasDriver);
        }
    }

    @Test
    void anEditorImportsFromTheWindowIntoTheServer() throws Exception {
        Workspace ws = open(editor(), dir.resolve("cache-editor"));
        assertTrue(onUi(() -> ws.writableProperty().get()), "an editor is offered imports");
        assertEquals(editor().display(), onUi(() -> ws.session().messageProperty().get()));
        int before = onUi(() -> count(ws));
        Path f = data.writeAcledCsv(dir.resolve("window.csv"), 40, 99);
        List<String> lines = Files.readAllLines(f);
        lines.replaceAll(l -> l.startsWith("SYN") ? "WIN" + l.substring(3) : l);
        Files.write(f, lines);
        org.sitmap.model.ImportReport r = CompletableFuture.supplyAsync(() -> ws.write(s -> {
            try (org.sitmap.model.IncidentReader in = org.sitmap.store.gpkg.StoreFileReader.open(f, "auto",
                    new org.sitmap.ingest.ReaderContext(s.factions(), null))) {
                return s.importAll(in, org.sitmap.store.ImportOptions.DEFAULT, n -> { });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), ws::execute).get(30, TimeUnit.SECONDS);
        assertEquals(40, r.imported());
        await(ws, () -> count(ws) == before + 40, 15_000, ws.session().indexProperty());
    }

    @Test
    void aTerminatedConnectionIsNoticedAndCaughtUp() throws Exception {
        Workspace ws = open(reader(), dir.resolve("cache-kill"));
        following(ws);
        int before = onUi(() -> count(ws));
        List<String> lines = new ArrayList<>();
        onUi(() -> {
            ws.session().messageProperty().addListener((o, a, b) -> lines.add(b));
            return null;
        });
        pg.execute("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'live_rd'");
        importRows(200);
        await(ws, () -> count(ws) == before + 200, 15_000, ws.session().indexProperty());
        assertTrue(onUi(() -> ws.onlineProperty().get()));
        assertThat(onUi(() -> List.copyOf(lines))).anyMatch(l -> l.startsWith("Lost the connection to "
                + reader().display()));
    }

    @Test
    void aRestartedServerIsNoticedAndCaughtUp() throws Exception {
        Workspace ws = open(reader(), dir.resolve("cache-restart"));
        following(ws);
        int before = onUi(() -> count(ws));
        pg.stopServer();
        try {
            await(ws, () -> !ws.onlineProperty().get(), 15_000, ws.onlineProperty());
            assertThat(onUi(() -> ws.session().messageProperty().get())).contains("Lost the connection")
                    .contains("reconnecting");
        } finally {
            pg.startServer();
        }
        importRows(150);
        await(ws, () -> count(ws) == before + 150, 30_000, ws.session().indexProperty());
        assertTrue(onUi(() -> ws.onlineProperty().get()));
    }

    @Test
    void aReopenLoadsTheLocalSnapshotAndFetchesOnlyNewImports() throws Exception {
        Path cache = dir.resolve("cache-reopen");
        Workspace first = open(reader(), cache);
        int before = onUi(() -> count(first));
        assertEquals("streamed from the server", ((ServerSource) first.source()).howLoaded());
        first.close();
        importRows(120);
        Workspace second = open(reader(), cache);
        assertEquals(before + 120, onUi(() -> count(second)));
        assertEquals("local snapshot + 120 new from the server", ((ServerSource) second.source()).howLoaded());
        second.close();
        Workspace third = open(reader(), cache);
        assertEquals("local snapshot, current", ((ServerSource) third.source()).howLoaded());
        assertEquals(before + 120, onUi(() -> count(third)));
        third.close();
        // a damaged snapshot is not used: the index is streamed again, whole
        try (var files = Files.list(cache.resolve("."))) {
            for (Path f : files.toList()) {
                byte[] b = Files.readAllBytes(f);
                b[b.length / 2] ^= 0x55;
                Files.write(f, b);
            }
        }
        Workspace fourth = open(reader(), cache);
        assertEquals("streamed from the server", ((ServerSource) fourth.source()).howLoaded());
        assertEquals(before + 120, onUi(() -> count(fourth)));
    }
}
