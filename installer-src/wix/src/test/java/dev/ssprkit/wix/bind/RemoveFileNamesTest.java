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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RemoveFile names (wazuh removes an old NSIS install's uninstall.exe, ossec-lua.exe...). The SDK's RemoveFile.FileName
 * is a WildCardFilename: a long name needs the short|long form (ICE03), which WiX generates when no ShortName is
 * given; a wildcard pattern stays as written. The short half is ours, so the test checks its rule (8.3, the long
 * name's extension) rather than a value; msiinfo reads the rows back.
 */
@Tag("interop")
class RemoveFileNamesTest {
    @TempDir Path dir;

    @Test
    void aLongNameGetsAShortHalfAndAPatternStaysAsWritten() throws Exception {
        String source = """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Remove Names" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{9C0D1E2F-3A4B-4C5D-8E6F-7A8B9C0D1E2F}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="APP" Name="Remove Names">
                      <Component Id="C" Guid="{0D1E2F3A-4B5C-4D6E-9F7A-8B9C0D1E2F3A}">
                        <RegistryValue Root="HKLM" Key="Software\\ssprkit tests" Name="rm" Value="1" KeyPath="yes"/>
                        <RemoveFile Id="OldUninstaller" Name="uninstall.exe" On="install"/>
                        <RemoveFile Id="OldLua" Name="ossec-lua.exe" On="install"/>
                        <RemoveFile Id="Logs" Name="*.log" On="uninstall"/>
                      </Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="C"/></Feature>
                  </Product>
                </Wix>
                """;
        Path msi = dir.resolve("rm.msi");
        BuildResult r = TestBuild.build(dir, source, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String rows = Tool.run("msiinfo", "export", msi.toString(), "RemoveFile").assertOk().stdout();
        for (String longName : List.of("uninstall.exe", "ossec-lua.exe")) {
            Matcher m = Pattern.compile("\\t([^\\t|]+)\\|" + Pattern.quote(longName) + "\\t").matcher(rows);
            assertTrue(m.find(), longName + " in " + rows);
            assertTrue(m.group(1).matches("[^.]{1,8}\\.exe"), "8.3 short half with the long name's extension: " + m.group(1));
        }
        assertTrue(rows.contains("\t*.log\t"), rows);
    }
}
