package dev.ssprkit.wix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link WixBuild#prepareAhead} warms up, on another thread, what a build uses first (the XML reader, the grammar, the
 * summary-information writer). It must change nothing a build produces, even while it runs beside the build: a
 * package built with head starts running is byte for byte the package built without (the build is reproducible at a
 * fixed build time). This guards against the head start ever sharing state with a build.
 */
class HeadStartTest {
    @TempDir
    Path dir;

    private static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs" xmlns:util="http://wixtoolset.org/schemas/v4/wxs/util">
              <Package Name="Head Start" Manufacturer="ssprkit tests" Version="1.2.3" UpgradeCode="3F1E6C2A-9B8D-4E7F-A6C5-1D2E3F4A5B6C">
                <MediaTemplate EmbedCab="yes"/>
                <StandardDirectory Id="ProgramFiles6432Folder">
                  <Directory Id="INSTALLFOLDER" Name="HeadStart">
                    <Component Id="Readme">
                      <File Id="ReadmeTxt" Source="readme.txt"/>
                      <RegistryValue Root="HKLM" Key="Software\\HeadStart" Name="Version" Value="[ProductVersion]" Type="string"/>
                      <util:RemoveFolderEx On="uninstall" Property="INSTALLFOLDER"/>
                    </Component>
                  </Directory>
                </StandardDirectory>
              </Package>
            </Wix>
            """;

    @Test
    void aBuildBesideItsHeadStartIsTheBuildWithout() throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "read me\n");
        Path plain = dir.resolve("plain.msi"), started = dir.resolve("started.msi");
        BuildResult without = TestBuild.build(dir, SOURCE, plain);
        assertTrue(without.success(), without.diagnostics().toString());
        for (int i = 0; i < 3; i++) WixBuild.prepareAhead(); // still running while the build below starts
        BuildResult with = TestBuild.build(dir, SOURCE, started);
        assertTrue(with.success(), with.diagnostics().toString());
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(started));
    }
}
