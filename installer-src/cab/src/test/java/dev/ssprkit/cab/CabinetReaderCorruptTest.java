package dev.ssprkit.cab;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Corrupt and hostile cabinets: each must fail with one CabinetException naming the cabinet and the fault. */
class CabinetReaderCorruptTest {
    private static final String LABEL = "evil.cab";
    /** Our writer's MSZIP cabinet: a.txt (70000 text), b.bin (40000 random), c.txt (14): 4 blocks. */
    private static byte[] good;
    private static int coffCabStart;

    @BeforeAll
    static void buildGoodCabinet(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("good.cab");
        new CabinetWriter(CabOptions.builder().threads(1).build())
                .add("a.txt", Payloads.text(70_000, 1)).add("b.bin", Payloads.random(40_000, 2))
                .add("c.txt", "Hello, world!\n".getBytes()).write(out);
        good = Files.readAllBytes(out);
        coffCabStart = le(good).getInt(36);
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] copy() {
        return good.clone();
    }

    private static byte[] put32(byte[] b, int at, long v) {
        le(b).putInt(at, (int) v);
        return b;
    }

    private static byte[] put16(byte[] b, int at, int v) {
        le(b).putShort(at, (short) v);
        return b;
    }

    /**
     * Opens, lists and extracts everything; must throw CabinetException mentioning the label and each fragment. Run
     * on the calling thread alone and with blocks decoded ahead on a pool: both must deliver the same files before
     * failing the same way.
     */
    private static CabinetException assertCorrupt(byte[] cab, String... fragments) {
        List<String> sequential = new ArrayList<>(), parallel = new ArrayList<>();
        CabinetException e = corrupt(cab, 1, sequential, fragments);
        CabinetException p = corrupt(cab, 4, parallel, fragments);
        assertEquals(e.getMessage(), p.getMessage(), "decoding ahead on a pool must fail the same way");
        assertEquals(sequential, parallel, "decoding ahead on a pool must deliver the same files before failing");
        return e;
    }

    private static CabinetException corrupt(byte[] cab, int threads, List<String> delivered, String... fragments) {
        CabinetException e = assertThrows(CabinetException.class, () -> {
            try (CabinetReader r = CabinetReader.open(cab, LABEL)) {
                r.entries();
                r.threads(threads).extract((entry, in) -> {
                    long n = in.transferTo(ByteArrayOutputStream.nullOutputStream());
                    delivered.add(entry.name() + " " + n);
                });
            }
        });
        assertTrue(e.getMessage().startsWith(LABEL + ": "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "expected '" + f + "' in: " + e.getMessage());
        }
        return e;
    }

    private static int blockOffset(int index) {
        int p = coffCabStart;
        for (int i = 0; i < index; i++) {
            p += 8 + (le(good).getShort(p + 4) & 0xFFFF);
        }
        return p;
    }

    @Test
    void theBaselineIsGood() throws IOException {
        try (CabinetReader r = CabinetReader.open(good, LABEL)) {
            assertTrue(Payloads.readAll(r).size() == 3);
        }
    }

    @Test
    void emptyAndTinyInput() {
        assertCorrupt(new byte[0], "too small", "0 bytes");
        assertCorrupt(Arrays.copyOf(good, 20), "too small");
    }

    @Test
    void everyTruncationFails() {
        for (int len = 0; len < good.length; len += (len < 400 ? 1 : 97)) {
            int cut = len;
            CabinetException e = assertThrows(CabinetException.class, () -> {
                try (CabinetReader r = CabinetReader.open(Arrays.copyOf(good, cut), LABEL)) {
                    r.extract((entry, in) -> in.transferTo(ByteArrayOutputStream.nullOutputStream()));
                }
            }, "truncated to " + cut);
            assertTrue(e.getMessage().contains("too small") || e.getMessage().contains("truncated"), e.getMessage());
        }
        assertCorrupt(Arrays.copyOf(good, good.length - 1), "truncated: cbCabinet says " + good.length);
    }

    @Test
    void badSignature() {
        byte[] b = copy();
        b[0] = 'P';
        b[1] = 'K';
        assertCorrupt(b, "bad signature", "MSCF");
    }

    @Test
    void unsupportedVersion() {
        byte[] b = copy();
        b[25] = 2;
        assertCorrupt(b, "version 2.3");
    }

