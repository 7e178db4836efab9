package org.sitmap.ui;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sitmap.index.Fixtures;
import org.sitmap.model.DatePrecision;
import org.sitmap.model.EventType;
import org.sitmap.model.FactionCatalog;
import org.sitmap.model.GeoPrecision;
import org.sitmap.model.Incident;

/**
 * Dev tool (not a test): opens the main window on a store ({@code .gpkg}) or on incidents read from a UCDP GED
 * CSV (no store), at a given view, for screenshots. Args: FILE [zoom lat lon [selectedId]].
 */
public final class DemoWindowMain {
    private static String[] argv;

    public static void main(String[] args) {
        argv = args;
        Application.launch(App.class);
    }

    /** The JavaFX side. */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        MainWindow w;
        if (argv[0].endsWith(".gpkg")) {
            w = new MainWindow(new MainWindow.Options(Path.of(argv[0]), true));
        } else {
            MemorySource src = new MemorySource(readUcdp(Path.of(argv[0])));
            w = new MainWindow(new MainWindow.Options(null, true), db -> src);
        }
        stage.setScene(new Scene(w.root(), 1600, 1000));
        stage.setTitle("Sitmap");
        stage.show();
        w.loadAsync();
        if (argv.length >= 4) {
            w.mapPane().mapView().setZoom(Double.parseDouble(argv[1]));
            w.mapPane().mapView().setCenter(Double.parseDouble(argv[2]), Double.parseDouble(argv[3]));
        }
        if (argv.length >= 5) {
            long id = Long.parseLong(argv[4]);
            w.session().indexProperty().addListener((o, a, b) -> w.session().selectedIdProperty().set(id));
        }
    }
    }

    static List<Incident> readUcdp(Path csv) throws Exception {
        FactionCatalog cat = Fixtures.catalog();
        List<Incident> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<String> head = split(in.readLine());
            String line;
            long id = 1;
            while ((line = in.readLine()) != null) {
                List<String> c = split(line);
                if (c.size() != head.size()) continue;
                String a = c.get(head.indexOf("side_a"));
                String b = c.get(head.indexOf("side_b"));
                int tv = Integer.parseInt(c.get(head.indexOf("type_of_violence")));
                Incident.Builder ib = Incident.builder().id(id).sourceKey("ucdp:" + c.get(0))
                        .date(LocalDate.parse(c.get(head.indexOf("date_start"))))
                        .datePrecision(DatePrecision.ofUcdp(Integer.parseInt(c.get(head.indexOf("date_prec")))))
                        .place(c.get(head.indexOf("where_coordinates")).replaceAll(" (village|town|city)$", ""))
                        .position(Double.parseDouble(c.get(head.indexOf("latitude"))), Double.parseDouble(c.get(head.indexOf("longitude"))))
                        .geoPrecision(GeoPrecision.ofUcdp(Integer.parseInt(c.get(head.indexOf("where_prec")))))
                        .eventType(tv == 3 ? EventType.VIOLENCE_AGAINST_CIVILIANS : EventType.BATTLES)
                        .actor(a, cat.codeOrUnknown(a)).actor(b, cat.codeOrUnknown(b))
                        .source(c.get(head.indexOf("source_office"))).evidence(c.get(head.indexOf("source_headline")));
                out.add(ib.build());
                id++;
            }
        }
        return out;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (q) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (ch == '"') q = false;
                else cur.append(ch);
            } else if (ch == '"') q = true;
            else if (ch == ',') { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(ch);
        }
        out.add(cur.toString());
        return out;
    }
}
