package org.sitmap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.sitmap.model.EventType;
import org.sitmap.model.Faction;

/** The shipped symbol icons exist for every faction and event type and are what the map's marker code draws. */
class SymbolIconsTest {
    private static final Path ICONS = Path.of("icons");

    @Test
    void everyFactionHasItsDiscInItsColour() throws IOException {
        for (Faction f : Fixtures.catalog().factions()) {
            Path file = ICONS.resolve("factions/" + f.code() + ".png");
            assertThat(file).exists();
            BufferedImage shipped = ImageIO.read(file.toFile());
            assertThat(shipped.getRGB(16, 16) & 0xffffff).as(f.code()).isEqualTo(f.rgb());
            assertSamePixels(shipped, SymbolIcons.faction(f, 32), file);
        }
    }

    @Test
    void everyEventTypeHasItsShape() throws IOException {
        for (EventType t : EventType.values()) {
            Path file = ICONS.resolve("events/" + SymbolIcons.fileName(t));
            assertThat(file).exists();
            assertSamePixels(ImageIO.read(file.toFile()), SymbolIcons.eventType(t, 32), file);
        }
        BufferedImage battle = SymbolIcons.eventType(EventType.BATTLES, 32);
        BufferedImage square = SymbolIcons.eventType(EventType.STRATEGIC_DEVELOPMENTS, 32);
        assertThat(battle.getRGB(5, 5) >>> 24).as("a circle leaves the corner empty").isZero();
        assertThat(square.getRGB(7, 7) >>> 24).as("a square fills it").isGreaterThan(0);
    }

    private static void assertSamePixels(BufferedImage a, BufferedImage b, Path file) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                for (int s = 0; s < 32; s += 8) {
                    if (Math.abs(((p >>> s) & 0xff) - ((q >>> s) & 0xff)) > 8) { differing++; break; }
                }
            }
        }
        assertThat(differing).as(file + " differs from SymbolIcons (regenerate: see icons/README.md)").isLessThan(4);
    }
}