    @Test
    void cbCabinetLies() {
        assertCorrupt(put32(copy(), 8, good.length + 100L), "cbCabinet says " + (good.length + 100));
        assertCorrupt(put32(copy(), 8, 10), "cbCabinet = 10", "smaller than CFHEADER");
        // smaller than the data: the blocks then lie past the (claimed) end
        assertCorrupt(put32(copy(), 8, coffCabStart + 40L), "CFDATA block 0", "lies past the end");
        assertCorrupt(put32(copy(), 8, 0xFFFFFFFFL), "cbCabinet says 4294967295");
    }

    @Test
    void coffFilesLies() {
        assertCorrupt(put32(copy(), 16, 0xFFFFFF00L), "coffFiles = 4294967040");
        assertCorrupt(put32(copy(), 16, 3), "coffFiles = 3");
    }

    @Test
    void coffCabStartAndCCFDataLie() {
        assertCorrupt(put32(copy(), 36, good.length + 5L), "folder 0: coffCabStart");
        assertCorrupt(put16(copy(), 40, 0xFFFF), "cCFData = 65535", "does not fit");
        // coffCabStart into the file table: the "block" found there is garbage
        CabinetException e = assertCorrupt(put32(copy(), 36, 44), "folder 0, CFDATA block 0");
        assertTrue(e.getMessage().contains("cbUncomp") || e.getMessage().contains("checksum") || e.getMessage().contains("past the end"));
    }

    @Test
    void countsTooLargeForTheFile() {
        assertCorrupt(put16(copy(), 28, 0xFFFF), "cFiles = 65535", "does not fit");
        assertCorrupt(put16(copy(), 26, 0xFFFF), "cFolders = 65535", "do not fit");
        assertCorrupt(put16(copy(), 26, 0), "cFiles = 3 but cFolders = 0");
    }

    @Test
    void nameWithoutNul() throws IOException {
        byte[] cab = new RawCab().folder(0, RawCab.stored(new byte[] {1})).file("n".repeat(255), 1, 0, 0).build();
        cab[44 + 16 + 255] = 'x'; // the NUL
        assertCorrupt(cab, "CFFILE 0", "no NUL terminator");
    }

    @Test
    void emptyNameAndBadUtf8Name() {
        byte[] b = copy();
        b[44 + 16] = 0;
        assertCorrupt(b, "CFFILE 0", "empty name");
        byte[] u = copy();
        put16(u, 44 + 14, 0xA0);
        u[44 + 16] = (byte) 0xC3; // a lead byte followed by 't'
        assertCorrupt(u, "CFFILE 0", "not valid UTF-8");
    }

    @Test
    void badFolderIndexAndSpanning() {
        assertCorrupt(put16(copy(), 44 + 8, 5), "file 'a.txt'", "names folder 5");
        // continued files need the header's set names (sets themselves are read: SpanningCabinetTest)
        assertCorrupt(put16(copy(), 44 + 8, 0xFFFD), "file 'a.txt'", "names no previous cabinet");
        assertCorrupt(put16(copy(), 44 + 8, 0xFFFE), "file 'a.txt'", "names no next cabinet");
        // set flags on a cabinet that has no set names: what follows the header is misread, and refused cleanly
        assertCorrupt(put16(copy(), 30, CfHeader.FLAG_NEXT_CABINET), "evil.cab");
        assertCorrupt(put16(copy(), 30, CfHeader.FLAG_PREV_CABINET), "evil.cab");
    }

    @Test
    void badChecksumNamesTheBlock() {
        byte[] b = copy();
        b[blockOffset(0) + 20] ^= 0x01;
        assertCorrupt(b, "folder 0, CFDATA block 0", "checksum mismatch");
        byte[] c = copy();
        c[blockOffset(2) + 30] ^= 0x40;
        assertCorrupt(c, "CFDATA block 2", "checksum mismatch");
    }

    @Test
    void cbUncompTooLargeOrZero() {
        byte[] b = copy();
        put16(b, blockOffset(1) + 6, 40_000);
        put32(b, blockOffset(1), 0); // csum 0: not verified, so the size check must catch it
        assertCorrupt(b, "CFDATA block 1", "cbUncomp = 40000");
        byte[] z = copy();
        put16(z, blockOffset(0) + 6, 0);
        put32(z, blockOffset(0), 0);
        assertCorrupt(z, "CFDATA block 0", "cbUncomp = 0");
    }

