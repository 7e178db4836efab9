package org.sitmap.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.store.pg.PgCluster;
import org.sitmap.store.pg.PgLocation;

/** The bench's server-window stages run on a small team store and report both keys (figures belong to the bench). */
class ServerWindowStagesTest {
    @TempDir
    Path dir;

    @Test
    void bothKeysAreMeasuredWithTheWindowsCode() throws Exception {
        String why = PgCluster.unavailable();
        assumeTrue(why == null, why);
        PgCluster pg = PgCluster.shared();
        PgLocation owner = pg.teamStore("benchlive");
        SyntheticData data = PgCluster.synthetic();
        PgCluster.importFile(owner, data.writeAcledCsv(dir.resolve("base.csv"), 2_000, 1));
        BenchResult out = new BenchResult(2_000);
        ServerWindowStages stages = new ServerWindowStages(new PrintStream(java.io.OutputStream.nullOutputStream()), 2);
        stages.openWithSnapshot(out, owner, dir.resolve("cache"), 2_000);
        stages.liveVisible(out, owner, owner, data, dir, 2_000);
        assertThat(out.get("open_with_snapshot_ms")).isNotNull();
        assertThat(out.get("live_visible_ms")).isNotNull();
        assertThat(out.toTable()).contains("local snapshot, current");
    }
}
