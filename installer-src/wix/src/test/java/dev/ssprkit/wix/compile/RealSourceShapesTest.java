package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.ssprkit.wix.compile.ShapeBuilds.PROGRAM_FILES;
import static dev.ssprkit.wix.compile.ShapeBuilds.rows;
import static dev.ssprkit.wix.compile.ShapeBuilds.v3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shapes that public projects' WiX sources use and that WiX accepts (the fourth real-source sample, 2026-12-05: each
 * test names the project whose source had it; our own sources here, not theirs). Expected rows come from WiX v3's
 * Compiler.cs (ParseTypeLibElement, ParseClassElement, ParseShortcutElement, ParseExtensionElement) and WiX v4+'s
 * Compiler_Package.cs where they differ, read back with msiinfo.
 */
@Tag("interop")
class RealSourceShapesTest {
    @TempDir Path dir;


    /** transmission: an AppId under a TypeLib, its unadvertised Class without Context (v3 requires Context only when advertised). */
    @Test
    void anAppIdUnderATypeLibRegistersItsClassWithoutContext() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("typelib.msi");
        BuildResult r = v3(dir, "", PROGRAM_FILES, """
                <File Id="app.exe" Source="app.exe" KeyPath="yes">
                  <TypeLib Id="{1E405FC2-1A3A-468B-8BD6-BFBB58770390}" Description="Shapes Type Library" Language="0" MajorVersion="1" MinorVersion="0">
                    <AppId Id="{792D1AAC-53CC-4DC9-BC29-E5295FDB93A9}" Description="Shapes">
                      <Class Id="{0E2C952C-0597-491F-BA26-249D7E6FAB49}" Description="Shapes Class" Version="1.0" Advertise="no"/>
                    </AppId>
                  </TypeLib>
                </File>
                """, msi, b -> b.platform("x86"));
        assertTrue(r.success(), r.diagnostics().toString());
        // Root 0 (HKCR), Key, Name, Value: ParseAppIdElement writes the AppID key's description; ParseClassElement, for
        // an unadvertised class, the CLSID key's description, its AppID value (the parent AppId), its TypeLib (the
        // enclosing TypeLib) and Version keys
        List<String> keys = ShapeBuilds.registry(msi);
        for (String expected : List.of(
                "0\tAppID\\{792D1AAC-53CC-4DC9-BC29-E5295FDB93A9}\t\tShapes",
                "0\tCLSID\\{0E2C952C-0597-491F-BA26-249D7E6FAB49}\t\tShapes Class",
                "0\tCLSID\\{0E2C952C-0597-491F-BA26-249D7E6FAB49}\tAppID\t{792D1AAC-53CC-4DC9-BC29-E5295FDB93A9}",
                "0\tCLSID\\{0E2C952C-0597-491F-BA26-249D7E6FAB49}\\TypeLib\t\t{1E405FC2-1A3A-468B-8BD6-BFBB58770390}",
                "0\tCLSID\\{0E2C952C-0597-491F-BA26-249D7E6FAB49}\\Version\t\t1.0")) {
            assertTrue(keys.contains(expected), expected + " in " + keys);
        }
        assertEquals(List.of(), rows(msi, "Class"), "an unadvertised class has no Class row");
    }

    /** v3's ParseClassElement: an advertised class needs Context (ExpectedAttribute Context with Advertise=yes). */
    @Test
    void anAdvertisedV3ClassStillNeedsContext() throws Exception {
        Path msi = dir.resolve("adv.msi");
        BuildResult r = v3(dir, "", PROGRAM_FILES, """
                <File Id="app.exe" Source="app.exe" KeyPath="yes">
                  <Class Id="{0E2C952C-0597-491F-BA26-249D7E6FAB49}" Description="Shapes Class" Advertise="yes"/>
                </File>
                """, msi, b -> b.platform("x86"));
        assertFalse(r.success());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.id().equals("WIX0102") && d.text().contains("Context")), r.diagnostics().toString());
        assertFalse(Files.exists(msi));
    }

    /** storj: a Shortcut's icon given as a child Icon element, which both defines the Icon row and names it. */
    @Test
    void aShortcutsChildIconDefinesAndNamesTheIcon() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("icon.msi");
        BuildResult r = v3(dir, "", "<Directory Id=\"ProgramMenuFolder\"><Directory Id=\"APP\" Name=\"Shapes\"/></Directory>", """
                <Shortcut Id="Dashboard" Name="Dashboard" Target="[System64Folder]cmd.exe" Arguments="/C start http://localhost">
                  <Icon Id="DashboardIco" SourceFile="app.ico"/>
                </Shortcut>
                <RemoveFolder Id="RemoveApp" On="uninstall"/>
                <RegistryValue Root="HKCU" Key="Software\\Shapes" Name="installed" Type="integer" Value="1" KeyPath="yes"/>
                """, msi, b -> b.platform("x86"));
        assertTrue(r.success(), r.diagnostics().toString());
        assertEquals(List.of("DashboardIco"), rows(msi, "Icon").stream().map(row -> row.split("\t")[0]).toList());
        String shortcut = rows(msi, "Shortcut").get(0);
        assertEquals("DashboardIco", shortcut.split("\t", -1)[8], shortcut); // Icon_, the ninth column of the SDK's Shortcut table
    }

    /** maxcompute-odbc: a v3 Package/@Platform="x64" without -arch builds for x64, its 6432 folder included. */
    @Test
    void aV3PackagePlatformDecidesTheBuildWithoutArch() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("platform.msi");
        BuildResult r = v3(dir, "Platform=\"x64\"", "<Directory Id=\"ProgramFiles6432Folder\"><Directory Id=\"APP\" Name=\"Shapes\"/></Directory>",
                "<File Id=\"app.exe\" Source=\"app.exe\" KeyPath=\"yes\"/>", msi, b -> b.platform(null));
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(rows(msi, "Directory").contains("APP\tProgramFiles64Folder\tShapes"), rows(msi, "Directory")::toString);
        assertTrue(Tool.run("msiinfo", "suminfo", msi.toString()).stdout().contains("Template: x64;1033"));
        // -arch, when given, still decides (the documented candle behaviour the project's own script relies on)
        Path x86 = dir.resolve("x86.msi");
        BuildResult given = v3(dir, "Platform=\"x64\"", "<Directory Id=\"ProgramFiles6432Folder\"><Directory Id=\"APP\" Name=\"Shapes\"/></Directory>",
                "<File Id=\"app.exe\" Source=\"app.exe\" KeyPath=\"yes\"/>", x86, b -> b.platform("x86").validate(false));
        assertTrue(given.success(), given.diagnostics().toString());
        assertTrue(rows(x86, "Directory").contains("APP\tProgramFilesFolder\tShapes"), rows(x86, "Directory")::toString);
    }

    /**
     * powertabeditor: an advertised Extension with ContentType and no MIME child. WiX's ParseExtensionElement writes the
     * content type into Extension.MIME_ without a MIME row; the package validates (no MIME table to miss it in).
     */
    @Test
    void anAdvertisedExtensionKeepsItsContentTypeWithoutAMimeRow() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("ext.msi");
        BuildResult r = v3(dir, "", PROGRAM_FILES, """
                <File Id="app.exe" Source="app.exe" KeyPath="yes"/>
                <ProgId Id="Shapes.Document" Description="Shapes document" Advertise="yes">
                  <Extension Id="shp" ContentType="application/x-shapes">
                    <Verb Id="open" Command="Open" Argument="&quot;%1&quot;"/>
                  </Extension>
                </ProgId>
                """, msi, b -> b.platform("x86"));
        assertTrue(r.success(), r.diagnostics().toString());
        assertEquals(List.of("shp\tC\tShapes.Document\tapplication/x-shapes\tF"), rows(msi, "Extension"));
    }

    /** openhashtab: WiX v4+ takes ThreadingModel as written and upper-cases its first letter; v3's schema is lower-case. */
    @Test
    void aV4ThreadingModelIsTakenInAnyCase() throws Exception {
        Tool.require("msiinfo");
        Files.writeString(dir.resolve("app.dll"), "stand-in");
        Path msi = dir.resolve("tm.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Shapes" Language="1033" Version="1.0.0" Manufacturer="Example Corporation" UpgradeCode="{2E3F4A5B-6C7D-4E8F-9A0B-1C2D3E4F5A6C}">
                    <MediaTemplate EmbedCab="yes"/>
                    <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="APP" Name="Shapes"/></StandardDirectory>
                    <Component Directory="APP">
                      <File Source="app.dll">
                        <Class Id="{23B5BDD4-7669-42B8-9CDC-BEEBC8A5BAA9}" Context="InprocServer32" ThreadingModel="Apartment" Description="Shapes"/>
                      </File>
                    </Component>
                  </Package>
                </Wix>
                """, msi, b -> b.platform("x64"));
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(rows(msi, "Registry").stream().anyMatch(row -> row.contains("CLSID\\{23B5BDD4-7669-42B8-9CDC-BEEBC8A5BAA9}\\InprocServer32\tThreadingModel\tApartment")),
                rows(msi, "Registry")::toString);
        Path v3 = dir.resolve("tm3.msi");
        BuildResult old = v3(dir, "", PROGRAM_FILES, """
                <File Id="app.exe" Source="app.exe" KeyPath="yes">
                  <Class Id="{23B5BDD4-7669-42B8-9CDC-BEEBC8A5BAA9}" Context="InprocServer32" ThreadingModel="Apartment" Description="Shapes"/>
                </File>
                """, v3, b -> b.platform("x86"));
        assertFalse(old.success());
        assertTrue(old.diagnostics().stream().anyMatch(d -> d.text().contains("ThreadingModel") && d.location() != null), old.diagnostics().toString());
    }
}
