package dev.ssprkit.cli;

import dev.ssprkit.common.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -sice}: WiX's way to keep an ICE's findings out of a build ({@code wix build -sice ICE18}, light's
 * {@code -sice:ICE18}, a .wixproj's {@code SuppressIces}). The package below breaks ICE18 as the SDK's ICE18 page
 * defines it (a component whose key path is its folder, which no CreateFolder row lists: an Environment row cannot
 * be a key path, so light reports "ICE18: KeyPath for Component ... is Directory", as in mondoohq/installer pull
 * request 790).
 */
class SuppressIcesCliTest {
    @TempDir Path dir;

    private Path source() throws Exception {
        return Files.writeString(dir.resolve("p.wxs"), """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Sice" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{5A1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C3E}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="Sice">
                      <Component Id="PathEntry" Guid="{6B2C3D4E-5F6A-4B7C-9D8E-9F0A1B2C3D4F}">
                        <Environment Id="PathEntry" Name="PATH" Action="set" Part="last" System="yes" Value="[INSTALLFOLDER]"/>
                      </Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="PathEntry"/></Feature>
                  </Product>
                </Wix>
                """);
    }

    @Test
    void withoutSuppressionIce18FailsTheBuildAtTheComponentsLine() throws Exception {
        Path msi = dir.resolve("p.msi");
        Cli.Run r = Cli.linux().run("build", source().toString(), "-o", msi.toString());
        assertEquals(ExitStatus.BAD_INPUT.code, r.code(), r.err());
        assertTrue(r.err().contains("p.wxs:6:") && r.err().contains("ICE18"), r.err());
        assertFalse(Files.exists(msi));
    }

    @Test
    void wixAndLightSpellingsSuppressItAndTheLogSaysSo() throws Exception {
        for (String[] option : new String[][] {{"-sice", "ICE18"}, {"-sice:ice18"}, {"--suppress-ice", "ICE61;ICE18"}}) {
            Path msi = dir.resolve("p" + option.length + option[0].length() + ".msi");
            String[] args = new String[3 + option.length + 1];
            args[0] = "build";
            args[1] = source().toString();
            System.arraycopy(option, 0, args, 2, option.length);
            args[2 + option.length] = "-o";
            args[3 + option.length] = msi.toString();
            Cli.Run r = Cli.linux().run(args);
            assertEquals(0, r.code(), String.join(" ", option) + ": " + r.err());
            assertTrue(r.err().contains("1 finding(s) of ICE18 not reported"), r.err());
            assertTrue(Files.exists(msi));
        }
    }

    /**
     * WiX's validation page (docs.firegiant.com/wix/tools/validation): building with MSBuild runs validation, "to run
     * validation when using the Wix.exe .NET tool, use the wix msi validate subcommand": {@code wix build} of a v4
     * source does not fail on an ICE error. {@code sspr build} builds such a source and reports the error as a
     * warning at its line; {@code --fail-on-ice} restores the MSBuild behaviour.
     */
    @Test
    void aV4SourceBuildsWithItsIceErrorAsAWarningAsWixBuildDoesUnlessFailOnIce() throws Exception {
        // the SDK's ICE64: a folder in the user profile that no RemoveFile row removes (wixtoolset/issues#7846 shows
        // WiX 4's validation reporting it for Component/@Subdirectory, as here)
        Path wxs = Files.writeString(dir.resolve("v4.wxs"), """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="Sice" Manufacturer="ssprkit tests" Version="1.0.0" UpgradeCode="{5A1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C3F}">
                    <StandardDirectory Id="ProgramMenuFolder"/>
                    <Component Directory="ProgramMenuFolder" Subdirectory="Sice Links">
                      <RegistryValue Root="HKCU" Key="Software\\ssprkit tests\\Sice" Name="installed" Type="integer" Value="1" KeyPath="yes"/>
                    </Component>
                  </Package>
                </Wix>
                """);
        Path msi = dir.resolve("v4.msi");
        Cli.Run built = Cli.linux().run("build", wxs.toString(), "-o", msi.toString());
        assertEquals(0, built.code(), built.err());
        assertTrue(built.err().contains("v4.wxs:4:") && built.err().contains("warning WIX0189") && built.err().contains("ICE64"), built.err());
        assertTrue(Files.exists(msi));
        Path strict = dir.resolve("strict.msi");
        Cli.Run failed = Cli.linux().run("build", wxs.toString(), "--fail-on-ice", "-o", strict.toString());
        assertEquals(ExitStatus.BAD_INPUT.code, failed.code(), failed.err());
        assertTrue(failed.err().contains("v4.wxs:4:") && failed.err().contains("error WIX0190"), failed.err());
        assertFalse(Files.exists(strict));
    }

    @Test
    void aNameThatIsNotAnIceIsAUsageError() throws Exception {
        Path msi = dir.resolve("p.msi");
        Cli.Run r = Cli.linux().run("build", source().toString(), "-sice", "18x", "-o", msi.toString());
        assertEquals(ExitStatus.USAGE.code, r.code(), r.err());
        assertTrue(r.err().contains("-sice takes an ICE name such as ICE18, not '18x'"), r.err());
        assertFalse(Files.exists(msi));
    }

    @Test
    void validateLeavesASuppressedIceOutAndSaysHowManyFindings() throws Exception {
        Path msi = dir.resolve("p.msi");
        assertEquals(0, Cli.linux().run("build", source().toString(), "-sice", "ICE18", "-o", msi.toString()).code());
        Cli.Run plain = Cli.linux().run("validate", msi.toString());
        assertEquals(1, plain.code(), plain.out());
        assertTrue(plain.out().contains("ICE18"), plain.out());
        Cli.Run suppressed = Cli.linux().run("validate", msi.toString(), "--suppress", "ICE18");
        assertEquals(0, suppressed.code(), suppressed.out());
        assertFalse(suppressed.out().lines().anyMatch(l -> l.startsWith("ICE18")), suppressed.out());
        assertTrue(suppressed.out().contains("1 finding(s) of ICE18 suppressed"), suppressed.out());
        assertEquals(ExitStatus.USAGE.code, Cli.linux().run("validate", msi.toString(), "--suppress", "x").code());
    }
}
