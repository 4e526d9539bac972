package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ReserveCost and Category under a Component, read back with msiinfo. The expected rows are the ones WiX's own tests
 * assert for the same authoring (WixToolsetTest.CoreIntegration MsiQueryFixture: PopulatesReserveCostTable gives
 * {@code TestCost ReserveCostComp INSTALLFOLDER 100 200}; CanPublishComponentWithMultipleFeatureComponents gives each
 * Category a PublishComponent row for the component's primary feature).
 */
@Tag("interop")
class ReserveCostAndCategoryTest {
    @TempDir Path dir;

    private List<String> rows(Path msi, String table) {
        return Tool.run("msiinfo", "export", msi.toString(), table).assertOk().stdout().lines().skip(3).sorted().toList();
    }

    @Test
    void reserveCostAndCategoriesBecomeWixsRows() throws Exception {
        Tool.require("msiinfo");
        Files.writeString(dir.resolve("test.txt"), "payload");
        Path msi = dir.resolve("p.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="MsiPackage" Language="1033" Version="1.0.0.0" Manufacturer="Example Corporation" UpgradeCode="047730a5-30fe-4a62-a520-da9381b8226a">
                    <MediaTemplate EmbedCab="yes" />
                    <StandardDirectory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="MsiPackage" /></StandardDirectory>
                    <Feature Id="ProductFeature1"><ComponentRef Id="Component1" Primary="yes" /></Feature>
                    <Feature Id="ProductFeature2"><ComponentRef Id="Component1" /><ComponentRef Id="Component2" /><ComponentRef Id="ReserveCostComp" /></Feature>
                    <Component Id="Component1" Directory="INSTALLFOLDER" Guid="C8EFA5DF-2876-4724-A003-A6BEBF140BB1">
                      <File Id="File1" Source="test.txt" Name="one.txt" />
                      <Category Id="{BD245B5A-EC33-46ED-98FF-E9D3D416AD04}" AppData="AppData1" Qualifier="Qualifier1" />
                    </Component>
                    <Component Id="Component2" Directory="INSTALLFOLDER" Guid="8DE79DE7-4B55-4D43-88F5-AD6A1E8D242A">
                      <File Id="File2" Source="test.txt" Name="two.txt" />
                      <Category Id="{0A82C8F6-9CE9-4336-B8BE-91A39B5F7081}" AppData="AppData2" Qualifier="Qualifier2" />
                    </Component>
                    <Component Id="ReserveCostComp" Directory="INSTALLFOLDER" Guid="5B3B3FC1-533D-4C29-BFB3-0E88B51E59D8">
                      <File Id="File3" Source="test.txt" Name="three.txt" />
                      <ReserveCost Id="TestCost" RunFromSource="200" RunLocal="100" />
                    </Component>
                  </Package>
                </Wix>
                """, msi, b -> b.platform("x86"));
        assertTrue(r.success(), r.diagnostics().toString());
        assertEquals(List.of("TestCost\tReserveCostComp\tINSTALLFOLDER\t100\t200"), rows(msi, "ReserveCost"));
        assertEquals(List.of(
                "{0A82C8F6-9CE9-4336-B8BE-91A39B5F7081}\tQualifier2\tComponent2\tAppData2\tProductFeature2",
                "{BD245B5A-EC33-46ED-98FF-E9D3D416AD04}\tQualifier1\tComponent1\tAppData1\tProductFeature1"), rows(msi, "PublishComponent"));
        // the SDK's PublishComponents action publishes them (its sequence table row comes with the table)
        assertTrue(Tool.run("msiinfo", "export", msi.toString(), "InstallExecuteSequence").assertOk().stdout().contains("PublishComponents"));
    }

    @Test
    void reserveCostNeedsBothSizes() throws Exception {
        Path msi = dir.resolve("bad.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Bad" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0}">
                    <StandardDirectory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="Bad">
                      <Component Id="C" Guid="{1F2E3D4C-5B6A-4978-8796-A5B4C3D2E1F1}">
                        <CreateFolder />
                        <ReserveCost Id="Space" RunLocal="100" />
                      </Component>
                    </Directory></StandardDirectory>
                  </Package>
                </Wix>
                """, msi);
        assertFalse(r.success());
        String text = r.diagnostics().toString();
        assertTrue(text.contains("p.wxs:6") || text.contains(":6:"), text);
        assertTrue(text.contains("RunFromSource"), text);
        assertFalse(Files.exists(msi), "no package on error");
    }
}
