package dev.ssprkit.cli;

import dev.ssprkit.common.ExitStatus;
import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sspr ui preview} on a package our compiler built with the WixUI library ({@code <UIRef Id="WixUI_InstallDir"/>}).
 * Expected values come from the dialogs' source, installer-src/wix/.../ext/ui/Dialogs_Wizard.wxs (InstallDirDlg is
 * 370 x 270 units, its Next button X 232, Y 242, Width 56, Height 17; WelcomeDlg's Bitmap covers X 0, Y 0, 370 x 232
 * and shows bitmaps/dialog.bmp), the WixUI strings ("[ProductName] Setup" titles) and the MSI SDK's unit rule
 * ("Installer Units": "approximately equal to one-twelfth (1/12) the height of the 10-point MS Sans Serif font size",
 * a 16-pixel cell at 96 DPI, so MulDiv(v, 16, 12)):
 * 370 x 270 is 493 x 360 pixels and the Next button covers x 309..384, y 323..346. The bitmap's pixels are
 * ImageMagick's decoding of dialog.bmp. Exit statuses are the one table of {@link ExitStatus}.
 */
class UiPreviewCommandTest {
    @TempDir static Path shared;
    @TempDir Path dir;
    static Path installDir;
    static final Path DIALOG_BMP = Path.of("../wix/src/main/resources/dev/ssprkit/wix/ext/ui/bitmaps/dialog.bmp");

    static final String SOURCE = """
            <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
              <Product Id="*" Name="Widget Pro" Language="1033" Version="1.2.0" Manufacturer="ssprkit tests" UpgradeCode="{7A4E1F0C-2B3D-4E5F-8A9B-1C2D3E4F5A6B}">
                <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
                <MediaTemplate EmbedCab="yes"/>
                <Directory Id="TARGETDIR" Name="SourceDir">
                  <Directory Id="ProgramFilesFolder">
                    <Directory Id="INSTALLFOLDER" Name="Widget Pro">
                      <Component Id="Readme" Guid="{3C4D5E6F-7A8B-4C9D-8E0F-1A2B3C4D5E6F}">
                        <File Id="ReadmeTxt" Source="readme.txt" KeyPath="yes"/>
                      </Component>
                    </Directory>
                  </Directory>
                </Directory>
                <Feature Id="Main" Level="1"><ComponentRef Id="Readme"/></Feature>
                <Property Id="WIXUI_INSTALLDIR" Value="INSTALLFOLDER"/>
                <UIRef Id="WixUI_InstallDir"/>
              </Product>
            </Wix>
            """;

