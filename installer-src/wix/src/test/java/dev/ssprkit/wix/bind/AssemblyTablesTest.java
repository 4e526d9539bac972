package dev.ssprkit.wix.bind;

import dev.ssprkit.msi.MsiReader;
import dev.ssprkit.wix.BuildResult;
import dev.ssprkit.wix.TestBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File/@Assembly: the MsiAssembly and MsiAssemblyName rows the SDK's pages of those tables describe. A .NET
 * assembly's strong-name parts come from its metadata (here a {@link TinyClrAssembly} laid out per ECMA-335; the
 * token is computed below by the specification's rule, II.6.2.1.3: the last 8 bytes of the SHA-1 of the public key,
 * reversed); a Win32 assembly's from its manifest's assemblyIdentity. WiX's own fixtures (AssemblyFixture,
 * MsiQueryFixture) give the same shape: .NET rows with an empty Attributes, Win32 rows with 1 and the manifest file.
 */
class AssemblyTablesTest {
    @TempDir Path dir;

    private static final String SOURCE = """
            <Wix xmlns="http://wixtoolset.org/schemas/v4/wxs">
              <Package Name="asm" Version="1.0.0" Manufacturer="ssprkit tests" UpgradeCode="{0B1C2D3E-4F50-4617-8293-A4B5C6D7E8F0}">
                <StandardDirectory Id="ProgramFilesFolder"><Directory Id="INSTALLFOLDER" Name="asm" /></StandardDirectory>
                <Feature Id="Main">
                  %s
                </Feature>
              </Package>
            </Wix>
            """;

