package dev.ssprkit.wix.compile.ui;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WixUIValidatePath, as sources with their own folder dialogs run it (DoAction WixUIValidatePath_X64, then a
 * condition on WIXUI_INSTALLDIR_VALID): our ValidatePath entry point judges the folder the property named by
 * WIXUI_INSTALLDIR holds. Expected, from WiX's documentation of the UI extension's check: a folder on a fixed local
 * drive is valid ("1"); a UNC path and a folder without a drive root are not ("0"). Observed under Wine's msiexec
 * through a registry value the package writes from WIXUI_INSTALLDIR_VALID after the action ran.
 */
@Tag("interop")
class ValidatePathWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    private static final String KEY = "HKLM\\Software\\ssprkit tests\\ValidatePath";

    private Path build() throws Exception {
        Path msi = dir.resolve("p.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Validate Path" Manufacturer="ssprkit tests" Version="1.0.0" UpgradeCode="{3A1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C31}">
                    <MediaTemplate EmbedCab="yes"/>
                    <Property Id="WIXUI_INSTALLDIR" Value="CHOSENDIR"/>
                    <StandardDirectory Id="ProgramFiles64Folder">
                      <Directory Id="INSTALLFOLDER" Name="Validate Path">
                        <Component Id="Verdict" Guid="{4B2C3D4E-5F6A-4B7C-9D8E-9F0A1B2C3D41}" Bitness="always64">
                          <RegistryValue Root="HKLM" Key="Software\\ssprkit tests\\ValidatePath" Name="Valid" Type="string" Value="[WIXUI_INSTALLDIR_VALID]" KeyPath="yes"/>
                        </Component>
                      </Directory>
                    </StandardDirectory>
                    <InstallExecuteSequence>
                      <Custom Action="WixUIValidatePath_X64" After="CostFinalize"/>
                    </InstallExecuteSequence>
                  </Package>
                </Wix>
                """, msi, b -> b.platform("x64").extensions(List.of("WixToolset.UI.wixext")));
        assertTrue(r.success(), r.diagnostics().toString());
        return msi;
    }

    private String verdict(Path msi, String folder) throws Exception {
        Path log = dir.resolve("install-" + Math.abs(folder.hashCode()) + ".log");
        Tool.Result install = wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString(), "CHOSENDIR=" + folder);
        byte[] b = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
        boolean utf16 = b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE; // Wine writes ANSI unless asked
        String text = new String(b, utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
        assertEquals(0, install.exitCode(), text);
        assertTrue(text.contains("ValidatePath"), "our action's log line:\n" + text);
        String value = wine.regValue(KEY, "Valid");
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
        return value;
    }

    @Test
    void aFixedDriveIsValidAUncPathAndARelativeFolderAreNot() throws Exception {
        Path msi = build();
        assertEquals("1", verdict(msi, "C:\\Apps\\Chosen\\"));
        assertEquals("0", verdict(msi, "\\\\fileserver\\share\\Chosen\\"));
        assertEquals("0", verdict(msi, "relative\\Chosen"));
    }
}
