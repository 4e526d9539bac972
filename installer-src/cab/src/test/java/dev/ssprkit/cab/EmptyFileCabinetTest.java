package dev.ssprkit.cab;

import dev.ssprkit.testkit.Tool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Older gcab (and wixl, which uses it) writes a cabinet holding one empty file as one folder declaring one CFDATA
 * block that is not there; cabextract, 7z and msiextract read it, and so do we, with a warning. The hostile variants of the
 * same cabinet (a file that needs the missing data, a folder claiming 65,535 blocks) are refused.
 */
@Tag("interop")
class EmptyFileCabinetTest {
    @TempDir
    Path dir;

    private Path gcabCabinet() throws Exception {
        Tool.require("gcab", "cabextract");
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.write(src.resolve("empty.txt"), new byte[0]);
        Path cab = dir.resolve("empty.cab");
        Tool.run(List.of("gcab", "-c", cab.toString(), "empty.txt"), src, Map.of(), 60).assertOk();
        // This gcab declares no block for an empty folder; older gcab (and so wixl) declare one and write none, which
        // is the form we test: set CFFOLDER.cCFData of folder 0 (CFHEADER is 36 bytes without reserve) to 1.
        byte[] b = Files.readAllBytes(cab);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(36 + 4, (short) 1);
        Files.write(cab, b);
        Tool.run(List.of("cabextract", "-t", cab.toString()), dir, Map.of(), 60).assertOk(); // the oracle reads it
        return cab;
    }

    @Test
    void oneEmptyFileWithoutItsDataBlockIsReadWithAWarning() throws Exception {
        Path cab = gcabCabinet();
        try (CabinetReader r = CabinetReader.open(cab)) {
            assertEquals(1, r.entries().size());
            assertEquals("empty.txt", r.entries().get(0).name());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("folder 0") && w.contains("all empty")), r.warnings().toString());
            List<Path> written = r.extractTo(dir.resolve("out"));
            assertEquals(1, written.size());
            assertEquals(0, Files.size(written.get(0)));
        }
    }

    @Test
    void aFileThatNeedsTheMissingDataIsRefused() throws Exception {
        byte[] b = Files.readAllBytes(gcabCabinet());
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int coffFiles = bb.getInt(16);
        bb.putInt(coffFiles, 100); // CFFILE.cbFile
        CabinetException e = assertThrows(CabinetException.class, () -> CabinetReader.open(b, "edited.cab"));
        assertTrue(e.getMessage().startsWith("edited.cab: ") && e.getMessage().contains("needs its data"), e.getMessage());
    }

    @Test
    void aFolderClaimingManyBlocksIsRefused() throws Exception {
        byte[] b = Files.readAllBytes(gcabCabinet());
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.putShort(36 + 4, (short) 0xFFFF); // CFFOLDER.cCFData of folder 0 (CFHEADER is 36 bytes without reserve)
        CabinetException e = assertThrows(CabinetException.class, () -> CabinetReader.open(b, "edited.cab"));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        Path out = dir.resolve("never");
        assertFalse(Files.exists(out));
    }

    /** Issue #12: a cabinet whose second file's block is corrupt leaves the target folder as it was. */
    @Test
    void extractionFailingHalfwayLeavesTheFolderAsItWas() throws Exception {
        Path cab = dir.resolve("two.cab");
        byte[] big = new byte[100_000];
        new java.util.Random(1).nextBytes(big);
        new CabinetWriter(CabOptions.defaults()).add("a.txt", "first".getBytes()).add("b.bin", big).write(cab);
        byte[] bytes = Files.readAllBytes(cab);
        bytes[bytes.length - 10] ^= 0x55; // the last block's data: its checksum no longer matches
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        try (CabinetReader r = CabinetReader.open(bytes, "two.cab")) {
            assertThrows(CabinetException.class, () -> r.extractTo(out));
        }
        List<String> left = new ArrayList<>();
        try (var s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> left.add(dir.relativize(p).toString()));
        }
        assertEquals(List.of("out/keep.txt", "two.cab"), left.stream().filter(n -> !n.startsWith("src")).sorted().toList());
    }
}