    private Map<String, String> names(Path msi, String component) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var db = MsiReader.read(msi)) {
            for (var r : db.table("MsiAssemblyName").rows()) if (component.equals(r.get("Component_"))) out.put((String) r.get("Name"), (String) r.get("Value"));
        }
        return out;
    }

    @Test
    void aDotNetAssemblysStrongNameComesFromItsMetadata() throws Exception {
        byte[] key = new byte[160];
        for (int i = 0; i < key.length; i++) key[i] = (byte) (i * 7 + 3);
        Files.write(dir.resolve("Tiny.dll"), TinyClrAssembly.image("Tiny.Library", new int[] {2, 1, 0, 7}, "", key, "v4.0.30319", 0x14C, 0x1));
        Files.write(dir.resolve("Old.dll"), TinyClrAssembly.image("Old", new int[] {1, 0, 3300, 0}, "de-DE", key, "v1.1.4322", 0x14C, 0x1 | 0x2));
        Path msi = dir.resolve("net.msi");
        BuildResult r = TestBuild.build(dir, SOURCE.formatted("""
                <Component Id="Tiny" Directory="INSTALLFOLDER"><File Source="Tiny.dll" Assembly=".net" /></Component>
                <Component Id="Old" Directory="INSTALLFOLDER"><File Source="Old.dll" Assembly=".net" /></Component>"""), msi);
        assertTrue(r.success(), r.diagnostics().toString());
        byte[] sha = MessageDigest.getInstance("SHA-1").digest(key);
        byte[] token = new byte[8];
        for (int i = 0; i < 8; i++) token[i] = sha[19 - i];
        String expectedToken = HexFormat.of().withUpperCase().formatHex(token);
        assertEquals(Map.of("name", "Tiny.Library", "version", "2.1.0.7", "culture", "neutral", "publicKeyToken", expectedToken,
                "processorArchitecture", "MSIL"), names(msi, "Tiny"), "IL-only, no 32-bit requirement: MSIL");
        assertEquals(Map.of("name", "Old", "version", "1.0.3300.0", "culture", "de-DE", "publicKeyToken", expectedToken),
                names(msi, "Old"), ".NET 1.x names carry no processorArchitecture");
        try (var db = MsiReader.read(msi)) {
            var row = db.table("MsiAssembly").find("Tiny");
            assertEquals("Main", row.string("Feature_"));
            assertNull(row.get("File_Manifest"));
            assertNull(row.get("Attributes"), "a .NET assembly: WiX leaves Attributes empty (0)");
        }
    }

    @Test
    void aWin32AssemblysNameComesFromItsManifest() throws Exception {
        Files.writeString(dir.resolve("lib.dll"), "not read: the manifest names the assembly");
        Files.writeString(dir.resolve("lib.manifest"), """
                <?xml version="1.0" encoding="utf-8"?>
                <assembly manifestVersion="1.0" xmlns="urn:schemas-microsoft-com:asm.v1">
                  <assemblyIdentity type="win32" name="Contoso.Lib" version="3.2.1.0" processorArchitecture="x86" publicKeyToken="0123456789abcdef" />
                </assembly>""");
        Path msi = dir.resolve("w32.msi");
        BuildResult r = TestBuild.build(dir, SOURCE.formatted("""
                <Component Id="Lib" Directory="INSTALLFOLDER">
                  <File Id="lib.dll" Source="lib.dll" Assembly="win32" AssemblyManifest="lib.manifest" />
                  <File Id="lib.manifest" Source="lib.manifest" />
                </Component>"""), msi);
        assertTrue(r.success(), r.diagnostics().toString());
        assertEquals(Map.of("type", "win32", "name", "Contoso.Lib", "version", "3.2.1.0", "processorArchitecture", "x86",
                "publicKeyToken", "0123456789abcdef"), names(msi, "Lib"));
        try (var db = MsiReader.read(msi)) {
            var row = db.table("MsiAssembly").find("Lib");
            assertEquals("lib.manifest", row.string("File_Manifest"));
            assertEquals(1, ((Number) row.get("Attributes")).intValue());
        }
    }

    @Test
    void aFileThatIsNoAssemblyIsALocatedErrorAndNothingIsWritten() throws Exception {
        Files.writeString(dir.resolve("plain.dll"), "MZ but nothing more");
        Path msi = dir.resolve("bad.msi");
        BuildResult r = TestBuild.build(dir, SOURCE.formatted("""
                <Component Id="Plain" Directory="INSTALLFOLDER"><File Source="plain.dll" Assembly=".net" /></Component>"""), msi);
        assertFalse(r.success());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.id().equals("WIX0251") && d.line() == 5 && d.text().contains("plain.dll")), r.diagnostics().toString());
        assertFalse(Files.exists(msi));

        BuildResult noManifest = TestBuild.build(dir, SOURCE.formatted("""
                <Component Id="NoManifest" Directory="INSTALLFOLDER"><File Source="plain.dll" Assembly="win32" /></Component>"""), msi);
        assertFalse(noManifest.success());
        assertTrue(noManifest.diagnostics().stream().anyMatch(d -> d.id().equals("WIX0102") && d.line() == 5 && d.text().contains("AssemblyManifest")),
                noManifest.diagnostics().toString());
        assertFalse(Files.exists(msi));
    }

    /** Every truncation and a sweep of single-byte changes of a valid image: the reader answers or says no, never throws. */
    @Test
    void aDamagedAssemblyIsNeverReadPastItsEnd() throws Exception {
        byte[] good = TinyClrAssembly.image("Tiny", new int[] {1, 2, 3, 4}, "", new byte[] {1, 2, 3}, "v4.0.30319", 0x14C, 1);
        Path f = dir.resolve("d.dll");
        for (int cut = 0; cut < good.length; cut += 7) {
            Files.write(f, java.util.Arrays.copyOf(good, cut));
            ClrAssemblyReader.read(f); // empty or a value; no exception escapes
        }
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] bad = good.clone();
            bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            Files.write(f, bad);
            ClrAssemblyReader.read(f);
        }
        Files.write(f, good);
        assertEquals("1.2.3.4", ClrAssemblyReader.read(f).orElseThrow().version());
    }
}
