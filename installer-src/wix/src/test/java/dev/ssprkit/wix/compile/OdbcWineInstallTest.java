package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ODBC package of {@link OdbcTablesTest} installed with Wine's msiexec: InstallODBC registers the driver and the
 * translator under HKLM\SOFTWARE\ODBC\ODBCINST.INI (the key, and "Installed" under "ODBC Drivers" / "ODBC
 * Translators", the layout the ODBC Programmer's Reference gives for installed drivers and translators), with the
 * installed DLLs' paths; RemoveODBC takes them away again on uninstall.
 *
 * <p>What Wine 8 does not show, and so is not asserted: the driver's ODBCAttribute values (CPTimeout) are not written
 * under its key, and the data sources are handed to SQLConfigDataSource, which needs the driver's real setup DLL
 * (ConfigDSN); the stand-in DLLs here are text files, so no ODBC.INI key appears. Both tables' rows are checked by
 * {@link OdbcTablesTest}.
 */
@Tag("interop")
class OdbcWineInstallTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    private static final String INST = "HKLM\\SOFTWARE\\ODBC\\ODBCINST.INI";

    @Test
    void installRegistersTheDriverAndTranslatorAndUninstallRemovesThem() throws Exception {
        Tool.require("wine");
        Files.writeString(dir.resolve("drv.dll"), "not really a driver\n");
        Files.writeString(dir.resolve("setup.dll"), "not really a setup DLL\n");
        Path msi = dir.resolve("odbc.msi");
        BuildResult r = TestBuild.build(dir, OdbcTablesTest.V4, msi);
        assertTrue(r.success(), () -> r.diagnostics().toString());

        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn").exitCode());
        assertEquals("Installed", wine.regValue(INST + "\\ODBC Drivers", "Repro Driver"));
        assertEquals("Installed", wine.regValue(INST + "\\ODBC Translators", "Repro Translator"));
        String driver = wine.regValue(INST + "\\Repro Driver", "Driver");
        assertTrue(driver != null && driver.endsWith("\\Odbc\\drv.dll"), "Driver = " + driver);
        assertEquals("not really a driver\n", Files.readString(wine.cDrive(driver)), "the registered path is the installed file");
        // the driver's File_Setup is its own DLL (nested under the File); the translator names setup.dll
        assertEquals(driver, wine.regValue(INST + "\\Repro Driver", "Setup"));
        assertEquals(driver, wine.regValue(INST + "\\Repro Translator", "Translator"));
        String translatorSetup = wine.regValue(INST + "\\Repro Translator", "Setup");
        assertTrue(translatorSetup != null && translatorSetup.endsWith("\\Odbc\\setup.dll"), "Setup = " + translatorSetup);

        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
        assertFalse(wine.regKeyExists(INST + "\\Repro Driver"), "driver key left after uninstall");
        assertFalse(wine.regKeyExists(INST + "\\Repro Translator"), "translator key left after uninstall");
        assertNull(wine.regValue(INST + "\\ODBC Drivers", "Repro Driver"));
    }
}
