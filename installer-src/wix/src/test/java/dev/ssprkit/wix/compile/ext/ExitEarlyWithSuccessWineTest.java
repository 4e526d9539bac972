package dev.ssprkit.wix.compile.ext;

import dev.ssprkit.testkit.Wine;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * util:ExitEarlyWithSuccess: WiX schedules it after FindRelatedProducts when NEWERVERSIONDETECTED is set; the MSI
 * SDK's "Custom Action Return Values" page says an action returning ERROR_NO_MORE_ITEMS skips the remaining actions
 * and is not an error. Wine 8's msiexec does not follow that page here: it logs our action's return as 1 and goes on
 * installing, so what Windows would skip cannot be observed under Wine. What Wine does show: with the property set,
 * the action runs (our entry point exists and logs) and msiexec exits 0; without it, the action does not run (the
 * condition WiX gives it).
 */
@Tag("interop")
class ExitEarlyWithSuccessWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    private static String log(Path file) throws java.io.IOException {
        byte[] b = java.nio.file.Files.readAllBytes(file);
        return b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE
                ? new String(b, 2, b.length - 2, java.nio.charset.StandardCharsets.UTF_16LE) : new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String tail(Path file) {
        try {
            String text = log(file);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private BuildResult build(Path msi, String upgradeCode, String newerVersion) throws java.io.IOException {
        return TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
                  <Package Name="ssprkit exit early" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="%s">
                    <StandardDirectory Id="ProgramFiles64Folder"><Directory Id="INSTALLFOLDER" Name="ssprkit exit early">
                      <Component Id="Main">
                        <RegistryValue Root="HKLM" Key="Software\\ssprkit-exit-early" Name="%s" Value="yes" Type="string" KeyPath="yes"/>
                      </Component>
                    </Directory></StandardDirectory>
                    %s
                    <util:ExitEarlyWithSuccess/>
                  </Package>
                </Wix>
                """.formatted(upgradeCode, msi.getFileName(), newerVersion), msi, b -> b.platform("x64"));
    }

    /**
     * Two products (no uninstall between them: each msiexec run is one more chance for Wine's custom-action server to
     * stall, see {@link dev.ssprkit.testkit.Wine#msiexec}): one with NEWERVERSIONDETECTED set in its
     * Property table, one without.
     */
    @Test
    void theActionRunsOnlyWhenANewerVersionWasFound() throws Exception {
        Path newer = dir.resolve("newer.msi");
        Path plain = dir.resolve("plain.msi");
        BuildResult a = build(newer, "{4E4A6B2C-1D3F-4E5A-9B8C-7D6E5F4A3B30}", "<Property Id=\"NEWERVERSIONDETECTED\" Value=\"1\"/>");
        assertTrue(a.success(), a.diagnostics().toString());
        BuildResult b = build(plain, "{4E4A6B2C-1D3F-4E5A-9B8C-7D6E5F4A3B32}", "");
        assertTrue(b.success(), b.diagnostics().toString());

        Path first = dir.resolve("newer.log");
        assertEquals(0, wine.msiexec("/i", newer.toString(), "/qn", "/l*v", first.toString()).exitCode(), "ending early is a success");
        assertTrue(log(first).contains("WixExitEarlyWithSuccess: a newer version is installed"), "the action ran: " + tail(first));
        Path second = dir.resolve("plain.log");
        assertEquals(0, wine.msiexec("/i", plain.toString(), "/qn", "/l*v", second.toString()).exitCode(), tail(second));
        assertFalse(log(second).contains("WixExitEarlyWithSuccess:"), "without a newer version the action does not run");
        assertEquals("yes", wine.regValue("HKLM\\Software\\ssprkit-exit-early", "plain.msi"), "the second product installed");
    }
}
