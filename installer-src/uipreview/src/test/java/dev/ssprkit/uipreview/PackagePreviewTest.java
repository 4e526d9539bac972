package dev.ssprkit.uipreview;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.uipreview.layout.DialogLayout;
import dev.ssprkit.uipreview.model.PreviewNote;
import dev.ssprkit.uipreview.model.UiTables;
import dev.ssprkit.uipreview.text.FontResolver;
import dev.ssprkit.uipreview.text.TextFit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Previews of packages msitools' msibuild wrote from IDT rows (see {@link IdtPackage}); the bitmaps in their Binary
 * tables are written by ImageMagick. Expected values:
 * <ul>
 *   <li>pixels: the MSI SDK, "Installer Units": "A Windows Installer user interface unit is approximately equal to
 *       one-twelfth (1/12) the height of the 10-point MS Sans Serif font size"; that font's cell is 16 pixels at 96
 *       DPI (Wine's msi measures it and gets 16, see WineDialogGeometryTest), so each coordinate is
 *       {@code MulDiv(v, 16, 12)}, rounded to nearest: X 232 is 309.33 -> 309, Y 242 is 322.67 -> 323, 56 -> 75,
 *       17 -> 23;</li>
 *   <li>text: the SDK's Formatted type ([ProductName] is the property's value) and Text control ({\Style} prefix);</li>
 *   <li>conditions: the SDK's ControlCondition table (a true Hide condition hides the control);</li>
 *   <li>bitmaps: the SDK's Bitmap control (the image is stretched to the control's rectangle unless FixedSize),
 *       colours as ImageMagick wrote them.</li>
 * </ul>
 */
@Tag("interop")
class PackagePreviewTest {
    @TempDir Path dir;

    static final int RED = 0xFF0000, BLUE = 0x0000FF, FACE = 0xF0F0F0; // FACE: COLOR_BTNFACE of the Windows 10 scheme

    /** A two-pixel bitmap, red then blue, written by ImageMagick as a Windows 3 BMP. */
    private Path stripes() {
        Tool.require("convert");
        Tool.run(List.of("convert", "-size", "1x1", "xc:#FF0000", "xc:#0000FF", "+append", "BMP3:stripes.bmp"), dir, Map.of(), 60).assertOk();
        return dir.resolve("stripes.bmp");
    }

