package dev.ssprkit.cli.gallery;

import dev.ssprkit.cli.Sspr;
import dev.ssprkit.cli.gallery.GalleryPackages.GalleryPackage;
import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.VirtualDisplay;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.uipreview.PreviewOptions;
import dev.ssprkit.uipreview.UiPreview;
import dev.ssprkit.uipreview.layout.ControlLayout;
import dev.ssprkit.uipreview.layout.DialogLayout;
import dev.ssprkit.uipreview.render.DialogRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dialog gallery: every dialog of the built-in WixUI library (all five sets: {@link GalleryPackages}), in each
 * culture asked for, shown by Wine's msiexec on a virtual display and photographed there, and drawn by
 * {@code sspr ui preview} from the same package. Pictures go to {@code target/ui-gallery/CULTURE/{wine,preview}/DIALOG.png}
 * with {@code target/ui-gallery/index.html} showing them side by side (CI keeps {@code target/}).
 *
 * <p>What has to hold for every dialog:
 * <ul>
 * <li>Wine showed it and no other dialog of the library: msiexec's verbose log names it, alone, among the actions it
 *     started; a window whose title is the culture's title for that dialog (the library's {@code DIALOG_Title}
 *     string with [ProductName] resolved, in that language), whose picture is settled (two captures alike) and has
 *     the dialog's size by the MSI SDK's unit rule ("Installer Units": 1/12 of the height of 10-point MS Sans Serif,
 *     a 16-pixel cell at 96 DPI, so {@code MulDiv(units, 16, 12)}) from the Dialog table as msitools' msiinfo reads it;</li>
 * <li>the preview has the same size as Wine's window, and places every control of the dialog at the rectangle the
 *     same rule gives for the Control table's X, Y, Width and Height (msiinfo's reading): positions and sizes, not
 *     pixels.</li>
 * </ul>
 *
 * <p>Whether the pictures show clipped or overlapping text is for a person to see (the images are the artifact); the
 * test asserts what a program can tell. Cultures: {@code -Dssprkit.ui.gallery.cultures=en-us,de-de,...}; CI takes
 * en-us and ja-jp (a Latin and a double-byte culture: 56 pictures, about 0.9 s each), the {@code ui-gallery} profile
 * all five (140 pictures, about 2 minutes: too long for every CI run). Japanese text needs a font with its glyphs:
 * the prefix links one (fonts-sawarabi-gothic in CI) to Tahoma, as Windows links MS UI Gothic to Tahoma.
 */
