package org.sitmap.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the layering of README.md ("How it is built"): model ← geo, index, ingest, render ← store, tiles ← seed,
 * export ← ui, cli, bench ← app — in detail, which package may use which ({@link #eachCorePackageUsesOnlyThoseBelowIt})
 * — with no package cycles and no class cycles inside the window ({@code ui}), JavaFX only in ui and app, SQL only in
 * store (and the MBTiles reader in tiles), JTS only in geo.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sitmap");
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("org.sitmap.model..")
                .layer("core").definedBy("org.sitmap.store..", "org.sitmap.ingest..", "org.sitmap.geo..",
                        "org.sitmap.index..", "org.sitmap.render..", "org.sitmap.export..", "org.sitmap.tiles..",
                        "org.sitmap.seed..")
                .layer("front").definedBy("org.sitmap.ui..", "org.sitmap.cli..", "org.sitmap.bench..")
                .layer("app").definedBy("org.sitmap.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("front").mayOnlyBeAccessedByLayers("app")
                .whereLayer("core").mayOnlyBeAccessedByLayers("front", "app")
                .check(classes);
    }

    /**
     * The real order of the core: model uses nothing; geo and ingest use model; index uses model and geo; render
     * uses index; store uses ingest (an import's formats), geo and index; tiles draw with render and read MBTiles
     * packs; seed builds the default store from the shipped files (store and ingest); export uses all but seed. The
     * front ends (ui, cli, bench) use the core, and app starts them.
     */
    @Test
    void eachCorePackageUsesOnlyThoseBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("org.sitmap.model..")
                .layer("geo").definedBy("org.sitmap.geo..")
                .layer("index").definedBy("org.sitmap.index..")
                .layer("ingest").definedBy("org.sitmap.ingest..")
                .layer("render").definedBy("org.sitmap.render..")
                .layer("store").definedBy("org.sitmap.store..")
                .layer("tiles").definedBy("org.sitmap.tiles..")
                .layer("seed").definedBy("org.sitmap.seed..")
                .layer("export").definedBy("org.sitmap.export..")
                .layer("ui").definedBy("org.sitmap.ui..")
                .layer("cli").definedBy("org.sitmap.cli..")
                .layer("bench").definedBy("org.sitmap.bench..")
                .layer("app").definedBy("org.sitmap.app..")
                .whereLayer("model").mayNotAccessAnyLayer()
                .whereLayer("geo").mayOnlyAccessLayers("model")
                .whereLayer("ingest").mayOnlyAccessLayers("model", "geo")
                .whereLayer("index").mayOnlyAccessLayers("model", "geo")
                .whereLayer("render").mayOnlyAccessLayers("model", "geo", "index")
                .whereLayer("store").mayOnlyAccessLayers("model", "geo", "index", "ingest")
                .whereLayer("tiles").mayOnlyAccessLayers("model", "geo", "index", "render")
                .whereLayer("seed").mayOnlyAccessLayers("model", "geo", "index", "ingest", "store")
                .whereLayer("export").mayOnlyAccessLayers("model", "geo", "index", "ingest", "render", "store",
                        "tiles")
                .whereLayer("ui").mayOnlyAccessLayers("model", "geo", "index", "ingest", "render", "store", "tiles",
                        "seed", "export")
                .whereLayer("bench").mayOnlyAccessLayers("model", "geo", "index", "ingest", "render", "store",
                        "tiles", "export")
                .whereLayer("cli").mayOnlyAccessLayers("model", "geo", "index", "ingest", "render", "store", "tiles",
                        "seed", "export", "bench")
                .whereLayer("app").mayOnlyAccessLayers("ui", "cli")
                .check(classes);
    }

    /**
     * No two classes of the window use each other, directly or round a loop (a view and its view model, the main
     * window and a menu): each top-level class of {@code org.sitmap.ui..} is its own slice.
     */
    @Test
    void noClassCyclesInTheWindow() {
        slices().assignedFrom(new com.tngtech.archunit.library.dependencies.SliceAssignment() {
            @Override
            public com.tngtech.archunit.library.dependencies.SliceIdentifier getIdentifierOf(
                    com.tngtech.archunit.core.domain.JavaClass c) {
                if (!c.getPackageName().startsWith("org.sitmap.ui")) {
                    return com.tngtech.archunit.library.dependencies.SliceIdentifier.ignore();
                }
                com.tngtech.archunit.core.domain.JavaClass top = c;
                while (top.getEnclosingClass().isPresent()) top = top.getEnclosingClass().get();
                return com.tngtech.archunit.library.dependencies.SliceIdentifier.of(top.getName());
            }

            @Override
            public String getDescription() { return "top-level classes of org.sitmap.ui"; }
        }).should().beFreeOfCycles().check(classes);
    }

    @Test
    void frontEndsDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("org.sitmap.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sitmap.cli..", "org.sitmap.bench..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.sitmap.cli..", "org.sitmap.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.sitmap.ui..")
                .check(classes);
    }

    @Test
    void modelIsPlain() {
        noClasses().that().resideInAPackage("org.sitmap.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.sitmap.store..",
                        "org.sitmap.ingest..", "org.sitmap.geo..", "org.sitmap.index..", "org.sitmap.render..",
                        "org.sitmap.export..", "org.sitmap.ui..", "org.sitmap.cli..", "org.sitmap.app..")
                .check(classes);
    }

    @Test
    void javaFxOnlyInTheWindow() {
        noClasses().that().resideOutsideOfPackages("org.sitmap.ui..", "org.sitmap.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.gluonhq..")
                .check(classes);
    }

    @Test
    void sqlOnlyInTheStore() {
        // an MBTiles pack is an SQLite file: its reader in tiles is the one other class allowed JDBC
        noClasses().that().resideOutsideOfPackages("org.sitmap.store..")
                .and().doNotHaveFullyQualifiedName("org.sitmap.tiles.MbTilesFile")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..")
                .check(classes);
    }

    @Test
    void jtsOnlyBehindTheGeoPackage() {
        noClasses().that().resideOutsideOfPackage("org.sitmap.geo..")
                .should().dependOnClassesThat().resideInAnyPackage("org.locationtech..")
                .check(classes);
    }

    @Test
    void coreLayersDoNotDependOnFrontEnds() {
        noClasses().that().resideInAnyPackage("org.sitmap.geo..", "org.sitmap.index..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sitmap.store..", "org.sitmap.ingest..",
                        "org.sitmap.render..", "org.sitmap.export..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.sitmap.render..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sitmap.store..", "org.sitmap.ingest..",
                        "org.sitmap.export..")
                .check(classes);
    }

    /**
     * The store contract ({@code org.sitmap.store}: the interface and the values every store shares) knows neither
     * store nor either database's driver; the GeoPackage store knows nothing of the server's.
     */
    @Test
    void theContractKnowsNoStoreAndTheFileStoreNoServer() {
        noClasses().that().resideInAPackage("org.sitmap.store")
                .should().dependOnClassesThat().resideInAnyPackage("org.sitmap.store.gpkg..", "org.sitmap.store.pg..",
                        "org.sqlite..", "org.postgresql..")
                .check(classes);
        noClasses().that().resideInAPackage("org.sitmap.store.gpkg..")
                .should().dependOnClassesThat().resideInAPackage("org.sitmap.store.pg..")
                .check(classes);
    }

    @Test
    void noCycles() {
        slices().matching("org.sitmap.(*)..").should().beFreeOfCycles().check(classes);
    }
}
