package dev.ssprkit.wix.compile.ui;

import dev.ssprkit.testkit.VirtualDisplay;
import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in dialog sets (WixUI_Minimal, _InstallDir, _FeatureTree, _Mondo, _Advanced), shown by Wine's msiexec on
 * a virtual display and walked the way WiX's documentation describes each set (dialog reference pages WixUI_minimal,
 * WixUI_installdir, WixUI_featuretree, WixUI_mondo, WixUI_advanced): every page on the way has to come up (found by
 * its window title, see {@link Wizard}), and what a user chooses on the pages has to show in the installed result
 * (files and their bytes, the folder typed or browsed to, the features left out or added back, the per-user folder,
 * the files and uninstall entry gone after Remove), and msiexec's exit
 * code has to be the one the MSI SDK gives for the outcome (0 success, 1602 ERROR_INSTALL_USEREXIT when the user
 * cancels; a Unix exit status keeps the low 8 bits). One Wine prefix for the class; every test installs its own
 * product (own UpgradeCode and folder), so the tests do not see each other.
 */
@Tag("interop")
class WixUiSetsWalkthroughTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    private static VirtualDisplay display;
    @TempDir Path dir;

    @BeforeAll
    static void startDisplay() {
        display = wine.display(); // the prefix's own: its desktop process draws there
    }

    /** A per-machine v3 product named {@code name} installing one file per feature into ProgramFilesFolder\FOLDER. */
    static String product(String name, String code, String folder, String ui, String features) {
        StringBuilder components = new StringBuilder(), featureRows = new StringBuilder();
        int i = 0;
        for (String f : features.split(",")) {
            String[] idLevel = f.split(":");
            String id = idLevel[0];
            String level = idLevel.length > 1 ? idLevel[1] : "1";
            i++;
            components.append("<Component Id=\"C").append(id).append("\" Guid=\"{7A1B2C3D-0000-4000-8000-").append(code).append(String.format("%04d", i))
                    .append("}\"><File Id=\"F").append(id).append("\" Name=\"").append(id.toLowerCase()).append(".txt\" Source=\"")
                    .append(id.toLowerCase()).append(".txt\" KeyPath=\"yes\"/></Component>\n");
            featureRows.append("<Feature Id=\"").append(id).append("\" Title=\"").append(id).append(" part\" Level=\"").append(level)
                    .append("\" Display=\"").append(i).append("\"><ComponentRef Id=\"C").append(id).append("\"/></Feature>\n");
        }
        return """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="{7A1B2C3D-1111-4000-8000-%1$s0000}" Name="%2$s" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests"
                           UpgradeCode="{7A1B2C3D-2222-4000-8000-%1$s0000}">
                    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFilesFolder">
                        <Directory Id="INSTALLFOLDER" Name="%3$s">
                %4$s
                        </Directory>
                      </Directory>
                    </Directory>
                %5$s
                    <Property Id="WIXUI_INSTALLDIR" Value="INSTALLFOLDER"/>
                    <UIRef Id="%6$s"/>
                  </Product>
                </Wix>
                """.formatted(code, name, folder, components, featureRows, ui);
    }

    /** The payload file of feature {@code id}: its bytes name the feature, so a file in the wrong place is caught. */
    private void payload(String... ids) throws Exception {
        for (String id : ids) Files.writeString(dir.resolve(id.toLowerCase() + ".txt"), "payload of " + id + "\r\n");
    }

    private void assertInstalled(Path folder, String... ids) throws Exception {
        for (String id : ids) {
            Path f = folder.resolve(id.toLowerCase() + ".txt");
            assertTrue(Files.exists(f), "not installed: " + f);
            assertArrayEquals(Files.readAllBytes(dir.resolve(id.toLowerCase() + ".txt")), Files.readAllBytes(f), f.toString());
        }
    }

    /** 32-bit packages in a 64-bit prefix: Program Files (x86). */
    private static Path programFiles(String folder) {
        return wine.cDrive("C:\\Program Files (x86)\\" + folder);
    }

    /**
     * WixUI_Minimal's first and only page is the welcome-and-licence page: Install stays disabled until the licence
     * box is ticked (pressing it does nothing: no installation starts), Cancel asks for confirmation (CancelDlg),
     * Yes leads to the cancelled page (UserExit), Finish ends with 1602 and nothing is installed.
     */
    @Test
    void minimalInstallIsDisabledUntilTheLicenceIsAcceptedAndCancelInstallsNothing() throws Exception {
        payload("Core");
        Path msi = Wizard.build(dir, "minimal-cancel", product("Ui Minimal Cancel", "00000001", "UiMinimalCancel", "WixUI_Minimal", "Core"));
        Wizard w = Wizard.start(display, wine, msi);
        w.on("WelcomeEulaDlg", "alt+i", "Escape"); // Install (disabled: ignored), then Cancel
        w.on("CancelDlg", "alt+y");
        w.on("UserExit", "alt+f");
        assertEquals(1602 & 0xFF, w.exitCode(), w::tail);
        assertFalse(w.log().contains("ExecuteAction"), () -> "the disabled Install button started the installation:\n" + w.tail());
        assertFalse(Files.exists(programFiles("UiMinimalCancel")), "something was installed");
    }

    /** Ticking the licence box enables Install; the installation finishes on the success page and the file is there. */
    @Test
    void minimalInstallsOnceTheLicenceIsAccepted() throws Exception {
        payload("Core");
        Path msi = Wizard.build(dir, "minimal", product("Ui Minimal", "00000002", "UiMinimal", "WixUI_Minimal", "Core"));
        Wizard w = Wizard.start(display, wine, msi);
        w.on("WelcomeEulaDlg", "alt+a", "alt+i");
        w.on("ExitDialog", "alt+f");
        assertEquals(0, w.exitCode(), w::tail);
        assertInstalled(programFiles("UiMinimal"), "Core");
        assertTrue(w.log().contains("LicenseAccepted = 1"), w::tail);
    }

    /**
     * WixUI_InstallDir, named the v4 way ({@code <ui:WixUI Id="WixUI_InstallDir" InstallDirectory="INSTALLFOLDER"/>},
     * WiX v4's UI extension: InstallDirectory is the directory the folder page edits): welcome, licence, folder,
     * ready. A folder typed into the folder page's path field is taken
     * (the page publishes SetTargetPath for the directory WIXUI_INSTALLDIR names); Back on the ready page returns to
     * the folder page; its Change button opens the folder browser (BrowseDlg) on that folder, and a subfolder typed
     * there and confirmed with OK (SetTargetPath again) is where the files go: only a walk that kept both choices
     * installs into C:\Typed By\User\Browsed.
     */
    @Test
    void installDirInstallsIntoTheTypedAndBrowsedFolder() throws Exception {
        payload("Core");
        String source = """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:ui="http://wixtoolset.org/schemas/v4/wxs/ui">
                  <Package Name="Ui InstallDir" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{7A1B2C3D-2222-4000-8000-000000030000}">
                    <MediaTemplate EmbedCab="yes"/>
                    <StandardDirectory Id="ProgramFilesFolder">
                      <Directory Id="INSTALLFOLDER" Name="UiInstallDir">
                        <Component><File Source="core.txt"/></Component>
                      </Directory>
                    </StandardDirectory>
                    <ui:WixUI Id="WixUI_InstallDir" InstallDirectory="INSTALLFOLDER"/>
                  </Package>
                </Wix>
                """;
        Path msi = Wizard.build(dir, "installdir", source);
        Wizard w = Wizard.start(display, wine, msi);
        w.on("WelcomeDlg", "alt+n");
        w.on("LicenseAgreementDlg", "alt+a", "alt+n");
        String folderPage = w.page("InstallDirDlg");
        // the path field has the focus with its text selected: typing replaces it; Tab leaves the field, which is
        // when the installer takes its value
        w.display().type(folderPage, "C:\\Typed By\\User");
        w.display().key(folderPage, "Tab", "alt+n");
        w.on("VerifyReadyDlg", "alt+b");
        w.on("InstallDirDlg", "alt+c");
        String browser = w.page("BrowseDlg");
        clickControl(browser, 70 + 141, 192 + 9); // the middle of our BrowseDlg's PathEdit (X=70 Y=192, 282x18)
        display.keyFocused("End");
        w.display().type(browser, "Browsed");
        display.keyFocused("Tab", "Return"); // leave the field (its value is taken), then OK, next in the tab order
        w.on("InstallDirDlg", "alt+n");
        w.on("VerifyReadyDlg", "alt+i");
        w.on("ExitDialog", "alt+f");
        assertEquals(0, w.exitCode(), w::tail);
        assertInstalled(wine.cDrive("C:\\Typed By\\User\\Browsed"), "Core");
        assertFalse(Files.exists(wine.cDrive("C:\\Typed By\\User\\core.txt")), "the browsed folder was not taken");
        assertFalse(Files.exists(programFiles("UiInstallDir")), "the default folder was used instead of the typed one");
    }

    /**
     * WixUI_FeatureTree: the parts page's selection tree. Wine opens a feature's menu only for a mouse click on the
     * item's state icon (its SelectionTree control has no keyboard menu); the menu's last entry leaves the feature
     * out. Alpha (the first item) is left out: only Beta's file is installed.
     */
    @Test
    void featureTreeLeavesOutTheFeatureTurnedOffInTheTree() throws Exception {
        payload("Alpha", "Beta");
        Path msi = Wizard.build(dir, "featuretree", product("Ui FeatureTree", "00000004", "UiFeatureTree", "WixUI_FeatureTree", "Alpha,Beta"));
        Wizard w = Wizard.start(display, wine, msi);
        w.on("WelcomeDlg", "alt+n");
        w.on("LicenseAgreementDlg", "alt+a", "alt+n");
        String parts = w.page("CustomizeDlg");
        clickFirstTreeItemIcon(parts);
        display.keyFocused("Up", "Return"); // the menu's last entry: do not install
        display.key(parts, "alt+n");
        w.on("VerifyReadyDlg", "alt+i");
        w.on("ExitDialog", "alt+f");
        assertEquals(0, w.exitCode(), w::tail);
        assertInstalled(programFiles("UiFeatureTree"), "Beta");
        assertFalse(Files.exists(programFiles("UiFeatureTree").resolve("alpha.txt")), "the feature turned off was installed");
    }

    /**
     * Clicks the state icon of the tree's first item on the parts page. Our CustomizeDlg is 370 units wide with the
     * tree at (20, 66); Wine scales installer units by the window's width / 370, draws a 2-pixel sunken border, indents
     * root items by 19 pixels (lines at root) and draws 32x16 state icons, one 16-pixel row per item (measured on
     * Wine 8's screenshots).
     */
    private void clickFirstTreeItemIcon(String window) {
        clickFirstTreeItemIcon(window, 20, 66);
    }

    /** The same for a tree whose top-left corner is at (treeX, treeY) installer units (FeaturesDlg: 20, 52). */
    private void clickFirstTreeItemIcon(String window, int treeX, int treeY) {
        double scale = display.size(window)[0] / 370.0;
        int x = (int) Math.round(treeX * scale) + 2 + 19 + 10;
        int y = (int) Math.round(treeY * scale) + 2 + 8;
        display.click(window, x, y);
    }

    /** Clicks the point (x, y), in installer units, of one of our 370-unit-wide dialogs (scaled as above). */
    private void clickControl(String window, int x, int y) {
        double scale = display.size(window)[0] / 370.0;
        display.click(window, (int) Math.round(x * scale), (int) Math.round(y * scale));
    }

    /**
     * WixUI_Mondo's setup-type page: Typical sets the install level to 3 (features of level 4 and up stay out),
     * Complete to 1000 (every feature), as WiX's documentation of the set says.
     */
    @Test
    void mondoTypicalInstallsLevelThreeAndBelowCompleteInstallsEverything() throws Exception {
        payload("Base", "Extra");
        Path typical = Wizard.build(dir, "mondo-typical", product("Ui Mondo Typical", "00000005", "UiMondoTypical", "WixUI_Mondo", "Base:3,Extra:4"));
        Wizard w = Wizard.start(display, wine, typical);
        w.on("WelcomeDlg", "alt+n");
        w.on("LicenseAgreementDlg", "alt+a", "alt+n");
        w.on("SetupTypeDlg", "alt+t");
        w.on("VerifyReadyDlg", "alt+i");
        w.on("ExitDialog", "alt+f");
        assertEquals(0, w.exitCode(), w::tail);
        assertInstalled(programFiles("UiMondoTypical"), "Base");
        assertFalse(Files.exists(programFiles("UiMondoTypical").resolve("extra.txt")), "Typical installed a level-4 feature");

        Path complete = Wizard.build(dir, "mondo-complete", product("Ui Mondo Complete", "00000006", "UiMondoComplete", "WixUI_Mondo", "Base:3,Extra:4"));
        Wizard c = Wizard.start(display, wine, complete);
        c.on("WelcomeDlg", "alt+n");
        c.on("LicenseAgreementDlg", "alt+a", "alt+n");
        c.on("SetupTypeDlg", "alt+o");
        c.on("VerifyReadyDlg", "alt+i");
        c.on("ExitDialog", "alt+f");
        assertEquals(0, c.exitCode(), c::tail);
        assertInstalled(programFiles("UiMondoComplete"), "Base", "Extra");
    }

    /**
     * WixUI_Mondo's Custom path and the maintenance pages, one product through its life:
     * <ol>
     * <li>Custom leads to the parts page (CustomizeDlg); Alpha turned off there is not installed, Beta is, and the
     *     product has its Add/Remove Programs entry (the SDK's Uninstall\{ProductCode} key, under Wow6432Node for a
     *     32-bit package);</li>
     * <li>msiexec /i again shows the maintenance pages (MaintenanceWelcomeDlg, MaintenanceTypeDlg); Change leads to
     *     the parts page, where Alpha turned on (the menu's first entry: install on the local disk) is installed by
     *     Change on the ready page, Beta left alone;</li>
     * <li>a third run: Remove, then Remove on the ready page, takes the product off: its files and its uninstall
     *     entry are gone.</li>
     * </ol>
     */
    @Test
    void mondoCustomThenMaintenanceChangeThenRemove() throws Exception {
        payload("Alpha", "Beta");
        Path msi = Wizard.build(dir, "mondo-custom", product("Ui Mondo Custom", "00000007", "UiMondoCustom", "WixUI_Mondo", "Alpha,Beta"));
        Path folder = programFiles("UiMondoCustom");
        String arp = "HKLM\\Software\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{7A1B2C3D-1111-4000-8000-000000070000}";

        Wizard install = Wizard.start(display, wine, msi);
        install.on("WelcomeDlg", "alt+n");
        install.on("LicenseAgreementDlg", "alt+a", "alt+n");
        install.on("SetupTypeDlg", "alt+u");
        String parts = install.page("CustomizeDlg");
        clickFirstTreeItemIcon(parts);
        display.keyFocused("Up", "Return"); // the menu's last entry: do not install
        display.key(parts, "alt+n");
        install.on("VerifyReadyDlg", "alt+i");
        install.on("ExitDialog", "alt+f");
        assertEquals(0, install.exitCode(), install::tail);
        assertInstalled(folder, "Beta");
        assertFalse(Files.exists(folder.resolve("alpha.txt")), "the feature turned off was installed");
        assertTrue(wine.regKeyExists(arp), "the install registered no uninstall entry");

        Wizard change = Wizard.start(display, wine, msi);
        change.on("MaintenanceWelcomeDlg", "alt+n");
        change.on("MaintenanceTypeDlg", "alt+c");
        String again = change.page("CustomizeDlg");
        clickFirstTreeItemIcon(again);
        display.keyFocused("Down", "Return"); // the menu's first entry: install on the local disk
        display.key(again, "alt+n");
        change.on("VerifyReadyDlg", "alt+c");
        change.on("ExitDialog", "alt+f");
        assertEquals(0, change.exitCode(), change::tail);
        assertInstalled(folder, "Alpha", "Beta");

        Wizard remove = Wizard.start(display, wine, msi);
        remove.on("MaintenanceWelcomeDlg", "alt+n");
        remove.on("MaintenanceTypeDlg", "alt+r");
        remove.on("VerifyReadyDlg", "alt+r");
        remove.on("ExitDialog", "alt+f");
        assertEquals(0, remove.exitCode(), remove::tail);
        assertFalse(Files.exists(folder.resolve("alpha.txt")) || Files.exists(folder.resolve("beta.txt")), "files are still there");
        assertFalse(wine.regKeyExists(arp), "the uninstall entry is still there");
    }

    /**
     * A dialog of the project's own inserted into WixUI_InstallDir the way WiX's documentation ("Customizing built-in
     * WixUI dialog sets") tells users to: a Publish of NewDialog with a higher Order on InstallDirDlg's Next (the
     * installer runs a control's events in Order; the last NewDialog decides) leads to ExtrasDlg, and one on
     * VerifyReadyDlg's Back leads back to it. Its check box sets the public property INSTALLEXTRAS, the condition
     * of a component (the SDK's Condition table: the installation's costing evaluates component conditions with the
     * properties the user interface passes on). Ticked: extras.txt is installed beside core.txt; left alone: only
     * core.txt (and Back on the ready page shows ExtrasDlg again).
     */
    @Test
    void anInsertedDialogsCheckBoxDecidesWhetherItsComponentIsInstalled() throws Exception {
        payload("Core", "Extras");
        Path ticked = Wizard.build(dir, "extras-on", extrasProduct("Ui Extras On", "0000000B", "UiExtrasOn"));
        Wizard on = Wizard.start(display, wine, ticked);
        on.on("WelcomeDlg", "alt+n");
        on.on("LicenseAgreementDlg", "alt+a", "alt+n");
        on.on("InstallDirDlg", "alt+n");
        on.on("ExtrasDlg", "alt+e", "alt+n");
        on.on("VerifyReadyDlg", "alt+i");
        on.on("ExitDialog", "alt+f");
        assertEquals(0, on.exitCode(), on::tail);
        assertInstalled(programFiles("UiExtrasOn"), "Core", "Extras");

        Path unticked = Wizard.build(dir, "extras-off", extrasProduct("Ui Extras Off", "0000000C", "UiExtrasOff"));
        Wizard off = Wizard.start(display, wine, unticked);
        off.on("WelcomeDlg", "alt+n");
        off.on("LicenseAgreementDlg", "alt+a", "alt+n");
        off.on("InstallDirDlg", "alt+n");
        off.on("ExtrasDlg", "alt+n");
        off.on("VerifyReadyDlg", "alt+b"); // Back leads to the inserted dialog, not to the folder page
        off.on("ExtrasDlg", "alt+n");
        off.on("VerifyReadyDlg", "alt+i");
        off.on("ExitDialog", "alt+f");
        assertEquals(0, off.exitCode(), off::tail);
        assertInstalled(programFiles("UiExtrasOff"), "Core");
        assertFalse(Files.exists(programFiles("UiExtrasOff").resolve("extras.txt")), "the unticked extras were installed");
    }

    /** A WixUI_InstallDir product with ExtrasDlg between the folder page and the ready page (WiX v3 syntax). */
    private static String extrasProduct(String name, String code, String folder) {
        return """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="{7A1B2C3D-1111-4000-8000-%1$s0000}" Name="%2$s" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests"
                           UpgradeCode="{7A1B2C3D-2222-4000-8000-%1$s0000}">
                    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFilesFolder">
                        <Directory Id="INSTALLFOLDER" Name="%3$s">
                          <Component Id="CCore" Guid="{7A1B2C3D-0000-4000-8000-%1$s0001}"><File Id="FCore" Name="core.txt" Source="core.txt" KeyPath="yes"/></Component>
                          <Component Id="CExtras" Guid="{7A1B2C3D-0000-4000-8000-%1$s0002}">
                            <File Id="FExtras" Name="extras.txt" Source="extras.txt" KeyPath="yes"/>
                            <Condition>INSTALLEXTRAS = "1"</Condition>
                          </Component>
                        </Directory>
                      </Directory>
                    </Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="CCore"/><ComponentRef Id="CExtras"/></Feature>
                    <Property Id="WIXUI_INSTALLDIR" Value="INSTALLFOLDER"/>
                    <Property Id="INSTALLEXTRAS" Secure="yes"/>
                    <UI>
                      <UIRef Id="WixUI_InstallDir"/>
                      <Dialog Id="ExtrasDlg" Width="370" Height="270" Title="ExtrasDlg">
                        <Control Id="Title" Type="Text" X="15" Y="10" Width="340" Height="15" Text="Optional parts"/>
                        <Control Id="Extras" Type="CheckBox" X="20" Y="60" Width="330" Height="18" Property="INSTALLEXTRAS" CheckBoxValue="1"
                                 Text="Install the &amp;extras"/>
                        <Control Id="Back" Type="PushButton" X="172" Y="242" Width="56" Height="17" Text="&amp;Back">
                          <Publish Event="NewDialog" Value="InstallDirDlg">1</Publish>
                        </Control>
                        <Control Id="Next" Type="PushButton" X="232" Y="242" Width="56" Height="17" Default="yes" Text="&amp;Next">
                          <Publish Event="NewDialog" Value="VerifyReadyDlg">1</Publish>
                        </Control>
                        <Control Id="Cancel" Type="PushButton" X="302" Y="242" Width="56" Height="17" Cancel="yes" Text="Cancel">
                          <Publish Event="SpawnDialog" Value="CancelDlg">1</Publish>
                        </Control>
                      </Dialog>
                      <Publish Dialog="InstallDirDlg" Control="Next" Event="NewDialog" Value="ExtrasDlg" Order="5">1</Publish>
                      <Publish Dialog="VerifyReadyDlg" Control="Back" Event="NewDialog" Value="ExtrasDlg" Order="5">NOT Installed</Publish>
                    </UI>
                  </Product>
                </Wix>
                """.formatted(code, name, folder);
    }

    /**
     * WixUI_Advanced (WiX's documentation of the set: the project gives APPLICATIONFOLDER, ApplicationFolderName and
     * WixAppFolder; a per-user install goes to [LocalAppDataFolder]Apps\[ApplicationFolderName]). The walk: the
     * licence page (AdvancedWelcomeEulaDlg), Advanced, the scope page (InstallScopeDlg) where "just me" is picked
     * over the package's per-machine default, then the parts page (FeaturesDlg, no folder page for a per-user
     * install) where Alpha is left out and whose Install button starts the installation. Beta's file lands in the
     * per-user folder of Wine's user, nothing in Program Files, and ALLUSERS is cleared.
     */
    @Test
    void advancedPerUserScopeAndFeaturesInstallIntoTheUsersFolder() throws Exception {
        payload("Alpha", "Beta");
        String source = """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="{7A1B2C3D-1111-4000-8000-000000090000}" Name="Ui Advanced" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests"
                           UpgradeCode="{7A1B2C3D-2222-4000-8000-000000090000}">
                    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir">
                      <Directory Id="ProgramFilesFolder">
                        <Directory Id="APPLICATIONFOLDER" Name="UiAdvanced">
                          <Component Id="CAlpha" Guid="{7A1B2C3D-0000-4000-8000-000000090001}"><File Id="FAlpha" Name="alpha.txt" Source="alpha.txt" KeyPath="yes"/></Component>
                          <Component Id="CBeta" Guid="{7A1B2C3D-0000-4000-8000-000000090002}"><File Id="FBeta" Name="beta.txt" Source="beta.txt" KeyPath="yes"/></Component>
                        </Directory>
                      </Directory>
                    </Directory>
                    <Feature Id="Alpha" Title="Alpha part" Level="1" Display="1"><ComponentRef Id="CAlpha"/></Feature>
                    <Feature Id="Beta" Title="Beta part" Level="1" Display="2"><ComponentRef Id="CBeta"/></Feature>
                    <Property Id="ApplicationFolderName" Value="UiAdvancedApp"/>
                    <Property Id="WixAppFolder" Value="WixPerMachineFolder"/>
                    <UIRef Id="WixUI_Advanced"/>
                  </Product>
                </Wix>
                """;
        Path msi = Wizard.build(dir, "advanced", source);
        Wizard w = Wizard.start(display, wine, msi);
        w.on("AdvancedWelcomeEulaDlg", "alt+a", "alt+d");
        String scope = w.page("InstallScopeDlg");
        clickControl(scope, 20 + 40, 58 + 8); // our InstallScopeDlg's first radio button, "just me" (X=20 Y=58)
        display.key(scope, "alt+n");
        String parts = w.page("FeaturesDlg");
        clickFirstTreeItemIcon(parts, 20, 52);
        display.keyFocused("Up", "Return"); // the menu's last entry: do not install
        display.key(parts, "alt+i");
        w.on("ExitDialog", "alt+f");
        assertEquals(0, w.exitCode(), w::tail);

        Path users = wine.cDrive("C:\\users");
        List<Path> perUser;
        try (var s = Files.list(users)) {
            perUser = s.map(u -> u.resolve("AppData/Local/Apps/UiAdvancedApp")).filter(Files::isDirectory).toList();
        }
        assertEquals(1, perUser.size(), () -> "no per-user folder Apps\\UiAdvancedApp under " + users + "\n" + w.tail());
        assertInstalled(perUser.get(0), "Beta");
        assertFalse(Files.exists(perUser.get(0).resolve("alpha.txt")), "the feature turned off was installed");
        assertFalse(Files.exists(programFiles("UiAdvanced")), "installed per-machine");
        assertFalse(Files.exists(programFiles("UiAdvancedApp")), "installed per-machine");
        // the scope page cleared ALLUSERS (Publish ALLUSERS {}): the verbose log's closing property list no longer has
        // it. Wine fixes the installation context when it opens the package, so it still registers the product
        // per-machine (UserData\S-1-5-18); Windows Installer would register it for the user. Not asserted here.
        assertTrue(w.log().contains("Property(S): Privileged = 1"), () -> "no property list in the log:\n" + w.tail());
        assertFalse(w.log().contains("Property(S): ALLUSERS = "), () -> "ALLUSERS is still set:\n" + w.tail());
    }
}
