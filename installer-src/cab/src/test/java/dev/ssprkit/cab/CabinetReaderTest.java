package dev.ssprkit.cab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CabinetReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsReserveFieldsAndMultipleFolders() throws IOException {
        byte[] a = Payloads.text(40_000, 1);
        byte[] first = java.util.Arrays.copyOf(a, 32768);
        byte[] rest = java.util.Arrays.copyOfRange(a, 32768, a.length);
        RawCab raw = new RawCab().reserve(6, 3, 5)
                .folder(1, RawCab.mszip(null, first), RawCab.mszip(first, rest))
                .folder(0, RawCab.stored("plain".getBytes(StandardCharsets.US_ASCII)))
                .file("a.txt", 40_000, 0, 0).file("p.txt", 5, 0, 1);
        try (CabinetReader r = CabinetReader.open(raw.build(), "reserve.cab")) {
            assertEquals(List.of(new CabEntry("a.txt", 40_000, 0, 0, 0x5821, 0x6000, 0x20),
                    new CabEntry("p.txt", 5, 1, 0, 0x5821, 0x6000, 0x20)), r.entries());
            Map<String, byte[]> all = Payloads.readAll(r);
            assertArrayEquals(a, all.get("a.txt"));
            assertEquals("plain", new String(all.get("p.txt"), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void consumerMayReadPartiallyAndTheNextFileIsStillRight() throws IOException {
        Path cab = tmp.resolve("x.cab");
        byte[] a = Payloads.text(100_000, 1);
        byte[] b = Payloads.random(50_000, 2);
        new CabinetWriter(CabOptions.defaults()).add("a", a).add("b", b).write(cab);
        List<byte[]> seen = new ArrayList<>();
        try (CabinetReader r = CabinetReader.open(cab)) {
            r.extract((e, in) -> seen.add(e.name().equals("a") ? in.readNBytes(10) : in.readAllBytes()));
        }
        assertArrayEquals(java.util.Arrays.copyOf(a, 10), seen.get(0));
        assertArrayEquals(b, seen.get(1));
    }

    @Test
    void extractToWritesFilesUsingBackslashAsSeparator() throws IOException {
        Path cab = tmp.resolve("x.cab");
        new CabinetWriter(CabOptions.defaults()).add("dir\\sub\\a.txt", "A".getBytes()).add("b.txt", new byte[0]).write(cab);
        try (CabinetReader r = CabinetReader.open(cab)) {
            List<Path> written = r.extractTo(tmp.resolve("out"));
            assertEquals(2, written.size());
        }
        assertEquals("A", Files.readString(tmp.resolve("out/dir/sub/a.txt")));
        assertEquals(0, Files.size(tmp.resolve("out/b.txt")));
    }

    @Test
    void extractToRejectsEscapingNamesBeforeWritingAnything() throws IOException {
        for (String evil : List.of("../evil.txt", "a\\..\\..\\evil.txt", "/etc/evil", "\\\\server\\share\\x", "C:\\evil.txt",
                "c:evil", "..", "./")) {
            Path cab = tmp.resolve("evil.cab");
            new CabinetWriter(CabOptions.defaults()).add("fine.txt", "ok".getBytes()).add(evil, "bad".getBytes()).write(cab);
            Path out = tmp.resolve("out");
            try (CabinetReader r = CabinetReader.open(cab)) {
                CabinetException e = assertThrows(CabinetException.class, () -> r.extractTo(out));
                assertTrue(e.getMessage().contains("refusing to extract '" + evil + "'"), e.getMessage());
            }
            assertTrue(!Files.exists(out) || Payloads.listFiles(out).isEmpty(), "nothing extracted for " + evil);
            assertTrue(!Files.exists(tmp.resolve("evil.txt")) && !Files.exists(tmp.getParent().resolve("evil.txt")));
        }
    }

    @Test
    void extractToRefusesToFollowASymlinkOutOfTheTarget() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(out.resolve("link"), outside);
        Path cab = tmp.resolve("x.cab");
        new CabinetWriter(CabOptions.defaults()).add("link\\x.txt", "bad".getBytes()).write(cab);
        try (CabinetReader r = CabinetReader.open(cab)) {
            CabinetException e = assertThrows(CabinetException.class, () -> r.extractTo(out));
            assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        }
        assertEquals(List.of(), Payloads.listFiles(outside));
    }

    @Test
    void latin1NamesWithoutTheUtf8Flag() throws IOException {
        RawCab raw = new RawCab().folder(0, RawCab.stored(new byte[] {7}));
        raw.files.add(new RawCab.File(new byte[] {'c', (byte) 0xE9}, 1, 0, 0, 0x20));
        try (CabinetReader r = CabinetReader.open(raw.build(), "latin1.cab")) {
            assertEquals("cé", r.entries().get(0).name());
        }
    }

    /**
     * Blocks decoded ahead on a pool (BlockPrefetch) give the same bytes for every shape of MSZIP history: every block
     * on its own (libgcab), segments starting afresh (our writer), and every block referring back into the previous
     * one (makecab), where the pool's attempt fails and the reader inflates the chunks itself.
     */
    @Test
    void decodingAheadOnAPoolGivesTheSameBytesForEveryHistoryShape() throws IOException {
        byte[] data = Payloads.text(50 * 32768 + 1234, 3); // 51 blocks: several chunks, a short last block
        int blocks = (data.length + 32767) / 32768;
        for (String shape : List.of("independent", "chained")) {
            RawCab.Block[] encoded = new RawCab.Block[blocks];
            for (int i = 0; i < blocks; i++) {
                byte[] block = java.util.Arrays.copyOfRange(data, i * 32768, Math.min(data.length, (i + 1) * 32768));
                byte[] previous = shape.equals("chained") && i > 0 ? java.util.Arrays.copyOfRange(data, (i - 1) * 32768, i * 32768) : null;
                encoded[i] = RawCab.mszip(previous, block);
            }
            byte[] cab = new RawCab().folder(1, encoded).file("a.txt", data.length - 1000, 0, 0).file("b.txt", 1000, data.length - 1000, 0).build();
            for (int threads : new int[] {1, 2, 5}) {
                try (CabinetReader r = CabinetReader.open(cab, shape + ".cab").threads(threads)) {
                    Map<String, byte[]> files = Payloads.readAll(r);
                    assertArrayEquals(java.util.Arrays.copyOf(data, data.length - 1000), files.get("a.txt"), shape + ", " + threads + " threads");
                    assertArrayEquals(java.util.Arrays.copyOfRange(data, data.length - 1000, data.length), files.get("b.txt"), shape + ", " + threads + " threads");
                }
            }
        }
        Path ours = tmp.resolve("ours.cab");
        new CabinetWriter(CabOptions.builder().threads(3).build()).add("a.txt", data).write(ours);
        try (CabinetReader r = CabinetReader.open(ours).threads(3)) {
            assertArrayEquals(data, Payloads.readAll(r).get("a.txt"));
        }
    }
}
