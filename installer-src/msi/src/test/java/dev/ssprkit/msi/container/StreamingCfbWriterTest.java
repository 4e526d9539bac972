package dev.ssprkit.msi.container;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.model.StorageData;
import dev.ssprkit.msi.model.StreamData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The streaming compound-file writer: POI reads back what it writes, whatever the sizes (msitools: StorageWritersAgreeTest). */
class StreamingCfbWriterTest {
    @TempDir Path dir;

    static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 131 + seed * 17 + (i >>> 9));
        return b;
    }

    private Path write(Map<String, byte[]> streams) throws IOException {
        StreamingCfbWriter w = new StreamingCfbWriter();
        w.rootClsid(MsiClsids.DATABASE);
        for (var e : streams.entrySet()) w.addStream(e.getKey(), StreamData.of(e.getValue()));
        Path p = dir.resolve("t" + System.nanoTime() + ".cfb");
        try (OutputStream os = Files.newOutputStream(p)) {
            w.writeTo(os);
        }
        return p;
    }

    private static void assertReadBack(Path p, Map<String, byte[]> streams) throws IOException {
        try (PoiStorageReader r = PoiStorageReader.open(p)) {
            assertEquals(MsiClsids.DATABASE, r.rootClsid());
            assertEquals(streams.keySet().stream().sorted().toList(), r.streamNames().stream().sorted().toList());
            for (var e : streams.entrySet()) assertArrayEquals(e.getValue(), r.read(e.getKey(), Long.MAX_VALUE), e.getKey());
        }
    }

    @Test
    void poiReadsStreamsOfEverySizeAroundTheSectorAndCutoffBoundaries() throws IOException {
        Map<String, byte[]> streams = new LinkedHashMap<>();
        int[] sizes = {0, 1, 63, 64, 65, 511, 512, 513, 4095, 4096, 4097, 100_000};
        for (int i = 0; i < sizes.length; i++) streams.put("s" + i + "_" + sizes[i], pattern(sizes[i], i));
        assertReadBack(write(streams), streams);
    }

    @Test
    void manyStreamsSpanSeveralDirectoryAndMiniFatSectors() throws IOException {
        Map<String, byte[]> streams = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) streams.put("\u4840stream" + i, pattern(100 + i * 7, i));
        assertReadBack(write(streams), streams);
    }

    @Test
    void aFatLargerThanTheHeaderHoldsUsesDifatSectors() throws IOException {
        Map<String, byte[]> streams = new LinkedHashMap<>();
        streams.put("big", pattern(8_000_000, 3)); // 15,625 sectors: 123 FAT sectors, more than the header's 109
        streams.put("small", pattern(10, 4));
        Path p = write(streams);
        ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(p), 0, 512).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, h.getInt(0x48), "one DIFAT sector");
        assertReadBack(p, streams);
    }

    @Test
    void twoWritesAreByteIdentical() throws IOException {
        Map<String, byte[]> streams = new LinkedHashMap<>();
        streams.put("a", pattern(5000, 1));
        streams.put("b", pattern(50, 2));
        assertArrayEquals(Files.readAllBytes(write(streams)), Files.readAllBytes(write(streams)));
    }

    @Test
    void namesAreCheckedBeforeAnythingIsWritten() throws IOException {
        StreamingCfbWriter w = new StreamingCfbWriter();
        w.addStream("Name", StreamData.of(new byte[1]));
        assertTrue(assertThrows(MsiException.class, () -> w.addStream("NAME", StreamData.of(new byte[1]))).getMessage().contains("twice"));
        assertThrows(MsiException.class, () -> w.addStream("x".repeat(32), StreamData.of(new byte[1])));
        assertThrows(MsiException.class, () -> w.addStream("a/b", StreamData.of(new byte[1])));
    }

    @Test
    void aStreamThatChangesSizeWhileWrittenFails() throws IOException {
        StreamingCfbWriter w = new StreamingCfbWriter();
        w.addStream("big", new StreamData() {
            @Override public long size() { return 10_000; }
            @Override public InputStream open() { return new java.io.ByteArrayInputStream(new byte[9_000]); }
        });
        MsiException e = assertThrows(MsiException.class, () -> w.writeTo(OutputStream.nullOutputStream()));
        assertTrue(e.getMessage().contains("early"), e.getMessage());
    }

    /**
     * Into a file opened by AtomicFile.open, file-backed streams are copied by the kernel (transferTo) between bytes
     * written through the buffer: POI reads every stream back whole, and the file equals what a plain output stream
     * gets.
     */
    @Test
    void fileStreamsCopiedByTheKernelReadBackWholeBetweenBufferedOnes() throws IOException {
        Map<String, byte[]> streams = new LinkedHashMap<>();
        streams.put("a_small", pattern(100, 1));
        streams.put("b_file", pattern(1_000_003, 2));
        streams.put("c_bytes", pattern(70_001, 3));
        streams.put("d_file", pattern(4097, 4));
        streams.put("e_small", pattern(4000, 5));
        Path viaChannel = dir.resolve("channel.cfb"), viaStream = dir.resolve("stream.cfb");
        Files.createFile(viaChannel);
        try (OutputStream os = dev.ssprkit.common.AtomicFile.open(viaChannel)) {
            writerOf(streams).writeTo(os);
        }
        try (OutputStream os = Files.newOutputStream(viaStream)) {
            writerOf(streams).writeTo(os);
        }
        assertReadBack(viaChannel, streams);
        assertArrayEquals(Files.readAllBytes(viaStream), Files.readAllBytes(viaChannel));
    }

    @Test
    void aStreamPlacedFirstLiesOneSectorInAndIsLeftInPlaceWhenItIsThere() throws IOException {
        Map<String, byte[]> streams = new LinkedHashMap<>();
        streams.put("a_large", pattern(9_000, 1));
        streams.put("b_small", pattern(300, 2));
        streams.put("c_cab", pattern(70_001, 3));
        // copied: the stream's bytes come from memory
        Path copied = dir.resolve("copied.cfb");
        StreamingCfbWriter w = new StreamingCfbWriter();
        w.rootClsid(MsiClsids.DATABASE);
        w.placeFirst("c_cab");
        for (var e : streams.entrySet()) w.addStream(e.getKey(), StreamData.of(e.getValue()));
        try (OutputStream os = Files.newOutputStream(copied)) {
            w.writeTo(os);
        }
        assertReadBack(copied, streams);
        byte[] bytes = Files.readAllBytes(copied);
        // [MS-CFB] 2.2: sector 0 starts right after the 512-byte header of a version 3 file
        assertArrayEquals(streams.get("c_cab"), java.util.Arrays.copyOfRange(bytes, 512, 512 + 70_001), "laid out first");
        // in place: the same bytes written into the target beforehand, where the layout puts them, are not written again
        Path inPlace = dir.resolve("in-place.cfb");
        Files.write(inPlace, new byte[512]);
        Files.write(inPlace, streams.get("c_cab"), java.nio.file.StandardOpenOption.APPEND);
        StreamingCfbWriter p = new StreamingCfbWriter();
        p.rootClsid(MsiClsids.DATABASE);
        p.placeFirst("c_cab");
        p.addStream("a_large", StreamData.of(streams.get("a_large")));
        p.addStream("b_small", StreamData.of(streams.get("b_small")));
        p.addStream("c_cab", new StreamData() {
            @Override public long size() { return 70_001; }
            @Override public InputStream open() { throw new AssertionError("a stream in place is not read"); }
            @Override public Placement placement() { return new Placement(inPlace, 512); }
        });
        try (OutputStream os = dev.ssprkit.common.AtomicFile.open(inPlace)) {
            p.writeTo(os);
        }
        assertArrayEquals(bytes, Files.readAllBytes(inPlace), "left in place = copied");
    }

    @Test
    void contentInTheTargetFileAwayFromItsPlaceIsAnInternalErrorNotACopyOfOverwrittenBytes() throws IOException {
        // without placeFirst the stream is laid out after "a_large", so the bytes at 512 would be overwritten first
        Path target = dir.resolve("misplaced.cfb");
        Files.write(target, new byte[512 + 70_001]);
        StreamingCfbWriter w = new StreamingCfbWriter();
        w.rootClsid(MsiClsids.DATABASE);
        w.addStream("a_large", StreamData.of(pattern(9_000, 1)));
        w.addStream("c_cab", new StreamData() {
            @Override public long size() { return 70_001; }
            @Override public InputStream open() { throw new AssertionError("must not be read from the file being written"); }
            @Override public Placement placement() { return new Placement(target, 512); }
        });
        try (OutputStream os = dev.ssprkit.common.AtomicFile.open(target)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.writeTo(os));
            assertTrue(e.getMessage().contains("c_cab"), e.getMessage());
        }
    }

    @Test
    void aFileThatShrinksOrGrowsAfterItWasAddedFailsWhenCopiedByTheKernel() throws IOException {
        for (int delta : new int[] {-100, 7}) {
            Path file = dir.resolve("data" + delta);
            Files.write(file, pattern(10_000, 9));
            StreamingCfbWriter w = new StreamingCfbWriter();
            w.addStream("big", StreamData.of(file));
            Files.write(file, pattern(10_000 + delta, 9)); // changed after the writer took its size
            Path out = dir.resolve("out" + delta);
            Files.createFile(out);
            try (OutputStream os = dev.ssprkit.common.AtomicFile.open(out)) {
                MsiException e = assertThrows(MsiException.class, () -> w.writeTo(os));
                assertTrue(e.getMessage().contains(delta < 0 ? "ended 100 bytes early" : "is longer"), e.getMessage());
            }
        }
    }

    /** Byte streams as given, and those named *_file from files holding the same bytes. */
    private StreamingCfbWriter writerOf(Map<String, byte[]> streams) throws IOException {
        StreamingCfbWriter w = new StreamingCfbWriter();
        w.rootClsid(MsiClsids.DATABASE);
        for (var e : streams.entrySet()) {
            if (e.getKey().endsWith("_file")) {
                Path f = dir.resolve(e.getKey() + ".bin");
                if (!Files.exists(f)) Files.write(f, e.getValue());
                w.addStream(e.getKey(), StreamData.of(f));
            } else {
                w.addStream(e.getKey(), StreamData.of(e.getValue()));
            }
        }
        return w;
    }

    /** [MS-CFB] §2.6.4: a binary search tree in the CFB order, and a valid red-black tree, for every sibling count. */
    @Test
    void theDirectoryTreeIsOrderedAndRedBlack() {
        for (int n = 0; n <= 300; n++) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) names.add(Integer.toString((i * 7919) % 1000, 36) + (i % 3 == 0 ? "_x" : "Y"));
            CfbDirectoryTree t = new CfbDirectoryTree(names, 1);
            if (n == 0) {
                assertEquals(CfbDirectoryTree.NOSTREAM, t.root);
                continue;
            }
            assertFalse(t.red[t.root - 1], "the root is black");
            List<String> inOrder = new ArrayList<>();
            int blackHeight = check(t, names, t.root, inOrder);
            assertTrue(blackHeight > 0);
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(CfbDirectoryTree.ORDER);
            assertEquals(sorted, inOrder, "in-order walk of " + n + " names");
        }
    }

    /** Walks the subtree in order; returns its black height, failing on a red-red edge or unequal heights. */
    private static int check(CfbDirectoryTree t, List<String> names, int id, List<String> inOrder) {
        if (id == CfbDirectoryTree.NOSTREAM) return 1;
        int i = id - 1;
        for (int child : new int[] {t.left[i], t.right[i]}) {
            if (child != CfbDirectoryTree.NOSTREAM) assertFalse(t.red[i] && t.red[child - 1], "red node with a red child");
        }
        int l = check(t, names, t.left[i], inOrder);
        inOrder.add(names.get(i));
        int r = check(t, names, t.right[i], inOrder);
        assertEquals(l, r, "black heights under " + names.get(i));
        return l + (t.red[i] ? 0 : 1);
    }

    /** Storages below the root (embedded transforms): POI finds each with its CLSID and streams, beside the root's. */
    @Test
    void storagesBelowTheRootHoldTheirClsidAndStreams() throws IOException {
        StreamingCfbWriter w = new StreamingCfbWriter();
        w.rootClsid(MsiClsids.DATABASE);
        w.addStream("root", StreamData.of(pattern(700, 1)));
        Map<String, StreamData> first = new LinkedHashMap<>();
        first.put("\u4840x", StreamData.of(pattern(70, 2)));
        first.put("big", StreamData.of(pattern(9000, 3)));
        first.put("\u0005SummaryInformation", StreamData.of(pattern(0, 4)));
        w.addStorage("I1", new StorageData(MsiClsids.TRANSFORM, first));
        for (int i = 2; i <= 9; i++) w.addStorage("I" + i, new StorageData(MsiClsids.TRANSFORM, Map.of("s", StreamData.of(pattern(i, i)))));
        w.addStream("zz", StreamData.of(pattern(5000, 5)));
        Path p = dir.resolve("storages.cfb");
        try (OutputStream os = Files.newOutputStream(p)) {
            w.writeTo(os);
        }
        try (PoiStorageReader r = PoiStorageReader.open(p)) {
            assertEquals(List.of("root", "zz"), r.streamNames().stream().sorted().toList());
            assertEquals(9, r.storageNames().size());
            assertArrayEquals(pattern(5000, 5), r.read("zz", Long.MAX_VALUE));
            StorageReader i1 = r.storage("I1");
            assertEquals(MsiClsids.TRANSFORM, i1.rootClsid());
            assertEquals(List.of("big", "\u4840x", "\u0005SummaryInformation").stream().sorted().toList(), i1.streamNames().stream().sorted().toList());
            assertArrayEquals(pattern(70, 2), i1.read("\u4840x", Long.MAX_VALUE));
            assertArrayEquals(pattern(9000, 3), i1.read("big", Long.MAX_VALUE));
            assertEquals(0, i1.read("\u0005SummaryInformation", Long.MAX_VALUE).length);
            for (int i = 2; i <= 9; i++) assertArrayEquals(pattern(i, i), r.storage("I" + i).read("s", Long.MAX_VALUE));
        }
    }

    @Test
    void aStorageNameSharesTheRootsNameSpaceAndItsStreamsHaveTheirOwn() throws IOException {
        StreamingCfbWriter w = new StreamingCfbWriter();
        w.addStream("I1", StreamData.of(new byte[1]));
        StorageData t = new StorageData(MsiClsids.TRANSFORM, Map.of("I1", StreamData.of(new byte[1])));
        assertTrue(assertThrows(MsiException.class, () -> w.addStorage("i1", t)).getMessage().contains("twice"));
        w.addStorage("I2", t); // a stream named like the root's stream, inside the storage, is its own
    }

    @Test
    void theOrderIsLengthThenUpperCase() {
        List<String> names = new ArrayList<>(List.of("bb", "a", "AA", "Ab", "b", "_A"));
        names.sort(CfbDirectoryTree.ORDER);
        assertEquals(List.of("a", "b", "AA", "Ab", "bb", "_A"), names);
    }

    @Test
    void theRootClsidHasTheMsiByteLayout() {
        assertArrayEquals(new byte[] {(byte) 0x84, 0x10, 0x0C, 0, 0, 0, 0, 0, (byte) 0xC0, 0, 0, 0, 0, 0, 0, 0x46},
                StreamingCfbWriter.clsidBytes(MsiClsids.DATABASE));
    }
}
