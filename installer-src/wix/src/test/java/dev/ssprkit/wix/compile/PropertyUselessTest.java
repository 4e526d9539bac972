package dev.ssprkit.wix.compile;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import dev.ssprkit.wix.diag.CompilerMessage;
import dev.ssprkit.wix.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code <Property Id="X"/>} with no value, no flag and no search: WiX's compiler warns (PropertyUseless) and ignores
 * the element (Compiler.ParsePropertyElement adds no symbol and no reference), so a source that keeps such elements
 * to list the properties given on the command line builds, as it does with WiX and wixl (cloudbase-init's installer,
 * an OpenTelemetry collector's). A flag alone still writes the property's flags.
 */
class PropertyUselessTest {
    @TempDir Path tmp;

    @Test
    void aValuelessPropertyIsAWarningAndWritesNoRow() throws Exception {
        Path msi = tmp.resolve("p.msi");
        BuildResult r = TestBuild.build(tmp, """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="P" Language="1033" Version="1.0.0" Manufacturer="m" UpgradeCode="{33333333-2222-3333-4444-555555555555}">
                    <Package InstallerVersion="200" Compressed="yes" />
                    <MediaTemplate EmbedCab="yes" />
                    <Property Id="FROMCOMMANDLINE" />
                    <Property Id="SECUREONLY" Secure="yes" />
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="INSTALLDIR" Name="P">
                      <Component Id="C" Guid="{33333333-2222-3333-4444-555555555556}">
                        <RegistryValue Root="HKLM" Key="SOFTWARE\\P" Name="v" Value="[FROMCOMMANDLINE]" Type="string" KeyPath="yes" />
                      </Component>
                    </Directory></Directory></Directory>
                    <Feature Id="F"><ComponentRef Id="C" /></Feature>
                  </Product>
                </Wix>
                """, msi, b -> b.validate(false));
        assertTrue(r.success(), r.diagnostics().toString());
        List<Diagnostic> useless = r.diagnostics().stream().filter(d -> d.message() == CompilerMessage.PROPERTY_USELESS).toList();
        assertEquals(1, useless.size(), r.diagnostics().toString());
        assertEquals(5, useless.get(0).location().line());
        try (var db = MsiReader.read(msi)) {
            assertNull(db.table("Property").find("FROMCOMMANDLINE"));
            assertTrue(String.valueOf(db.table("Property").find("SecureCustomProperties").get(1)).contains("SECUREONLY"));
        }
    }
}
