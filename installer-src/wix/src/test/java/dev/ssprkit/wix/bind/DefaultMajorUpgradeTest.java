package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.msi.model.Database;
import dev.ssprkit.msi.model.Row;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WiX v6's default major upgrade (Package/@UpgradeStrategy="majorUpgrade", the default; the WiX schema's
 * UpgradeStrategyType: "a default major upgrade will be provided if you don't" author one). The expected rows are the
 * ones WiX's own tests assert (WixToolsetTest.CoreIntegration UpgradeFixture: DefaultMajorUpgradePopulatesUpgradeRowsAsExpected,
 * CanRescheduleRemoveExistingProductsWithDefaultMajorUpgrade, CanOverrideDefaultMajorUpgradeLaunchConditionMessage,
 * UpgradeStrategyNoneDoesNotCreateDefaultMajorUpgrade), except the default message's wording, which is ours. What the
 * rows do in Wine's msiexec: {@link DefaultMajorUpgradeWineTest}.
 */
class DefaultMajorUpgradeTest {
    @TempDir Path tmp;

    static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Id="WixToolsetTest.TestPackage" Name="DefaultMajorUpgrade" Language="1033" Version="%s" Manufacturer="Example Corporation" %s>
                <Property Id="PRODUCT">
                  <ProductSearch UpgradeCode="{46649344-6CDF-4531-B91C-DCC088CBF6D3}" Minimum="1.0" />
                </Property>
                <StandardDirectory Id="ProgramFiles6432Folder">
                  <Directory Id="INSTALLFOLDER" Name="ssprkit default upgrade">
                    <Component Id="C" Guid="{6C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F}">
                      <RegistryValue Root="HKLM" Key="Software\\ssprkit-default-upgrade" Name="Version" Value="%1$s" KeyPath="yes" />
                    </Component>
                  </Directory>
                </StandardDirectory>
                %s
              </Package>
            </Wix>
            """;

    Path build(String name, String version, String packageAttributes, String more, UnaryOperator<dev.ssprkit.wix.BuildRequest.Builder> options) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path msi = dir.resolve(name + ".msi");
        BuildResult r = TestBuild.build(dir, SOURCE.formatted(version, packageAttributes, more), msi, b -> options.apply(b.platform("x64")));
        assertTrue(r.success(), r.diagnostics().toString());
        return msi;
    }

    private static List<String> rows(Path msi, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Database db = MsiReader.read(msi)) {
            if (db.tableOrNull(table) == null) return out;
            for (Row r : db.table(table).rows()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) cells.add(r.get(i) == null ? "" : r.get(i).toString());
                out.add(table + ":" + String.join("\t", cells));
            }
        }
        out.sort(null);
        return out;
    }

    private static Integer sequence(Path msi, String action) throws Exception {
        try (Database db = MsiReader.read(msi)) {
            Row r = db.table("InstallExecuteSequence").find(action);
            return r == null ? null : r.integer("Sequence");
        }
    }

    @Test
    void aPackageWithoutAnUpgradeGetsWixsDefaultMajorUpgrade() throws Exception {
        Path msi = build("default", "2.0.0", "", "", b -> b);
        assertEquals(List.of(
                "Upgrade:{46649344-6CDF-4531-B91C-DCC088CBF6D3}\t1.0\t\t\t258\t\tPRODUCT",
                "Upgrade:{C00D7E9A-1276-51ED-B782-A20AB34D4070}\t\t2.0.0\t1033\t1\t\tWIX_UPGRADE_DETECTED",
                "Upgrade:{C00D7E9A-1276-51ED-B782-A20AB34D4070}\t2.0.0\t\t1033\t2\t\tWIX_DOWNGRADE_DETECTED"), rows(msi, "Upgrade"));
        List<String> conditions = rows(msi, "LaunchCondition");
        assertEquals(1, conditions.size(), conditions::toString);
        assertTrue(conditions.get(0).startsWith("LaunchCondition:NOT WIX_DOWNGRADE_DETECTED\t") && conditions.get(0).contains("[ProductName]"), conditions::toString);
        // WiX schedules it after InstallValidate (1400 in the SDK's suggested sequence)
        assertEquals(sequence(msi, "InstallValidate") + 1, sequence(msi, "RemoveExistingProducts"));
    }

    @Test
    void theSourcesOwnPlacementOfRemoveExistingProductsWins() throws Exception {
        Path msi = build("reschedule", "2.0.0", "",
                "<InstallExecuteSequence><RemoveExistingProducts After=\"InstallFinalize\" /></InstallExecuteSequence>", b -> b);
        assertEquals(6600, sequence(msi, "InstallFinalize"));
        assertEquals(6601, sequence(msi, "RemoveExistingProducts"));
    }

    @Test
    void theProjectsWxlStringReplacesTheMessage() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("override"));
        Path wxl = Files.writeString(dir.resolve("Package.en-us.wxl"), """
                <WixLocalization Culture="en-US" xmlns="http://wixtoolset.org/schemas/v4/wxl">
                  <String Id="WixDowngradePreventedMessage" Value="[ProductName] does not support downgrading." />
                </WixLocalization>
                """);
        Path msi = build("override", "2.0.0", "", "", b -> b.locFiles(List.of(wxl)));
        assertEquals(List.of("LaunchCondition:NOT WIX_DOWNGRADE_DETECTED\t[ProductName] does not support downgrading."), rows(msi, "LaunchCondition"));
    }

    @Test
    void upgradeStrategyNoneAndAnAuthoredMajorUpgradeAddNothing() throws Exception {
        Path none = build("none", "2.0.0", "UpgradeStrategy=\"none\"", "", b -> b);
        assertEquals(List.of("Upgrade:{46649344-6CDF-4531-B91C-DCC088CBF6D3}\t1.0\t\t\t258\t\tPRODUCT"), rows(none, "Upgrade"));
        assertTrue(rows(none, "LaunchCondition").isEmpty());
        assertNull(sequence(none, "RemoveExistingProducts"));
        Path own = build("own", "2.0.0", "", "<MajorUpgrade AllowDowngrades=\"yes\" />", b -> b);
        List<String> upgrades = rows(own, "Upgrade");
        assertEquals(2, upgrades.size(), "the ProductSearch row and the authored MajorUpgrade's one: " + upgrades);
        assertTrue(rows(own, "LaunchCondition").isEmpty(), "AllowDowngrades: no downgrade condition");
    }

    @Test
    void aWixV3ProductGetsNone() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("v3"));
        Path msi = dir.resolve("v3.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="V3" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{0D1E2F3A-4B5C-4D6E-8F7A-9B0C1D2E3F4A}">
                    <Package InstallerVersion="200" Compressed="yes" />
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="V3">
                      <Component Id="C" Guid="{1E2F3A4B-5C6D-4E7F-8A9B-0C1D2E3F4A5B}" KeyPath="yes"><CreateFolder /></Component>
                    </Directory></Directory></Directory>
                    <Feature Id="F"><ComponentRef Id="C" /></Feature>
                  </Product>
                </Wix>
                """, msi, b -> b);
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(rows(msi, "Upgrade").isEmpty(), "candle/light add no upgrade");
    }
}
