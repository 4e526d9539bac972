package dev.ssprkit.wix.compile;

import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SetDirectory, as fluent-package's sources use it ([WindowsVolume]opt\...). WiX's SetDirectory documentation: "a Type
 * 51 custom action that is appropriately scheduled in the InstallUISequence and InstallExecuteSequence" (after
 * CostInitialize, so costing sees the new folder); the SDK's ICE12 refuses a type 35 action there. The installed
 * result in Wine says the folder moved.
 */
@Tag("interop")
class SetDirectoryTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    @Test
    void setDirectoryIsAType51ActionAfterCostInitializeAndMovesTheFolder() throws Exception {
        Files.writeString(dir.resolve("app.txt"), "moved here\n");
        String source = """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Set Dir" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <SetDirectory Id="INSTALLDIR" Value="[WindowsVolume]ssprkit-setdir"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLDIR" Name="Set Dir">
                      <Component Id="App" Guid="{2B3C4D5E-6F7A-4B8C-9D0E-1F2A3B4C5D6E}"><File Source="app.txt" KeyPath="yes"/></Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="App"/></Feature>
                  </Product>
                </Wix>
                """;
        Path msi = dir.resolve("setdir.msi");
        BuildResult r = TestBuild.build(dir, source, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        String actions = Tool.run("msiinfo", "export", msi.toString(), "CustomAction").assertOk().stdout();
        assertTrue(actions.contains("SetINSTALLDIR\t51\tINSTALLDIR\t[WindowsVolume]ssprkit-setdir"), actions);
        String sequence = Tool.run("msiinfo", "export", msi.toString(), "InstallExecuteSequence").assertOk().stdout();
        int costInitialize = sequenceOf(sequence, "CostInitialize"), set = sequenceOf(sequence, "SetINSTALLDIR"), costFinalize = sequenceOf(sequence, "CostFinalize");
        assertTrue(costInitialize < set && set < costFinalize, sequence);

        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn").exitCode());
        assertEquals("moved here\n", Files.readString(wine.cDrive("C:\\ssprkit-setdir\\app.txt")));
    }

    private static int sequenceOf(String export, String action) {
        for (String line : export.split("\r?\n")) {
            String[] f = line.split("\t");
            if (f.length >= 3 && f[0].equals(action)) return Integer.parseInt(f[2].strip());
        }
        throw new AssertionError(action + " not in " + export);
    }
}
