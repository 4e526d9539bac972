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
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A WiX v4+ Package/@Id without UpgradeCode: WiX (v6 and later) derives the UpgradeCode from the Id and adds Property
 * PackageId. The expected values are the ones WiX's own tests assert for Id="WixToolsetTest.TestPackage"
 * (WixToolsetTest.CoreIntegration: MsiQueryFixture.PopulatesUpgradeTableFromDetectOnlyUpgrade and
 * UpgradeFixture.DefaultMajorUpgradePopulatesUpgradeRowsAsExpected assert the MajorUpgrade rows with
 * {C00D7E9A-1276-51ED-B782-A20AB34D4070}; MsiQueryFixture.PopulatesUpgradeTableFromDetectOnlyUpgrade asserts Property
 * PackageId = WixToolsetTest.TestPackage). Without Id and UpgradeCode WiX only warns and writes no UpgradeCode
 * property (Compiler_Package.cs).
 */
class PackageIdTest {
    @TempDir Path tmp;

    private static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Id="%s" Name="P" Language="1033" Version="1.0.0.0" Manufacturer="Example Corporation" %s>
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

    private Database build(String id, String extra) throws Exception {
        Path msi = tmp.resolve("p.msi");
        BuildResult r = TestBuild.build(tmp, SOURCE.formatted(id, extra), msi, b -> b.validate(false));
        assertTrue(r.success(), r.diagnostics().toString());
        return MsiReader.read(msi);
    }

    private static Map<String, String> properties(Database db) {
        Map<String, String> out = new TreeMap<>();
        for (Row row : db.table("Property").rows()) out.put((String) row.get(0), (String) row.get(1));
        return out;
    }

    private static List<String> upgradeCodes(Database db) {
        List<String> out = new ArrayList<>();
        for (Row row : db.table("Upgrade").rows()) out.add((String) row.get(0));
        return out;
    }

    @Test
    void theIdImpliesWixsUpgradeCodeAndThePackageIdProperty() throws Exception {
        try (Database db = build("WixToolsetTest.TestPackage", "")) {
            Map<String, String> props = properties(db);
            assertEquals("{C00D7E9A-1276-51ED-B782-A20AB34D4070}", props.get("UpgradeCode"));
            assertEquals("WixToolsetTest.TestPackage", props.get("PackageId"));
            assertEquals(List.of("{C00D7E9A-1276-51ED-B782-A20AB34D4070}", "{C00D7E9A-1276-51ED-B782-A20AB34D4070}"), upgradeCodes(db));
        }
    }

    @Test
    void aWrittenUpgradeCodeWinsOverTheId() throws Exception {
        try (Database db = build("WixToolsetTest.TestPackage", "UpgradeCode=\"{7AB24276-C628-43DB-9E65-A184D052909B}\"")) {
            assertEquals("{7AB24276-C628-43DB-9E65-A184D052909B}", properties(db).get("UpgradeCode"));
            assertEquals("WixToolsetTest.TestPackage", properties(db).get("PackageId"));
        }
    }

    @Test
    void withoutIdAndUpgradeCodeThereIsNeitherProperty() throws Exception {
        Path msi = tmp.resolve("p.msi");
        String source = SOURCE.replace("Id=\"%s\" ", "").replace("<MajorUpgrade DowngradeErrorMessage=\"A newer version is installed.\" />", "")
                .formatted("");
        BuildResult r = TestBuild.build(tmp, source, msi, b -> b.validate(false));
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(r.diagnostics().toString().contains("UpgradeCode"), "warns: " + r.diagnostics());
        try (Database db = MsiReader.read(msi)) {
            assertFalse(properties(db).containsKey("UpgradeCode"));
            assertFalse(properties(db).containsKey("PackageId"));
        }
    }
}
