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

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CustomAction.Target longer than the 255 characters the SDK declares (wazuh's and puppet-agent's long command lines).
 * light builds such packages and prints "warning LGHT1076 : ICE03: String overflow ... Table: CustomAction, Column:
 * Target" (puppet-agent's and wazuh's build logs); Windows Installer stores and runs them. So: a warning, the whole
 * value in the package (read back with msiinfo).
 */
@Tag("interop")
class LongCellTest {
    @TempDir Path dir;

    @Test
    void aTargetOverTheDeclaredWidthIsAnIce03WarningAndKeptWhole() throws Exception {
        String command = "\"[SystemFolder]cmd.exe\" /c echo " + "x".repeat(300);
        String source = """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Long" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{7A8B9C0D-1E2F-4A3B-8C4D-5E6F7A8B9C0D}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <Property Id="LONGCMD" Value="%s"/>
                    <CustomAction Id="RunLong" Property="LONGCMD" ExeCommand="%s" Return="ignore"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="APP" Name="Long">
                      <Component Id="C" Guid="{8B9C0D1E-2F3A-4B4C-9D5E-6F7A8B9C0D1E}"><RegistryValue Root="HKLM" Key="Software\\ssprkit tests" Name="long" Value="1" KeyPath="yes"/></Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="C"/></Feature>
                    <InstallExecuteSequence><Custom Action="RunLong" After="InstallFiles">NOT Installed</Custom></InstallExecuteSequence>
                  </Product>
                </Wix>
                """.formatted("1", command.replace("\"", "&quot;"));
        Path msi = dir.resolve("long.msi");
        BuildResult r = TestBuild.build(dir, source, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.toString().contains("warning") && d.toString().contains("ICE03")
                && d.toString().contains("string overflow")), r.diagnostics().toString());
        String rows = Tool.run("msiinfo", "export", msi.toString(), "CustomAction").assertOk().stdout();
        assertTrue(rows.contains(command), rows);
    }
}
