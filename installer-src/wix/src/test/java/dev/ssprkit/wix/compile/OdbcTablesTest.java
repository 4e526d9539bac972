package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import dev.ssprkit.wix.diag.Diagnostic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ODBCDriver, ODBCTranslator, ODBCDataSource and their Property children, read back with msiinfo. Expected rows:
 * WiX v4 Compiler_Package.cs ParseODBCDriverOrTranslator / ParseODBCDataSource / ParseODBCProperty (and v3's
 * Compiler.cs, which writes the same rows): a driver under a File names that file as File_ and File_Setup; a data
 * source under a driver takes the driver's Name as DriverDescription; Registration machine = 0, user = 1 (MSI SDK,
 * ODBCDataSource table); Property → ODBCAttribute (driver) / ODBCSourceAttribute (data source). Sequence numbers:
 * WiX v4 WindowsInstallerStandard.cs (SetODBCFolders 1100, RemoveODBC 2400, InstallODBC 5400), scheduled when any of
 * the ODBC tables has rows (SequenceActionsCommand.cs). A data source directly under its Component is the key path
 * candidate WiX's ParseComponentElement considers; its key path bit is 0x20 (MSI SDK, Component table,
 * msidbComponentAttributesODBCDataSource).
 */
@Tag("interop")
class OdbcTablesTest {
    @TempDir Path dir;

