package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WiX v4 moved conditions from element text into Condition attributes (WiX's v3-to-v4 conversion guide); sources
 * written for the v4 previews (git-for-windows' build-extra) still put them in the text. They build, with a warning at
 * the element, and the condition lands where the SDK's sequence table keeps it (read back with msiinfo). Both at once
 * is an error: which one was meant cannot be known.
 */
@Tag("interop")
class V4ConditionTextTest {
    @TempDir Path dir;

    private BuildResult build(String custom, Path msi) throws Exception {
        return TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Cond Text" Manufacturer="ssprkit tests" Version="1.0.0" UpgradeCode="{9A8B7C6D-5E4F-4A3B-9C2D-1E0F9A8B7C6D}">
                    <CustomAction Id="SetGreeting" Property="GREETING" Value="hello"/>
                    <InstallExecuteSequence>
                %s
                    </InstallExecuteSequence>
                    <StandardDirectory Id="ProgramFilesFolder"><Directory Id="APP" Name="Cond Text">
                      <Component Id="C" Guid="{0B1C2D3E-4F5A-4B6C-8D7E-9F0A1B2C3D4F}"><RegistryValue Root="HKLM" Key="Software\\ssprkit tests" Name="v" Value="1" KeyPath="yes"/></Component>
                    </Directory></StandardDirectory>
                  </Package>
                </Wix>
                """.formatted(custom), msi);
    }

    @Test
    void conditionTextInAV4SourceBuildsWithAWarningAndIsTheCondition() throws Exception {
        Path msi = dir.resolve("text.msi");
        BuildResult r = build("      <Custom Action=\"SetGreeting\" After=\"CostFinalize\">NOT Installed</Custom>", msi);
        assertTrue(r.success(), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.toString().contains("p.wxs:5:") && d.toString().contains("Condition=")), r.diagnostics().toString());
        String rows = Tool.run("msiinfo", "export", msi.toString(), "InstallExecuteSequence").assertOk().stdout();
        assertTrue(rows.contains("SetGreeting\tNOT Installed\t"), rows);
    }

    @Test
    void textAndConditionAttributeTogetherAreAnError() throws Exception {
        Path msi = dir.resolve("both.msi");
        BuildResult r = build("      <Custom Action=\"SetGreeting\" After=\"CostFinalize\" Condition=\"NOT Installed\">Installed</Custom>", msi);
        assertFalse(r.success());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.toString().contains("p.wxs:5:") && d.toString().contains("WIX0110")), r.diagnostics().toString());
        assertFalse(Files.exists(msi));
    }
}
