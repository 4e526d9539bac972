package dev.ssprkit.wix.bind;

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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Win32 side-by-side assembly (File/@Assembly="win32"): Wine's MsiPublishAssemblies reads the MsiAssembly and
 * MsiAssemblyName rows and installs the assembly into C:\windows\winsxs under its identity (architecture, name,
 * public key token, version: Wine's folder naming), the DLL's bytes and the manifest. Without the rows, or with a
 * wrong identity, nothing would be there.
 */
@Tag("interop")
class Win32AssemblyWineTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir Path dir;

    @Test
    void wineInstallsTheAssemblyIntoWinSxsUnderItsIdentity() throws Exception {
        Files.writeString(dir.resolve("contoso.manifest"), """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
                  <assemblyIdentity type="win32" name="Contoso.Sxs" version="1.2.3.4" processorArchitecture="x86" publicKeyToken="6595b64144ccf1df" />
                  <file name="contoso.dll" />
                </assembly>
                """);
        byte[] dll = "the assembly's one file (Wine copies it, it does not load it)".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(dir.resolve("contoso.dll"), dll);
        Path msi = dir.resolve("sxs.msi");
        BuildResult r = TestBuild.build(dir, """
                <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
                  <Package Name="ssprkit sxs" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{3A1B2C3D-4E5F-4071-8293-A4B5C6D7E8F1}">
                    <StandardDirectory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="ssprkit sxs">
                      <Component Id="Sxs">
                        <File Id="contoso.dll" Source="contoso.dll" KeyPath="yes" Assembly="win32" AssemblyManifest="contoso.manifest" />
                        <File Id="contoso.manifest" Source="contoso.manifest" />
                      </Component>
                    </Directory></StandardDirectory>
                  </Package>
                </Wix>
                """, msi);
        assertTrue(r.success(), r.diagnostics().toString());
        Path log = dir.resolve("install.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString()).exitCode());
        Path winsxs = wine.cDrive("C:\\windows\\winsxs");
        List<Path> folders;
        try (Stream<Path> s = Files.list(winsxs)) {
            folders = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                    .startsWith("x86_contoso.sxs_6595b64144ccf1df_1.2.3.4_")).toList();
        }
        assertEquals(1, folders.size(), "one folder for the identity in " + winsxs);
        assertArrayEquals(dll, Files.readAllBytes(folders.get(0).resolve("contoso.dll")));
        try (Stream<Path> s = Files.list(winsxs.resolve("manifests"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                    .startsWith("x86_contoso.sxs_6595b64144ccf1df_1.2.3.4_") && p.toString().endsWith(".manifest")), "the manifest is registered");
        }
    }
}