    static final String V4 = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Name="Odbc" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{6F708192-A3B4-45C6-97E8-F90A1B2C3D45}">
                <MediaTemplate EmbedCab="yes"/>
                <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="INSTALLFOLDER" Name="Odbc">
                  <Component Id="Driver" Guid="{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}">
                    <File Id="DriverDll" Source="drv.dll" KeyPath="yes">
                      <ODBCDriver Id="ReproDriver" Name="Repro Driver">
                        <Property Id="CPTimeout" Value="60"/>
                        <ODBCDataSource Id="ReproDsn" Name="Repro DSN" Registration="machine">
                          <Property Id="Database" Value="[INSTALLFOLDER]repro.db"/>
                        </ODBCDataSource>
                      </ODBCDriver>
                    </File>
                    <File Id="SetupDll" Source="setup.dll"/>
                    <ODBCTranslator Id="ReproTranslator" Name="Repro Translator" File="DriverDll" SetupFile="SetupDll"/>
                  </Component>
                  <Component Id="UserDsn" Guid="{1B2C3D4E-5F6A-4B7C-9D8E-0F1A2B3C4D5E}">
                    <ODBCDataSource Id="UserDsn" Name="Repro User DSN" DriverName="Repro Driver" Registration="user" KeyPath="yes"/>
                  </Component>
                </Directory></StandardDirectory>
                <Feature Id="Main"><ComponentRef Id="Driver"/><ComponentRef Id="UserDsn"/></Feature>
              </Package>
            </Wix>
            """;

    private Path build(String source) throws Exception {
        Files.writeString(dir.resolve("drv.dll"), "not really a driver\n");
        Files.writeString(dir.resolve("setup.dll"), "not really a setup DLL\n");
        Path msi = dir.resolve("odbc.msi");
        BuildResult r = TestBuild.build(dir, source, msi);
        assertTrue(r.success(), () -> r.diagnostics().toString());
        return msi;
    }

    private static List<String> rows(Path msi, String table) {
        String out = Tool.run("msiinfo", "export", msi.toString(), table).assertOk().stdout();
        // msiinfo export writes the column names, types and key line first (IDT format)
        return out.lines().skip(3).sorted().toList();
    }

    @Test
    void writesTheOdbcTablesWixWrites() throws Exception {
        Tool.require("msiinfo");
        Path msi = build(V4);
        assertEquals(List.of("ReproDriver\tDriver\tRepro Driver\tDriverDll\tDriverDll"), rows(msi, "ODBCDriver"));
        assertEquals(List.of("ReproTranslator\tDriver\tRepro Translator\tDriverDll\tSetupDll"), rows(msi, "ODBCTranslator"));
        assertEquals(List.of("ReproDriver\tCPTimeout\t60"), rows(msi, "ODBCAttribute"));
        assertEquals(List.of("ReproDsn\tDriver\tRepro DSN\tRepro Driver\t0", "UserDsn\tUserDsn\tRepro User DSN\tRepro Driver\t1"),
                rows(msi, "ODBCDataSource"));
        assertEquals(List.of("ReproDsn\tDatabase\t[INSTALLFOLDER]repro.db"), rows(msi, "ODBCSourceAttribute"));

        List<String> sequence = rows(msi, "InstallExecuteSequence");
        assertTrue(sequence.contains("SetODBCFolders\t\t1100"), sequence.toString());
        assertTrue(sequence.contains("RemoveODBC\t\t2400"), sequence.toString());
        assertTrue(sequence.contains("InstallODBC\t\t5400"), sequence.toString());

        // the driver's component keeps its file as key path; the data source under the driver is no candidate
        String components = String.join("\n", rows(msi, "Component"));
        assertTrue(components.contains("Driver\t{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}\tINSTALLFOLDER\t"), components);
        assertTrue(components.lines().anyMatch(l -> l.startsWith("Driver\t") && l.endsWith("\tDriverDll")), components);
        // a data source directly under its component, KeyPath="yes": KeyPath names it, Attributes has 0x20
        String userDsn = components.lines().filter(l -> l.startsWith("UserDsn\t")).findFirst().orElseThrow();
        String[] f = userDsn.split("\t");
        assertEquals("UserDsn", f[5], userDsn);
        assertEquals(0x20, Integer.parseInt(f[3]) & 0x20, userDsn);
    }

    @Test
    void noOdbcRowsNoOdbcActions() throws Exception {
        Tool.require("msiinfo");
        Path msi = build(V4.replaceAll("(?s)<ODBCDriver .*?</ODBCDriver>", "").replaceAll("<ODBCTranslator [^>]*/>", "")
                .replaceAll("<ODBCDataSource [^>]*/>", "<RegistryValue Root=\"HKCU\" Key=\"Software\\\\ssprkit tests\" Name=\"x\" Value=\"1\" KeyPath=\"yes\"/>"));
        String sequence = String.join("\n", rows(msi, "InstallExecuteSequence"));
        assertFalse(sequence.contains("ODBC"), sequence);
    }

    @Test
    void aDriverWithoutNameIsReportedAtItsLine() throws Exception {
        String source = V4.replace("<ODBCDriver Id=\"ReproDriver\" Name=\"Repro Driver\">", "<ODBCDriver Id=\"ReproDriver\">");
        Path msi = dir.resolve("bad.msi");
        BuildResult r = TestBuild.build(dir, source, msi);
        assertFalse(r.success());
        assertFalse(Files.exists(msi), "no partial output");
        List<String> errors = r.errors().stream().map(Diagnostic::toString).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("p.wxs:7:") && e.contains("WIX0102") && e.contains("<ODBCDriver> requires attribute Name")),
                errors.toString());
    }

    @Test
    void aDataSourceOutsideADriverNeedsDriverNameAndRegistration() throws Exception {
        String source = V4.replace("DriverName=\"Repro Driver\" Registration=\"user\" ", "");
        BuildResult r = TestBuild.build(dir, source, dir.resolve("bad.msi"));
        assertFalse(r.success());
        List<String> errors = r.errors().stream().map(Diagnostic::toString).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("p.wxs:18:") && e.contains("requires attribute Registration")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("p.wxs:18:") && e.contains("DriverName or a parent <ODBCDriver>")), errors.toString());
    }

    @Test
    void v3RequiresIds() throws Exception {
        String source = """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Odbc" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{6F708192-A3B4-45C6-97E8-F90A1B2C3D46}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="Odbc">
                      <Component Id="Driver" Guid="{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C40}">
                        <File Id="DriverDll" Source="drv.dll" KeyPath="yes">
                          <ODBCDriver Name="Repro Driver"/>
                        </File>
                      </Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="Driver"/></Feature>
                  </Product>
                </Wix>
                """;
        Files.writeString(dir.resolve("drv.dll"), "x\n");
        BuildResult r = TestBuild.build(dir, source, dir.resolve("v3.msi"));
        assertFalse(r.success());
        List<String> errors = r.errors().stream().map(Diagnostic::toString).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("p.wxs:8:") && e.contains("<ODBCDriver> requires attribute Id")), errors.toString());
    }
}