    @Test
    void cbDataPastEnd() {
        byte[] b = copy();
        put16(b, blockOffset(3) + 4, 60_000);
        put32(b, blockOffset(3), 0);
        assertCorrupt(b, "CFDATA block 3 data (cbData = 60000)", "lies past the end");
    }

    @Test
    void lzxQuantumAndUnknownCompression() throws IOException {
        // MSZIP data relabelled LZX:21 is read as LZX, and found corrupt in its first block
        assertCorrupt(put16(copy(), 42, 0x1503), "folder 0, CFDATA block 0: corrupt LZX data");
        assertCorrupt(put16(copy(), 42, 2), "uses Quantum compression, which is unsupported");
        assertCorrupt(put16(copy(), 42, 7), "unknown compression type 0x7");
        // listing does not decode anything
        try (CabinetReader r = CabinetReader.open(put16(copy(), 42, 0x1503), LABEL)) {
            assertTrue(r.entries().size() == 3);
        }
    }

    @Test
    void deflateBombIsStoppedAtCbUncomp() {
        byte[] zeros = new byte[32768];
        byte[] ab = RawCab.mszip(null, zeros).ab();
        byte[] cab = new RawCab().folder(1, new RawCab.Block(100, ab, null)).file("bomb", 100, 0, 0).build();
        assertCorrupt(cab, "CFDATA block 0", "inflates past cbUncomp = 100");
    }

    @Test
    void shortNonFinalMszipBlock() {
        byte[] first = Payloads.text(100, 1);
        byte[] second = Payloads.text(100, 2);
        byte[] cab = new RawCab().folder(1, RawCab.mszip(null, first), RawCab.mszip(null, second))
                .file("x", 200, 0, 0).build();
        assertCorrupt(cab, "CFDATA block 0", "cbUncomp = 100", "every MSZIP block except the folder's last");
    }

    @Test
    void fileExtendingPastTheFolder() {
        // past the folder's capacity (4 blocks of 32 KiB): caught when the table is read
        assertCorrupt(put32(copy(), 44, 200_000), "file 'a.txt'", "extends past the end of folder 0");
        // within capacity but past the actual data: caught while extracting
        int cEntry = 44 + 22 + 22; // a.txt and b.bin entries are 16 + 6 bytes each
        assertCorrupt(put32(copy(), cEntry, 500), "file 'c.txt'", "extends past the end of folder 0's data");
    }

    @Test
    void mszipBlockWithoutCk() {
        byte[] b = copy();
        b[blockOffset(0) + 8] = 'X';
        put32(b, blockOffset(0), 0);
        assertCorrupt(b, "CFDATA block 0", "'CK' signature");
    }

    @Test
    void corruptTruncatedAndShortDeflateStreams() {
        byte[] invalid = {'C', 'K', (byte) 0x07, 0x00, 0x00}; // BFINAL=1, BTYPE=11 (reserved)
        assertCorrupt(new RawCab().folder(1, new RawCab.Block(10, invalid, null)).file("x", 10, 0, 0).build(),
                "corrupt MSZIP data");

        byte[] data = Payloads.text(1000, 3);
        Deflater d = new Deflater(9, true);
        d.setInput(data);
        byte[] buf = new byte[2000];
        int n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH); // no BFINAL block
        d.end();
        byte[] unfinished = new byte[n + 2];
        unfinished[0] = 'C';
        unfinished[1] = 'K';
        System.arraycopy(buf, 0, unfinished, 2, n);
        assertCorrupt(new RawCab().folder(1, new RawCab.Block(1000, unfinished, null)).file("x", 1000, 0, 0).build(),
                "ends before its final deflate block");

