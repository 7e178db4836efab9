package org.sitmap.ui.importer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sitmap.ingest.article.ArticleDate;
import org.sitmap.ingest.article.ArticleExtractor;
import org.sitmap.ingest.article.Evidence;
import org.sitmap.ingest.gazetteer.Gazetteer;
import org.sitmap.ui.session.Tasks;
import org.sitmap.ui.session.Workspace;
import org.sitmap.model.Actor;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;
import org.sitmap.model.SubEventType;

/**
 * The state of File → Import article…: the article text (typed, pasted or read from a file) and its date, the
 * incidents extracted from it with their evidence, the places that could not be resolved, and the analyst's
 * edits (place, date, factions, type) before saving. Knows no {@code Node}; tested without a toolkit.
 *
 * <p>Threading: properties are read and written on the FX thread. {@link #extract()} and {@link #save()} capture
 * the state there and run the extraction or the store import as {@link Tasks} jobs on the workspace's worker; the
 * result is committed back on the FX thread. A second request while one runs is refused ({@link #busyProperty()}).
 */
public final class ArticleImportViewModel {
    /** Stores the incidents (on the worker) and returns a short message for the user. */
    @FunctionalInterface
    public interface Saver {
        String save(List<Incident> incidents) throws Exception;
    }

    /** One extracted incident with its editable fields (FX thread only). */
    public static final class Row {
        private final Incident original;
        private final StringProperty place;
        private final StringProperty date;
        private final StringProperty factions;
        private final ObjectProperty<SubEventType> type;

        Row(Incident i) {
            original = i;
            place = new SimpleStringProperty(i.place());
            date = new SimpleStringProperty(i.date().toString());
            factions = new SimpleStringProperty(String.join(", ", i.factions()));
            type = new SimpleObjectProperty<>(i.subEventType());
        }

        public Incident original() { return original; }
        public StringProperty placeProperty() { return place; }
        /** The date as YYYY-MM-DD. */
        public StringProperty dateProperty() { return date; }
        /** Faction codes separated by commas. */
        public StringProperty factionsProperty() { return factions; }
        public ObjectProperty<SubEventType> typeProperty() { return type; }
        /** The supporting sentence without marks. */
        public String evidence() { return Evidence.unmark(original.evidence()); }
        /** The matched words of {@link #evidence()} as [start, end) offsets. */
        public List<int[]> marks() { return Evidence.marks(original.evidence()); }
        public boolean resolved() { return original.located(); }
        /** Precision, position or "not located", for the table. */
        public String where() {
            if (!original.located()) return "UNRESOLVED";
            return String.format(Locale.ROOT, "%.4f, %.4f (%s)", original.latitude(), original.longitude(),
                    original.geoPrecision().name().toLowerCase(Locale.ROOT));
        }
    }

    private final Workspace workspace;
    private final Tasks tasks;
    private final Supplier<Gazetteer> gazetteer;
    private final FactionCatalog catalog;
    private final Saver saver;
    private volatile ArticleExtractor extractor;

    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty fileName = new SimpleStringProperty("pasted text");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> unresolved = FXCollections.observableArrayList();

    /**
     * @param workspace  the window's: jobs run on its worker, and it is reloaded after a successful save
     * @param gazetteer  builds the gazetteer; called once, on the worker
     * @param saver      stores incidents; called on the worker
     */
    public ArticleImportViewModel(Workspace workspace, Supplier<Gazetteer> gazetteer, FactionCatalog catalog,
                                  Saver saver) {
        this.workspace = workspace;
        this.tasks = workspace.tasks();
        this.gazetteer = gazetteer;
        this.catalog = catalog;
        this.saver = saver;
    }

    public StringProperty textProperty() { return text; }
    public StringProperty fileNameProperty() { return fileName; }
    public ObjectProperty<LocalDate> dateProperty() { return date; }
    public ObservableList<Row> rows() { return rows; }
    public ObservableList<String> unresolved() { return unresolved; }
    public ReadOnlyBooleanProperty busyProperty() { return tasks.busyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return tasks.messageProperty(); }

    private ArticleExtractor extractor() {
        ArticleExtractor ex = extractor;
        if (ex == null) extractor = ex = new ArticleExtractor(gazetteer.get(), catalog);
        return ex;
    }

