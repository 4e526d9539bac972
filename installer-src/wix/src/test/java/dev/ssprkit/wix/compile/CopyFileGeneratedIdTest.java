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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CopyFile/@Id: WiX v4+ makes it optional (Compiler.cs ParseCopyFileElement creates a "cf" identifier from the copy's
 * source and destination when none is written; psqlODBC's sources rely on it), WiX v3's schema requires it. Under a
 * File the copy is a DuplicateFile row (SDK: FileKey, Component_, File_, DestName, DestFolder), read back with msiinfo.
 */
@Tag("interop")
class CopyFileGeneratedIdTest {
    @TempDir Path dir;

    @Test
    void v4CopyFileWithoutIdBecomesADuplicateFileRow() throws Exception {
        Tool.require("msiinfo");
        Files.writeString(dir.resolve("tool.dll"), "payload");
        Path msi = dir.resolve("copy.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="CopyNoId" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="5E6F7081-92A3-44B5-86D7-E8F90A1B2C34">
                    <MediaTemplate EmbedCab="yes" />
                    <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="INSTALLFOLDER" Name="CopyNoId" /></StandardDirectory>
                    <Feature Id="Main">
                      <Component Id="Tool" Directory="INSTALLFOLDER">
                        <File Id="ToolDll" Source="tool.dll" Name="tool.dll"><CopyFile DestinationName="tool-alias.dll" /></File>
                      </Component>
                    </Feature>
                  </Package>
                </Wix>
                """, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String out = Tool.run("msiinfo", "export", msi.toString(), "DuplicateFile").assertOk().stdout();
        List<String> rows = out.lines().skip(3).toList();
        assertEquals(1, rows.size(), out);
        String[] row = rows.get(0).split("\t", -1);
        assertTrue(row[0].startsWith("cf"), "generated key: " + row[0]);
        assertEquals(List.of("Tool", "ToolDll"), List.of(row[1], row[2]));
        assertTrue(row[3].endsWith("tool-alias.dll"), row[3]);
    }

    @Test
    void v3StillRequiresTheId() throws Exception {
        Files.writeString(dir.resolve("tool.dll"), "payload");
        Path msi = dir.resolve("copy3.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="CopyNoId" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{5E6F7081-92A3-44B5-86D7-E8F90A1B2C35}">
                    <Package InstallerVersion="200" Compressed="yes" />
                    <MediaTemplate EmbedCab="yes" />
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="CopyNoId">
                      <Component Id="Tool" Guid="{6F708192-A3B4-45C6-97E8-F90A1B2C3D46}">
                        <File Id="ToolDll" Source="tool.dll" Name="tool.dll" KeyPath="yes"><CopyFile DestinationName="tool-alias.dll" /></File>
                      </Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="Tool" /></Feature>
                  </Product>
                </Wix>
                """, msi);
        assertFalse(r.success());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.isError() && d.line() == 7 && d.text().contains("CopyFile") && d.text().contains("Id")),
                r.diagnostics().toString());
        assertFalse(Files.exists(msi));
    }

    @Test
    void aV4MoveWithOnlyASourceNameBuildsWithAWarning() throws Exception {
        // WiX's CopyFileFixture.CanBuildCopyFile: CopyFile Id="MoveText" Delete="yes" SourceName="*.txt"
        // DestinationDirectory="OtherFolder" under a Component builds into a MoveFile row (Delete, DestFolder OtherFolder)
        Tool.require("msiinfo");
        Files.writeString(dir.resolve("test.txt"), "payload");
        Path msi = dir.resolve("move.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Move" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="5E6F7081-92A3-44B5-86D7-E8F90A1B2C35">
                    <MediaTemplate EmbedCab="yes" />
                    <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="INSTALLFOLDER" Name="Move"><Directory Id="OtherFolder" Name="other" /></Directory></StandardDirectory>
                    <Feature Id="Main">
                      <Component Id="CopyFileComp" Directory="INSTALLFOLDER">
                        <File Id="test.txt" Source="test.txt" />
                        <CopyFile Id="MoveText" Delete="yes" SourceName="*.txt" DestinationDirectory="OtherFolder" />
                      </Component>
                    </Feature>
                  </Package>
                </Wix>
                """, msi, b -> b.validate(false));
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(r.diagnostics().toString().contains("WIX0250"), r.diagnostics().toString());
        List<String> rows = Tool.run("msiinfo", "export", msi.toString(), "MoveFile").assertOk().stdout().lines().skip(3).toList();
        assertEquals(List.of("MoveText\tCopyFileComp\t*.txt\t\t\tOtherFolder\t1"), rows);
    }
}
