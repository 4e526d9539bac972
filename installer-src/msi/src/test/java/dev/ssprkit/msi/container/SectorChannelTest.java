package dev.ssprkit.msi.container;

import dev.ssprkit.msi.MsiException;
import dev.ssprkit.msi.model.StreamData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/** {@link PoiStorageReader#channel}: a stream read in place from its sectors, the same bytes as through POI. */
class SectorChannelTest {
    @TempDir Path dir;

    private Path write(Supplier<StorageWriter> writer, byte[] big, byte[] other) throws IOException {
        StorageWriter w = writer.get();
        w.rootClsid(MsiClsids.DATABASE);
        w.addStream("small", StreamData.of(new byte[100]));
        w.addStream("other", StreamData.of(other));
        w.addStream("big", StreamData.of(big));
        Path p = dir.resolve("t" + System.nanoTime() + ".cfb");
        try (OutputStream os = Files.newOutputStream(p)) {
            w.writeTo(os);
        }
        return p;
    }

    @Test
    void readsTheSameBytesAsPoiAtAnyPosition() throws IOException {
        byte[] big = StreamingCfbWriterTest.pattern(300_001, 1), other = StreamingCfbWriterTest.pattern(5000, 2);
        for (Supplier<StorageWriter> writer : java.util.List.<Supplier<StorageWriter>>of(StreamingCfbWriter::new, PoiStorageWriter::new)) {
            Path file = write(writer, big, other);
            try (PoiStorageReader r = PoiStorageReader.open(file)) {
                assertNull(r.channel("small"), "a mini-stream stream has no sector channel");
                for (String name : new String[] {"big", "other"}) {
                    byte[] expected = r.read(name, Long.MAX_VALUE);
                    try (SeekableByteChannel ch = r.channel(name)) {
                        assertEquals(expected.length, ch.size());
                        ByteBuffer all = ByteBuffer.allocate(expected.length + 10);
                        while (ch.read(all) > 0) { }
                        assertEquals(-1, ch.read(ByteBuffer.allocate(1)));
                        assertArrayEquals(expected, Arrays.copyOf(all.array(), all.position()));
                        Random rnd = new Random(7);
                        for (int i = 0; i < 200; i++) {
                            int at = rnd.nextInt(expected.length), len = Math.min(expected.length - at, rnd.nextInt(3000));
                            ByteBuffer b = ByteBuffer.allocateDirect(len);
                            ch.position(at);
                            while (b.hasRemaining() && ch.read(b) > 0) { }
                            byte[] got = new byte[len];
                            b.flip().get(got);
                            assertArrayEquals(Arrays.copyOfRange(expected, at, at + len), got, "at " + at);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aLoopInTheSectorChainIsRefused() throws IOException {
        byte[] big = StreamingCfbWriterTest.pattern(20_000, 3);
        Path file = write(StreamingCfbWriter::new, big, new byte[10]);
        byte[] b = Files.readAllBytes(file);
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int fatSector = le.getInt(0x4C); // the first FAT sector, from the header's DIFAT
        int bigStart = 0; // StreamingCfbWriter: large streams come first; "other" (10 bytes) is in the mini stream
        le.putInt((fatSector + 1) * 512 + 4 * (bigStart + 5), bigStart + 2); // sector 5 leads back to sector 2
        Files.write(file, b);
        try (PoiStorageReader r = PoiStorageReader.open(file)) {
            MsiException e = assertThrows(MsiException.class, () -> r.channel("big"));
            assertTrue(e.getMessage().contains("corrupt sector chain"), e.getMessage());
        }
    }
}
