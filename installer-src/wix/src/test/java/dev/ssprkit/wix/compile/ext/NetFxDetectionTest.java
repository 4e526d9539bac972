package dev.ssprkit.wix.compile.ext;

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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NetFx extension's detection properties (WIX_IS_NETFRAMEWORK_xxx_OR_LATER_INSTALLED, NETFRAMEWORK45...), which
 * real sources reference with PropertyRef (git-for-windows: 4.5.1). Expected behaviour from Microsoft's ".NET Framework
 * versions installed" page: 4.5 and later write a Release DWORD under NDP\v4\Full, and 4.7.2's smallest Release is
 * 461808, 4.8's 528040. The machine is set up with {@code wine reg add}; what the package decided is read back from the
 * registry values its conditioned components wrote.
 */
@Tag("interop")
class NetFxDetectionTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    @Test
    void releaseOf472SetsThe472PropertyButNotThe48One() throws Exception {
        String source = """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi" xmlns:netfx="http://schemas.microsoft.com/wix/NetFxExtension">
                  <Product Id="*" Name="NetFx Check" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{4D5E6F70-8192-4A3B-8C4D-5E6F708192A3}">
                    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <PropertyRef Id="WIX_IS_NETFRAMEWORK_472_OR_LATER_INSTALLED"/>
                    <PropertyRef Id="WIX_IS_NETFRAMEWORK_48_OR_LATER_INSTALLED"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Component Id="Has472" Guid="{5E6F7081-92A3-4B4C-9D5E-6F708192A3B4}">
                        <RegistryValue Root="HKLM" Key="Software\\ssprkit tests\\NetFx" Name="has472" Value="[WIX_IS_NETFRAMEWORK_472_OR_LATER_INSTALLED]" Type="string" KeyPath="yes"/>
                        <Condition>WIX_IS_NETFRAMEWORK_472_OR_LATER_INSTALLED</Condition>
                      </Component>
                      <Component Id="Has48" Guid="{6F708192-A3B4-4C5D-8E6F-708192A3B4C5}">
                        <RegistryValue Root="HKLM" Key="Software\\ssprkit tests\\NetFx" Name="has48" Value="1" Type="string" KeyPath="yes"/>
                        <Condition>WIX_IS_NETFRAMEWORK_48_OR_LATER_INSTALLED</Condition>
                      </Component>
                    </Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="Has472"/><ComponentRef Id="Has48"/></Feature>
                  </Product>
                </Wix>
                """;
        Path msi = dir.resolve("netfx.msi");
        BuildResult r = TestBuild.build(dir, source, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String locator = Tool.run("msiinfo", "export", msi.toString(), "RegLocator").assertOk().stdout();
        assertTrue(locator.contains("SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full\tRelease"), locator);

        // an x86 package reads the 32-bit view (Wow6432Node on a 64-bit prefix); 461808 is .NET Framework 4.7.2
        assertEquals(0, wine.wine("reg", "add", "HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full", "/v", "Release",
                "/t", "REG_DWORD", "/d", "461808", "/reg:32", "/f").exitCode());
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn").exitCode());
        String key = "HKLM\\Software\\Wow6432Node\\ssprkit tests\\NetFx";
        assertEquals("1", wine.regValue(key, "has472"));
        assertNull(wine.regValue(key, "has48"));
    }

    /**
     * WIX_IS_NETFRAMEWORK_40_OR_LATER_INSTALLED: WiX v3's NetFx extension documents it as "Set to 1 if .NET Framework 4.0
     * or later is installed", set by the action SetWIX_IS_NETFRAMEWORK_40_OR_LATER_INSTALLED after AppSearch (sources
     * such as mRemoteNG schedule LaunchConditions after that action). Microsoft's page says the full 4.0 profile writes
     * Install=1 under NDP\v4\Full. Checked in Wine: absent value, property unset; value written, property 1.
     */
    @Test
    void installValueOfTheFull40ProfileSetsThe40Property() throws Exception {
        String source = """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="NetFx 4.0 Check" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{7A8B9C0D-1E2F-4A3B-9C4D-5E6F7A8B9C0D}">
                    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <PropertyRef Id="WIX_IS_NETFRAMEWORK_40_OR_LATER_INSTALLED"/>
                    <InstallExecuteSequence><LaunchConditions After="SetWIX_IS_NETFRAMEWORK_40_OR_LATER_INSTALLED"/></InstallExecuteSequence>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Component Id="Has40" Guid="{8B9C0D1E-2F3A-4B4C-8D5E-6F7A8B9C0D1E}">
                        <RegistryValue Root="HKLM" Key="Software\\ssprkit tests\\NetFx40" Name="has40" Value="[WIX_IS_NETFRAMEWORK_40_OR_LATER_INSTALLED]" Type="string" KeyPath="yes"/>
                        <Condition>WIX_IS_NETFRAMEWORK_40_OR_LATER_INSTALLED</Condition>
                      </Component>
                      <Component Id="Always" Guid="{9C0D1E2F-3A4B-4C5D-9E6F-7A8B9C0D1E2F}">
                        <RegistryValue Root="HKLM" Key="Software\\ssprkit tests\\NetFx40" Name="installed" Value="1" Type="string" KeyPath="yes"/>
                      </Component>
                    </Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="Has40"/><ComponentRef Id="Always"/></Feature>
                  </Product>
                </Wix>
                """;
        Path msi = dir.resolve("netfx40.msi");
        BuildResult r = TestBuild.build(dir, source, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String execute = Tool.run("msiinfo", "export", msi.toString(), "InstallExecuteSequence").assertOk().stdout();
        assertTrue(execute.contains("SetWIX_IS_NETFRAMEWORK_40_OR_LATER_INSTALLED"), execute);

        String ndp = "HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full";
        String key = "HKLM\\Software\\Wow6432Node\\ssprkit tests\\NetFx40";
        wine.wine("reg", "delete", ndp, "/v", "Install", "/reg:32", "/f"); // absent before: exit code not asserted
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn").exitCode());
        assertEquals("1", wine.regValue(key, "installed"));
        assertNull(wine.regValue(key, "has40"));
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());

        assertEquals(0, wine.wine("reg", "add", ndp, "/v", "Install", "/t", "REG_DWORD", "/d", "1", "/reg:32", "/f").exitCode());
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn").exitCode());
        assertEquals("1", wine.regValue(key, "has40"));
    }
}
