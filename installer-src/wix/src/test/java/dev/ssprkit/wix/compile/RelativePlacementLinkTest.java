package dev.ssprkit.wix.compile;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Placing an action or dialog Before/After another references that one's placement (WiX's compiler makes a WixAction
 * reference for Before/After), so the fragment that schedules it is linked in even when nothing else names it: a
 * source's own fragment here, WixUI's ProgressDlg in gitextensions' installer (<Show Dialog="..." After="ProgressDlg"/>
 * with its own dialog set). A standard action's placement is no fragment's and needs nothing.
 */
class RelativePlacementLinkTest {
    @TempDir Path tmp;

    @Test
    void theFragmentSchedulingTheNamedDialogIsLinkedIn() throws Exception {
        Path fragment = Files.writeString(tmp.resolve("frag.wxs"), """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Fragment>
                    <UI>
                      <Dialog Id="FragProgressDlg" Width="370" Height="270" Title="[ProductName]" Modeless="yes">
                        <Control Id="Cancel" Type="PushButton" X="304" Y="243" Width="56" Height="17" Default="yes" Cancel="yes" Text="Cancel" />
                      </Dialog>
                      <InstallUISequence><Show Dialog="FragProgressDlg" Before="ExecuteAction" /></InstallUISequence>
                    </UI>
                  </Fragment>
                </Wix>
                """);
        Path msi = tmp.resolve("p.msi");
        BuildResult r = TestBuild.build(tmp, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="P" Language="1033" Version="1.0.0" Manufacturer="m" UpgradeCode="{99999999-2222-3333-4444-555555555511}">
                    <Package InstallerVersion="200" Compressed="yes" />
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLDIR" Name="P">
                      <Component Id="C" Guid="{99999999-2222-3333-4444-555555555512}">
                        <RegistryValue Root="HKLM" Key="SOFTWARE\\P" Name="x" Value="1" Type="string" KeyPath="yes" />
                      </Component>
                    </Directory></Directory></Directory>
                    <Feature Id="F"><ComponentRef Id="C" /></Feature>
                    <UI>
                      <Dialog Id="MyWelcomeDlg" Width="370" Height="270" Title="[ProductName]">
                        <Control Id="Next" Type="PushButton" X="236" Y="243" Width="56" Height="17" Default="yes" Text="Next">
                          <Publish Event="EndDialog" Value="Return">1</Publish>
                        </Control>
                      </Dialog>
                      <InstallUISequence><Show Dialog="MyWelcomeDlg" Before="FragProgressDlg">NOT Installed</Show></InstallUISequence>
                    </UI>
                    <InstallExecuteSequence><Custom Action="Noop" After="InstallFiles" /></InstallExecuteSequence>
                    <CustomAction Id="Noop" Property="NOOP" Value="1" />
                  </Product>
                </Wix>
                """, msi, b -> b.validate(false).sources(List.of(tmp.resolve("p.wxs"), fragment)));
        assertTrue(r.success(), r.diagnostics().toString());
        try (var db = MsiReader.read(msi)) {
            assertNotNull(db.table("Dialog").find("FragProgressDlg"), "the fragment came in through the Before reference");
            int welcome = db.table("InstallUISequence").find("MyWelcomeDlg").integer("Sequence");
            int progress = db.table("InstallUISequence").find("FragProgressDlg").integer("Sequence");
            assertEquals(progress - 1, welcome, "MyWelcomeDlg directly before FragProgressDlg");
            assertNotNull(db.table("InstallExecuteSequence").find("Noop"));
        }
    }
}
