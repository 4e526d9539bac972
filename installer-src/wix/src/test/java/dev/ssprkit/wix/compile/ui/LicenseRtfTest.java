package dev.ssprkit.wix.compile.ui;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A licence RTF saved by a word processor holds brackets that are not property references (fluent-package's does:
 * Word's theme data ends in "...}]"). A ScrollableText control shows its RTF as it is (the SDK's ScrollableText control
 * page: the Text column holds the RTF), so the ICE03 Formatted check must not refuse it, and the control carries the
 * file's text byte for byte.
 */
class LicenseRtfTest {
    @TempDir Path dir;

    @Test
    void aLicenceWithLoneBracketsBuildsAndIsCarriedVerbatim() throws Exception {
        String rtf = "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 Terms ] of use [ with brackets]] that are text.\\par}";
        Files.writeString(dir.resolve("License.rtf"), rtf);
        String source = """
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="Rtf" Language="1033" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{5E6F7081-92A3-4B4C-8D5E-6F708192A3C5}">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <MediaTemplate EmbedCab="yes"/>
                    <WixVariable Id="WixUILicenseRtf" Value="License.rtf"/>
                    <UIRef Id="WixUI_Minimal"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="APP" Name="Rtf">
                      <Component Id="C" Guid="{6F708192-A3B4-4C5D-9E6F-708192A3B4D6}"><RegistryValue Root="HKLM" Key="Software\\ssprkit tests" Name="rtf" Value="1" KeyPath="yes"/></Component>
                    </Directory></Directory></Directory>
                    <Feature Id="Main" Level="1"><ComponentRef Id="C"/></Feature>
                  </Product>
                </Wix>
                """;
        Path msi = dir.resolve("rtf.msi");
        BuildResult r = TestBuild.build(dir, source, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        try (var db = MsiReader.read(msi)) {
            var text = db.table("Control").rows().stream().filter(x -> "ScrollableText".equals(x.get("Type")))
                    .map(x -> x.get("Text")).findFirst().orElseThrow();
            assertEquals(rtf, text);
        }
    }
}
