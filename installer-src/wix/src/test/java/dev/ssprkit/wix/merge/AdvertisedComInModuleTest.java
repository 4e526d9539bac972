package dev.ssprkit.wix.merge;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Advertised COM rows in a merge module: a module has no features, so Class, Extension (and the other tables with a
 * Feature_ column) name the null GUID, which merging replaces with the feature the module is connected to. Expected
 * rows: WiX's ClassFixture (PopulatesModuleClassTablesWhenProgIdIsNestedUnderAdvertisedClass,
 * CanBuildModuleWithProgIdExtensionVerb: Feature_ {00000000-0000-0000-0000-000000000000}, keys with the module's
 * GUID suffix) and the SDK's "Referencing Features in Merge Modules"; read back with msiinfo.
 */
@Tag("interop")
class AdvertisedComInModuleTest {
    @TempDir Path dir;

    private static final String NULL_GUID = "{00000000-0000-0000-0000-000000000000}";
    private static final String SUFFIX = ".047730A5_30FE_4A62_A520_DA9381B8226A";

    private static List<String> rows(Path db, String table) {
        return Tool.run(List.of("msiinfo", "export", db.toString(), table), db.getParent(), Map.of(), 60)
                .stdout().lines().skip(3).sorted().toList();
    }

    @Test
    void advertisedClassAndExtensionNameTheNullGuidAndMergeIntoTheFeature() throws Exception {
        Tool.require("msiinfo");
        Files.writeString(dir.resolve("app.exe"), "stand-in payload");
        Path msm = dir.resolve("com.msm");
        BuildResult module = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Module Id="Com" Guid="047730a5-30fe-4a62-a520-da9381b8226a" Language="1033" Version="1.0.0.0">
                    <StandardDirectory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="Com"/></StandardDirectory>
                    <Component Id="ComComp" Directory="INSTALLFOLDER" Guid="5B3B3FC1-533D-4C29-BFB3-0E88B51E59D8">
                      <File Id="app.exe" Source="app.exe"/>
                      <Class Id="F12A6F69-117F-471F-AE73-F8E74218F498" Advertise="yes" Context="LocalServer32" Description="Fake class">
                        <ProgId Id="Example.Com" Description="Example">
                          <Extension Id="foo"><Verb Id="OpenVerb" Command="open" Argument="&quot;%1&quot;"/></Extension>
                        </ProgId>
                      </Class>
                    </Component>
                  </Module>
                </Wix>
                """, msm, b -> b.platform("x86"));
        assertTrue(module.success(), module.diagnostics().toString());
        assertEquals(List.of("{F12A6F69-117F-471F-AE73-F8E74218F498}\tLocalServer32\tComComp" + SUFFIX + "\tExample.Com\tFake class\t\t\t\t\t\t\t"
                + NULL_GUID + "\t"), rows(msm, "Class"));
        assertEquals(List.of("foo\tComComp" + SUFFIX + "\tExample.Com\t\t" + NULL_GUID), rows(msm, "Extension"));

        Path msi = dir.resolve("product.msi");
        BuildResult product = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Consumer" Language="1033" Version="1.0.0.0" Manufacturer="Example Corporation" UpgradeCode="{6A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}">
                    <MediaTemplate EmbedCab="yes"/>
                    <StandardDirectory Id="ProgramFilesFolder"><Directory Id="APP" Name="Consumer">
                      <Merge Id="Com" SourceFile="com.msm" Language="1033"/>
                    </Directory></StandardDirectory>
                    <Feature Id="Main"><MergeRef Id="Com"/></Feature>
                  </Package>
                </Wix>
                """, msi, b -> b.platform("x86"));
        assertTrue(product.success(), product.diagnostics().toString());
        assertTrue(rows(msi, "Class").get(0).endsWith("\tMain\t"), rows(msi, "Class")::toString);
        assertEquals(List.of("foo\tComComp" + SUFFIX + "\tExample.Com\t\tMain"), rows(msi, "Extension"));
    }
}
