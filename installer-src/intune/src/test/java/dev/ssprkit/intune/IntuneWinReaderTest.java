package dev.ssprkit.intune;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/** Our reader: a package we wrote unpacks byte-identical; tampered, malformed or hostile packages are refused, leaving nothing. */
class IntuneWinReaderTest {
    @TempDir Path dir;

    @Test
    void whatWeWriteUnpacksByteIdentical() throws Exception {
        Path msi = IntuneWinInteropTest.sampleMsi(dir);
        Path pkg = dir.resolve("p.intunewin");
        IntuneWinWriter.Result w = IntuneWinWriter.pack(msi, dir.resolve("src"), pkg, IntuneWinWriter.Options.defaults());
        assertEquals(2, w.files());
        try (IntuneWinReader r = IntuneWinReader.open(pkg)) {
            assertEquals(w.info().encryptionInfo(), r.info().encryptionInfo(), "Detection.xml reads back to what was written");
            assertEquals(w.encryptedSize(), r.encryptedSize());
            List<String> files = r.unpackTo(dir.resolve("out"));
            assertEquals(List.of("SsprWindowsLogon.PROD.msi", "docs/readme.txt"), files);
        }
        assertArrayEquals(Files.readAllBytes(msi), Files.readAllBytes(dir.resolve("out/SsprWindowsLogon.PROD.msi")));
        assertEquals(List.of("out", "p.intunewin", "src"), Files.list(dir).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("payload")).sorted().toList(),
                "no temporary files left beside the output");
    }

    @Test
    void aSetupFileAloneIsPackedWithoutItsNeighbours() throws Exception {
        Path msi = IntuneWinInteropTest.sampleMsi(dir);
        Path pkg = dir.resolve("alone.intunewin");
        IntuneWinWriter.pack(msi, null, pkg, IntuneWinWriter.Options.defaults());
        try (IntuneWinReader r = IntuneWinReader.open(pkg)) {
            assertEquals(List.of("SsprWindowsLogon.PROD.msi"), r.unpackTo(dir.resolve("o")));
        }
    }

    @Test
    void packingRefusesAnOutputInsideTheSourceAndASetupOutsideIt() throws Exception {
        Path msi = IntuneWinInteropTest.sampleMsi(dir);
        assertThrows(IllegalArgumentException.class, () -> IntuneWinWriter.pack(msi, dir.resolve("src"), dir.resolve("src/x.intunewin"), IntuneWinWriter.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> IntuneWinWriter.pack(msi, Files.createDirectories(dir.resolve("other")), dir.resolve("x.intunewin"),
                IntuneWinWriter.Options.defaults()));
        assertFalse(Files.exists(dir.resolve("src/x.intunewin")));
        assertFalse(Files.exists(dir.resolve("x.intunewin")));
    }

    static byte[] innerZip() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("setup.exe", "MZ fake setup".getBytes(StandardCharsets.US_ASCII));
        return Crafted.zip(m);
    }

    /** Unpacking is refused with a message containing {@code expected}; no output folder, no temporary file. */
    void refused(Path pkg, String expected) throws Exception {
        IntuneWinException e = assertThrows(IntuneWinException.class, () -> {
            try (IntuneWinReader r = IntuneWinReader.open(pkg)) {
                r.unpackTo(dir.resolve("out"));
            }
        });
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(pkg.getFileName().toString()), "names the file: " + e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "no output folder");
        try (var s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "no temporary files");
        }
    }

    @Test
    void aWrongHmacIsRefusedBeforeAnythingIsDecrypted() throws Exception {
        // one ciphertext bit flipped by someone who recomputed the zip CRC (Crafted writes a fresh archive)
        UnaryOperator<byte[]> flip = b -> {
            b[b.length - 20] ^= 1;
            return b;
        };
        refused(Crafted.intunewin(dir.resolve("flipped.intunewin"), innerZip(), x -> x, flip), "fails its HMAC-SHA256 check");
        // Detection.xml's Mac replaced (a valid base64 of 32 other bytes)
        refused(Crafted.intunewin(dir.resolve("mac.intunewin"), innerZip(),
                x -> x.replaceAll("<Mac>[^<]*</Mac>", "<Mac>" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "</Mac>"), b -> b),
                "fails its HMAC-SHA256 check");
    }

    @Test
    void malformedPackagesAreRefusedWithTheirPart() throws Exception {
        refused(Crafted.intunewin(dir.resolve("profile.intunewin"), innerZip(), x -> x.replace("ProfileVersion1", "ProfileVersion9"), b -> b),
                "ProfileIdentifier is 'ProfileVersion9'");
        refused(Crafted.intunewin(dir.resolve("key.intunewin"), innerZip(), x -> x.replaceAll("<EncryptionKey>[^<]*</EncryptionKey>", "<EncryptionKey>AAAA</EncryptionKey>"), b -> b),
                "<EncryptionKey> holds 3 bytes; 32 expected");
        refused(Crafted.intunewin(dir.resolve("xxe.intunewin"), innerZip(),
                x -> "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + x.replace("<Name>setup.exe", "<Name>&e;"), b -> b), "is not well-formed XML");
        refused(Crafted.intunewin(dir.resolve("short.intunewin"), innerZip(), x -> x, b -> java.util.Arrays.copyOf(b, b.length - 7)),
                "48 + a multiple of 16");
        Path truncated = Crafted.intunewin(dir.resolve("whole.intunewin"), innerZip(), x -> x, b -> b);
        byte[] all = Files.readAllBytes(truncated);
        Path cut = Files.write(dir.resolve("cut.intunewin"), java.util.Arrays.copyOf(all, all.length / 2));
        Files.delete(truncated);
        refused(cut, "is not a readable zip archive");
        refused(Files.write(dir.resolve("not.intunewin"), "plain text".getBytes()), "is not a readable zip archive");
    }

    @Test
    void innerEntriesCannotEscapeTheOutputFolder() throws Exception {
        for (String evil : List.of("../evil.txt", "/etc/evil", "C:/evil.txt", "a/../../evil.txt")) {
            Map<String, byte[]> m = new LinkedHashMap<>();
            m.put("ok.txt", "ok".getBytes());
            m.put(evil, "evil".getBytes());
            Path pkg = Crafted.intunewin(dir.resolve("evil.intunewin"), Crafted.zip(m), x -> x, b -> b);
            refused(pkg, evil.startsWith("/") || evil.startsWith("C:") ? "is an absolute path" : "climbs out");
            Files.delete(pkg);
        }
        assertFalse(Files.exists(dir.resolve("evil.txt")));
        assertFalse(Files.exists(dir.getParent().resolve("evil.txt")));
    }

    @Test
    void aDecompressionBombStopsAtTheLimit() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("zeros.bin", new byte[4 << 20]);
        Path pkg = Crafted.intunewin(dir.resolve("bomb.intunewin"), Crafted.zip(m), x -> x, b -> b);
        IntuneWinException e = assertThrows(IntuneWinException.class, () -> {
            try (IntuneWinReader r = IntuneWinReader.open(pkg, new IntuneWinReader.Limits(10, 10, 1 << 20))) {
                r.unpackTo(dir.resolve("out"));
            }
        });
        assertTrue(e.getMessage().contains("extracts to more than 1048576 bytes"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
