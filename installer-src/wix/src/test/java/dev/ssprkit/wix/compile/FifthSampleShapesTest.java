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

import static dev.ssprkit.wix.compile.ShapeBuilds.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shapes from the fifth sample of public projects' WiX sources (2026-12-06), our own sources: each test names the
 * project that had it and where WiX's behaviour is documented or implemented.
 */
@Tag("interop")
class FifthSampleShapesTest {
    @TempDir Path dir;

    private static String v4Package(String version) {
        return """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Labels" Manufacturer="Example Corporation" Version="%s" UpgradeCode="{0B5B1F7C-2A2D-4E3B-9C1E-5F0A6D7E8C91}">
                    <MajorUpgrade DowngradeErrorMessage="A newer version is installed."/>
                    <StandardDirectory Id="ProgramFilesFolder">
                      <Directory Id="INSTALLFOLDER" Name="Labels">
                        <Component Id="Main">
                          <RegistryValue Root="HKLM" Key="Software\\Example\\Labels" Name="Installed" Type="integer" Value="1" KeyPath="yes"/>
                        </Component>
                      </Directory>
                    </StandardDirectory>
                  </Package>
                </Wix>
                """.formatted(version);
    }

    /**
     * alacritty: {@code Version="0.18.0-dev"} in a WiX v4+ Package. WiX parses it as a WixVersion (WixVersion.Parse:
     * numbers, then "-" release labels, then "+" metadata), so its compiler accepts it (ParseHelper.
     * GetAttributeVersionValue); its binder warns InvalidMsiProductVersion (WIX1148) and leaves the value as written in
     * ProductVersion and in the MajorUpgrade's Upgrade rows (BindDatabaseCommand.ProcessProductVersion,
     * CreateWindowsInstallerDataFromIRCommand.CheckUpgradeVersion).
     */
    @Test
    void aV4PackageVersionWithAReleaseLabelIsKeptWithAWarning() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("label.msi");
        // as `wix build` (and sspr build for v4+ sources): ICE errors are warnings. Windows' own ICE24/ICE61 would flag
        // the version, as WiX's validation would; the point is that the compiler and binder take it
        BuildResult r = TestBuild.build(dir, v4Package("2.4.0-dev"), msi, b -> b.iceErrors(dev.ssprkit.wix.BuildRequest.IceErrors.AS_WIX));
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.id().equals("WIX0117") && d.location() != null && d.location().line() == 2
                && d.text().contains("2.4.0-dev")), r.diagnostics().toString());
        assertTrue(rows(msi, "Property").contains("ProductVersion\t2.4.0-dev"), rows(msi, "Property").toString());
        List<String> upgrade = rows(msi, "Upgrade");
        assertTrue(upgrade.stream().anyMatch(u -> u.contains("\t2.4.0-dev\t") && u.endsWith("WIX_UPGRADE_DETECTED")), upgrade.toString());
    }

    /** What WixVersion.Parse itself refuses stays an error (IllegalVersionValue): a letter inside the numbers, a trailing dot. */
    @Test
    void aVersionWixCannotParseIsStillAnError() throws Exception {
        for (String bad : List.of("2.4.x", "2.4.", "2.4.0-", "2.4.0-dev.")) {
            Path msi = dir.resolve("bad.msi");
            BuildResult r = TestBuild.build(dir, v4Package(bad), msi);
            assertFalse(r.success(), bad);
            assertTrue(r.diagnostics().stream().anyMatch(d -> d.id().equals("WIX0105")), bad + ": " + r.diagnostics());
            assertFalse(Files.exists(msi), bad);
        }
    }

    /**
     * seafile: {@code -ext WixUIExtension -loc zh_CN.wxl -cultures:zh-cn} with a WixUI dialog set, its own .wxl and
     * source setting no codepage. WiX v3's light adds WixUI's zh-CN localization after the project's and keeps the
     * first codepage set (Localizer.AddLocalization), which is WixUI_zh-CN.wxl's Codepage="936" (the same in WiX v4+'s
     * file), so the Chinese strings can be stored; our dialogs have no zh-cn texts (English, with a warning), but the
     * database codepage is WiX's. The expected value 936 is that file's attribute; msiinfo reads it back.
     */
    @Test
    void aWixUiCultureOurDialogsLackStillGetsWixsCodepage() throws Exception {
        Tool.require("msiinfo");
        Files.writeString(dir.resolve("zh.wxl"), """
                <WixLocalization Culture="zh-cn" xmlns="http://schemas.microsoft.com/wix/2006/localization">
                  <String Id="AppName">\u793a\u4f8b\u7a0b\u5e8f</String>
                </WixLocalization>
                """);
        Path msi = dir.resolve("zh.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="!(loc.AppName)" Language="2052" Version="1.0.0" Manufacturer="Example Corporation" UpgradeCode="{2D4F6A8C-1B3E-4C5D-9E7F-0A1B2C3D4E5F}">
                    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFilesFolder"><Directory Id="INSTALLDIR" Name="CpDemo">
                        <Component Id="Main" Guid="{3E5F7A9B-2C4D-4E6F-8A0B-1C2D3E4F5A60}">
                          <RegistryValue Root="HKLM" Key="Software\\Example\\CpDemo" Name="Installed" Type="integer" Value="1" KeyPath="yes"/>
                        </Component>
                      </Directory></Directory>
                    </Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="Main"/></Feature>
                    <Property Id="WIXUI_INSTALLDIR" Value="INSTALLDIR"/>
                    <UIRef Id="WixUI_InstallDir"/>
                  </Product>
                </Wix>
                """, msi, b -> b.extensions(List.of("WixUIExtension")).locFiles(List.of(dir.resolve("zh.wxl"))).cultures(List.of("zh-cn")));
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.id().equals("WIX0206")), "our dialogs' texts stay English: " + r.diagnostics());
        String info = Tool.run(List.of("msiinfo", "export", msi.toString(), "_ForceCodepage"), dir, java.util.Map.of(), 60).stdout();
        assertTrue(info.contains("936"), info);
        assertTrue(rows(msi, "Property").contains("ProductName\t\u793a\u4f8b\u7a0b\u5e8f"), rows(msi, "Property").toString());
    }
}
