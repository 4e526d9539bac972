package dev.ssprkit.builder;

import dev.ssprkit.msi.WriteOptions;
import dev.ssprkit.testkit.Tool;
import dev.ssprkit.testkit.Wine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wine's msiexec installs and removes what the Java API assembles: files byte-identical, registry values of each type. */
@Tag("interop")
class WineLifecycleTest {
    static final String UPGRADE = "{6C2B8F4E-1D3A-4B5C-9E7F-0A1B2C3D4E5F}";
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir static Path dir;



    private static Path payload(String name, byte[] content) throws Exception {
        Path p = dir.resolve("payload").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    @Test
    void x64PackageInstallsFilesAndEveryRegistryTypeAndUninstallsCleanly() throws Exception {
        byte[] text = "hello from ssprkit\r\n".repeat(500).getBytes(StandardCharsets.US_ASCII);
        byte[] random = new byte[150_000];
        new Random(7).nextBytes(random);
        Path a = payload("readme.txt", text);
        Path b = payload("data.bin", random);
        Path empty = payload("empty.cfg", new byte[0]);

        PackageBuilder pkg = PackageBuilder.product("Wine Lifecycle", "ssprkit tests", "1.0.0", UPGRADE).platform(Platform.X64);
        pkg.property("GREETING", "default");
        DirectorySpec app = pkg.programFiles().subdirectory("INSTALLDIR", "ssprkit Lifecycle");
        DirectorySpec sub = app.subdirectory("SUBDIR", "Data Files");
        ComponentSpec c1 = pkg.component("MainFiles", app);
        c1.file(a);
        c1.file(empty);
        ComponentSpec c2 = pkg.component("DataFiles", sub);
        c2.file(b, "data file.bin");
        ComponentSpec reg = pkg.component("Settings", app);
        String key = "Software\\ssprkit\\Lifecycle";
        reg.registry(RegistryRoot.HKLM, key, "Greeting", RegistryData.string("hello [GREETING]"));
        reg.registry(RegistryRoot.HKLM, key, "Count", RegistryData.integer(42));
        reg.registry(RegistryRoot.HKLM, key, "Path", RegistryData.expandable("%SystemRoot%\\ssprkit"));
        reg.registry(RegistryRoot.HKLM, key, "List", RegistryData.multiString(List.of("alpha", "beta")));
        reg.registry(RegistryRoot.HKLM, key, "Blob", RegistryData.binary(new byte[] {0x01, (byte) 0xAB, 0x7F}));
        reg.registry(RegistryRoot.HKLM, key, null, RegistryData.string("default value"));
        pkg.feature("Complete", "Everything").add(c1, c2, reg);
        Path msi = dir.resolve("lifecycle.msi");
        pkg.write(msi, new WriteOptions(Instant.parse("2026-01-01T00:00:00Z")));

        Path log = dir.resolve("install.log");
        Tool.Result install = wine.msiexec("/i", msi.toString(), "/qn", "GREETING=from the command line", "/l*v", log.toString());
        assertEquals(0, install.exitCode(), () -> "msiexec /i failed; log:\n" + readLog(log));

        Path installDir = wine.cDrive("C:\\Program Files\\ssprkit Lifecycle");
        assertArrayEquals(text, Files.readAllBytes(installDir.resolve("readme.txt")));
        assertArrayEquals(new byte[0], Files.readAllBytes(installDir.resolve("empty.cfg")));
        assertArrayEquals(random, Files.readAllBytes(installDir.resolve("Data Files").resolve("data file.bin")));

        String hk = "HKLM\\" + key;
        assertEquals("hello from the command line", wine.regValue(hk, "Greeting"));
        assertEquals("REG_SZ", wine.regType(hk, "Greeting"));
        assertEquals("0x2a", wine.regValue(hk, "Count"));
        assertEquals("REG_DWORD", wine.regType(hk, "Count"));
        assertEquals("%SystemRoot%\\ssprkit", wine.regValue(hk, "Path"));
        assertEquals("REG_EXPAND_SZ", wine.regType(hk, "Path"));
        assertEquals("alpha\\0beta", wine.regValue(hk, "List"));
        assertEquals("REG_MULTI_SZ", wine.regType(hk, "List"));
        assertEquals("01AB7F", wine.regValue(hk, "Blob"));
        assertEquals("REG_BINARY", wine.regType(hk, "Blob"));
        assertEquals("default value", wine.regValue(hk, null));

        Tool.Result uninstall = wine.msiexec("/x", msi.toString(), "/qn", "/l*v", dir.resolve("uninstall.log").toString());
        assertEquals(0, uninstall.exitCode(), () -> "msiexec /x failed; log:\n" + readLog(dir.resolve("uninstall.log")));
        assertFalse(Files.exists(installDir), "install folder left behind: " + installDir);
        assertNull(wine.regValue(hk, "Count"));
        assertFalse(wine.regKeyExists(hk), "registry key left behind: " + hk);
    }

    @Test
    void x86PackageOn64BitWindowsUsesTheWow64Views() throws Exception {
        Path a = payload("x86.txt", "32-bit payload".getBytes(StandardCharsets.US_ASCII));
        PackageBuilder pkg = PackageBuilder.product("Wine x86", "ssprkit tests", "1.0.0", "{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}")
                .platform(Platform.X86);
        DirectorySpec app = pkg.programFiles().subdirectory("INSTALLDIR", "ssprkit x86");
        ComponentSpec c = pkg.component("Main", app);
        c.file(a);
        c.registry(RegistryRoot.HKLM, "Software\\ssprkit\\X86", "Bits", RegistryData.integer(32));
        pkg.feature("Complete", "Everything").add(c);
        Path msi = dir.resolve("x86.msi");
        pkg.write(msi);

        Path log = dir.resolve("x86.log");
        assertEquals(0, wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString()).exitCode(), () -> readLog(log));
        assertTrue(Files.isRegularFile(wine.cDrive("C:\\Program Files (x86)\\ssprkit x86\\x86.txt")));
        assertEquals("0x20", wine.regValue("HKLM\\Software\\Wow6432Node\\ssprkit\\X86", "Bits"));
        assertEquals(0, wine.msiexec("/x", msi.toString(), "/qn").exitCode());
        assertFalse(Files.exists(wine.cDrive("C:\\Program Files (x86)\\ssprkit x86")));
        assertFalse(wine.regKeyExists("HKLM\\Software\\Wow6432Node\\ssprkit\\X86"));
    }

    static String readLog(Path log) {
        try {
            byte[] b = Files.readAllBytes(log);
            String s = b.length > 1 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE
                    ? new String(b, StandardCharsets.UTF_16LE) : new String(b, StandardCharsets.ISO_8859_1);
            return s.length() > 20000 ? s.substring(s.length() - 20000) : s;
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }
}
