package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WiX v5+'s folder-below attributes: CreateFolder/@Subdirectory, ReserveCost/@Subdirectory,
 * Shortcut/@WorkingSubdirectory, TypeLib/@HelpSubirectory (so spelled in WiX's schema) and CustomAction/@Subdirectory,
 * each "one or more directories below the directory referenced by" its directory attribute (WiX's schema
 * documentation). The generated folders' Ids are ours, so the rows are followed by their DefaultDir and parent
 * instead: each path must end in a chain logs -> archive under the named folder. Rows read back with msiinfo.
 */
@Tag("interop")
class SubdirectoryAttributesTest {
    @TempDir Path dir;

    private static List<String[]> rows(Path msi, String table) {
        return Tool.run(List.of("msiinfo", "export", msi.toString(), table), msi.getParent(), Map.of(), 60)
                .stdout().lines().skip(3).map(l -> l.split("\t", -1)).toList();
    }

    /** The folder path from {@code id} up to (not including) {@code top}, as DefaultDir names, outermost first. */
    private static String pathUnder(Map<String, String[]> dirs, String id, String top) {
        StringBuilder path = new StringBuilder();
        for (String d = id; d != null && !d.equals(top); d = dirs.get(d)[1]) {
            String name = dirs.get(d)[2];
            path.insert(0, "\\" + name.substring(name.indexOf('|') + 1));
        }
        return path.toString();
    }

    @Test
    void eachAttributeMakesTheFoldersBelowItsDirectory() throws Exception {
        Tool.require("msiinfo");
        Files.writeString(dir.resolve("app.exe"), "stand-in payload");
        Path msi = dir.resolve("sub.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Subdirectories" Language="1033" Version="1.0.0" Manufacturer="Example Corporation" UpgradeCode="{3A4B5C6D-7E8F-4091-A2B3-C4D5E6F70819}">
                    <MediaTemplate EmbedCab="yes"/>
                    <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="APP" Name="Sub"/></StandardDirectory>
                    <StandardDirectory Id="ProgramMenuFolder"/>
                    <Component Directory="APP" Guid="{3A4B5C6D-7E8F-4091-A2B3-000000000001}">
                      <File Id="app.exe" Source="app.exe" KeyPath="yes">
                        <TypeLib Id="{3A4B5C6D-7E8F-4091-A2B3-000000000002}" Language="0" HelpDirectory="APP" HelpSubirectory="logs\\archive"/>
                        <Shortcut Id="Start" Name="Sub" Directory="ProgramMenuFolder" WorkingDirectory="APP" WorkingSubdirectory="logs\\archive"/>
                      </File>
                      <CreateFolder Subdirectory="logs\\archive"/>
                      <ReserveCost Id="Space" Subdirectory="logs\\archive" RunLocal="1024" RunFromSource="0"/>
                    </Component>
                    <CustomAction Id="SetFolder" Directory="APP" Subdirectory="logs\\archive" ExeCommand="app.exe /init" Execute="deferred" Impersonate="no"/>
                    <InstallExecuteSequence><Custom Action="SetFolder" After="InstallFiles"/></InstallExecuteSequence>
                  </Package>
                </Wix>
                """, msi, b -> b.platform("x64"));
        assertTrue(r.success(), r.diagnostics().toString());
        Map<String, String[]> dirs = new HashMap<>();
        for (String[] row : rows(msi, "Directory")) dirs.put(row[0], row);
        String createFolder = rows(msi, "CreateFolder").stream().filter(row -> !row[0].equals("APP")).findFirst().orElseThrow()[0];
        assertEquals("\\logs\\archive", pathUnder(dirs, createFolder, "APP"));
        assertEquals("\\logs\\archive", pathUnder(dirs, rows(msi, "ReserveCost").get(0)[2], "APP"));
        assertEquals("\\logs\\archive", pathUnder(dirs, rows(msi, "Shortcut").get(0)[11], "APP")); // WkDir, the SDK's twelfth column
        String[] ca = rows(msi, "CustomAction").stream().filter(row -> row[0].equals("SetFolder")).findFirst().orElseThrow();
        assertEquals("\\logs\\archive", pathUnder(dirs, ca[2], "APP")); // Source of a type 34 (exe in a folder)
        String helpDir = rows(msi, "Registry").stream().filter(row -> row[2].endsWith("\\HELPDIR")).findFirst().orElseThrow()[4];
        assertEquals("\\logs\\archive", pathUnder(dirs, helpDir.substring(1, helpDir.length() - 1), "APP"));
        assertEquals(1, dirs.values().stream().filter(row -> row[2].endsWith("archive")).count(), "one folder made, shared by all five");
    }

    @Test
    void aWorkingSubdirectoryWithoutWorkingDirectoryIsRefused() throws Exception {
        Path msi = dir.resolve("bad.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Subdirectories" Language="1033" Version="1.0.0" Manufacturer="Example Corporation" UpgradeCode="{3A4B5C6D-7E8F-4091-A2B3-C4D5E6F7081A}">
                    <StandardDirectory Id="ProgramMenuFolder"/>
                    <Component Directory="ProgramMenuFolder" Guid="{3A4B5C6D-7E8F-4091-A2B3-000000000003}">
                      <Shortcut Id="Start" Name="Sub" Target="[SystemFolder]cmd.exe" WorkingSubdirectory="logs"/>
                      <RegistryValue Root="HKCU" Key="Software\\Sub" Name="i" Value="1" Type="integer" KeyPath="yes"/>
                    </Component>
                  </Package>
                </Wix>
                """, msi, b -> b.platform("x64"));
        assertFalse(r.success());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.text().contains("WorkingDirectory") && d.location() != null && d.location().line() == 5),
                r.diagnostics().toString());
        assertFalse(Files.exists(msi));
    }
}