@Tag("interop")
class WixUiGalleryTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    private static VirtualDisplay display;
    @TempDir Path dir;

    static final Path GALLERY = Path.of("target", "ui-gallery");
    static final List<String> CULTURES = List.of(System.getProperty("ssprkit.ui.gallery.cultures", "en-us,ja-jp").split(","));

    @BeforeAll
    static void start() {
        Tool.require("msiinfo", "fc-list");
        display = wine.display(); // the prefix's own: its desktop process draws there
        if (CULTURES.contains("ja-jp")) linkJapaneseFont();
    }

    /**
     * Tahoma (the library's face) has no Japanese glyphs; Windows draws them through its font link to MS UI Gothic.
     * The prefix gets the same kind of link (FontLink\SystemLink, the registry value Windows and Wine read) to a
     * Japanese font fontconfig knows.
     */
    private static void linkJapaneseFont() {
        Tool.Result fc = Tool.run(List.of("fc-list", ":lang=ja", "file", "family"), null, Map.of(), 30).assertOk();
        String first = fc.stdout().lines().filter(l -> l.contains(":")).findFirst().orElse(null);
        Tool.requireThat(first != null, "a font with Japanese glyphs (Debian: fonts-sawarabi-gothic)");
        if (first == null) return;
        String file = Path.of(first.substring(0, first.indexOf(':')).strip()).getFileName().toString();
        String family = first.substring(first.indexOf(':') + 1).strip().split(",")[0];
        wine.wine("reg", "add", "HKLM\\Software\\Microsoft\\Windows NT\\CurrentVersion\\FontLink\\SystemLink", "/v", "Tahoma",
                "/t", "REG_MULTI_SZ", "/d", file + "," + family, "/f").assertOk();
    }

    /** The gallery packages show every dialog the library defines, so a new dialog cannot be left out of it. */
    @Test
    void theGalleryCoversEveryDialogOfTheLibrary() throws Exception {
        assertEquals(GalleryPackages.libraryDialogs(), new java.util.TreeSet<>(GalleryPackages.galleryDialogs()));
    }

    @Test
    void everyDialogInEveryCultureAsWineShowsItAndAsThePreviewLaysItOut() throws Exception {
        Files.writeString(dir.resolve("core.txt"), "gallery payload\r\n");
        GalleryIndex index = new GalleryIndex(GALLERY);
        long shots = 0, shotMillis = 0;
        java.util.Set<String> library = GalleryPackages.libraryDialogs();
        for (String culture : CULTURES) {
            Path wineDir = Files.createDirectories(GALLERY.resolve(culture).resolve("wine"));
            Path previewDir = GALLERY.resolve(culture).resolve("preview");
            String wxl = GalleryPackages.resource("WixUI_" + culture + ".wxl");
            for (GalleryPackage p : GalleryPackages.PACKAGES) {
                Path msi = build(p, culture);
                Map<String, int[]> dialogs = DialogTables.dialogs(msi);
                for (String dialog : p.dialogs()) {
                    long t0 = System.nanoTime();
                    WineShot shot = WineShot.take(display, wine, msi, "GALLERY_DIALOG=" + dialog, GalleryPackages.PRODUCT,
                            wineDir.resolve(dialog + ".png"), dir.resolve(p.name() + "-" + culture + "-" + dialog + ".log"));
                    shotMillis += (System.nanoTime() - t0) / 1_000_000;
                    shots++;
                    String where = culture + " " + dialog;
                    List<String> shown = shot.actionsStarted().stream().filter(library::contains).toList();
                    assertEquals(List.of(dialog), shown, () -> where + ": the library dialogs msiexec showed\n" + shot.log());
                    assertEquals(title(wxl, dialog), shot.title(), where + ": window title");
                    int[] units = dialogs.get(dialog);
                    assertNotNull(units, where + ": not in the Dialog table");
                    assertEquals(mulDiv(units[0]), shot.width(), where + ": width (" + units[0] + " units)");
                    assertEquals(mulDiv(units[1]), shot.height(), where + ": height (" + units[1] + " units)");
                    index.add(culture, dialog, p.set());
                }
                previewAndCheck(msi, p, culture, previewDir);
            }
        }
        index.write();
        System.out.printf("ui gallery: %d Wine shots in %.1f s (%.2f s each), cultures %s%n", shots, shotMillis / 1000.0,
                shotMillis / 1000.0 / Math.max(1, shots), CULTURES);
    }

    /** {@code sspr ui preview} into the culture's preview folder, and its layout against the Control table. */
    private void previewAndCheck(Path msi, GalleryPackage p, String culture, Path previewDir) throws Exception {
        Path out = dir.resolve("preview-" + p.name() + "-" + culture);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Sspr.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "ui", "preview", msi.toString(), "-o", out.toString());
        assertEquals(0, code, () -> err.toString(StandardCharsets.UTF_8));
        Files.createDirectories(previewDir);
        for (String dialog : p.dialogs()) {
            Path png = out.resolve(dialog + ".png");
            assertTrue(Files.exists(png), culture + " " + dialog + ": sspr ui preview wrote no " + png.getFileName());
            Files.copy(png, previewDir.resolve(dialog + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, DialogLayout> layouts = new HashMap<>();
        try (Database db = MsiReader.read(msi)) {
            for (DialogRenderer.Rendered r : UiPreview.render(db, PreviewOptions.defaults())) layouts.put(r.layout().dialog().name(), r.layout());
        }
        Map<String, int[]> dialogs = DialogTables.dialogs(msi);
        Map<String, Map<String, int[]>> controls = DialogTables.controls(msi);
        for (String dialog : p.dialogs()) {
            String where = culture + " " + dialog + " (preview)";
            DialogLayout layout = layouts.get(dialog);
            assertNotNull(layout, where + ": not laid out");
            assertEquals(mulDiv(dialogs.get(dialog)[0]), layout.width(), where + ": width");
            assertEquals(mulDiv(dialogs.get(dialog)[1]), layout.height(), where + ": height");
            Map<String, int[]> rows = controls.get(dialog);
            assertEquals(rows.keySet(), names(layout.controls()), where + ": controls");
            for (Map.Entry<String, int[]> c : rows.entrySet()) {
                int[] u = c.getValue();
                assertEquals(new Rectangle(mulDiv(u[0]), mulDiv(u[1]), mulDiv(u[2]), mulDiv(u[3])), layout.control(c.getKey()).bounds(),
                        where + " control " + c.getKey() + " at " + u[0] + "," + u[1] + " size " + u[2] + "x" + u[3] + " units");
            }
        }
    }

    private static java.util.Set<String> names(List<ControlLayout> controls) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (ControlLayout c : controls) out.add(c.name());
        return out;
    }

    private Path build(GalleryPackage p, String culture) throws Exception {
        Path wxs = dir.resolve("gallery-" + p.name() + ".wxs");
        Files.writeString(wxs, GalleryPackages.source(p));
        Path msi = dir.resolve("gallery-" + p.name() + "-" + culture + ".msi");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Sspr.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "build", wxs.toString(), "-culture", culture, "-o", msi.toString());
        assertEquals(0, code, () -> p.name() + " " + culture + ": " + err.toString(StandardCharsets.UTF_8));
        return msi;
    }

    /** The culture's title of {@code dialog}: its {@code DIALOG_Title} string, [ProductName] resolved. */
    static String title(String wxl, String dialog) {
        Matcher m = Pattern.compile("Id=\"" + dialog + "_Title\"\\s+Value=\"([^\"]*)\"").matcher(wxl);
        assertTrue(m.find(), "no " + dialog + "_Title in the culture's .wxl");
        return m.group(1).replace("[ProductName]", GalleryPackages.PRODUCT).replace("&amp;", "&");
    }

    /** Installer units to pixels at 96 DPI: the SDK's unit (1/12 of a 16-pixel cell), rounded as Windows' MulDiv. */
    static int mulDiv(int units) {
        return (units * 16 + 6) / 12;
    }

    /** The Dialog and Control tables as msitools' msiinfo exports them (tab-separated, three header lines). */
    static final class DialogTables {
        /** Dialog name to {Width, Height}. */
        static Map<String, int[]> dialogs(Path msi) {
            Map<String, int[]> out = new HashMap<>();
            for (String[] f : export(msi, "Dialog")) {
                if (f.length >= 5 && isInt(f[3]) && isInt(f[4])) out.put(f[0], new int[] {Integer.parseInt(f[3]), Integer.parseInt(f[4])});
            }
            return out;
        }

        /** Dialog name to control name to {X, Y, Width, Height}. */
        static Map<String, Map<String, int[]>> controls(Path msi) {
            Map<String, Map<String, int[]>> out = new HashMap<>();
            for (String[] f : export(msi, "Control")) {
                if (f.length < 7 || !isInt(f[3]) || !isInt(f[4]) || !isInt(f[5]) || !isInt(f[6])) continue; // a continued text line
                out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], new int[] {
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6])});
            }
            return out;
        }

        private static List<String[]> export(Path msi, String table) {
            Tool.Result r = Tool.run(List.of("msiinfo", "export", msi.toString(), table), null, Map.of(), 60).assertOk();
            List<String[]> rows = new ArrayList<>();
            List<String> lines = r.stdout().lines().toList();
            for (int i = 3; i < lines.size(); i++) rows.add(lines.get(i).split("\t", -1));
            return rows;
        }

        private static boolean isInt(String s) {
            return s.matches("-?\\d+");
        }
    }
}