    /**
     * Reads a text file on the worker into {@link #textProperty()}, under the readers' input contract
     * ({@link org.sitmap.ingest.TextInput}: UTF-8, UTF-16 with a byte-order mark, or Windows-1252 with a note).
     */
    public void loadFile(java.nio.file.Path file) {
        record Loaded(String name, String content, String note) { }
        tasks.run("Reading " + file.getFileName() + "…", progress -> {
            String name = file.getFileName().toString();
            try (org.sitmap.ingest.TextInput.Decoded r = org.sitmap.ingest.TextInput.open(file, name,
                    org.sitmap.ingest.TextInput.Limits.ARTICLE)) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[8192];
                int n;
                while ((n = r.read(buf)) >= 0) sb.append(buf, 0, n);
                return new Loaded(name, sb.toString(), r.note());
            }
        }, l -> {
            text.set(l.content());
            fileName.set(l.name());
            rows.clear();
            unresolved.clear();
            return "Loaded " + l.name() + (l.note() == null ? "" : " (" + l.note() + ")") + ". Set its date, then Extract.";
        }, e -> e instanceof org.sitmap.model.InputException ? e.getMessage()
                : file.getFileName() + ": cannot be read (" + e.getMessage() + ").");
    }

    /** Extracts the incidents of the current text on the worker. */
    public void extract() {
        if (tasks.busyProperty().get()) return;
        String t = text.get();
        LocalDate d = date.get();
        String file = fileName.get();
        if (t == null || t.isBlank()) { tasks.say("Paste an article or open a text file first."); return; }
        if (d == null) { tasks.say("Set the article's publication date: 'on Wednesday' and the like are read against it."); return; }
        tasks.run("Reading the article…", progress -> extractor().extract(t, ArticleDate.of(d), file, null), r -> {
            rows.setAll(r.incidents().stream().map(e -> new Row(e.incident())).toList());
            unresolved.setAll(r.unresolved());
            return r.incidents().size() + " incidents found" + (r.unresolved().isEmpty() ? "."
                    : "; not located: " + String.join(", ", r.unresolved()) + ".");
        }, e -> "Could not read the article: " + e.getMessage());
    }

    /**
     * Saves the (edited) incidents on the worker, then reloads the workspace. Bad edits are reported, not saved.
     */
    public void save() {
        if (tasks.busyProperty().get()) return;
        if (rows.isEmpty()) { tasks.say("Nothing to save: extract the incidents first."); return; }
        record Edit(Incident original, String place, String date, String factions, SubEventType type) { }
        List<Edit> edits = new ArrayList<>();
        for (Row r : rows) edits.add(new Edit(r.original, r.place.get(), r.date.get(), r.factions.get(), r.type.get()));
        tasks.run("Saving…", progress -> {
            List<Incident> out = new ArrayList<>();
            for (Edit e : edits) out.add(apply(e.original(), e.place(), e.date(), e.factions(), e.type()));
            return saver.save(out);
        }, m -> {
            rows.clear();
            unresolved.clear();
            workspace.reload();
            return m;
        }, e -> e instanceof IllegalArgumentException ? e.getMessage() : "Could not save: " + e.getMessage());
    }

    /** The incident with the analyst's edits; runs on the worker. */
    Incident apply(Incident i, String place, String dateText, String factionText, SubEventType type) {
        Incident.Builder b = i.toBuilder();
        try {
            LocalDate d = LocalDate.parse(dateText.strip());
            b.date(d);
            if (i.endDate() != null && i.endDate().isBefore(d)) b.endDate(null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + dateText + "' is not a date (YYYY-MM-DD), at " + i.place());
        }
        if (type != null) b.subEventType(type);
        if (place != null && !place.isBlank() && !place.strip().equals(i.place())) {
            Gazetteer.Match m = extractor().gazetteerOf().resolve(place.strip(), i.admin1() == null ? List.of() : List.of(i.admin1()), List.of());
            if (m == null) {
                b.place(place.strip()).admin1(null).position(null, null).geoPrecision(GeoPrecision.UNRESOLVED);
            } else {
                b.place(m.place().name()).admin1(m.place().admin1()).position(m.place().latitude(), m.place().longitude())
                        .geoPrecision(GeoPrecision.EXACT);
            }
        }
        List<String> codes = new ArrayList<>();
        for (String c : factionText.split("[,;\\s]+")) if (!c.isBlank()) codes.add(c.strip().toUpperCase(Locale.ROOT));
        if (!codes.equals(i.factions())) {
            List<Actor> actors = new ArrayList<>();
            for (String c : codes) {
                Faction f = catalog.byCode(c).orElseThrow(() -> new IllegalArgumentException(
                        "unknown faction code '" + c + "' at " + i.place() + " (use codes such as SAA, ISIS, SDF)"));
                Actor kept = i.actors().stream().filter(a -> a.factionCode().equals(c)).findFirst().orElse(null);
                actors.add(kept != null ? kept : new Actor(f.name(), c));
            }
            b.actors(actors);
        }
        Incident draft = b.build();
        return b.summary(Evidence.summary(draft, catalog)).build();
    }
}
