package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A v4+ Package/@Version as WiX v4+ reads it (WixVersion): an optional "v" prefix, which the binder drops from
 * ProductVersion and the MajorUpgrade rows, and a single field. Expected values are the ones WiX's own tests assert
 * (WixToolsetTest.CoreIntegration VersionFixture: -d Version=v4.3.2.1 gives ProductVersion 4.3.2.1,
 * v01.002.0003.000004 gives 01.002.0003.000004; WixVariableFixture: -bindvariable VersionVar=v9.8.7.6 with
 * Version="!(wix.VersionVar)" gives 9.8.7.6; DirectoryFixture.CanGetDefaultPerUserInstallFolder builds Version="1").
 * A v3 Product keeps light's rule (no prefix).
 */
class PackageVersionTest {
    @TempDir Path tmp;

    private static final String V4 = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Name="P" Language="1033" Version="%s" Manufacturer="m" UpgradeCode="{047730A5-30FE-4A62-A520-DA9381B8226A}">
                <MajorUpgrade DowngradeErrorMessage="A newer version is installed." />
                <StandardDirectory Id="ProgramFiles6432Folder">
                  <Directory Id="INSTALLFOLDER" Name="P">
                    <Component Id="C" Guid="{11111111-2222-3333-4444-555555555555}">
                      <RegistryValue Root="HKLM" Key="Software\\P" Name="n" Value="v" KeyPath="yes" />
                    </Component>
                  </Directory>
                </StandardDirectory>
                <Feature Id="F"><ComponentRef Id="C" /></Feature>
              </Package>
            </Wix>
            """;

    private BuildResult build(String source, Map<String, String> bindVariables) throws Exception {
        return TestBuild.build(tmp, source, tmp.resolve("p.msi"), b -> b.validate(false).bindVariables(bindVariables));
    }

    private List<String> productVersionAndUpgradeVersions(BuildResult r) throws Exception {
        assertTrue(r.success(), r.diagnostics().toString());
        List<String> out = new ArrayList<>();
        try (Database db = MsiReader.read(tmp.resolve("p.msi"))) {
            for (Row row : db.table("Property").rows()) if ("ProductVersion".equals(row.get(0))) out.add((String) row.get(1));
            for (Row row : db.table("Upgrade").rows()) out.add(row.get(1) + "/" + row.get(2));
        }
        return out;
    }

    @Test
    void thePrefixIsDroppedFromProductVersionAndTheUpgradeRows() throws Exception {
        assertEquals(List.of("4.3.2.1", "4.3.2.1/null", "null/4.3.2.1"),
                productVersionAndUpgradeVersions(build(V4.formatted("v4.3.2.1"), Map.of())).stream().sorted(PackageVersionTest::productVersionFirst).toList());
        assertEquals("01.002.0003.000004", productVersionAndUpgradeVersions(build(V4.formatted("v01.002.0003.000004"), Map.of())).get(0));
    }

    @Test
    void aPrefixedBindVariableVersionIsDroppedToo() throws Exception {
        assertEquals("9.8.7.6", productVersionAndUpgradeVersions(build(V4.formatted("!(wix.VersionVar)"), Map.of("VersionVar", "v9.8.7.6"))).get(0));
    }

    @Test
    void oneFieldIsAVersion() throws Exception {
        assertEquals("1", productVersionAndUpgradeVersions(build(V4.formatted("1"), Map.of())).get(0));
    }

    @Test
    void v3ProductsKeepLightsRule() throws Exception {
        BuildResult r = build("""
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="P" Language="1033" Version="v1.0.0" Manufacturer="m" UpgradeCode="{047730A5-30FE-4A62-A520-DA9381B8226A}">
                    <Package InstallerVersion="200" />
                  </Product>
                </Wix>
                """, Map.of());
        assertFalse(r.success());
        assertTrue(r.diagnostics().toString().contains("WIX0105"), r.diagnostics().toString());
    }

    private static int productVersionFirst(String a, String b) {
        return Boolean.compare(a.contains("/"), b.contains("/")) != 0 ? Boolean.compare(a.contains("/"), b.contains("/")) : a.compareTo(b);
    }
}
