package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An IniFileSearch holding a FileSearch, WiX v4's own test source (TestData/AppSearch/FileSearch.wxs, the same ids),
 * read back with msiinfo. Expected rows: WiX's MsiQueryFixture.PopulatesAppSearchTablesFromFileSearch — AppSearch
 * SAMPLEFILEFOUND → SampleFileSearch, DrLocator SampleFileSearch with Parent SampleIniFileSearch, and the IniLocator
 * keyed by SampleFileSearch ("FileSearch signatures override parent signatures", ParseIniFileSearchElement), so that
 * the signature AppSearch evaluates reaches the INI file's value.
 */
@Tag("interop")
class IniFileSearchTest {
    @TempDir Path dir;

    @Test
    void theIniLocatorIsKeyedByTheNestedFileSearch() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("ini.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Ini Search" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{2E8E6C55-8A38-4F5B-9C1E-0D6B3A7F4C21}">
                    <Property Id="SAMPLEFILEFOUND">
                      <IniFileSearch Id="SampleIniFileSearch" Name="sample.fil" Section="MySection" Key="MyKey">
                        <FileSearch Id="SampleFileSearch" Name="sample.fil"/>
                      </IniFileSearch>
                    </Property>
                    <StandardDirectory Id="ProgramFiles6432Folder"><Directory Id="APPDIR" Name="Ini Search">
                      <Component Guid="{6C1F0B1E-3D2A-4A8E-9F0B-1A2B3C4D5E6F}">
                        <RegistryValue Root="HKLM" Key="Software\\ssprkit tests" Name="x" Value="1" KeyPath="yes"/>
                      </Component>
                    </Directory></StandardDirectory>
                  </Package>
                </Wix>
                """, msi);
        assertTrue(r.success(), () -> r.diagnostics().toString());
        assertEquals(List.of("SAMPLEFILEFOUND\tSampleFileSearch"), rows(msi, "AppSearch"));
        assertEquals(List.of("SampleFileSearch\tSampleIniFileSearch\t\t"), rows(msi, "DrLocator"));
        assertEquals(List.of("SampleFileSearch\tsample.fil\tMySection\tMyKey\t\t1"), rows(msi, "IniLocator"));
    }

    private static List<String> rows(Path msi, String table) {
        // msiinfo export writes the column names, types and key line first (IDT format)
        return Tool.run("msiinfo", "export", msi.toString(), table).assertOk().stdout().lines().skip(3).sorted().toList();
    }
}
