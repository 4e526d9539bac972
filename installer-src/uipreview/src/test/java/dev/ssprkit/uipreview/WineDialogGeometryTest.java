package dev.ssprkit.uipreview;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.VirtualDisplay;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.uipreview.layout.DialogLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where our preview places controls, against where Wine's msiexec places them: a package msibuild wrote shows one
 * dialog (300 x 180 units) with two bitmaps of one colour each (ImageMagick's 1 x 1 BMPs, stretched to their
 * controls); Wine draws it on a virtual display, ImageMagick captures the dialog's window, and the rectangles each
 * colour covers there must be the ones our layout gives (and our PNG shows). Cancel (Escape) ends the dialog.
 */
@Tag("interop")
class WineDialogGeometryTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    private static VirtualDisplay display;
    @TempDir Path dir;

    static final int MAGENTA = 0xFF00FF, CYAN = 0x00FFFF;

    @BeforeAll
    static void startDisplay() {
        display = wine.display(); // the prefix's own: its desktop process draws there
    }

    private Path pixel(String name, String colour) {
        Tool.run(List.of("convert", "-size", "1x1", "xc:" + colour, "BMP3:" + name), dir, Map.of(), 60).assertOk();
        return dir.resolve(name);
    }

    /** The smallest rectangle holding every pixel of {@code rgb}, or null when there is none. */
    static Rectangle covered(BufferedImage img, int rgb) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != rgb) continue;
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
            }
        }
        return maxX < 0 ? null : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    @Test
    void controlsSitWhereWinesMsiexecDrawsThem() throws IOException {
        Tool.require("convert", "msibuild");
        Path msi = new IdtPackage()
                .row("Dialog", "Probe", 50, 50, 300, 180, 3, "Geometry Probe", "Cancel", "Cancel", "Cancel")
                .row("Control", "Probe", "Magenta", "Bitmap", 10, 20, 60, 30, 1, null, "Magenta", null, null)
                .row("Control", "Probe", "Cyan", "Bitmap", 232, 142, 56, 17, 1, null, "Cyan", null, null)
                .row("Control", "Probe", "Cancel", "PushButton", 100, 100, 56, 17, 3, null, "Cancel", null, null)
                .row("ControlEvent", "Probe", "Cancel", "EndDialog", "Exit", "1", 1)
                .row("InstallUISequence", "Probe", null, 100)
                .row("Property", "ProductCode", "{8E1F2A3B-4C5D-4E6F-8A9B-0C1D2E3F4A5B}")
                .row("Property", "ProductLanguage", "1033")
                .row("Property", "ProductName", "Geometry Probe")
                .row("Property", "ProductVersion", "1.0.0")
                .row("Property", "Manufacturer", "ssprkit tests")
                .binary("Magenta", pixel("magenta.bmp", "#FF00FF"))
                .binary("Cyan", pixel("cyan.bmp", "#00FFFF"))
                .summary("Geometry Probe", "ssprkit tests", "Intel;1033", "{1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D}")
                .build(dir, dir.resolve("probe.msi"));

        VirtualDisplay.Running msiexec = display.launch(Wine.command("msiexec", "/i", msi.toString()), wine.environment(), dir.resolve("msiexec.out"));
        String window = msiexec.awaitWindow("^Geometry Probe$", Duration.ofSeconds(120));
        Path shot = dir.resolve("wine.png");
        Tool.run(List.of("import", "-window", window, shot.toString()), dir, display.environment(), 60).assertOk();
        display.key(window, "Escape");
        // Cancel published EndDialog Exit: ERROR_INSTALL_USEREXIT (1602), low 8 bits through a Unix exit status
        assertEquals(1602 & 0xFF, msiexec.await(Duration.ofMinutes(2)));
        BufferedImage wineShot = ImageIO.read(shot.toFile());

        DialogLayout ours;
        BufferedImage ourPng;
        try (Database db = MsiReader.read(msi)) {
            var result = UiPreview.write(db, "probe.msi", dir.resolve("preview"), PreviewOptions.defaults());
            ours = result.dialogs().get(0).layout();
            ourPng = ImageIO.read(dir.resolve("preview").resolve(result.dialogs().get(0).file()).toFile());
        }
        // Wine's window is the client area (no window manager draws a frame on the virtual display)
        assertEquals(ours.width(), wineShot.getWidth(), "dialog width");
        assertEquals(ours.height(), wineShot.getHeight(), "dialog height");
        assertEquals(covered(wineShot, MAGENTA), ours.control("Magenta").bounds());
        assertEquals(covered(wineShot, CYAN), ours.control("Cyan").bounds());
        assertEquals(covered(wineShot, MAGENTA), covered(ourPng, MAGENTA));
        assertEquals(covered(wineShot, CYAN), covered(ourPng, CYAN));
    }
}
