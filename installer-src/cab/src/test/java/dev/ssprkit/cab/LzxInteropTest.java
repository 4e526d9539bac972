package dev.ssprkit.cab;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our LZX cabinets judged by three decoders we did not write: libmspack (cabextract), 7-Zip's (7z, Debian p7zip-full)
 * and libgcab's (gcab). Each must test them clean and extract files byte-identical to the sources, for every window,
 * for empty, one-byte and frame-crossing files, several folders, and a folder of 65,535 files.
 */
@Tag("interop")
class LzxInteropTest {
    @TempDir
    Path tmp;

    private Path write(Map<String, byte[]> files, CabOptions options) throws IOException {
        CabinetWriter w = new CabinetWriter(options);
        files.forEach(w::add);
        Path cab = tmp.resolve("ours.cab");
        w.write(cab);
        return cab;
    }

    private void judge(Map<String, byte[]> files, Path cab, boolean extract) throws IOException {
        Tool.Result test = Tool.run("cabextract", "-t", cab.toString()).assertOk();
        long ok = test.stdout().lines().filter(l -> l.matches("  .+  OK +[0-9a-f]{32}")).count();
        assertEquals(files.size(), ok, test.stdout());
        assertTrue(test.stdout().contains("All done, no errors."), test.stdout());
        Tool.Result seven = Tool.run("7z", "t", cab.toString()).assertOk();
        assertTrue(seven.stdout().contains("Everything is Ok"), seven.stdout());
        if (!extract) {
            return;
        }
        Path byCabextract = tmp.resolve("cabextract");
        Tool.run("cabextract", "-q", "-d", byCabextract.toString(), cab.toString()).assertOk();
        assertSame(files, byCabextract);
        Path by7z = tmp.resolve("7z");
        Tool.run("7z", "x", "-o" + by7z, cab.toString()).assertOk();
        assertSame(files, by7z);
        Path byGcab = Files.createDirectories(tmp.resolve("gcab"));
        Tool.run("gcab", "-x", "-C", byGcab.toString(), cab.toString()).assertOk();
        assertSame(files, byGcab);
    }

    private static void assertSame(Map<String, byte[]> files, Path dir) throws IOException {
        assertEquals(files.keySet().stream().sorted().toList(), Payloads.listFiles(dir));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            assertEquals(Payloads.sha256(e.getValue()), Payloads.sha256(dir.resolve(e.getKey())), dir + ": " + e.getKey());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 16, 17, 18, 19, 20, 21})
    void everyWindowIsReadByThreeDecoders(int windowBits) throws IOException {
        Tool.require("cabextract", "7z", "gcab");
        Map<String, byte[]> files = LzxCabinetTest.edgePayload();
        files.put("code.bin", x86Like(300_000)); // E8 translation at work
        judge(files, write(files, CabOptions.builder().lzx(windowBits).build()), true);
    }

    @Test
    void severalFoldersAreReadByThreeDecoders() throws IOException {
        Tool.require("cabextract", "7z", "gcab");
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) files.put("part" + i + ".txt", Payloads.mixed(1_000_000, 40 + i)); // 20 MB: 3 folders
        judge(files, write(files, CabOptions.builder().lzx(21).level(CompressionLevel.HIGH).build()), true);
    }

    @Test
    void aFolderOf65535FilesIsTestedClean() throws IOException {
        Tool.require("cabextract", "7z");
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < CabFormat.MAX_FILES; i++) files.put("f" + i, ("content of " + i + "\n").repeat(1 + i % 5).getBytes());
        judge(files, write(files, CabOptions.builder().lzx(18).build()), false);
    }

    private static final byte[] CODE_BYTES = {0x55, (byte) 0x8B, (byte) 0xEC, (byte) 0x83, (byte) 0xC4, 0x50, 0x6A, 0x00};

    /** Bytes that look like x86 code: CALL rel32 to a few hundred targets among other instructions. */
    static byte[] x86Like(int size) {
        java.util.Random r = new java.util.Random(7);
        int[] targets = new int[300];
        for (int i = 0; i < targets.length; i++) targets[i] = r.nextInt(size);
        byte[] b = new byte[size];
        for (int i = 0; i < size; ) {
            if (r.nextInt(5) == 0 && i + 5 <= size) {
                b[i] = (byte) 0xE8;
                int rel = targets[r.nextInt(targets.length)] - (i + 5);
                for (int k = 0; k < 4; k++) b[i + 1 + k] = (byte) (rel >>> (8 * k));
                i += 5;
            } else {
                b[i++] = (byte) CODE_BYTES[r.nextInt(CODE_BYTES.length)];
            }
        }
        return b;
    }
}
