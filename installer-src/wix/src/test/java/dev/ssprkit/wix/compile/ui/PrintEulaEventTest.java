package dev.ssprkit.wix.compile.ui;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
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
 * A license dialog's Print button in sources written for WiX 3 to 5: they publish {@code DoAction} of a custom action
 * calling the UI extension's {@code PrintEula} entry point (their own {@code CustomAction BinaryRef="WixUiCa_X86"
 * DllEntry="PrintEula"}, as nodejs's installer does, or WiX v3's {@code WixUIPrintEula}). WiX v6 retired that entry
 * point for the installer's own MsiPrint control event (wixtoolset/wix commit 3986a0b3, "Replace EULA printing custom
 * action with MsiPrint"), which the MSI SDK's "MsiPrint ControlEvent" page describes: published by a PushButton on the
 * dialog of the ScrollableText control it prints, authored in the ControlEvent table, argument unused (WiX's dialogs
 * pass 1). Expected rows, read back with msiinfo (msitools): the Print button's ControlEvent is MsiPrint with argument
 * 1, and neither the PrintEula action nor the UI DLL it pulled in is left in the package.
 */
@Tag("interop")
class PrintEulaEventTest {
    @TempDir Path dir;

    private static final String LICENSE_DIALOG = """
                <Dialog Id="MyLicenseDlg" Width="370" Height="270" Title="License">
                  <Control Id="LicenseText" Type="ScrollableText" X="20" Y="60" Width="330" Height="140" Sunken="yes" TabSkip="no"
                           Text="{\\rtf1\\ansi Terms.\\par}"/>
                  <Control Id="Print" Type="PushButton" X="112" Y="243" Width="56" Height="17" Text="Print">
                    <Publish Event="DoAction" Value="%s"%s
                  </Control>
                  <Control Id="Next" Type="PushButton" X="236" Y="243" Width="56" Height="17" Default="yes" Text="Next">
                    <Publish Event="EndDialog" Value="Return"%s
                  </Control>
                  <Control Id="Cancel" Type="PushButton" X="304" Y="243" Width="56" Height="17" Cancel="yes" Text="Cancel">
                    <Publish Event="EndDialog" Value="Exit"%s
                  </Control>
                </Dialog>
            """;

    @Test
    void aV4SourcesOwnPrintEulaActionBecomesTheMsiPrintEvent() throws Exception {
        Tool.require("msiinfo");
        String dialog = LICENSE_DIALOG.formatted("PrintEula", "/>", "/>", "/>");
        Path msi = build(v4Package("""
                    <UI>
                      %s
                      <InstallUISequence><Show Dialog="MyLicenseDlg" After="CostFinalize"/></InstallUISequence>
                    </UI>
                """.formatted(dialog)), "WixToolset.UI.wixext");
        assertEquals(List.of("MyLicenseDlg\tPrint\tMsiPrint\t1"), printEvents(msi));
        assertFalse(column(msi, "CustomAction").contains("PrintEula"), "the PrintEula action is gone");
        assertFalse(column(msi, "Binary").contains("WixUiCa_X86"), "no UI DLL is left without a caller");
    }

    @Test
    void wixV3sWixUIPrintEulaBecomesTheMsiPrintEvent() throws Exception {
        Tool.require("msiinfo");
        String v3 = ">1</Publish>"; // v3 writes a Publish's condition as its text
        String dialog = LICENSE_DIALOG.formatted("WixUIPrintEula", v3, v3, v3);
        Path msi = build("""
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Print" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{5C1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C32}">
                    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFilesFolder">
                        <Directory Id="INSTALLFOLDER" Name="Print">
                          <Component Id="C" Guid="{5C2C3D4E-5F6A-4B7C-9D8E-9F0A1B2C3D42}">
                            <RegistryValue Root="HKLM" Key="Software\\ssprkit tests\\Print" Name="On" Value="1" KeyPath="yes"/>
                          </Component>
                        </Directory>
                      </Directory>
                    </Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="C"/></Feature>
                    <UI>
                      %s
                      <InstallUISequence><Show Dialog="MyLicenseDlg" After="CostFinalize"/></InstallUISequence>
                    </UI>
                  </Product>
                </Wix>
                """.formatted(dialog), "WixUIExtension");
        assertEquals(List.of("MyLicenseDlg\tPrint\tMsiPrint\t1"), printEvents(msi));
    }

    @Test
    void aPrintEulaActionASequenceRunsStillGetsTheEntryPointError() throws Exception {
        Path msi = dir.resolve("p.msi");
        BuildResult r = TestBuild.build(dir, v4Package("""
                    <InstallUISequence><Custom Action="PrintEula" After="CostFinalize"/></InstallUISequence>
                """), msi, b -> b.extensions(List.of("WixToolset.UI.wixext")));
        assertFalse(r.success());
        String text = r.diagnostics().toString();
        assertTrue(text.contains("WIX0400") && text.contains("PrintEula") && text.contains("p.wxs:10"), text);
    }

    /** A v4 package with a source's own PrintEula action on WixUiCa_X86 (line 10), then {@code more}. */
    private static String v4Package(String more) {
        return """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Print" Manufacturer="ssprkit tests" Version="1.0.0" UpgradeCode="{5C1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C31}">
                    <StandardDirectory Id="ProgramFiles6432Folder">
                      <Directory Id="INSTALLFOLDER" Name="Print">
                        <Component Id="C" Guid="{5C2C3D4E-5F6A-4B7C-9D8E-9F0A1B2C3D41}">
                          <RegistryValue Root="HKLM" Key="Software\\ssprkit tests\\Print" Name="On" Value="1" KeyPath="yes"/>
                        </Component>
                      </Directory>
                    </StandardDirectory>
                    <CustomAction Id="PrintEula" BinaryRef="WixUiCa_X86" DllEntry="PrintEula"/>
""" + more + """
                  </Package>
                </Wix>
                """;
    }

    private Path build(String source, String extension) throws Exception {
        Path msi = dir.resolve("p.msi");
        // one licence dialog, not a whole UI: the standard dialogs ICE20 asks for are left out, as with -sice:ICE20
        BuildResult r = TestBuild.build(dir, source, msi, b -> b.extensions(List.of(extension)).suppressIces(List.of("ICE20")));
        assertTrue(r.success(), r.diagnostics().toString());
        return msi;
    }

    /** The Print button's events: Dialog_, Control_, Event, Argument. */
    private static List<String> printEvents(Path msi) {
        List<String> out = new ArrayList<>();
        for (String[] e : rows(msi, "ControlEvent")) {
            if (e[1].equals("Print")) out.add(String.join("\t", e[0], e[1], e[2], e[3]));
        }
        return out;
    }

    private static List<String> column(Path msi, String table) {
        List<String> out = new ArrayList<>();
        for (String[] row : rows(msi, table)) out.add(row[0]);
        return out;
    }

    /** msiinfo export: three header lines, then one tab-separated row per line (CR LF). */
    private static List<String[]> rows(Path msi, String table) {
        Tool.Result r = Tool.run(List.of("msiinfo", "export", msi.toString(), table), msi.getParent(), Map.of(), 60);
        List<String[]> out = new ArrayList<>();
        if (r.exitCode() != 0) return out;
        String[] lines = r.stdout().split("\r\n");
        for (int i = 3; i < lines.length; i++) if (!lines[i].isEmpty()) out.add(lines[i].split("\t", -1));
        return out;
    }
}