    @BeforeAll
    static void buildPackage() throws IOException {
        Files.writeString(shared.resolve("readme.txt"), "read me\n");
        Path wxs = Files.writeString(shared.resolve("widget.wxs"), SOURCE);
        installDir = shared.resolve("widget.msi");
        Cli.Run build = Cli.linux().run("build", wxs.toString(), "-o", installDir.toString());
        assertEquals(0, build.code(), build.err());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEveryDialogOfWixUiInstallDirAtTheSdksPixelPositions() throws IOException {
        Path out = dir.resolve("preview");
        Cli.Run r = Cli.linux().run("ui", "preview", installDir.toString(), "-o", out.toString());
        assertEquals(ExitStatus.OK.code, r.code(), r.err());
        List<String> files = names(out);
        for (String dialog : List.of("WelcomeDlg", "LicenseAgreementDlg", "InstallDirDlg", "BrowseDlg", "VerifyReadyDlg", "ProgressDlg",
                "ExitDialog", "FatalError", "UserExit", "CancelDlg", "MaintenanceWelcomeDlg", "MaintenanceTypeDlg")) {
            assertTrue(files.contains(dialog + ".png"), dialog + " in " + files);
        }
        assertTrue(files.contains("index.html"));
        assertTrue(r.out().contains("dialogs and index.html into " + out), r.out());

        BufferedImage installDirDlg = ImageIO.read(out.resolve("InstallDirDlg.png").toFile());
        assertEquals(493, installDirDlg.getWidth());
        assertEquals(360, installDirDlg.getHeight());

        String index = Files.readString(out.resolve("index.html"));
        String figure = index.substring(index.indexOf("<figure id=\"dlg-InstallDirDlg\">"));
        figure = figure.substring(0, figure.indexOf("</figure>"));
        Matcher next = Pattern.compile("coords=\"([0-9,]+)\"[^>]*data-control=\"Next\"").matcher(figure);
        assertTrue(next.find(), figure);
        assertEquals("309,323,384,346", next.group(1));
        assertTrue(figure.contains("&ldquo;Widget Pro Setup&rdquo;"), "[ProductName] filled in the title: " + figure);
    }

    @Test
    @Tag("interop")
    void theWelcomeBitmapIsTheWixUiBitmapStretchedOverItsControl() throws IOException {
        Tool.require("convert");
        Path oracle = dir.resolve("dialog.png");
        Tool.run(List.of("convert", DIALOG_BMP.toAbsolutePath().toString(), "png:" + oracle), dir, Map.of(), 60).assertOk();
        BufferedImage source = ImageIO.read(oracle.toFile());
        assertEquals(493, source.getWidth());
        assertEquals(312, source.getHeight());

        Path out = dir.resolve("preview");
        assertEquals(0, Cli.linux().run("ui", "preview", installDir.toString(), "-o", out.toString()).code());
        BufferedImage welcome = ImageIO.read(out.resolve("WelcomeDlg.png").toFile());
        // the control is 370 x 232 units = 493 x 309 pixels at (0, 0): each drawn pixel is one of the source's pixels
        // nearest it (rows scaled by 312/309); left of X 128 units (171 px) no text is drawn over it
        int checked = 0;
        for (int y = 0; y < 309; y += 7) {
            for (int x = 0; x < 165; x += 5) {
                int sy = (int) ((y + 0.5) * 312 / 309);
                int drawn = welcome.getRGB(x, y) & 0xFFFFFF;
                boolean match = false;
                for (int dy = -1; dy <= 1 && !match; dy++) {
                    int yy = Math.max(0, Math.min(311, sy + dy));
                    match = (source.getRGB(x, yy) & 0xFFFFFF) == drawn;
                }
                assertTrue(match, "pixel " + x + "," + y + " is " + Integer.toHexString(drawn) + ", not dialog.bmp's near row " + sy);
                checked++;
            }
        }
        assertTrue(checked > 1000);
        assertEquals(0xF0F0F0, welcome.getRGB(10, 320) & 0xFFFFFF, "below the bitmap (y 309 on) is the dialog's face colour");
    }

    @Test
    void badInputGivesTheStatusOfTheOneTableAndNoOutput() throws IOException {
        Path out = dir.resolve("preview");
        Cli cli = Cli.linux();

        Cli.Run missing = cli.run("ui", "preview", dir.resolve("missing.msi").toString(), "-o", out.toString());
        assertEquals(ExitStatus.IO_ERROR.code, missing.code(), missing.err());
        assertTrue(missing.err().contains("missing.msi"), missing.err());

        Path notMsi = Files.writeString(dir.resolve("notes.msi"), "not a compound file");
        Cli.Run bad = cli.run("ui", "preview", notMsi.toString(), "-o", out.toString());
        assertEquals(ExitStatus.BAD_INPUT.code, bad.code(), bad.err());
        assertTrue(bad.err().contains("notes.msi"), bad.err());

        Path wxs = Files.writeString(dir.resolve("plain.wxs"), SOURCE.replace("<UIRef Id=\"WixUI_InstallDir\"/>", ""));
        Files.writeString(dir.resolve("readme.txt"), "read me\n");
        assertEquals(0, cli.run("build", wxs.toString(), "-o", dir.resolve("plain.msi").toString()).code());
        Cli.Run none = cli.run("ui", "preview", dir.resolve("plain.msi").toString(), "-o", out.toString());
        assertEquals(ExitStatus.BAD_INPUT.code, none.code(), none.err());
        assertTrue(none.err().contains("plain.msi has no dialogs (its Dialog table is absent)"), none.err());

        assertEquals(ExitStatus.USAGE.code, cli.run("ui", "preview", installDir.toString()).code(), "-o is required");
        assertEquals(ExitStatus.USAGE.code, cli.run("ui", "preview", installDir.toString(), "-o", out.toString(), "-p", "novalue").code());

        assertFalse(Files.exists(out), "no output folder after a failure");
        assertTrue(names(dir).stream().noneMatch(n -> n.startsWith(".")), "no staging folder left: " + names(dir));
    }

    @Test
    void propertiesGivenOnTheCommandLineChooseWhatConditionsShow() throws IOException {
        // VerifyReadyDlg shows InstallTitle when NOT Installed, RemoveTitle when WixUI_InstallMode = "Remove"
        // (Dialogs_Wizard.wxs); both sit at X 15, Y 7
        Path fresh = dir.resolve("fresh"), remove = dir.resolve("remove");
        assertEquals(0, Cli.linux().run("ui", "preview", installDir.toString(), "-o", fresh.toString()).code());
        assertEquals(0, Cli.linux().run("ui", "preview", installDir.toString(), "-o", remove.toString(),
                "-p", "Installed=1", "-p", "WixUI_InstallMode=Remove").code());
        String a = Files.readString(fresh.resolve("index.html")), b = Files.readString(remove.resolve("index.html"));
        assertTrue(a.contains("data-control=\"InstallTitle\"") && !a.contains("data-control=\"RemoveTitle\""));
        assertTrue(b.contains("data-control=\"RemoveTitle\"") && !b.contains("data-control=\"InstallTitle\""));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(fresh.resolve("VerifyReadyDlg.png")), Files.readAllBytes(remove.resolve("VerifyReadyDlg.png"))));
    }

    @Test
    void checkFindsNothingInWixUiAndNamesTheControlsOfABrokenDialog() throws IOException {
        Cli.Run clean = Cli.linux().run("ui", "preview", installDir.toString(), "--check");
        assertEquals(ExitStatus.OK.code, clean.code(), clean.out() + clean.err());
        assertTrue(clean.out().contains("layout check: no problems found"), clean.out());

        // Stray sits on Next (SDK Control table: both show, no ControlCondition picks one); Lost lies right of the
        // 300-unit-wide dialog
        String broken = SOURCE.replace("<UIRef Id=\"WixUI_InstallDir\"/>", """
                <UI>
                  <Dialog Id="BrokenDlg" Width="300" Height="180" Title="Broken">
                    <Control Id="Next" Type="PushButton" X="200" Y="150" Width="56" Height="17" Default="yes" Text="Next"/>
                    <Control Id="Stray" Type="PushButton" X="220" Y="155" Width="56" Height="17" Text="Stray"/>
                    <Control Id="Lost" Type="PushButton" X="310" Y="10" Width="56" Height="17" Text="Lost"/>
                  </Dialog>
                  <InstallUISequence><Show Dialog="BrokenDlg" After="CostFinalize"/></InstallUISequence>
                </UI>
                """);
        Files.writeString(dir.resolve("readme.txt"), "read me\n");
        Path wxs = Files.writeString(dir.resolve("broken.wxs"), broken);
        // its buttons have no events (ICE17) and it is the only dialog (ICE20 wants the standard ones): this test is
        // about the layout check, so those findings are suppressed
        Cli.Run build = Cli.linux().run("build", wxs.toString(), "-sice", "ICE17;ICE20", "-o", dir.resolve("broken.msi").toString());
        assertEquals(0, build.code(), build.err());
        Path out = dir.resolve("preview");
        Cli.Run r = Cli.linux().run("ui", "preview", dir.resolve("broken.msi").toString(), "-o", out.toString(), "--check");
        assertEquals(ExitStatus.FAILED.code, r.code(), "a check that finds problems: " + r.out() + r.err());
        assertTrue(r.out().contains("check: dialog BrokenDlg, control Stray: covers"), r.out());
        assertTrue(r.out().contains("check: dialog BrokenDlg, control Lost: the control (X 310"), r.out());
        // and no control is its Cancel: Esc does nothing on a modal dialog (SDK Dialog table, Control_Cancel)
        assertTrue(r.out().contains("check: dialog BrokenDlg: the dialog has no cancel control"), r.out());
        assertTrue(r.out().contains("layout check: 3 problems found"), r.out());
        assertTrue(r.err().contains("warning: dialog BrokenDlg, control Lost:"), "the preview warns too: " + r.err());
        assertTrue(Files.exists(out.resolve("BrokenDlg.png")), "the pictures are written all the same");
    }

    @Test
    void fontFoldersAreReadWithWarningsForWhatIsNotAFont() throws IOException {
        Cli cli = Cli.linux();
        Cli.Run missing = cli.run("ui", "preview", installDir.toString(), "--check", "--fonts", dir.resolve("no-such-fonts").toString());
        assertEquals(ExitStatus.IO_ERROR.code, missing.code(), missing.err());
        assertTrue(missing.err().contains("no-such-fonts"), missing.err());

        Path fonts = Files.createDirectories(dir.resolve("fonts"));
        Files.writeString(fonts.resolve("fake.ttf"), "not a font");
        Cli.Run r = cli.run("ui", "preview", installDir.toString(), "--check", "--fonts", fonts.toString());
        assertEquals(ExitStatus.OK.code, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("fake.ttf: not a font Java can read"), r.err());
    }

    /**
     * Every dialog set of the built-in WixUI library passes the layout check: no control outside its dialog, no
     * overlap of controls that show together, every label fits (measured with DejaVu Sans, wider than the Tahoma
     * the dialogs are drawn in on Windows, so a fit here is a fit there).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"WixUI_Minimal", "WixUI_InstallDir", "WixUI_FeatureTree", "WixUI_Mondo", "WixUI_Advanced"})
    void theBuiltInWixUiSetsPassTheLayoutCheck(String set) throws IOException {
        String source = set.equals("WixUI_Advanced")
                ? SOURCE.replace("<Property Id=\"WIXUI_INSTALLDIR\" Value=\"INSTALLFOLDER\"/>", "<Property Id=\"ApplicationFolderName\" Value=\"Widget Pro\"/>"
                        + "<Property Id=\"WixAppFolder\" Value=\"WixPerMachineFolder\"/>").replace("Id=\"INSTALLFOLDER\"", "Id=\"APPLICATIONFOLDER\"")
                : SOURCE;
        Files.writeString(dir.resolve("readme.txt"), "read me\n");
        Path wxs = Files.writeString(dir.resolve("set.wxs"), source.replace("WixUI_InstallDir", set));
        Cli.Run build = Cli.linux().run("build", wxs.toString(), "-o", dir.resolve("set.msi").toString());
        assertEquals(0, build.code(), build.err());
        Cli.Run r = Cli.linux().run("ui", "preview", dir.resolve("set.msi").toString(), "--check");
        assertEquals(ExitStatus.OK.code, r.code(), set + ": " + r.out() + r.err());
        assertTrue(r.out().contains("layout check: no problems found"), r.out());
    }
}
