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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WiX v5's default root directory (wixtoolset/issues 7588): a v4+ package that references INSTALLFOLDER without
 * authoring it gets "[Manufacturer] [ProductName]" under ProgramFiles6432Folder (OpenSC's sources rely on it for
 * components nested in a Feature). msiextract lays the package out; a v3 source gets no such default.
 */
@Tag("interop")
class DefaultInstallFolderTest {
    @TempDir Path dir;

    private BuildResult build(String source, Path msi) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "default folder\n");
        return TestBuild.build(dir, source, msi);
    }

    @Test
    void aV4PackageGetsManufacturerAndNameUnderProgramFiles() throws Exception {
        Path msi = dir.resolve("v4.msi");
        BuildResult r = build("""
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Default Folder" Manufacturer="ssprkit tests" Version="1.0.0" UpgradeCode="{3C4D5E6F-7081-4A2B-9C3D-4E5F60718293}">
                    <Feature Id="Main">
                      <Component><File Source="a.txt"/></Component>
                    </Feature>
                  </Package>
                </Wix>
                """, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        Path out = dir.resolve("x");
        Tool.run("msiextract", "-C", out.toString(), msi.toString()).assertOk();
        assertEquals("default folder\n", Files.readString(out.resolve("Program Files/ssprkit tests Default Folder/a.txt")));
    }

    @Test
    void aPackageVersionCanComeFromAFilesVersionResource() throws Exception {
        // WiX: Package/@Version="!(bind.FileVersion.FileId)" (OpenSC's sources). lib.dll is the v3-pe-version scenario's
        // file, whose version resource says 3.1.4.1592 (its expected.txt says where that comes from: 7z's PE reader)
        Path lib = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/scenarios/v3-pe-version/lib.dll");
        Files.copy(lib, dir.resolve("lib.dll"));
        Path msi = dir.resolve("bindversion.msi");
        BuildResult r = build("""
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Bound Version" Manufacturer="ssprkit tests" Version="!(bind.FileVersion.lib.dll)" UpgradeCode="{3C4D5E6F-7081-4A2B-9C3D-4E5F60718295}">
                    <MajorUpgrade DowngradeErrorMessage="A newer version is installed."/>
                    <Feature Id="Main">
                      <Component Directory="INSTALLFOLDER"><File Id="lib.dll" Source="lib.dll"/></Component>
                    </Feature>
                  </Package>
                </Wix>
                """, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String props = Tool.run("msiinfo", "export", msi.toString(), "Property").assertOk().stdout();
        assertTrue(props.contains("ProductVersion\t3.1.4.1592"), props);
        String upgrade = Tool.run("msiinfo", "export", msi.toString(), "Upgrade").assertOk().stdout();
        assertTrue(upgrade.contains("3.1.4.1592"), upgrade);
    }

    @Test
    void aV3SourceStillNeedsItsOwnDefinition() throws Exception {
        Path msi = dir.resolve("v3.msi");
        BuildResult r = build("""
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="No Default" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{3C4D5E6F-7081-4A2B-9C3D-4E5F60718294}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <DirectoryRef Id="INSTALLFOLDER">
                      <Component Id="A" Guid="{4D5E6F70-8192-4A3B-8C4D-5E6F70819203}"><File Source="a.txt" KeyPath="yes"/></Component>
                    </DirectoryRef>
                    <Feature Id="Main" Level="1"><ComponentRef Id="A"/></Feature>
                  </Product>
                </Wix>
                """, msi);
        assertFalse(r.success());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.toString().contains("p.wxs:4:") && d.toString().contains("INSTALLFOLDER")), r.diagnostics().toString());
    }
}