        byte[] ab = RawCab.mszip(null, data).ab();
        assertCorrupt(new RawCab().folder(1, new RawCab.Block(1500, ab, null)).file("x", 1000, 0, 0).build(),
                "inflates to 1000 bytes but cbUncomp = 1500");
    }

    @Test
    void uncompressedBlockWithMismatchedSizes() {
        assertCorrupt(new RawCab().folder(0, new RawCab.Block(5, new byte[3], null)).file("x", 3, 0, 0).build(),
                "uncompressed block has cbData = 3 but cbUncomp = 5");
    }

    @Test
    void hugeHeaderReserve() {
        RawCab raw = new RawCab().folder(0, RawCab.stored(new byte[] {1})).file("x", 1, 0, 0).reserve(4, 0, 0);
        byte[] b = raw.build();
        put16(b, 36, 65000);
        assertCorrupt(b, "cbCFHeader = 65000");
    }

    /**
     * Files listed out of offset order, and a folder whose files are not together in the file table, are read by
     * decoding the folder again (cabextract reads both); each file gets the bytes at its offset.
     */
    @Test
    void overlappingAndNonContiguousFilesAreRead() throws IOException {
        byte[] data = Payloads.text(100, 1);
        Map<String, byte[]> got = readAll(new RawCab().folder(0, RawCab.stored(data)).file("a", 50, 50, 0).file("b", 50, 0, 0).build());
        assertArrayEquals(Arrays.copyOfRange(data, 50, 100), got.get("a"));
        assertArrayEquals(Arrays.copyOfRange(data, 0, 50), got.get("b"));
        got = readAll(new RawCab().folder(0, RawCab.stored(data)).folder(0, RawCab.stored(data))
                .file("a", 10, 0, 0).file("b", 10, 0, 1).file("c", 10, 10, 0).build());
        assertArrayEquals(Arrays.copyOfRange(data, 0, 10), got.get("a"));
        assertArrayEquals(Arrays.copyOfRange(data, 0, 10), got.get("b"));
        assertArrayEquals(Arrays.copyOfRange(data, 10, 20), got.get("c"));
        // WiX lists identical files once per File row, all naming the same bytes
        got = readAll(new RawCab().folder(0, RawCab.stored(data)).file("a", 50, 0, 0).file("b", 50, 0, 0).file("c", 50, 50, 0).build());
        assertArrayEquals(Arrays.copyOfRange(data, 0, 50), got.get("a"));
        assertArrayEquals(Arrays.copyOfRange(data, 0, 50), got.get("b"));
        assertArrayEquals(Arrays.copyOfRange(data, 50, 100), got.get("c"));
    }

    /** Hostile variant: a file table that walks backwards through a big folder is cut off before it costs gigabytes. */
    @Test
    void aFileTableThatRereadsAFolderEndlesslyIsRefused() {
        RawCab.Block[] blocks = new RawCab.Block[400];
        byte[] block = Payloads.text(CabFormat.BLOCK_SIZE, 2);
        for (int i = 0; i < blocks.length; i++) blocks[i] = RawCab.stored(block);
        RawCab raw = new RawCab().folder(0, blocks);
        long end = (long) blocks.length * CabFormat.BLOCK_SIZE;
        for (int i = 1; i <= 200; i++) raw.file("f" + i, 1, end - i, 0);
        assertCorrupt(raw.build(), "again and again");
    }

    private static Map<String, byte[]> readAll(byte[] cab) throws IOException {
        Map<String, byte[]> out = new java.util.HashMap<>();
        try (CabinetReader r = CabinetReader.open(cab, "x.cab")) {
            r.extract((e, in) -> out.put(e.name(), in.readAllBytes()));
        }
        return out;
    }

    @Test
    void randomCorruptionOnlyEverRaisesCabinetException() {
        Random rnd = new Random(42);
        int failures = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] b = copy();
            int flips = 1 + rnd.nextInt(4);
            for (int f = 0; f < flips; f++) {
                // mostly in the tables and block headers, where parsing decisions are made
                int at = rnd.nextInt(4) == 0 ? rnd.nextInt(b.length) : rnd.nextInt(Math.min(b.length, coffCabStart + 16));
                b[at] = (byte) rnd.nextInt(256);
            }
            try (CabinetReader r = CabinetReader.open(b, LABEL)) {
                r.extract((entry, in) -> in.transferTo(ByteArrayOutputStream.nullOutputStream()));
            } catch (CabinetException e) {
                failures++;
                assertTrue(e.getMessage().startsWith(LABEL + ": "), e.getMessage());
            } catch (Throwable t) {
                fail("mutation " + i + " raised " + t, t);
            }
        }
        assertTrue(failures > 1000, "most mutations are detected: " + failures);
    }
}
