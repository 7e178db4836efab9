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
 * Holds the layering of DEVELOPERS.md: model ← store, ingest, geo, index, render, export ← ui, cli, bench ← app,
 * with no cycles, JavaFX only in ui and app, SQL only in store, JTS only in geo.
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
                        "org.sitmap.index..", "org.sitmap.render..", "org.sitmap.export..", "org.sitmap.tiles..")
                .layer("front").definedBy("org.sitmap.ui..", "org.sitmap.cli..", "org.sitmap.bench..")
                .layer("app").definedBy("org.sitmap.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("front").mayOnlyBeAccessedByLayers("app")
                .whereLayer("core").mayOnlyBeAccessedByLayers("front", "app")
                .check(classes);
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
        noClasses().that().resideOutsideOfPackages("org.sitmap.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
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

    @Test
    void noCycles() {
        slices().matching("org.sitmap.(*)..").should().beFreeOfCycles().check(classes);
    }
}
