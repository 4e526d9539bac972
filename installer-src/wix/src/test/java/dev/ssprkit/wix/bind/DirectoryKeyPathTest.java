package dev.ssprkit.wix.bind;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A component whose key path is its folder (Component/@KeyPath="yes", e.g. one that only removes a registry key, as
 * rustdesk's sources do). ICE18 requires a CreateFolder row for it. WiX v4+ adds that row itself (wixtoolset/Core pull
 * request 92, "Add CreateFolder tuples for null-keypath components in the backend"). WiX v3's candle (3.8 and later)
 * adds it for Component/@KeyPath="yes" only (ParseComponentElement's shouldAddCreateFolder, wixtoolset/wix3
 * src/tools/wix/Compiler.cs; real v3 sources such as wazuh-agent's and redis's rely on it); a v3 component that merely
 * has no key-path resource gets no row, and light reports ICE18 (as in chef-boneyard/omnibus-chef issue 493: "error
 * LGHT0204 : ICE18: KeyPath for Component ... is Directory"). Rows are read back with msiinfo.
 */
@Tag("interop")
class DirectoryKeyPathTest {
    @TempDir Path dir;

    private BuildResult build(String source, Path msi) throws Exception {
        return TestBuild.build(dir, source, msi);
    }

    @Test
    void v4AddsTheCreateFolderRowAndSchedulesCreateFolders() throws Exception {
        Path msi = dir.resolve("v4.msi");
        BuildResult r = build("""
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Folder Key" Manufacturer="ssprkit tests" Version="1.0.0" UpgradeCode="{7B1C2D3E-4F5A-4B6C-8D7E-9F0A1B2C3D4E}">
                    <MediaTemplate EmbedCab="yes"/>
                    <StandardDirectory Id="CommonAppDataFolder">
                      <Component Id="RemoveLegacy" Guid="{8C2D3E4F-5A6B-4C7D-9E8F-0A1B2C3D4E5F}" KeyPath="yes">
                        <RemoveRegistryKey Root="HKLM" Key="Software\\ssprkit tests\\Legacy" Action="removeOnInstall"/>
                      </Component>
                    </StandardDirectory>
                    <Feature Id="Main"><ComponentRef Id="RemoveLegacy"/></Feature>
                  </Package>
                </Wix>
                """, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String createFolder = Tool.run("msiinfo", "export", msi.toString(), "CreateFolder").assertOk().stdout();
        assertTrue(createFolder.contains("CommonAppDataFolder\tRemoveLegacy"), createFolder);
        String sequence = Tool.run("msiinfo", "export", msi.toString(), "InstallExecuteSequence").assertOk().stdout();
        assertTrue(sequence.contains("CreateFolders\t"), sequence);
    }

    private static String v3(String componentAttributes, String child) {
        return """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Folder Key" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{7B1C2D3E-4F5A-4B6C-8D7E-9F0A1B2C3D40}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="CommonAppDataFolder">
                      <Component Id="RemoveLegacy" Guid="{8C2D3E4F-5A6B-4C7D-9E8F-0A1B2C3D4E50}"%s>
                        %s
                      </Component>
                    </Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="RemoveLegacy"/></Feature>
                  </Product>
                </Wix>
                """.formatted(componentAttributes, child);
    }

    @Test
    void v3AddsTheRowForComponentKeyPathYes() throws Exception {
        Path msi = dir.resolve("v3.msi");
        BuildResult r = build(v3(" KeyPath=\"yes\"", "<RemoveRegistryKey Root=\"HKLM\" Key=\"Software\\ssprkit tests\\Legacy\" Action=\"removeOnInstall\"/>"), msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String createFolder = Tool.run("msiinfo", "export", msi.toString(), "CreateFolder").assertOk().stdout();
        assertTrue(createFolder.contains("CommonAppDataFolder\tRemoveLegacy"), createFolder);
    }

    @Test
    void v3WithoutAKeyPathResourceIsLeftToTheAuthorAndIce18SaysSo() throws Exception {
        Path msi = dir.resolve("v3-none.msi");
        BuildResult r = build(v3("", "<Environment Id=\"OldPath\" Action=\"remove\" Name=\"PATH\" Part=\"last\" System=\"no\" Value=\"[ProgramFilesFolder]Old\"/>"), msi);
        assertFalse(r.success());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.toString().contains("p.wxs:6:") && d.toString().contains("ICE18")), r.diagnostics().toString());
        assertFalse(Files.exists(msi));
    }
}
