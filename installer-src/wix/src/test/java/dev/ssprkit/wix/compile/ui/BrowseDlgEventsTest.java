package dev.ssprkit.wix.compile.ui;

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
 * A project's own copy of a WixUI set that shows BrowseDlg (through CustomizeDlg's Browse button, as WiX's
 * WixUI_FeatureTree and mRemoteNG's copy of it do) and publishes nothing on BrowseDlg's OK: in a v3 build the OK must
 * still take the chosen folder and close, because WiX v3's BrowseDlg.wxs carries those events itself (SetTargetPath
 * [_BrowseProperty], then EndDialog Return, condition 1, orders 1 and 2); WiX v4 moved them into the sets. Without them
 * the button did nothing and ICE17 refused the package. Rows read back with msiinfo.
 */
@Tag("interop")
class BrowseDlgEventsTest {
    @TempDir Path dir;

    @Test
    void browseDlgsOkSetsTheFolderAndClosesInACopiedSet() throws Exception {
        Tool.require("msiinfo");
        Path msi = dir.resolve("copy.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Copied" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{6D7E8F90-A1B2-4C3D-8E4F-5A6B7C8D9E0F}">
                    <Package InstallerVersion="200" Compressed="yes" />
                    <MediaTemplate EmbedCab="yes" />
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="Copied">
                      <Component Id="C" Guid="{7E8F90A1-B2C3-4D4E-9F5A-6B7C8D9E0F1A}" KeyPath="yes"><CreateFolder /></Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Title="Main" Level="1" ConfigurableDirectory="INSTALLFOLDER"><ComponentRef Id="C" /></Feature>
                    <UI Id="MyFeatureTree">
                      <TextStyle Id="WixUI_Font_Normal" FaceName="Tahoma" Size="8" />
                      <TextStyle Id="WixUI_Font_Bigger" FaceName="Tahoma" Size="12" />
                      <TextStyle Id="WixUI_Font_Title" FaceName="Tahoma" Size="9" Bold="yes" />
                      <Property Id="DefaultUIFont" Value="WixUI_Font_Normal" />
                      <DialogRef Id="ErrorDlg" />
                      <DialogRef Id="FatalError" />
                      <DialogRef Id="FilesInUse" />
                      <DialogRef Id="UserExit" />
                      <DialogRef Id="ProgressDlg" />
                      <Publish Dialog="ExitDialog" Control="Finish" Event="EndDialog" Value="Return" Order="999">1</Publish>
                      <Publish Dialog="CustomizeDlg" Control="Next" Event="NewDialog" Value="VerifyReadyDlg">1</Publish>
                      <Publish Dialog="CustomizeDlg" Control="Back" Event="NewDialog" Value="CustomizeDlg">1</Publish>
                      <Publish Dialog="VerifyReadyDlg" Control="Back" Event="NewDialog" Value="CustomizeDlg">1</Publish>
                      <Publish Dialog="WelcomeDlg" Control="Next" Event="NewDialog" Value="CustomizeDlg">1</Publish>
                    </UI>
                    <UIRef Id="WixUI_Common" />
                  </Product>
                </Wix>
                """, msi, b -> b.suppressIces(List.of("ICE20")));
        assertTrue(r.success(), r.diagnostics().toString());
        List<String> ok = Tool.run("msiinfo", "export", msi.toString(), "ControlEvent").assertOk().stdout().lines()
                .filter(l -> l.startsWith("BrowseDlg\tOK\t")).sorted().toList();
        assertEquals(List.of("BrowseDlg\tOK\tEndDialog\tReturn\t1\t2", "BrowseDlg\tOK\tSetTargetPath\t[_BrowseProperty]\t1\t1"), ok);
    }
}