    /** One 370 x 270 dialog (the WixUI size) with a bitmap, a red title, a hideable red text and a Next button. */
    private IdtPackage welcome(Path bitmap) {
        return new IdtPackage()
                .row("Dialog", "Welcome", 50, 50, 370, 270, 3, "[ProductName] Setup", "Next", "Next", "Next")
                .row("Control", "Welcome", "Banner", "Bitmap", 10, 20, 60, 30, 1, null, "Stripes", null, null)
                .row("Control", "Welcome", "Title", "Text", 100, 10, 200, 20, 3, null, "{\\Red}Welcome to [ProductName]", null, null)
                .row("Control", "Welcome", "Secret", "Text", 100, 100, 200, 20, 3, null, "{\\Red}SECRET SECRET SECRET", null, null)
                .row("Control", "Welcome", "Next", "PushButton", 232, 242, 56, 17, 3, null, "&Next", null, null)
                .row("ControlCondition", "Welcome", "Secret", "Hide", "HIDESECRET")
                .row("TextStyle", "Red", "Tahoma", 12, 255, 1) // Color is 0x00BBGGRR: 255 is pure red; StyleBits 1 bold
                .row("Property", "ProductName", "Widget Pro")
                .binary("Stripes", bitmap);
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    private static int redPixels(BufferedImage img, Rectangle r) {
        int n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                int c = rgb(img, x, y);
                if ((c >> 16) > 200 && ((c >> 8) & 0xFF) < 80 && (c & 0xFF) < 80) n++;
            }
        }
        return n;
    }

    @Test
    void controlsArePlacedByTheSdksUnitRuleAndBitmapsDrawnAtTheirRectangle() throws IOException {
        Path msi = welcome(stripes()).build(dir, dir.resolve("welcome.msi"));
        Path out = dir.resolve("preview");
        UiPreview.Result result;
        try (Database db = MsiReader.read(msi)) {
            result = UiPreview.write(db, "welcome.msi", out, PreviewOptions.defaults());
        }
        assertEquals(0, result.internalErrors());
        UiPreview.DialogPreview welcome = result.dialogs().get(0);
        DialogLayout layout = welcome.layout();
        assertEquals(493, layout.width());  // 370 units
        assertEquals(360, layout.height()); // 270 units
        assertEquals(new Rectangle(309, 323, 75, 23), layout.control("Next").bounds());
        assertEquals(new Rectangle(13, 27, 80, 40), layout.control("Banner").bounds());
        assertEquals(List.of(), welcome.notes(), "nothing to note about a well-formed dialog");

        BufferedImage png = ImageIO.read(out.resolve(welcome.file()).toFile());
        assertEquals(493, png.getWidth());
        assertEquals(360, png.getHeight());
        // the 2 x 1 bitmap stretched over 80 x 40 pixels at (13, 27): red left half, blue right half, nothing outside
        assertEquals(RED, rgb(png, 13, 27));
        assertEquals(RED, rgb(png, 40, 47));
        assertEquals(BLUE, rgb(png, 70, 47));
        assertEquals(BLUE, rgb(png, 92, 66));
        assertEquals(FACE, rgb(png, 12, 47));
        assertEquals(FACE, rgb(png, 93, 47));
        assertEquals(FACE, rgb(png, 40, 26));
        assertEquals(FACE, rgb(png, 40, 67));
        // the red text is drawn inside its control and nowhere else
        assertTrue(redPixels(png, layout.control("Title").bounds()) > 20);
        assertTrue(redPixels(png, layout.control("Secret").bounds()) > 20, "HIDESECRET is not set: the Hide condition is false");

        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("&ldquo;Widget Pro Setup&rdquo;"), "the dialog's title with [ProductName] filled in");
        assertTrue(index.contains("src=\"" + welcome.file() + "\""));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("Welcome.png", "index.html"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void propertiesAreFilledInAndAHideConditionHidesTheControl() throws IOException {
        Path msi = welcome(stripes()).build(dir, dir.resolve("welcome.msi"));
        try (Database db = MsiReader.read(msi)) {
            var ui = UiTables.read(db, PreviewOptions.defaults().limits());
            var shown = UiPreview.render(db, PreviewOptions.defaults().withProperties(Map.of("HIDESECRET", "1"))).get(0);
            var title = TextFit.check(shown.layout().control("Title"), ui, new FontResolver(), ui.properties()::get, 1000);
            assertEquals("Welcome to Widget Pro", title.get(0).text().shown());

            assertFalse(shown.layout().control("Secret").visible());
            assertEquals(0, redPixels(shown.image(), shown.layout().control("Secret").bounds()), "a hidden control is not drawn");
            assertTrue(redPixels(shown.image(), shown.layout().control("Title").bounds()) > 20);

            // with conditions off the control keeps the state its Attributes give it (visible)
            var raw = UiPreview.render(db, PreviewOptions.defaults().withProperties(Map.of("HIDESECRET", "1")).withConditions(false)).get(0);
            assertTrue(raw.layout().control("Secret").visible());
        }
    }

    @Test
    void aControlOutsideItsDialogIsNamedInAWarning() throws IOException {
        Path msi = welcome(stripes())
                .row("Control", "Welcome", "Far", "PushButton", 340, 242, 56, 17, 3, null, "Far", null, null)
                .row("Control", "Welcome", "Lost", "Text", 400, 10, 50, 10, 3, null, "Lost", null, null)
                .build(dir, dir.resolve("outside.msi"));
        try (Database db = MsiReader.read(msi)) {
            var result = UiPreview.write(db, "outside.msi", dir.resolve("preview"), PreviewOptions.defaults());
            List<PreviewNote> notes = result.dialogs().get(0).notes();
            PreviewNote far = notes.stream().filter(n -> "Far".equals(n.control())).findFirst().orElseThrow();
            assertEquals("Welcome", far.dialog());
            assertTrue(far.toString().startsWith("dialog Welcome, control Far: "), far.toString());
            assertTrue(far.message().contains("outside the 370 x 270 dialog") && far.message().contains("cut off"), far.message());
            PreviewNote lost = notes.stream().filter(n -> "Lost".equals(n.control())).findFirst().orElseThrow();
            assertTrue(lost.message().contains("cannot be seen at all"), lost.message());
            assertEquals(2, notes.size(), notes.toString());
            assertTrue(Files.readString(dir.resolve("preview/index.html")).contains("Far: the control (X 340"), "the page shows the warning too");
        }
    }

    @Test
    void aTruncatedBinaryStreamIsReportedAtItsControlAndDrawnAsAPlaceholder() throws IOException {
        Tool.require("convert");
        Tool.run(List.of("convert", "-size", "64x64", "xc:#FF0000", "BMP3:big.bmp"), dir, Map.of(), 60).assertOk();
        byte[] whole = Files.readAllBytes(dir.resolve("big.bmp"));
        Path truncated = Files.write(dir.resolve("truncated.bmp"), java.util.Arrays.copyOf(whole, 1000)); // of 12,342
        Path msi = welcome(truncated).build(dir, dir.resolve("truncated.msi"));
        try (Database db = MsiReader.read(msi)) {
            var result = UiPreview.write(db, "truncated.msi", dir.resolve("preview"), PreviewOptions.defaults());
            List<PreviewNote> notes = result.dialogs().get(0).notes();
            assertEquals(1, notes.size(), notes.toString());
            assertEquals("Banner", notes.get(0).control());
            assertTrue(notes.get(0).toString().startsWith("dialog Welcome, control Banner: Binary stream Stripes: the BMP is damaged"), notes.get(0).toString());
            assertEquals(0, result.internalErrors(), "a damaged image is the package's fault, not ours");
            BufferedImage png = ImageIO.read(dir.resolve("preview/Welcome.png").toFile());
            assertFalse(rgb(png, 40, 47) == RED, "no image drawn from a truncated stream");
        }
    }

    @Test
    void aPackageWithoutDialogsIsRefusedAndNothingIsWritten() throws IOException {
        Path msi = new IdtPackage().row("Property", "ProductName", "Widget Pro").build(dir, dir.resolve("nodialogs.msi"));
        Path parent = Files.createDirectories(dir.resolve("out"));
        Path user = Files.createDirectories(dir.resolve("user"));
        Files.writeString(user.resolve("keep.txt"), "mine");
        try (Database db = MsiReader.read(msi)) {
            var e = assertThrows(UiPreview.NoDialogsException.class, () -> UiPreview.write(db, "nodialogs.msi", parent.resolve("preview"), PreviewOptions.defaults()));
            assertEquals("nodialogs.msi has no dialogs (its Dialog table is absent): nothing to preview", e.getMessage());
            assertEquals(dev.ssprkit.common.ErrorKind.BAD_INPUT, dev.ssprkit.common.ErrorKind.of(e));
            assertThrows(UiPreview.NoDialogsException.class, () -> UiPreview.write(db, "nodialogs.msi", user, PreviewOptions.defaults()));
        }
        try (Stream<Path> s = Files.list(parent)) {
            assertEquals(List.of(), s.toList(), "no folder, no staging folder left behind");
        }
        try (Stream<Path> s = Files.list(user)) {
            assertEquals(List.of(user.resolve("keep.txt")), s.toList(), "the user's folder is as it was");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no hidden staging folder beside the targets");
        }
    }
}
