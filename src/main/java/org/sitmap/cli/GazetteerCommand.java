package org.sitmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sitmap.ingest.TextInput;
import org.sitmap.ingest.gazetteer.GeoNamesDump;
import org.sitmap.model.InputException;
import org.sitmap.model.Place;
import org.sitmap.store.IncidentStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code sitmap gazetteer import FILE}: adds the places of a GeoNames country dump to the store's gazetteer;
 * {@code list} and {@code stats} show what the store's gazetteer holds (also the places learned from event files).
 */
@Command(name = "gazetteer", mixinStandardHelpOptions = true, description = "Manage the store's gazetteer.",
        subcommands = {GazetteerCommand.ImportPlaces.class, GazetteerListing.ListPlaces.class,
                GazetteerListing.Stats.class})
final class GazetteerCommand {
    @CommandLine.ParentCommand
    SitmapCommand parent;

    /** The store named by {@code --db} (null: the default store). */
    StoreTarget db() { return parent.db; }

    /**
     * Writes places into the store {@code db} names (null: the default store; {@code spec} gets the note about a
     * password in the address); returns how many were written.
     */
    @FunctionalInterface
    interface PlaceWriter {
        int write(StoreTarget db, CommandLine.Model.CommandSpec spec, List<Place> places);
    }

    /** Writes into the store (a file or a team server); tests replace it. */
    static PlaceWriter writer = (db, spec, places) -> {
        try (IncidentStorage s = StoreTarget.open(db, spec)) {
            return s.upsertPlaces(places);
        }
    };

    /** {@code sitmap gazetteer import [--db FILE|SERVER] FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Adds the places of a GeoNames dump (19 tab-separated columns, e.g. SY.txt from"
                    + " download.geonames.org/export/dump) to the store's gazetteer, so that article imports find"
                    + " every village it names."})
    static final class ImportPlaces implements Callable<Integer> {
        @CommandLine.ParentCommand
        GazetteerCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "GeoNames dump, UTF-8 (e.g. SY.txt).")
        Path file;

        @Override
        public Integer call() throws IOException {
            String name = file.getFileName().toString();
            List<Place> places;
            if (!Files.isRegularFile(file)) throw new InputException(file.toString(), 0, "no such file");
            String note;
            try (TextInput.Decoded r = TextInput.open(file, name, TextInput.Limits.GAZETTEER)) {
                places = GeoNamesDump.read(r, name);
                note = r.note();
            }
            if (places.isEmpty()) throw new InputException(name, 0, "no places found (expected GeoNames rows)");
            int n = writer.write(parent.db(), spec, places);
            PrintWriter out = spec.commandLine().getOut();
            out.println(name + ": " + places.size() + " places read, " + n + " written to the gazetteer"
                    + (note == null ? "" : "\n  note: " + note));
            out.flush();
            return 0;
        }
    }
}
