package dev.ssprkit.wix.compile;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows WiX's own tests assert for small source constructs (WixToolsetTest.CoreIntegration):
 * <ul>
 * <li>RegistryFixture.PopulatesRegistryTableFromRegistryValue: {@code <RegistryValue Name="Secret" Type="binary"/>}
 * without a Value is written {@code #x}, an empty REG_BINARY (MSI SDK, Registry table: "#x" prefix for binary);</li>
 * <li>CustomActionFixture.PopulatesCustomActionTable: a deferred action with HideTarget="yes" is listed in
 * MsiHiddenProperties (its CustomActionData is the property named like the action); an immediate one is not
 * (WiX's CreateSpecialPropertiesCommand takes deferred, commit and rollback actions only);</li>
 * <li>MsiQueryFixture.PopulatesFeatureTableWithParent: a Feature nested in a Feature counts its Display among its
 * siblings, so ParentFeature and ChildFeature are both 2 (collapse) and so is the package's own top feature.</li>
 * </ul>
 */
class WixAssertedRowsTest {
    @TempDir Path tmp;

    private static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Name="P" Language="1033" Version="1.0.0" Manufacturer="m" UpgradeCode="{047730A5-30FE-4A62-A520-DA9381B8226A}">
                <Binary Id="Lib" SourceFile="lib.dll" />
                <CustomAction Id="DeferredHidden" BinaryRef="Lib" DllEntry="Run" Execute="deferred" HideTarget="yes" />
                <CustomAction Id="ImmediateHidden" Property="SOMEPROP" Value="x" HideTarget="yes" />
                <InstallExecuteSequence>
                  <Custom Action="DeferredHidden" Before="InstallFinalize" />
                  <Custom Action="ImmediateHidden" Before="InstallFinalize" />
                </InstallExecuteSequence>
                <StandardDirectory Id="ProgramFiles6432Folder">
                  <Directory Id="INSTALLFOLDER" Name="P">
                    <Component Id="C" Guid="{11111111-2222-3333-4444-555555555555}">
                      <RegistryValue Root="HKLM" Key="Path\\To\\Key" Value="1.0" KeyPath="yes" />
                      <RegistryValue Id="EmptyBinary" Root="HKLM" Key="Path\\To\\AnotherKey" Name="Secret" Type="binary" />
                    </Component>
                  </Directory>
                </StandardDirectory>
                <Feature Id="F"><ComponentRef Id="C" /></Feature>
              </Package>
            </Wix>
            """;

    @Test
    void emptyBinaryValueAndHiddenDeferredTarget() throws Exception {
        java.nio.file.Files.write(tmp.resolve("lib.dll"), new byte[] {1, 2, 3});
        BuildResult r = TestBuild.build(tmp, SOURCE, tmp.resolve("p.msi"), b -> b.validate(false));
        assertTrue(r.success(), r.diagnostics().toString());
        Map<String, String> properties = new HashMap<>();
        String binaryValue = null;
        try (Database db = MsiReader.read(tmp.resolve("p.msi"))) {
            for (Row row : db.table("Property").rows()) properties.put((String) row.get(0), (String) row.get(1));
            for (Row row : db.table("Registry").rows()) if ("EmptyBinary".equals(row.get(0))) binaryValue = (String) row.get(4);
        }
        assertEquals("#x", binaryValue);
        assertEquals("DeferredHidden", properties.get("MsiHiddenProperties"));
        assertFalse(properties.get("MsiHiddenProperties").contains("ImmediateHidden"));
    }

    @Test
    void nestedFeaturesCountDisplayAmongTheirSiblings() throws Exception {
        String source = """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="P" Language="1033" Version="1.0.0" Manufacturer="m" UpgradeCode="{047730A5-30FE-4A62-A520-DA9381B8226A}">
                    <StandardDirectory Id="ProgramFiles6432Folder">
                      <Directory Id="INSTALLFOLDER" Name="P">
                        <Component Id="C" Guid="{11111111-2222-3333-4444-555555555555}">
                          <RegistryValue Root="HKLM" Key="Path\\To\\Key" Value="1.0" KeyPath="yes" />
                        </Component>
                      </Directory>
                    </StandardDirectory>
                    <Feature Id="ProductFeature" Title="MsiPackageTitle"><ComponentRef Id="C" /></Feature>
                    <FeatureGroupRef Id="ProductFeatureGroup" />
                  </Package>
                  <Fragment>
                    <FeatureGroup Id="ProductFeatureGroup">
                      <Feature Id="ParentFeature" Title="ParentFeatureTitle">
                        <Feature Id="ChildFeature" Title="ChildFeatureTitle"></Feature>
                      </Feature>
                    </FeatureGroup>
                  </Fragment>
                </Wix>
                """;
        BuildResult r = TestBuild.build(tmp, source, tmp.resolve("p.msi"), b -> b.validate(false));
        assertTrue(r.success(), r.diagnostics().toString());
        Map<String, Object> display = new HashMap<>();
        try (Database db = MsiReader.read(tmp.resolve("p.msi"))) {
            for (Row row : db.table("Feature").rows()) display.put((String) row.get(0), row.get(4));
        }
        assertEquals(Map.of("ProductFeature", 2, "ParentFeature", 2, "ChildFeature", 2), display);
    }
}
