package dev.ssprkit.wix.compile;

import dev.ssprkit.msi.check.StructuralCheck;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The v3-wine-install scenario, compiled from WiX source, installs under Wine's msiexec: the file, the registry values
 * (one holding a property a type-51 custom action set), the Start-menu shortcut; and uninstalls cleanly.
 */
@Tag("interop")
class WixWineInstallTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir static Path dir;



    @Test
    void installsAndUninstalls() throws Exception {
        Scenario s = Scenario.load(Scenario.root("scenarios").resolve("v3-wine-install"));
        Path msi = dir.resolve("wine-scenario.msi");
        BuildResult r = s.build(msi);
        assertTrue(r.success(), r.diagnostics().toString());
        assertEquals(List.of(), StructuralCheck.check(msi));

        Path log = dir.resolve("install.log");
        Tool.Result install = wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString());
        assertEquals(0, install.exitCode(), () -> "msiexec /i failed; log:\n" + readLog(log));
        Path installDir = wine.cDrive("C:\\Program Files\\ssprkit Wine Scenario");
        assertArrayEquals(Files.readAllBytes(s.dir().resolve("readme.txt")), Files.readAllBytes(installDir.resolve("readme.txt")));
        String key = "HKLM\\Software\\ssprkit\\WineScenario";
        assertEquals("set by custom action", wine.regValue(key, "Greeting"));
        assertEquals("0x7", wine.regValue(key, "Count"));
        // ProgramMenuFolder (all users) is wherever this Wine version puts it; find the shortcut under drive_c.
        Path menu = findShortcut();
        assertTrue(menu != null && menu.getParent().getFileName().toString().equals("ssprkit Wine Scenario"),
                "shortcut missing: " + menu + "\n" + readLog(log));

        Path ulog = dir.resolve("uninstall.log");
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn", "/l*v", ulog.toString()).exitCode(), () -> readLog(ulog));
        assertFalse(Files.exists(installDir), "install folder left behind");
        assertFalse(Files.exists(menu), "shortcut left behind");
        assertFalse(wine.regKeyExists(key), "registry key left behind");
    }

    /**
     * v4-per-user (Scope="perUser", no ALLUSERS): Windows Installer installs it for the current user only: the file lands
     * under the user's LocalAppData, the key-path value in HKCU holds that folder, nothing is written to HKLM; uninstall
     * removes both.
     */
    @Test
    void perUserPackageInstallsIntoTheProfileAndHkcuOnly() throws Exception {
        Scenario s = Scenario.load(Scenario.root("scenarios").resolve("v4-per-user"));
        Path msi = dir.resolve("per-user.msi");
        BuildResult r = s.build(msi);
        assertTrue(r.success(), r.diagnostics().toString());
        Path log = dir.resolve("per-user-install.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString()).exitCode(), () -> readLog(log));
        String key = "HKCU\\Software\\ssprkit\\PerUser";
        String folder = wine.regValue(key, "Path");
        assertTrue(folder != null && folder.endsWith("\\ssprkitPerUser\\"), "HKCU value: " + folder + "\n" + readLog(log));
        assertTrue(folder.toLowerCase(java.util.Locale.ROOT).contains("\\users\\"), "not under the user's profile: " + folder);
        Path installed = wine.cDrive(folder).resolve("app.txt");
        assertArrayEquals(Files.readAllBytes(s.dir().resolve("app.txt")), Files.readAllBytes(installed));
        assertFalse(wine.regKeyExists("HKLM\\Software\\ssprkit\\PerUser"), "a per-user package wrote to HKLM");
        assertFalse(wine.regKeyExists("HKLM\\Software\\Wow6432Node\\ssprkit\\PerUser"), "a per-user package wrote to HKLM");
        Path ulog = dir.resolve("per-user-uninstall.log");
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn", "/l*v", ulog.toString()).exitCode(), () -> readLog(ulog));
        assertFalse(Files.exists(installed), "file left behind");
        assertFalse(wine.regKeyExists(key), "HKCU key left behind");
    }

    /**
     * v3-searches: AppSearch runs the RegistrySearch during the install and the RegistryValue writes what it found
     * ([WINEVERSION]); the expected value is what {@code wine reg query} reads from the searched key itself.
     */
    @Test
    void registrySearchResultReachesTheRegistry() throws Exception {
        Scenario s = Scenario.load(Scenario.root("scenarios").resolve("v3-searches"));
        Path msi = dir.resolve("searches.msi");
        BuildResult r = s.build(msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String searched = wine.regValue("HKLM\\Software\\Microsoft\\Windows NT\\CurrentVersion", "CurrentVersion");
        assertTrue(searched != null && !searched.isEmpty(), "Wine has no CurrentVersion value to search for");
        Path log = dir.resolve("searches-install.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString()).exitCode(), () -> readLog(log));
        assertEquals(searched, wine.regValue("HKLM\\Software\\ssprkit\\Searches", "Found"), () -> readLog(log));
        Path ulog = dir.resolve("searches-uninstall.log");
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn", "/l*v", ulog.toString()).exitCode(), () -> readLog(ulog));
        assertFalse(wine.regKeyExists("HKLM\\Software\\ssprkit\\Searches"), "registry key left behind");
    }

    private static Path findShortcut() throws Exception {
        try (var walk = Files.walk(wine.cDrive("C:\\"))) {
            return walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals("Read Me.lnk")).findFirst().orElse(null);
        }
    }

    static String readLog(Path log) {
        try {
            byte[] b = Files.readAllBytes(log);
            String s = b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE
                    ? new String(b, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
            return s.length() > 20000 ? s.substring(s.length() - 20000) : s;
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }
}
