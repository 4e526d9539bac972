package dev.ssprkit.cli.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages the dialog gallery photographs: every dialog of the built-in WixUI library, each shown first by
 * msiexec when the public property GALLERY_DIALOG names it. A project can do this with WiX's own means: an
 * InstallUISequence {@code <Show>} per dialog, conditioned on the property, scheduled right after CostFinalize (the
 * dialogs that track disk space or show the feature tree need costing done), and {@code override} for the dialogs
 * the library already schedules. Then one {@code msiexec /i PKG GALLERY_DIALOG=X} per picture, no wizard walking.
 *
 * <p>Three packages, because some dialogs cannot share one: WelcomeEulaDlg (WixUI_Minimal), LicenseAgreementDlg
 * (the wizard sets) and AdvancedWelcomeEulaDlg (WixUI_Advanced) each own the licence check box (the CheckBox table
 * is keyed by its property, LicenseAccepted), and WixUI_Minimal and WixUI_Advanced both override WelcomeDlg's
 * sequence entry. The wizard package uses WixUI_Mondo (which holds every page of WixUI_InstallDir and
 * WixUI_FeatureTree except InstallDirDlg, referenced here) and carries every dialog the sets share.
 *
 * <p>A modeless dialog (PrepareDlg, ProgressDlg) does not stop the sequence, so a small modal dialog
 * (GalleryHoldDlg, titled "hold", in the screen's top-left corner, KeepModeless so the modeless one stays) follows it
 * and keeps msiexec waiting while the picture is taken.
 */
public final class GalleryPackages {
    private GalleryPackages() {}

    /** One package of the gallery: its WixUI set and the dialogs it shows. */
    public record GalleryPackage(String name, String set, List<String> dialogs) {}

    public static final List<GalleryPackage> PACKAGES = List.of(
            new GalleryPackage("minimal", "WixUI_Minimal", List.of("WelcomeEulaDlg")),
            new GalleryPackage("advanced", "WixUI_Advanced", List.of("AdvancedWelcomeEulaDlg", "InstallScopeDlg", "FeaturesDlg")),
            new GalleryPackage("wizard", "WixUI_Mondo", List.of("WelcomeDlg", "LicenseAgreementDlg", "InstallDirDlg", "SetupTypeDlg",
                    "CustomizeDlg", "VerifyReadyDlg", "MaintenanceWelcomeDlg", "MaintenanceTypeDlg", "BrowseDlg", "DiskCostDlg",
                    "PrepareDlg", "ProgressDlg", "ExitDialog", "UserExit", "FatalError", "ResumeDlg", "FilesInUse", "MsiRMFilesInUse",
                    "OutOfDiskDlg", "OutOfRbDiskDlg", "ErrorDlg", "CancelDlg", "WaitForCostingDlg", "InvalidDirDlg")));

    /** The product name every title shows ("[ProductName] Setup"): how the test finds the dialog's window. */
    public static final String PRODUCT = "Gallery";

    static final String LIBRARY = "/dev/ssprkit/wix/ext/ui/";
    static final List<String> LIBRARY_SOURCES = List.of("Dialogs_Wizard.wxs", "Dialogs_Common.wxs", "Advanced.wxs");

    /** Every {@code <Dialog Id>} the library's sources define. */
    public static Set<String> libraryDialogs() throws IOException {
        return matches(Pattern.compile("<Dialog Id=\"(\\w+)\""));
    }

    /** The dialogs the library schedules itself ({@code <Show Dialog="virtual X">}): the gallery overrides those. */
    static Set<String> scheduledByLibrary() throws IOException {
        return matches(Pattern.compile("<Show Dialog=\"virtual (\\w+)\""));
    }

    private static Set<String> matches(Pattern p) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String file : LIBRARY_SOURCES) {
            Matcher m = p.matcher(resource(file));
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    /** A text of the library (its sources and .wxl files travel in the wix jar). */
    public static String resource(String file) throws IOException {
        try (InputStream in = GalleryPackages.class.getResourceAsStream(LIBRARY + file)) {
            if (in == null) throw new IllegalStateException("the WixUI library's " + file + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The dialogs of every package, in gallery order. */
    public static Set<String> galleryDialogs() {
        Set<String> all = new LinkedHashSet<>();
        for (GalleryPackage p : PACKAGES) all.addAll(p.dialogs());
        return all;
    }

    /** The WiX v4 source of {@code p} (one file, core.txt beside it). */
    public static String source(GalleryPackage p) throws IOException {
        Set<String> scheduled = scheduledByLibrary();
        StringBuilder refs = new StringBuilder(), shows = new StringBuilder();
        int sequence = 1010; // CostFinalize is 1000 in every set; the library's own first page comes later (1297)
        for (String d : p.dialogs()) {
            refs.append("      <DialogRef Id=\"").append(d).append("\" />\n");
            shows.append("      <Show Dialog=\"").append(scheduled.contains(d) ? "override " : "").append(d).append("\" Sequence=\"")
                    .append(sequence++).append("\" Condition=\"GALLERY_DIALOG = &quot;").append(d).append("&quot;\" />\n");
        }
        // PrepareDlg comes before costing in every set: in the packages that do not photograph it, it stays away
        // (modeless and titled like the others, it would be taken for the dialog asked for)
        if (!p.dialogs().contains("PrepareDlg")) {
            shows.append("      <Show Dialog=\"override PrepareDlg\" Before=\"CostInitialize\" Condition=\"NOT GALLERY_DIALOG\" />\n");
        }
        String installDir = p.set().equals("WixUI_Advanced") ? "" : "    <Property Id=\"WIXUI_INSTALLDIR\" Value=\"APPLICATIONFOLDER\" />\n";
        return """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="%s" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{7A1B2C3D-2222-4000-8000-0000000A0000}">
                    <MediaTemplate EmbedCab="yes" />
                    <StandardDirectory Id="ProgramFilesFolder">
                      <Directory Id="APPLICATIONFOLDER" Name="Gallery">
                        <Component Id="Core"><File Source="core.txt" /></Component>
                      </Directory>
                    </StandardDirectory>
                    <Feature Id="Main" Title="Gallery files" Description="The files of the gallery product." Level="1">
                      <ComponentRef Id="Core" />
                    </Feature>
                    <!-- what the folder page's Change button sets before it opens BrowseDlg -->
                    <Property Id="_BrowseProperty" Value="APPLICATIONFOLDER" />
                    <Property Id="ApplicationFolderName" Value="Gallery" />
                    <Property Id="WixAppFolder" Value="WixPerMachineFolder" />
                %s    <UIRef Id="%s" />
                    <UI>
                %s      <Dialog Id="GalleryHoldDlg" Width="60" Height="24" X="0" Y="0" Title="hold" KeepModeless="yes">
                        <Control Id="Hold" Type="PushButton" X="2" Y="2" Width="56" Height="17" Text="hold"><Publish Event="EndDialog" Value="Exit" /></Control>
                      </Dialog>
                    </UI>
                    <InstallUISequence>
                %s      <Show Dialog="GalleryHoldDlg" Sequence="1100" Condition="GALLERY_DIALOG" />
                    </InstallUISequence>
                  </Package>
                </Wix>
                """.formatted(PRODUCT, installDir, p.set(), refs, shows);
    }
}
