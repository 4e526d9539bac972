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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * util:QueryWindowsDriverInfo (WiX's QueryOsDriverInfo action, after AppSearch): WIX_WDDM_DRIVER_PRESENT is 1 when
 * the system's d3d9.dll has Direct3DCreate9Ex (WiX's documented test for a WDDM driver). Expected value from binutils'
 * objdump reading the export table of the d3d9.dll in the Wine prefix's system32; the property is written to the
 * registry by the package and read back with Wine's reg.
 */
@Tag("interop")
class QueryDriverInfoWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    @Test
    void wddmPresentFollowsD3d9sExports() throws Exception {
        Tool.require("x86_64-w64-mingw32-objdump");
        Path msi = dir.resolve("q.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
                  <Package Name="ssprkit driver info" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{3E4A6B2C-1D3F-4E5A-9B8C-7D6E5F4A3B2F}">
                    <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit qdi">
                      <Component Id="Main">
                        <RegistryValue Root="HKLM" Key="Software\\ssprkit-qdi" Name="Wddm" Value="[WIX_WDDM_DRIVER_PRESENT]" Type="string" KeyPath="yes"/>
                      </Component>
                    </Directory></StandardDirectory>
                    <util:QueryWindowsDriverInfo/>
                  </Package>
                </Wix>
                """, msi, b -> b.platform("x64"));
        assertTrue(r.success(), r.diagnostics().toString());
        String d3d9 = Tool.run("x86_64-w64-mingw32-objdump", "-p", wine.cDrive("C:\\windows\\system32\\d3d9.dll").toString()).assertOk().stdout();
        String expected = d3d9.contains("Direct3DCreate9Ex") ? "1" : "";
        assertEquals("1", expected, "Wine 8's d3d9.dll exports Direct3DCreate9Ex, so the property is set here (not vacuously empty)");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn").exitCode());
        assertEquals(expected, wine.regValue("HKLM\\Software\\ssprkit-qdi", "Wddm"));
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
    }
}
