package dev.ssprkit.cab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CabinetWriterTest {
    @TempDir
    Path tmp;

    private static CabOptions opts(Compression c, CompressionLevel l, int threads) {
        return CabOptions.builder().compression(c).level(l).threads(threads).build();
    }

    @Test
    void defaults() {
        CabOptions d = CabOptions.defaults();
        assertEquals(Compression.MSZIP, d.compression());
        assertEquals(CompressionLevel.MEDIUM, d.level());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.threads());
        assertEquals(Instant.parse("1980-01-01T00:00:00Z"), d.timestamp());
    }

    @ParameterizedTest
    @EnumSource(CompressionLevel.class)
    void threadCountDoesNotChangeTheBytes(CompressionLevel level) throws IOException {
        Map<String, Path> files = Payloads.writeFiles(tmp.resolve("src"), Map.of(
                "a.txt", Payloads.text(700_000, 7), "b.bin", Payloads.mixed(1_300_000, 8)));
        byte[] first = null;
        for (int threads : new int[] {1, 2, 4}) {
            Path out = tmp.resolve("t" + threads + ".cab");
            CabinetWriter w = new CabinetWriter(opts(Compression.MSZIP, level, threads));
            files.forEach(w::add);
            CabinetInfo info = w.write(out);
            assertEquals(62, info.blockCount()); // ceil(2_000_000 / 32768)
            byte[] bytes = Files.readAllBytes(out);
            if (first == null) {
                first = bytes;
            } else {
                assertArrayEquals(first, bytes, "threads=" + threads + " differs from threads=1");
            }
        }
    }

    @Test
    void headerFolderAndFileTableFields() throws IOException {
        Instant stamp = Instant.parse("2024-03-15T13:45:31Z");
        CabinetWriter w = new CabinetWriter(CabOptions.builder().timestamp(stamp).threads(1).build());
        w.add("a.txt", Payloads.text(40_000, 1));
        w.add("é.txt", new byte[] {1, 2, 3});
        Path out = tmp.resolve("h.cab");
        CabinetInfo info = w.write(out);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("MSCF", new String(b.array(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(b.capacity(), b.getInt(8), "cbCabinet");
        assertEquals(info.cabinetSize(), b.capacity());
        assertEquals(44, b.getInt(16), "coffFiles");
        assertEquals(3, b.get(24));
        assertEquals(1, b.get(25));
        assertEquals(1, b.getShort(26), "cFolders");
        assertEquals(2, b.getShort(28), "cFiles");
        int coffCabStart = b.getInt(36);
        assertEquals(44 + (16 + 6) + (16 + 7), coffCabStart); // "é" is two bytes in UTF-8
        assertEquals(2, b.getShort(40), "cCFData");
        assertEquals(1, b.getShort(42), "typeCompress MSZIP");
        assertEquals(40_000, b.getInt(44));
        assertEquals(0, b.getInt(48));
        assertEquals(((2024 - 1980) << 9) | (3 << 5) | 15, b.getShort(54) & 0xFFFF, "DOS date");
        assertEquals((13 << 11) | (45 << 5) | 15, b.getShort(56) & 0xFFFF, "DOS time");
        assertEquals(0x20, b.getShort(58), "attribs of an ASCII name");
        assertEquals(40_000, b.getInt(44 + 22 + 4), "uoffFolderStart of the second file");
        assertEquals(0xA0, b.getShort(44 + 22 + 14), "attribs of a UTF-8 name");
        assertEquals(32768, b.getShort(coffCabStart + 6) & 0xFFFF, "first block holds 32 KiB");
        int second = coffCabStart + 8 + (b.getShort(coffCabStart + 4) & 0xFFFF);
        assertEquals(40_003 - 32768, b.getShort(second + 6) & 0xFFFF, "the last block holds the rest");
        assertEquals('C', b.get(second + 8));
        assertEquals('K', b.get(second + 9));
        assertEquals(b.capacity(), second + 8 + (b.getShort(second + 4) & 0xFFFF));
        assertEquals(List.of(new CabinetInfo.Entry("a.txt", 40_000), new CabinetInfo.Entry("é.txt", 3)), info.entries());
        try (CabinetReader r = CabinetReader.open(out)) {
            assertEquals(java.time.LocalDateTime.of(2024, 3, 15, 13, 45, 30), r.entries().get(0).lastModified().orElseThrow());
        }
    }

    @Test
    void incompressibleBlocksAreStored() throws IOException {
        byte[] random = Payloads.random(100_000, 3);
        Path out = tmp.resolve("r.cab");
        CabinetInfo info = new CabinetWriter(opts(Compression.MSZIP, CompressionLevel.HIGH, 2)).add("r", random).write(out);
        // 4 blocks, each stored: 8-byte CFDATA header + CK + 5 bytes of stored-block header + data
        assertEquals(4, info.blockCount());
        assertEquals(44 + 16 + 2 + 4 * (8 + 7) + 100_000, info.cabinetSize());
        try (CabinetReader r = CabinetReader.open(out)) {
            assertArrayEquals(random, Payloads.readAll(r).get("r"));
        }
    }

    @Test
    void levelNoneStoresEveryBlockAndCompressionNoneCopiesThem() throws IOException {
        byte[] text = Payloads.text(70_000, 3);
        CabinetInfo stored = new CabinetWriter(opts(Compression.MSZIP, CompressionLevel.NONE, 1)).add("t", text).write(tmp.resolve("s.cab"));
        assertEquals(44 + 16 + 2 + 3 * (8 + 7) + 70_000, stored.cabinetSize());
        CabinetInfo raw = new CabinetWriter(opts(Compression.NONE, CompressionLevel.HIGH, 1)).add("t", text).write(tmp.resolve("n.cab"));
        assertEquals(44 + 16 + 2 + 3 * 8 + 70_000, raw.cabinetSize());
        CabinetInfo zipped = new CabinetWriter(opts(Compression.MSZIP, CompressionLevel.HIGH, 1)).add("t", text).write(tmp.resolve("z.cab"));
        assertTrue(zipped.cabinetSize() < 70_000 / 2, "text compresses: " + zipped.cabinetSize());
        for (String name : List.of("s.cab", "n.cab", "z.cab")) {
            try (CabinetReader r = CabinetReader.open(tmp.resolve(name))) {
                assertArrayEquals(text, Payloads.readAll(r).get("t"), name);
            }
        }
    }

    @Test
    void aCabinetWrittenIntoALargerFileAtAnOffsetIsTheSameCabinet() throws IOException {
        byte[] text = Payloads.text(5 * 32768 + 123, 3), noise = Payloads.random(40_000, 4);
        CabinetInfo alone = new CabinetWriter(opts(Compression.MSZIP, CompressionLevel.MEDIUM, 2)).add("t", text).add("n", noise)
                .write(tmp.resolve("alone.cab"));
        Path host = tmp.resolve("host.bin");
        java.nio.file.Files.write(host, new byte[1000]); // what lies before the cabinet is left alone
        CabinetInfo inside;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(host, java.nio.file.StandardOpenOption.WRITE)) {
            inside = new CabinetWriter(opts(Compression.MSZIP, CompressionLevel.MEDIUM, 2)).add("t", text).add("n", noise)
                    .writeInto(ch, 512, "in host.bin");
        }
        byte[] hostBytes = java.nio.file.Files.readAllBytes(host);
        assertEquals(alone.cabinetSize(), inside.cabinetSize());
        assertArrayEquals(java.nio.file.Files.readAllBytes(tmp.resolve("alone.cab")),
                java.util.Arrays.copyOfRange(hostBytes, 512, 512 + (int) inside.cabinetSize()));
        assertArrayEquals(new byte[512], java.util.Arrays.copyOfRange(hostBytes, 0, 512));
    }

    @Test
    void presetDictionaryBeatsIndependentBlocks() throws IOException {
        // 16 KiB of random bytes, repeated: every block after the first can copy from the previous block.
        // (zlib matches reach back at most 32768 - 262 bytes, so the period must be shorter than a block.)
        byte[] data = Payloads.repeated(8 * 32768, 16384, 5);
        CabinetInfo info = new CabinetWriter(opts(Compression.MSZIP, CompressionLevel.HIGH, 1)).add("d", data).write(tmp.resolve("d.cab"));
        assertEquals(8, info.blockCount());
        // independent blocks would need about 16.4 KiB each (131 KiB); with the history only the first does
        assertTrue(info.cabinetSize() < 16384 + 4000, "later blocks refer back into earlier ones: " + info.cabinetSize());
        try (CabinetReader r = CabinetReader.open(tmp.resolve("d.cab"))) {
            assertArrayEquals(data, Payloads.readAll(r).get("d"));
        }
    }

    @Test
    void emptyCabinetAndEmptyFiles() throws IOException {
        CabinetInfo none = new CabinetWriter(CabOptions.defaults()).write(tmp.resolve("e.cab"));
        assertEquals(0, none.blockCount());
        assertEquals(44, none.cabinetSize());
        CabinetInfo empties = new CabinetWriter(CabOptions.defaults()).add("a", new byte[0]).add("b", new byte[0]).write(tmp.resolve("f.cab"));
        assertEquals(0, empties.blockCount());
        try (CabinetReader r = CabinetReader.open(tmp.resolve("f.cab"))) {
            assertEquals(List.of("a", "b"), r.entries().stream().map(CabEntry::name).toList());
            Map<String, byte[]> all = Payloads.readAll(r);
            assertEquals(0, all.get("a").length + all.get("b").length);
        }
    }

    @Test
    void missingSourceLeavesNoOutputAndNoTemporaryFile() throws IOException {
        Path out = tmp.resolve("o.cab");
        CabinetWriter w = new CabinetWriter(CabOptions.defaults()).add("ok", new byte[10]).add("gone.txt", tmp.resolve("missing.txt"));
        CabinetException e = assertThrows(CabinetException.class, () -> w.write(out));
        assertTrue(e.getMessage().contains("gone.txt") && e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(List.of(), Payloads.listFiles(tmp));
    }

    @Test
    void sourceThatGrowsWhileReadingFailsAndKeepsThePreviousOutput() throws IOException {
        Path out = tmp.resolve("o.cab");
        Files.writeString(out, "previous");
        // procfs files report size 0 but have content: exactly "the file changed after its size was taken".
        Path proc = Path.of("/proc/self/status");
        dev.ssprkit.testkit.Tool.requireThat(Files.isReadable(proc) && Files.size(proc) == 0, "Linux procfs (" + proc + " reporting size 0)");
        CabinetWriter w = new CabinetWriter(CabOptions.defaults()).add("a", Payloads.text(100_000, 1)).add("status", proc);
        CabinetException e = assertThrows(CabinetException.class, () -> w.write(out));
        assertTrue(e.getMessage().contains("'status'") && e.getMessage().contains("grew"), e.getMessage());
        assertEquals("previous", Files.readString(out));
        assertEquals(List.of("o.cab"), Payloads.listFiles(tmp));
    }

    @Test
    void sourceThatShrinksFailsCleanly() throws IOException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Path fifoLike = src.resolve("x");
        Files.write(fifoLike, new byte[10]);
        FolderBlockSource.Source lying = new FolderBlockSource.Source() {
            public String name() { return "x"; }
            public long size() { return 50_000; }
            public java.io.InputStream open() throws IOException { return Files.newInputStream(fifoLike); }
        };
        try (FolderBlockSource s = new FolderBlockSource(List.of(lying))) {
            CabinetException e = assertThrows(CabinetException.class, s::next);
            assertTrue(e.getMessage().contains("'x' shrank"), e.getMessage());
        }
    }

    @Test
    void invalidNamesAndLimitsAreRejectedNamingTheFile() throws IOException {
        Path out = tmp.resolve("o.cab");
        assertMessage(new CabinetWriter(CabOptions.defaults()).add("", new byte[1]), out, "must not be empty");
        assertMessage(new CabinetWriter(CabOptions.defaults()).add("a\0b", new byte[1]), out, "NUL");
        assertMessage(new CabinetWriter(CabOptions.defaults()).add("x".repeat(256), new byte[1]), out, "256 bytes");
        assertMessage(new CabinetWriter(CabOptions.defaults()).add("é".repeat(128), new byte[1]), out, "256 bytes");
        assertMessage(new CabinetWriter(CabOptions.defaults()).add("bad\uD800", new byte[1]), out, "not valid Unicode");
        CabinetWriter many = new CabinetWriter(CabOptions.defaults());
        for (int i = 0; i < 65536; i++) {
            many.add("f" + i, new byte[0]);
        }
        assertMessage(many, out, "at most 65535 files");
        // 255 bytes is fine
        new CabinetWriter(CabOptions.defaults()).add("y".repeat(255), new byte[1]).write(out);
        assertTrue(Files.exists(out));
    }

    @Test
    void oversizedFileIsRejectedBeforeReading() throws IOException {
        Path sparse = tmp.resolve("huge.bin");
        try (var ch = java.nio.channels.FileChannel.open(sparse, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[1]), 0x7FFF8000L); // sparse: 0x7FFF8001 bytes
        }
        Path out = tmp.resolve("o.cab");
        assertMessage(new CabinetWriter(CabOptions.defaults()).add("huge.bin", sparse), out, "'huge.bin' is 2147450881 bytes");
        Path half = tmp.resolve("half.bin");
        try (var ch = java.nio.channels.FileChannel.open(half, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[1]), 0x50000000L);
        }
        assertMessage(new CabinetWriter(CabOptions.defaults()).add("h1", half).add("h2", half), out, "adding 'h2' makes the folder");
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CabOptions.builder().threads(0).build());
        assertThrows(IllegalArgumentException.class, () -> CabOptions.builder().timestamp(Instant.parse("1979-12-31T23:59:59Z")).build());
        assertThrows(IllegalArgumentException.class, () -> CabOptions.builder().timestamp(Instant.parse("2108-01-01T00:00:00Z")).build());
    }

    private void assertMessage(CabinetWriter w, Path out, String fragment) throws IOException {
        CabinetException e = assertThrows(CabinetException.class, () -> w.write(out));
        assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
        assertFalse(Files.exists(out));
        try (var s = Files.list(out.getParent())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left behind");
        }
    }
}
