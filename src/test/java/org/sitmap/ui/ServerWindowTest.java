package org.sitmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sitmap.store.pg.PgCluster;
import org.sitmap.store.pg.PgLocation;
import org.sitmap.store.pg.PgSnapshot;
import org.sitmap.ui.session.ServerOpener;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a team server, as a reader sees it: the status bar names the server (no password) and the missing
 * role, the import menus are off, and another client's import shows up with one line saying what arrived.
 */
@ExtendWith(ApplicationExtension.class)
class ServerWindowTest {
    private static PgCluster pg;
    @TempDir
    static Path dir;
    private MainWindow window;

    @BeforeAll
    static void cluster() throws Exception {
        pg = PgCluster.sharedOrSkip();
        pg.teamStore("win");
        pg.createLogin("win_ed", "pw-win-ed");
        pg.createLogin("win_rd", "pw-win-rd");
        pg.execute("win", "GRANT sitmap_editor TO win_ed");
        pg.execute("win", "GRANT sitmap_reader TO win_rd");
        PgCluster.importFile(pg.location("win_ed", "pw-win-ed", "win"), csv("W1", 80, 1));
    }

    private static Path csv(String name, int n, long seed) throws Exception {
        Path f = PgCluster.synthetic().writeAcledCsv(dir.resolve(name + ".csv"), n, seed);
        List<String> lines = Files.readAllLines(f);
        lines.replaceAll(l -> l.startsWith("SYN") ? name + l.substring(3) : l);
        Files.write(f, lines);
        return f;
    }

    private static PgLocation reader() {
        return pg.location("win_rd", "pw-win-rd", "win");
    }

    @Start
    void start(Stage stage) {
        window = WindowFixture.open(stage, new ServerOpener(reader(), null, new PgSnapshot(dir.resolve("cache"))),
                1000, 700);
    }

    @AfterEach
    void close() {
        window.close();
    }

    private String statusLine() {
        return ((Label) window.root().lookup("#status-message")).getText();
    }

    @Test
    void theStatusBarNamesTheServerAndSaysWhatAnotherClientImported() throws Exception {
        String server = reader().display();
        WindowFixture.waitFor(() -> statusLine().startsWith(server));
        assertThat(WaitForAsyncUtils.asyncFx(this::statusLine).get(10, TimeUnit.SECONDS))
                .isEqualTo(server + " (read-only: importing needs the role sitmap_editor; ask the store's owner to"
                        + " GRANT it)")
                .doesNotContain("pw-win");
        List<Boolean> importsOff = WaitForAsyncUtils.asyncFx(() -> window.menu("File").getItems().stream()
                .filter(i -> i.getId() != null && i.getId().startsWith("import-")).map(MenuItem::isDisable).toList())
                .get(10, TimeUnit.SECONDS);
        assertThat(importsOff).hasSize(2).containsOnly(true);

        PgCluster.importFile(pg.location("win_ed", "pw-win-ed", "win"), csv("W2", 50, 2));
        WindowFixture.waitFor(() -> statusLine().equals("50 incidents from win_ed's import of W2.csv"));
        WindowFixture.waitFor(() -> window.session().indexProperty().get().size() == 130);
    }
}
