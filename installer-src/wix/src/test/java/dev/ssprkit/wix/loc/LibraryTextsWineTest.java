package dev.ssprkit.wix.loc;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.VirtualDisplay;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Culture builds of the built-in WixUI_InstallDir dialogs run by Wine's msiexec: the ja-jp package (codepage 932)
 * installs its file silently and uninstalls; the de-de package's first dialog, on a virtual display, carries the
 * German title of the library's de-de .wxl (WelcomeDlg_Title, with [ProductName] formatted by Windows Installer), and
 * cancelling through the German cancel dialog ends with ERROR_INSTALL_USEREXIT (1602, the MSI SDK's msiexec code).
 */
@Tag("interop")
class LibraryTextsWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    private static VirtualDisplay display;
    @TempDir Path dir;

    @BeforeAll
    static void startDisplay() {
        display = wine.display(); // the prefix's own: its desktop process draws there
    }

    /** Where a 32-bit package's ProgramFilesFolder is in Wine's 64-bit prefix. */
    private static final String FILE = "C:\\Program Files (x86)\\Tally Counter\\tally.txt";

    @Test
    void theJapanesePackageInstallsAndUninstallsSilently() throws Exception {
        BuildResult r = UiPackage.build(dir, "ja.msi", List.of("ja-jp"), List.of());
        assertTrue(r.success(), r.diagnostics().toString());
        Path msi = dir.resolve("ja.msi");
        Tool.Result install = wine.msiexec("/i", msi.toString(), "/qn");
        assertEquals(0, install.exitCode(), install::toString);
        assertEquals("1, 2, 3", Files.readString(wine.cDrive(FILE)));
        Tool.Result remove = wine.msiexec("/x", msi.toString(), "/qn");
        assertEquals(0, remove.exitCode(), remove::toString);
        assertFalse(Files.exists(wine.cDrive(FILE)));
    }

    @Test
    void theGermanPackageShowsItsFirstDialogInGerman() throws Exception {
        BuildResult r = UiPackage.build(dir, "de.msi", List.of("de-de"), List.of());
        assertTrue(r.success(), r.diagnostics().toString());
        String title = UiPackage.libraryStrings("de-de").get("WelcomeDlg_Title").replace("[ProductName]", UiPackage.PRODUCT);
        assertEquals("Installation von Tally Counter", title); // the de-de file's wording, as a reader sees it
        String regex = "^" + title.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0") + "$";

        Path log = dir.resolve("de.log");
        VirtualDisplay.Running msiexec = display.launch(Wine.command("msiexec", "/i", dir.resolve("de.msi").toString(), "/l*v", log.toString()),
                wine.environment(), dir.resolve("msiexec.out"));
        msiexec.awaitWindow(regex, Duration.ofSeconds(120));
        // Wine can show more than one X window under a dialog's title (once failed under load when the Escape went to
        // the first one found): the welcome page is the one with the wizard's size (270 installer units high, about
        // 360 pixels), so the key goes to it once it is mapped at that size
        String welcome = awaitAnother(regex, Set.of(), id -> height(id) > 300, Duration.ofSeconds(60));
        // a new dialog is a window none of these is
        Set<String> seen = new HashSet<>(windows(regex));
        display.key(welcome, "Escape");                 // Abbrechen: spawns the cancel dialog, same title
        // the cancel dialog: a new window under the same title, smaller than the wizard (85 units high, not 270)
        int wizardHeight = windows(regex).stream().mapToInt(LibraryTextsWineTest::height).max().orElseThrow();
        String cancel = awaitAnother(regex, seen, id -> height(id) < wizardHeight / 2, Duration.ofSeconds(60));
        seen.addAll(windows(regex));
        display.key(cancel, "Tab", "space");            // from Nein (the first control) to Ja, and press it
        String exit = awaitAnother(regex, seen, id -> height(id) > wizardHeight / 2, Duration.ofSeconds(60));
        display.key(exit, "Return");                    // Fertig stellen, the default button of UserExit
        assertEquals(1602 & 0xFF, msiexec.await(Duration.ofMinutes(2)), () -> read(log));
        String verbose = read(log);
        // msiexec logs the dialogs it shows as actions (a spawned one like CancelDlg is not logged)
        assertTrue(verbose.contains("WelcomeDlg") && verbose.contains("UserExit"), verbose);
        assertFalse(Files.exists(wine.cDrive(FILE)));
    }

    /** A visible window titled like {@code regex}, none of {@code seen}, that {@code which} accepts (a dialog opened over or after them). */
    private static String awaitAnother(String regex, Set<String> seen, java.util.function.Predicate<String> which, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (String id : windows(regex)) if (!seen.contains(id) && which.test(id)) return id;
            Thread.sleep(200);
        }
        throw new AssertionError("no new window titled /" + regex + "/ within " + timeout.toSeconds() + " s; visible: " + display.titles());
    }

    /** A window's height in pixels (xdotool getwindowgeometry), 0 when it is gone. */
    private static int height(String id) {
        Tool.Result r = Tool.run(List.of("xdotool", "getwindowgeometry", id), null, display.environment(), 20);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Geometry: \\d+x(\\d+)").matcher(r.stdout());
        return r.exitCode() == 0 && m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The ids of the visible windows titled like {@code regex}. */
    private static List<String> windows(String regex) {
        Tool.Result r = Tool.run(List.of("xdotool", "search", "--onlyvisible", "--name", regex), null, display.environment(), 20);
        List<String> ids = new ArrayList<>();
        for (String id : r.stdout().split("\\R")) if (!id.isBlank()) ids.add(id.strip());
        return ids;
    }

    private static String read(Path log) {
        try {
            if (!Files.exists(log)) return "(no log)";
            byte[] b = Files.readAllBytes(log);
            String s = b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE ? new String(b, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
            return s.length() > 20_000 ? s.substring(s.length() - 20_000) : s;
        } catch (Exception e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
