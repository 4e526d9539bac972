package dev.ssprkit.builder;

import dev.ssprkit.cab.CabOptions;
import dev.ssprkit.cab.WixCompressionLevel;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An MSI whose embedded cabinet is LZX (WiX's "low", LZX:15, and two folders): msiextract (libgcab's LZX decoder)
 * extracts every file byte-identical, and Wine's msiexec (Wine's own cabinet.dll decoder) installs every file
 * byte-identical and removes them all again.
 */
@Tag("interop")
class LzxPackageTest {
    @RegisterExtension static final Wine wine = Wine.perClass();
    @TempDir static Path dir;

    @Test
    void lzxPackageExtractsInstallsAndUninstalls() throws Exception {
        Tool.require("msiextract", "msiinfo");
        Random r = new Random(21);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty.txt", new byte[0]);
        files.put("one.bin", new byte[] {(byte) 0xE8});
        StringBuilder sb = new StringBuilder();
        String[] words = {"lzx", "cabinet", "window", "folder", "frame", "install", "windows", "ssprkit"};
        while (sb.length() < 9_500_000) sb.append(words[r.nextInt(words.length)]).append(r.nextInt(10) == 0 ? "\r\n" : " ");
        files.put("big.txt", sb.toString().getBytes(StandardCharsets.US_ASCII)); // > 8 MiB: the next file opens folder 2
        byte[] random = new byte[100_003];
        r.nextBytes(random);
        files.put("random.bin", random);
        byte[] code = new byte[70_000];
        for (int i = 0; i + 5 <= code.length; i += 5) {
            code[i] = (byte) 0xE8;
            int rel = r.nextInt(50_000) - i;
            for (int k = 0; k < 4; k++) code[i + 1 + k] = (byte) (rel >>> (8 * k));
        }
        files.put("code.dll", code);

        PackageBuilder pkg = PackageBuilder.product("LZX Package", "ssprkit tests", "1.0.0", "{3D6E2A1B-7C4F-4E8A-9B0D-1F2E3A4B5C6D}")
                .platform(Platform.X64);
        pkg.cabinetOptions(WixCompressionLevel.LOW.applyTo(CabOptions.builder()).build());
        DirectorySpec app = pkg.programFiles().subdirectory("INSTALLDIR", "ssprkit LZX");
        ComponentSpec c = pkg.component("Main", app);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = dir.resolve("payload").resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
            c.file(p);
        }
        pkg.feature("Complete", "Everything").add(c);
        Path msi = dir.resolve("lzx.msi");
        pkg.write(msi, new WriteOptions(Instant.parse("2026-01-01T00:00:00Z")));

        // the embedded cabinet really is LZX:15 with two folders (CFHEADER.cFolders at 26, CFFOLDER.typeCompress at 42)
        Path cab = dir.resolve("embedded.cab");
        Tool.run("sh", "-c", "msiinfo extract \"$0\" \"$1\" > \"$2\"", msi.toString(), "product.cab", cab.toString()).assertOk();
        byte[] head = Files.readAllBytes(cab);
        assertEquals(2, (head[26] & 0xFF) | (head[27] & 0xFF) << 8, "cFolders");
        assertEquals(3 | 15 << 8, (head[42] & 0xFF) | (head[43] & 0xFF) << 8, "typeCompress of folder 0");

        Path out = dir.resolve("msiextract");
        Tool.run("msiextract", "-C", out.toString(), msi.toString()).assertOk();
        String listing;
        try (var s = Files.walk(out)) {
            listing = s.map(p -> out.relativize(p) + " " + p.toFile().length()).toList().toString();
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path got = out.resolve("ssprkit LZX").resolve(e.getKey()); // msiextract lays ProgramFiles64Folder out as the root
            assertTrue(Files.isRegularFile(got), "msiextract wrote no " + got + ": " + listing);
            assertArrayEquals(e.getValue(), Files.readAllBytes(got), e.getKey());
        }

        Path log = dir.resolve("install.log");
        Tool.Result install = wine.msiexec("/i", msi.toString(), "/qn", "/l*v", log.toString());
        assertEquals(0, install.exitCode(), () -> "msiexec /i failed; log:\n" + WineLifecycleTest.readLog(log));
        Path installDir = wine.cDrive("C:\\Program Files\\ssprkit LZX");
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(installDir.resolve(e.getKey())), "installed " + e.getKey());
        }
        Tool.Result uninstall = wine.msiexec("/x", msi.toString(), "/qn");
        assertEquals(0, uninstall.exitCode());
        assertFalse(Files.exists(installDir), "install folder left behind: " + installDir);
        assertTrue(Files.isDirectory(wine.cDrive("C:\\Program Files")));
    }
}
