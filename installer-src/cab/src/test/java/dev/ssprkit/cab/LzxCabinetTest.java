package dev.ssprkit.cab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LZX cabinets through CabinetWriter and CabinetReader: layout, folders, determinism, and corrupt input. */
class LzxCabinetTest {
    @TempDir
    Path tmp;

    static Map<String, byte[]> edgePayload() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty.txt", new byte[0]);
        files.put("one.bin", new byte[] {(byte) 0xE8});
        files.put("crossing.txt", Payloads.text(3 * 32768 + 17, 1)); // crosses frame boundaries, not on one
        files.put("random.bin", Payloads.random(70_000, 2));
        files.put("empty2.txt", new byte[0]);
        files.put("mixed.bin", Payloads.mixed(100_001, 3));
        return files;
    }

    private Path write(Map<String, byte[]> files, CabOptions options, String name) throws IOException {
        CabinetWriter w = new CabinetWriter(options);
        files.forEach(w::add);
        Path cab = tmp.resolve(name);
        w.write(cab);
        return cab;
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 16, 17, 18, 19, 20, 21})
    void everyWindowRoundTrips(int windowBits) throws IOException {
        Map<String, byte[]> files = edgePayload();
        Path cab = write(files, CabOptions.builder().lzx(windowBits).build(), "w.cab");
        byte[] bytes = Files.readAllBytes(cab);
        // CFFOLDER.typeCompress: 3 (LZX) with the window bits in bits 8-12 ([MS-CAB] 2.2: tcompTYPE_LZX | window << 8)
        int typeCompress = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getShort(CfHeader.SIZE + 6) & 0xFFFF;
        assertEquals(3 | windowBits << 8, typeCompress);
        try (CabinetReader r = CabinetReader.open(cab)) {
            Map<String, byte[]> back = Payloads.readAll(r);
            assertEquals(files.keySet(), back.keySet());
            files.forEach((k, v) -> assertArrayEquals(v, back.get(k), k));
        }
    }

    @Test
    void largePayloadsAreCutIntoFoldersTheSameForAnyThreadCount() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 24; i++) files.put("f" + i + ".txt", Payloads.text(1_000_000, i)); // 24 MB: 3 folders at 8 MiB
        Path one = write(files, CabOptions.builder().lzx(16).threads(1).build(), "one.cab");
        Path four = write(files, CabOptions.builder().lzx(16).threads(4).build(), "four.cab");
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four), "same bytes for 1 and 4 threads");
        try (CabinetReader r = CabinetReader.open(four)) {
            List<Integer> folders = r.entries().stream().map(CabEntry::folderIndex).distinct().toList();
            assertEquals(List.of(0, 1, 2), folders);
            Map<String, byte[]> back = Payloads.readAll(r);
            files.forEach((k, v) -> assertArrayEquals(v, back.get(k), k));
        }
    }

    @Test
    void aFolderOf65535Files() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < CabFormat.MAX_FILES; i++) files.put("d" + (i / 1000) + "\\" + i, ("file " + i + "\n").getBytes());
        Path cab = write(files, CabOptions.builder().lzx(21).build(), "many.cab");
        try (CabinetReader r = CabinetReader.open(cab)) {
            assertEquals(CabFormat.MAX_FILES, r.entries().size());
            assertTrue(r.entries().stream().allMatch(e -> e.folderIndex() == 0), "under 8 MiB: one folder");
            int[] n = {0};
            r.extract((e, in) -> assertArrayEquals(files.get(e.name()), in.readAllBytes(), e.name() + " #" + n[0]++));
            assertEquals(CabFormat.MAX_FILES, n[0]);
        }
    }

    @Test
    void corruptLzxDataNamesTheBlock() throws IOException {
        Map<String, byte[]> files = Map.of("a.txt", Payloads.text(200_000, 4));
        byte[] cab = Files.readAllBytes(write(files, CabOptions.builder().lzx(16).build(), "c.cab"));
        int coffCabStart = ByteBuffer.wrap(cab).order(ByteOrder.LITTLE_ENDIAN).getInt(CfHeader.SIZE);
        // block 2: skip two records, then zero its checksum (0 = not checked) and scramble its data
        int p = coffCabStart;
        for (int i = 0; i < 2; i++) p += CfData.SIZE + (ByteBuffer.wrap(cab).order(ByteOrder.LITTLE_ENDIAN).getShort(p + 4) & 0xFFFF);
        int cbData = ByteBuffer.wrap(cab).order(ByteOrder.LITTLE_ENDIAN).getShort(p + 4) & 0xFFFF;
        ByteBuffer.wrap(cab).order(ByteOrder.LITTLE_ENDIAN).putInt(p, 0);
        for (int i = 0; i < cbData; i += 3) cab[p + CfData.SIZE + i] ^= (byte) (0x5A + i);
        CabinetException e = assertThrows(CabinetException.class, () -> {
            try (CabinetReader r = CabinetReader.open(cab, "setup.cab")) {
                r.extract((entry, in) -> in.transferTo(java.io.OutputStream.nullOutputStream()));
            }
        });
        assertTrue(e.getMessage().startsWith("setup.cab"), e.getMessage());
        assertTrue(e.getMessage().contains("folder 0, CFDATA block 2"), e.getMessage());
        assertTrue(e.getMessage().contains("LZX"), e.getMessage());
    }

    @Test
    void corruptLzxExtractsNothingAfterTheError() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("first.txt", Payloads.text(10_000, 5));
        files.put("second.txt", Payloads.text(200_000, 6));
        byte[] cab = Files.readAllBytes(write(files, CabOptions.builder().lzx(15).build(), "d.cab"));
        int coffCabStart = ByteBuffer.wrap(cab).order(ByteOrder.LITTLE_ENDIAN).getInt(CfHeader.SIZE);
        int cbData = ByteBuffer.wrap(cab).order(ByteOrder.LITTLE_ENDIAN).getShort(coffCabStart + 4) & 0xFFFF;
        cab = java.util.Arrays.copyOf(cab, coffCabStart + CfData.SIZE + cbData / 2); // truncated in block 0
        ByteBuffer.wrap(cab).order(ByteOrder.LITTLE_ENDIAN).putInt(8, cab.length); // cbCabinet
        byte[] truncated = cab;
        assertThrows(CabinetException.class, () -> {
            try (CabinetReader r = CabinetReader.open(truncated, "t.cab")) {
                r.extract((entry, in) -> in.transferTo(java.io.OutputStream.nullOutputStream()));
            }
        });
    }

    @Test
    void windowOutsideTheFormatIsRefused() throws IOException {
        byte[] cab = Files.readAllBytes(write(Map.of("a", new byte[] {1, 2, 3}), CabOptions.builder().lzx(15).build(), "w.cab"));
        ByteBuffer.wrap(cab).order(ByteOrder.LITTLE_ENDIAN).putShort(CfHeader.SIZE + 6, (short) (3 | 22 << 8));
        CabinetException e = assertThrows(CabinetException.class, () -> {
            try (CabinetReader r = CabinetReader.open(cab, "w.cab")) {
                r.extract((entry, in) -> in.readAllBytes());
            }
        });
        assertTrue(e.getMessage().contains("2^22"), e.getMessage());
    }

    @Test
    void wixLevelsMapAsWixDoes() {
        // dutil cabcutil.cpp: low = tcompLZX_WINDOW_LO (15), medium = LZX:18, high = tcompLZX_WINDOW_HI (21)
        assertEquals(3 | 15 << 8, WixCompressionLevel.parse("low").orElseThrow().applyTo(CabOptions.builder()).build().typeCompress());
        assertEquals(3 | 18 << 8, WixCompressionLevel.parse("medium").orElseThrow().applyTo(CabOptions.builder()).build().typeCompress());
        assertEquals(3 | 21 << 8, WixCompressionLevel.parse("high").orElseThrow().applyTo(CabOptions.builder()).build().typeCompress());
        assertEquals(1, WixCompressionLevel.parse("mszip").orElseThrow().applyTo(CabOptions.builder()).build().typeCompress());
        assertEquals(0, WixCompressionLevel.parse("none").orElseThrow().applyTo(CabOptions.builder()).build().typeCompress());
        assertFalse(WixCompressionLevel.parse("High").isPresent(), "WiX's attribute values are case-sensitive");
        assertEquals(WixCompressionLevel.MSZIP, WixCompressionLevel.defaultFor(3));
        assertEquals(WixCompressionLevel.MEDIUM, WixCompressionLevel.defaultFor(4));
    }
}
