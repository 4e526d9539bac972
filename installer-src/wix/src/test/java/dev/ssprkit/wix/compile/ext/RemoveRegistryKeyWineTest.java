package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * util:RemoveRegistryKey (WiX v4+), compiled by our compiler, run by Wine's msiexec. Expected, from WiX's
 * documentation of the element: On="install" removes the key with everything below it when the component is
 * installed, On="uninstall" (the default) when it is removed; keys next to it stay. Rows (WiX's Wix4RemoveRegistryKeyEx
 * table: Root 2 = HKLM, InstallMode 1 install / 2 uninstall) checked with msiinfo; the keys with Wine's reg.
 */
@Tag("interop")
class RemoveRegistryKeyWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="ssprkit RemoveRegistryKey" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{2E4A6B2C-1D3F-4E5A-9B8C-7D6E5F4A3B2E}">
                <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit rrk">
                  <Component Id="Main">
                    <RegistryValue Root="HKLM" Key="Software\\ssprkit-rrk\\Product" Name="Installed" Value="1" Type="integer" KeyPath="yes"/>
                    <util:RemoveRegistryKey Id="StaleData" Root="HKLM" Key="Software\\ssprkit-rrk\\Stale" On="install"/>
                    <util:RemoveRegistryKey Id="AppData" Root="HKLM" Key="Software\\ssprkit-rrk\\Data"/>
                  </Component>
                </Directory></StandardDirectory>
              </Package>
            </Wix>
            """;

    private void add(String key, String name) {
        wine.wine("reg", "add", key, "/v", name, "/t", "REG_SZ", "/d", "x", "/f").assertOk();
    }

    @Test
    void installRemovesTheStaleTreeAndUninstallTheDataTree() throws Exception {
        Path msi = dir.resolve("rrk.msi");
        BuildResult r = TestBuild.build(dir, SOURCE, msi, b -> b.platform("x64"));
        assertTrue(r.success(), r.diagnostics().toString());
        String rows = Tool.run("msiinfo", "export", msi.toString(), "Wix4RemoveRegistryKeyEx").assertOk().stdout();
        assertTrue(rows.contains("StaleData\tMain\t2\tSoftware\\ssprkit-rrk\\Stale\t1\t"), rows);
        assertTrue(rows.contains("AppData\tMain\t2\tSoftware\\ssprkit-rrk\\Data\t2\t"), rows);

        add("HKLM\\Software\\ssprkit-rrk\\Stale\\Deeper", "Old");
        add("HKLM\\Software\\ssprkit-rrk\\Keep", "Other");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn").exitCode());
        assertFalse(wine.regKeyExists("HKLM\\Software\\ssprkit-rrk\\Stale"), "On=install removed the tree");
        assertEquals("0x1", wine.regValue("HKLM\\Software\\ssprkit-rrk\\Product", "Installed"), "reg query shows a DWORD in hex");

        add("HKLM\\Software\\ssprkit-rrk\\Data\\Cache\\Deep", "Made");
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
        assertFalse(wine.regKeyExists("HKLM\\Software\\ssprkit-rrk\\Data"), "On=uninstall removed the tree the application made");
        assertTrue(wine.regKeyExists("HKLM\\Software\\ssprkit-rrk\\Keep"), "a key next to it stays");
    }
}
