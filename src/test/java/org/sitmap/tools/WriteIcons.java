package org.sitmap.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.sitmap.model.EventType;
import org.sitmap.model.Faction;
import org.sitmap.model.FactionCatalog;
import org.sitmap.render.SymbolIcons;

/**
 * Dev tool (not a test): writes {@code factions/CODE.png} and {@code events/TYPE.png} (32 px, drawn by
 * {@link SymbolIcons}) under the folder given (default {@code icons}); {@code SymbolIconsTest} fails when the
 * shipped icons drift from what this writes.
 */
public final class WriteIcons {
    private WriteIcons() { }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "icons");
        Files.createDirectories(root.resolve("factions"));
        Files.createDirectories(root.resolve("events"));
        for (Faction f : FactionCatalog.shipped().factions()) {
            ImageIO.write(SymbolIcons.faction(f, 32), "png", root.resolve("factions/" + f.code() + ".png").toFile());
        }
        for (EventType t : EventType.values()) {
            ImageIO.write(SymbolIcons.eventType(t, 32), "png", root.resolve("events/" + SymbolIcons.fileName(t)).toFile());
        }
    }
}
