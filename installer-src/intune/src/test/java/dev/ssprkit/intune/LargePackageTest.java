package dev.ssprkit.intune;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A package past 4 GiB (opt-in: {@code mvn -B test -Plarge -pl installer-src/intune -Dtest=LargePackageTest}; several
 * minutes and about 15 GB of disk): a 5 GiB sparse setup file stored (level 0), so the inner package, the encrypted
 * file and the outer archive all pass 4 GiB and need Zip64. {@code unzip -t} (Info-ZIP) tests the outer archive and
 * its CRCs; our reader authenticates and decrypts it; java.util.zip reads the inner package and checks the entry's
 * CRC and size. Memory is measured by {@code bench/intunewin-large.sh}, not here.
 */
@Tag("interop")
@EnabledIfSystemProperty(named = "ssprkit.large", matches = "true")
class LargePackageTest {
    static final long SIZE = 5L << 30;
    @TempDir Path dir;

    @Test
    void aFiveGigabytePackageUsesZip64AndReadsBack() throws Exception {
        Tool.require("unzip");
        Path setup = dir.resolve("src/big-setup.exe");
        Files.createDirectories(setup.getParent());
        try (RandomAccessFile f = new RandomAccessFile(setup.toFile(), "rw")) {
            f.setLength(SIZE); // sparse: no disk used, reads as zeros
        }
        Path pkg = dir.resolve("big.intunewin");
        IntuneWinWriter.Result r = IntuneWinWriter.pack(setup, null, pkg, IntuneWinWriter.Options.defaults().withDeflateLevel(0));
        assertTrue(r.encryptedSize() > 0xFFFFFFFFL, "the encrypted file passes 4 GiB: " + r.encryptedSize());
        assertTrue(Tool.run(java.util.List.of("unzip", "-tq", pkg.toString()), null, java.util.Map.of(), 1800).assertOk().stdout().contains("No errors"));

        Path inner = dir.resolve("inner.zip");
        try (IntuneWinReader reader = IntuneWinReader.open(pkg)) {
            assertEquals(r.encryptedSize(), reader.encryptedSize());
            reader.decryptTo(inner); // verifies the HMAC and the SHA-256 first
        }
        Files.delete(pkg);
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(inner))) {
            ZipEntry e = z.getNextEntry();
            assertEquals("big-setup.exe", e.getName());
            long n = 0;
            byte[] buf = new byte[1 << 20];
            for (int k; (k = z.read(buf)) > 0; ) {
                for (int i = 0; i < k; i += 4096) if (buf[i] != 0) fail("a non-zero byte at " + (n + i));
                n += k;
            }
            assertEquals(SIZE, n, "the whole 5 GiB, its CRC checked by ZipInputStream");
            assertNull(z.getNextEntry());
        }
    }

}
