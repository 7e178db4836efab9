package org.sitmap.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.ingest.acled.AcledReader;
import org.sitmap.model.FilterSpec;
import org.sitmap.model.ImportReport;
import org.sitmap.model.IncidentReader;
import org.sitmap.store.ImportOptions;
import org.sitmap.testutil.EventFiles;
import org.sitmap.testutil.Fixtures;

/**
 * Readers while a 200,000-row import runs: a query starts every 100 ms (a scheduled loop), each on its own
 * read-only connection as {@code sitmap query} opens one. Every query must succeed; those that run while the import
 * writes must answer in under a second and see the store as it was before the import. (A query that overlaps the
 * import's end shares the disk with the checkpoint that copies the import into the database file: it is allowed a
 * few seconds on a loaded machine, far below the 10 s busy timeout a lock wait would show.)
 */
class ReadDuringImportTest {
    @TempDir Path dir;

    /** One query's outcome: whether the import was running for all of it, its count, its time, its failure. */
    private record Run(boolean during, int count, long nanos, Throwable failure) { }

    @Test
    void queriesEvery100msDuringA200000RowImportAllSucceedAtOnceAndSeeTheCommittedState() throws Exception {
        Path db = dir.resolve("store.gpkg");
        Path first = Fixtures.write(dir.resolve("first.csv"), EventFiles.acledGenerated(300));
        try (IncidentStore s = IncidentStore.open(db);
             IncidentReader r = new AcledReader(Files.newInputStream(first), first.toString(), s.factions())) {
            s.importAll(r, ImportOptions.DEFAULT, null);
        }
        int before;
        try (IncidentStore s = IncidentStore.openReadOnly(db)) {
            before = s.query(FilterSpec.ALL.withDates(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 1, 7))).size();
        }
        Path big = dir.resolve("big.csv");
        Files.writeString(big, EventFiles.acledGenerated(200_000).replace("GEN", "BIG"));

        AtomicBoolean inside = new AtomicBoolean();   // the import's transaction has written rows
        AtomicBoolean finished = new AtomicBoolean();   // the import has reached its commit (last progress report)
        ConcurrentLinkedQueue<Run> runs = new ConcurrentLinkedQueue<>();
        // a week: a few incidents before the import, a few hundred after it (the query's own cost stays small)
        FilterSpec window = FilterSpec.ALL.withDates(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 1, 7));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> loop = timer.scheduleAtFixedRate(() -> {
            boolean atStart = inside.get() && !finished.get();
            long t0 = System.nanoTime();
            try (IncidentStore reader = IncidentStore.openReadOnly(db)) {
                int n = reader.query(window).size();
                runs.add(new Run(atStart && !finished.get(), n, System.nanoTime() - t0, null));
            } catch (Throwable t) {
                runs.add(new Run(atStart, -1, System.nanoTime() - t0, t));
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        ImportReport report;
        try {
            report = CompletableFuture.supplyAsync(() -> {
                try (IncidentStore s = IncidentStore.open(db);
                     IncidentReader r = new AcledReader(Files.newInputStream(big), big.toString(), s.factions())) {
                    return s.importAll(r, ImportOptions.DEFAULT, n -> {
                        inside.set(true);
                        if (n == 200_000) finished.set(true);   // reported once more just before the commit
                    });
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } finally {
                    finished.set(true);
                }
            }).get(10, TimeUnit.MINUTES);
        } finally {
            loop.cancel(false);
            timer.shutdown();
            assertThat(timer.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(report.imported()).isEqualTo(200_000);
        List<Run> all = List.copyOf(runs);
        assertThat(all).allSatisfy(r -> assertThat(r.failure()).as("a query failed").isNull());
        List<Run> during = all.stream().filter(Run::during).toList();
        assertThat(during).allSatisfy(r -> assertThat(r.nanos()).as("query time (ns)").isLessThan(1_000_000_000L));
        // a query that overlaps the end of the import (the commit's checkpoint copies the whole import into the
        // database file) competes with it for the disk and reads rows just committed; it must not wait for a lock
        assertThat(all).allSatisfy(r -> assertThat(r.nanos()).as("query time (ns)").isLessThan(5_000_000_000L));
        assertThat(during).as("queries that ran entirely during the import").hasSizeGreaterThanOrEqualTo(3);
        assertThat(during).allSatisfy(r -> assertThat(r.count()).isEqualTo(before));
        try (IncidentStore after = IncidentStore.openReadOnly(db)) {
            assertThat(after.count()).isEqualTo(200_300);
            assertThat(after.query(window).size()).isGreaterThan(before);
        }
    }
}
