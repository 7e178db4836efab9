package org.sitmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sitmap gui --db postgresql://…} (and {@code sitmap --db service=…}) open the window on the server. */
class GuiOnServerCliTest {
    private final List<String> opened = new ArrayList<>();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = SitmapCommand.commandLine(new GuiStarter() {
            @Override public void start(Path db, boolean offline) { opened.add("file " + db + " " + offline); }

            @Override public void startServer(String address, boolean offline) {
                opened.add("server " + address + " " + offline);
            }
        });
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void theWindowOpensOnTheServerAsGiven() {
        assertEquals(0, run("gui", "--db", "postgresql://bob@127.0.0.1:5432/team", "--offline"));
        assertEquals(0, run("--db", "postgresql://bob@127.0.0.1:5432/team"));
        assertEquals(0, run("gui", "--db", "team.gpkg"));
        assertEquals(List.of("server postgresql://bob@127.0.0.1:5432/team true",
                "server postgresql://bob@127.0.0.1:5432/team false", "file team.gpkg false"), opened);
    }

    @Test
    void aPasswordInTheAddressDrawsTheNote() {
        assertEquals(0, run("gui", "--db", "postgresql://bob:secret-pw@127.0.0.1:5432/team"));
        assertTrue(err.toString().contains("a password in --db can be seen"), err.toString());
        assertTrue(!err.toString().contains("secret-pw"), err.toString());
    }
}
