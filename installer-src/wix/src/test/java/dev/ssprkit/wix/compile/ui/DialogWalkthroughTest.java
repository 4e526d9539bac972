package dev.ssprkit.wix.compile.ui;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.VirtualDisplay;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildRequest;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.WixBuild;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dialogs compiled from a hand-written UI, shown by Wine's msiexec on a virtual display and driven with the
 * keyboard: the tab order (Control_Next), default and cancel buttons, NewDialog/EndDialog events, a property set
 * by Publish, an Edit control's property, a check box, a radio button group and a control condition all have to
 * work for the walk to reach the end; what the user chose is checked in the registry the package writes (each
 * value is a property the dialogs set), and in msiexec's verbose log (the dialogs it reports creating). The
 * expected behaviour is the MSI SDK's (Dialog, Control, ControlEvent, ControlCondition, RadioButton, CheckBox
 * tables and the NewDialog/EndDialog control events), observed in Wine.
 */
@Tag("interop")
class DialogWalkthroughTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    private static VirtualDisplay display;
    @TempDir Path dir;

    @BeforeAll
    static void startDisplay() {
        display = wine.display(); // the prefix's own: its desktop process draws there
    }

    private static final String SOURCE = """
            <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
              <Product Id="*" Name="Dialog Walk" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{5F0A2E61-3B7C-4D8E-9F10-2A3B4C5D6E7F}">
                <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                <MediaTemplate EmbedCab="yes"/>
                <Property Id="COLOR" Value="red"/>
                <Property Id="NICKNAME" Value="none"/>
                <Property Id="VISITED" Value="no"/>
                <Directory Id="TARGETDIR" Name="SourceDir">
                  <Component Id="Choices" Guid="{0B1C2D3E-4F50-4617-8A9B-0C1D2E3F4A5B}">
                    <RegistryKey Root="HKLM" Key="Software\\ssprkit-tests\\DialogWalk">
                      <RegistryValue Name="Color" Type="string" Value="[COLOR]" KeyPath="yes"/>
                      <RegistryValue Name="Nickname" Type="string" Value="[NICKNAME]"/>
                      <RegistryValue Name="Visited" Type="string" Value="[VISITED]"/>
                      <RegistryValue Name="Extras" Type="string" Value="[EXTRAS]"/>
                    </RegistryKey>
                  </Component>
                </Directory>
                <Feature Id="Main" Level="1"><ComponentRef Id="Choices"/></Feature>
                <UIRef Id="Walk"/>
              </Product>
              <Fragment>
                <UI Id="Walk">
                  <TextStyle Id="Normal" FaceName="Tahoma" Size="8"/>
                  <Property Id="DefaultUIFont" Value="Normal"/>
                  <Dialog Id="FirstDlg" Width="300" Height="180" Title="Walk Step One">
                    <Control Id="Intro" Type="Text" X="10" Y="10" Width="280" Height="20" Text="Pick a color and a nickname."/>
                    <Control Id="Colors" Type="RadioButtonGroup" Property="COLOR" X="10" Y="35" Width="120" Height="50">
                      <RadioButtonGroup Property="COLOR">
                        <RadioButton Value="red" X="0" Y="0" Width="100" Height="15" Text="Red"/>
                        <RadioButton Value="blue" X="0" Y="20" Width="100" Height="15" Text="Blue"/>
                      </RadioButtonGroup>
                    </Control>
                    <Control Id="Nick" Type="Edit" Property="NICKNAME" X="140" Y="35" Width="150" Height="18"/>
                    <Control Id="Extras" Type="CheckBox" Property="EXTRAS" CheckBoxValue="on" X="140" Y="60" Width="150" Height="15" Text="Extras"/>
                    <Control Id="Next" Type="PushButton" X="170" Y="150" Width="56" Height="17" Default="yes" Text="Next">
                      <Publish Property="VISITED" Value="yes">1</Publish>
                      <Publish Event="NewDialog" Value="SecondDlg">1</Publish>
                    </Control>
                    <Control Id="Cancel" Type="PushButton" X="234" Y="150" Width="56" Height="17" Cancel="yes" Text="Cancel">
                      <Publish Event="EndDialog" Value="Exit">1</Publish>
                    </Control>
                  </Dialog>
                  <Dialog Id="SecondDlg" Width="300" Height="180" Title="Walk Step Two">
                    <Control Id="Summary" Type="Text" X="10" Y="10" Width="280" Height="20" Text="Color [COLOR], nickname [NICKNAME]."/>
                    <Control Id="Install" Type="PushButton" X="170" Y="150" Width="56" Height="17" Default="yes" Text="Install" Disabled="yes">
                      <Condition Action="enable">VISITED = "yes"</Condition>
                      <Publish Event="EndDialog" Value="Return">1</Publish>
                    </Control>
                    <Control Id="Cancel" Type="PushButton" X="234" Y="150" Width="56" Height="17" Cancel="yes" Text="Cancel">
                      <Publish Event="EndDialog" Value="Exit">1</Publish>
                    </Control>
                  </Dialog>
                  <InstallUISequence>
                    <Show Dialog="FirstDlg" After="CostFinalize"/>
                  </InstallUISequence>
                </UI>
              </Fragment>
            </Wix>
            """;

    @Test
    void theWalkSetsWhatTheUserChose() throws Exception {
        Path wxs = dir.resolve("walk.wxs");
        Files.writeString(wxs, SOURCE);
        Path msi = dir.resolve("walk.msi");
        BuildResult r = WixBuild.build(BuildRequest.builder(msi, List.of(wxs)).environment(Map.of()).workingDirectory(dir)
                .buildTime(Instant.parse("2026-01-01T00:00:00Z")).suppressIces(List.of("ICE20")).build()); // a two-dialog walk, not a whole UI
        assertTrue(r.success(), r.diagnostics().toString());

        Path log = dir.resolve("walk.log");
        VirtualDisplay.Running msiexec = display.launch(Wine.command("msiexec", "/i", msi.toString(), "/l*v", log.toString()),
                wine.environment(), dir.resolve("msiexec.out"));
        String first = msiexec.awaitWindow("^Walk Step One$", Duration.ofSeconds(120));
        // the tab order starts at the radio group (Control_First); down arrow picks Blue
        display.key(first, "Down");
        display.key(first, "Tab");              // Nick (Edit)
        display.key(first, "ctrl+a", "BackSpace");
        display.type(first, "gizmo");
        display.key(first, "Tab", "space");     // Extras check box on
        display.key(first, "Return");           // the default button, Next
        String second = msiexec.awaitWindow("^Walk Step Two$", Duration.ofSeconds(60));
        display.key(second, "Return");          // Install, enabled by its condition once VISITED is yes
        assertEquals(0, msiexec.await(Duration.ofMinutes(3)), () -> read(log));

        // a 32-bit package in a 64-bit prefix: its HKLM\Software values live under Wow6432Node
        String key = "HKLM\\Software\\Wow6432Node\\ssprkit-tests\\DialogWalk";
        assertEquals("blue", wine.regValue(key, "Color"));
        assertEquals("gizmo", wine.regValue(key, "Nickname"));
        assertEquals("yes", wine.regValue(key, "Visited"));
        assertEquals("on", wine.regValue(key, "Extras"));
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
    }

    @Test
    void cancelOnTheFirstDialogInstallsNothing() throws Exception {
        Path wxs = dir.resolve("walk.wxs");
        Files.writeString(wxs, SOURCE);
        Path msi = dir.resolve("walk.msi");
        assertTrue(WixBuild.build(BuildRequest.builder(msi, List.of(wxs)).environment(Map.of()).workingDirectory(dir)
                .buildTime(Instant.parse("2026-01-01T00:00:00Z")).suppressIces(List.of("ICE20")).build()).success());
        Path log = dir.resolve("cancel.log");
        VirtualDisplay.Running msiexec = display.launch(Wine.command("msiexec", "/i", msi.toString(), "/l*v", log.toString()),
                wine.environment(), dir.resolve("msiexec.out"));
        String first = msiexec.awaitWindow("^Walk Step One$", Duration.ofSeconds(120));
        display.key(first, "Escape");           // the cancel button (Control_Cancel) publishes EndDialog Exit
        // ERROR_INSTALL_USEREXIT (1602): the user cancelled, as the SDK's msiexec return codes define it; a Unix exit
        // status keeps the low 8 bits (1602 & 0xFF = 66)
        assertEquals(1602 & 0xFF, msiexec.await(Duration.ofMinutes(2)), () -> read(log));
        assertTrue(read(log).contains("Action start") && read(log).contains("FirstDlg"), () -> read(log));
        assertFalse(wine.regKeyExists("HKLM\\Software\\Wow6432Node\\ssprkit-tests\\DialogWalk"));
    }

    private static String read(Path log) {
        try {
            if (!Files.exists(log)) return "(no log)";
            byte[] b = Files.readAllBytes(log);
            String s = b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE ? new String(b, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
            return s.length() > 20_000 ? s.substring(s.length() - 20_000) : s;
        } catch (Exception e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
