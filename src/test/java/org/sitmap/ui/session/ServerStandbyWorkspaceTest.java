package org.sitmap.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.index.IncidentIndex;
import org.sitmap.model.ImportReport;
import org.sitmap.store.pg.PgCluster;
import org.sitmap.store.pg.PgEnvironment;
import org.sitmap.store.pg.PgLocation;
import org.sitmap.store.pg.PgSnapshot;
import org.sitmap.store.pg.PgStore;

/**
 * The window on a team whose address names a streaming standby and its primary (standby first, no
 * {@code target_session_attrs}): the workspace browses the standby, another client's import goes to the primary,
 * and it still reaches the open workspace (the standby's change feed, which cannot LISTEN, asks after each bounded
 * wait). Waits are bounded and event-driven, never sleeps.
 */
class ServerStandbyWorkspaceTest {
    private static PgCluster primary;
    private static PgCluster standby;
    @TempDir
    static Path dir;
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });

    @BeforeAll
    static void clusters() throws Exception {
        primary = PgCluster.sharedOrSkip();
        primary.teamStore("stby");
        primary.createLogin("stby_ed", "pw-stby-ed");
        primary.execute("stby", "GRANT sitmap_editor TO stby_ed");
        standby = primary.standby();
    }

    /** One address for the whole team: the standby listed first, nothing said about sessions. */
    private static PgLocation address() {
        return PgLocation.parse("postgresql://stby_ed:pw-stby-ed@127.0.0.1:" + standby.port() + ",127.0.0.1:"
                + primary.port() + "/stby?sslmode=disable", new PgEnvironment(Map.of(), dir, "nobody"));
    }

    private static ImportReport importRows(String prefix, int n, int seed) throws Exception {
        Path f = PgCluster.synthetic().writeAcledCsv(dir.resolve(prefix + ".csv"), n, seed);
        List<String> lines = Files.readAllLines(f);
        lines.replaceAll(l -> l.startsWith("SYN") ? prefix + l.substring(3) : l);
        Files.write(f, lines);
        return PgCluster.importFile(address().forWrites(), f);
    }

    private <T> T onUi(Supplier<T> s) throws Exception {
        return CompletableFuture.supplyAsync(s, ui).get(30, TimeUnit.SECONDS);
    }

    private static int count(Workspace ws) {
        IncidentIndex ix = ws.session().indexProperty().get();
        return ix == null ? -1 : ix.size();
    }

    /** Completes when {@code n} incidents are in the workspace's index (checked on the ui thread at each change). */
    private CompletableFuture<Void> reaching(Workspace ws, int n) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onUi(() -> {
            if (count(ws) == n) done.complete(null);
            ws.session().indexProperty().addListener(x -> { if (count(ws) == n) done.complete(null); });
            return null;
        });
        return done;
    }

    @Test
    void aWindowBrowsingTheStandbySeesAnImportOnThePrimary() throws Exception {
        importRows("SBA", 300, 3);
        Workspace ws = Workspace.open(new ServerOpener(address(), null, new PgSnapshot(dir.resolve("cache"))), null,
                null, ui::execute);
        try {
            // the standby replays the first import in its own time: wait for it rather than assume it
            CompletableFuture<Void> loaded = reaching(ws, 300);
            onUi(() -> {
                ws.load();
                return null;
            });
            loaded.get(30, TimeUnit.SECONDS);
            assertTrue(CompletableFuture.supplyAsync(() -> ws.source().read(s -> ((PgStore) s).onStandby()), ws::execute)
                    .get(30, TimeUnit.SECONDS), "the window reads the standby");
            assertTrue(onUi(() -> ws.writableProperty().get()), "an editor browsing a standby may still import");

            CompletableFuture<Void> grown = reaching(ws, 1300);
            long t0 = System.nanoTime();
            ImportReport r = importRows("SBB", 1000, 4);
            assertEquals(1000, r.imported());
            grown.get(15, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.println("standby window: a 1,000-row import on the primary visible after " + ms + " ms");
            assertThat(onUi(() -> ws.session().messageProperty().get())).contains("stby_ed's import of SBB.csv");
        } finally {
            ws.close();
        }
    }
}
