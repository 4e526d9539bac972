package dev.ssprkit.wix.compile.ui;

import dev.ssprkit.msi.schema.StandardActions;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in dialog set, built into a package and read back with msiinfo (msitools, not our reader), has to hold
 * together the way the MSI SDK's UI tables require: an event, condition or subscription belongs to a control that
 * exists on its dialog (ControlEvent, ControlCondition, EventMapping keys); a dialog's first, default and cancel
 * controls and every control's Control_Next are on the same dialog (Dialog and Control tables); NewDialog,
 * SpawnDialog, SpawnWaitDialog and SelectionBrowse name a dialog of the package (ControlEvent table); a Bitmap or
 * Icon control's text names a Binary row (Control table); every InstallUISequence action is a standard action, a
 * custom action or a dialog (sequence tables); and no text keeps an unresolved !(loc.X) or !(wix.X). Pages a walk in
 * Wine never visits are checked here too.
 */
@Tag("interop")
class WixUiLibraryTablesTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"WixUI_Minimal", "WixUI_InstallDir", "WixUI_FeatureTree", "WixUI_Mondo", "WixUI_Advanced", "WixUI_Mondo_X64"})
    void everyUiReferenceResolves(String set) throws Exception {
        Tool.require("msiinfo");
        Files.writeString(dir.resolve("a.txt"), "a\r\n");
        String installDir = set.startsWith("WixUI_InstallDir") ? "<Property Id=\"WIXUI_INSTALLDIR\" Value=\"APPLICATIONFOLDER\"/>" : "";
        String source = """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="{6B2C3D4E-1111-4000-8000-000000000001}" Name="Tables" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests"
                           UpgradeCode="{6B2C3D4E-2222-4000-8000-000000000001}">
                    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFilesFolder">
                        <Directory Id="APPLICATIONFOLDER" Name="Tables">
                          <Component Id="C" Guid="{6B2C3D4E-0000-4000-8000-000000000001}"><File Id="F" Source="a.txt" KeyPath="yes"/></Component>
                        </Directory>
                      </Directory>
                    </Directory>
                    <Feature Id="Main" Title="Main" Level="1"><ComponentRef Id="C"/></Feature>
                    <Property Id="ApplicationFolderName" Value="Tables"/>
                    <Property Id="WixAppFolder" Value="WixPerMachineFolder"/>
                    %s
                    <UIRef Id="%s"/>
                  </Product>
                </Wix>
                """.formatted(installDir, set);
        Path wxs = dir.resolve("t.wxs");
        Files.writeString(wxs, source);
        Path msi = dir.resolve("t.msi");
        BuildResult r = WixBuild.build(BuildRequest.builder(msi, List.of(wxs)).environment(Map.of()).workingDirectory(dir)
                .buildTime(Instant.parse("2026-01-01T00:00:00Z")).build());
        assertTrue(r.success(), () -> set + ": " + r.diagnostics());

        List<String[]> dialogs = rows(msi, "Dialog"), controls = rows(msi, "Control"), events = rows(msi, "ControlEvent");
        Set<String> dialogNames = new HashSet<>(), controlKeys = new HashSet<>(), binaries = new HashSet<>(), actions = new HashSet<>();
        for (String[] d : dialogs) dialogNames.add(d[0]);
        for (String[] c : controls) controlKeys.add(c[0] + "/" + c[1]);
        for (String[] b : rows(msi, "Binary")) binaries.add(b[0]);
        for (String[] a : rows(msi, "CustomAction")) actions.add(a[0]);
        List<String> problems = new ArrayList<>();

        // Dialog: Dialog, HCentering, VCentering, Width, Height, Attributes, Title, Control_First, Control_Default, Control_Cancel
        for (String[] d : dialogs) {
            for (int i = 7; i <= 9; i++) {
                if (i < d.length && !d[i].isEmpty() && !controlKeys.contains(d[0] + "/" + d[i])) problems.add("Dialog " + d[0] + " column " + i + " names no control: " + d[i]);
            }
            if (d.length < 8 || d[7].isEmpty()) problems.add("Dialog " + d[0] + " has no Control_First");
        }
        // Control: Dialog_, Control, Type, X, Y, Width, Height, Attributes, Property, Text, Control_Next, Help
        for (String[] c : controls) {
            if (c.length > 10 && !c[10].isEmpty() && !controlKeys.contains(c[0] + "/" + c[10])) problems.add("Control " + c[0] + "/" + c[1] + " Control_Next names no control: " + c[10]);
            if ((c[2].equals("Bitmap") || c[2].equals("Icon")) && c.length > 9 && !binaries.contains(c[9])) problems.add("Control " + c[0] + "/" + c[1] + " shows no Binary row: " + c[9]);
        }
        // ControlEvent: Dialog_, Control_, Event, Argument, Condition, Ordering
        for (String[] e : events) {
            if (!controlKeys.contains(e[0] + "/" + e[1])) problems.add("ControlEvent on a missing control: " + e[0] + "/" + e[1] + " " + e[2]);
            if (Set.of("NewDialog", "SpawnDialog", "SpawnWaitDialog", "SelectionBrowse").contains(e[2]) && !dialogNames.contains(e[3])) {
                problems.add("ControlEvent " + e[0] + "/" + e[1] + " " + e[2] + " names no dialog: " + e[3]);
            }
        }
        for (String table : List.of("ControlCondition", "EventMapping")) {
            for (String[] c : rows(msi, table)) {
                if (!controlKeys.contains(c[0] + "/" + c[1])) problems.add(table + " on a missing control: " + c[0] + "/" + c[1]);
            }
        }
        // InstallUISequence: Action, Condition, Sequence
        for (String[] s : rows(msi, "InstallUISequence")) {
            if (!StandardActions.isStandard(s[0]) && !actions.contains(s[0]) && !dialogNames.contains(s[0])) problems.add("InstallUISequence runs an unknown action: " + s[0]);
        }
        for (String table : List.of("Dialog", "Control", "ControlEvent", "ControlCondition", "UIText", "Property", "RadioButton", "ActionText")) {
            for (String[] row : rows(msi, table)) {
                String joined = String.join("\t", row);
                if (joined.contains("!(loc.") || joined.contains("!(wix.")) problems.add(table + " keeps an unresolved reference: " + joined);
            }
        }
        assertEquals(List.of(), problems, set);
        assertTrue(dialogNames.containsAll(Set.of("ExitDialog", "UserExit", "FatalError", "ProgressDlg", "CancelDlg")), () -> set + " lacks an end page: " + dialogNames);
    }

    /**
     * The rows of one table as msiinfo exports it (an .idt file: three header lines, then tab-separated rows). Run in
     * the package's folder: exporting a table with a stream column (Binary) also writes its streams to files there.
     */
    private static List<String[]> rows(Path msi, String table) {
        Tool.Result r = Tool.run(List.of("msiinfo", "export", msi.toString(), table), msi.getParent(), Map.of(), 60);
        List<String[]> out = new ArrayList<>();
        if (r.exitCode() != 0) return out; // the package has no such table
        String[] lines = r.stdout().split("\r\n"); // rows end with CR LF; a bare LF is part of a value (the licence text)
        for (int i = 3; i < lines.length; i++) {
            if (!lines[i].isEmpty()) out.add(lines[i].split("\t", -1));
        }
        return out;
    }
}
