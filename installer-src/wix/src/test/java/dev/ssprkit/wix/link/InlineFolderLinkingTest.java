package dev.ssprkit.wix.link;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two fragments that write the same inline folder ({@code Subdirectory="a\b\c"}), only the second referenced: WiX
 * links the referenced one alone and builds (WixToolsetTest.CoreIntegration DirectoryFixture,
 * CanFindRedundantSubdirectoryInSecondSection, whose source this mirrors). The unreferenced fragment's component and
 * file must not be in the package; msiinfo reads the File table back.
 */
@Tag("interop")
class InlineFolderLinkingTest {
    @TempDir Path dir;

    @Test
    void anUnreferencedFragmentWritingTheSameFolderFirstIsNotLinked() throws Exception {
        Tool.require("msiinfo");
        Files.writeString(dir.resolve("test.txt"), "payload");
        Path msi = dir.resolve("p.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="RedundantSubdirectories" Version="1.0.0.0" Manufacturer="Example Corporation" UpgradeCode="{2A3B4C5D-6E7F-4081-92A3-B4C5D6E7F809}">
                    <MediaTemplate EmbedCab="yes" />
                    <Feature Id="ProductFeature"><ComponentGroupRef Id="IncludedButSecond" /></Feature>
                  </Package>
                  <Fragment Id="NotIncludedButFirst">
                    <ComponentGroup Id="NotIncludedButFirst">
                      <Component Directory="ProgramFilesFolder" Subdirectory="a\\b\\c"><File Name="notincluded.txt" Source="test.txt" /></Component>
                    </ComponentGroup>
                  </Fragment>
                  <Fragment Id="IncludedButSecond">
                    <ComponentGroup Id="IncludedButSecond">
                      <Component Directory="ProgramFilesFolder" Subdirectory="a\\b\\c"><File Name="included.txt" Source="test.txt" /></Component>
                    </ComponentGroup>
                  </Fragment>
                </Wix>
                """, msi, b -> b.platform("x86"));
        assertTrue(r.success(), r.diagnostics().toString());
        List<String> files = Tool.run("msiinfo", "export", msi.toString(), "File").assertOk().stdout().lines().skip(3).toList();
        assertEquals(1, files.size(), files::toString);
        assertTrue(files.get(0).contains("included.txt") && !files.get(0).contains("notincluded"), files::toString);
        String dirs = Tool.run("msiinfo", "export", msi.toString(), "Directory").assertOk().stdout();
        assertTrue(dirs.lines().anyMatch(l -> l.endsWith("\tc")) && dirs.lines().anyMatch(l -> l.endsWith("\tb")), dirs);
    }
}
