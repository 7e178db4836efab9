package org.sitmap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child import's heap in use, read from its GC log. */
class StoreStagesTest {
    @TempDir Path dir;

    @Test
    void theLiveHeapIsTheMostInUseAfterACollection() throws Exception {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, String.join("\n",
                "[0.004s][info][gc] Using G1",
                "[1.201s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(256M) 3.1ms",
                "[5.500s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 812M->95M(1024M) 9.0ms",
                "[6.100s][info][gc] GC(8) Pause Remark 120M->120M(1024M) 1.2ms",
                "[9.000s][info][gc] GC(9) Pause Young (Concurrent Start) (G1 Humongous Allocation) 300M->91M(1024M) 4ms"));
        assertThat(StoreStages.liveHeapMb(log)).isEqualTo(95);
        Files.writeString(log, "[0.004s][info][gc] Using G1\n");
        assertThat(StoreStages.liveHeapMb(log)).isEqualTo(-1);
        assertThat(StoreStages.liveHeapMb(dir.resolve("none.log"))).isEqualTo(-1);
    }
}
