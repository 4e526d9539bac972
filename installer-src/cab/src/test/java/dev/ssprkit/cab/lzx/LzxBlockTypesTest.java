package dev.ssprkit.cab.lzx;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each of the three block types is written where it pays, and decodes. The block type is read from the stream's
 * first bits as [MS-PATCH] lays them out: the E8 flag (1 bit, here 0), then the block type (3 bits).
 */
class LzxBlockTypesTest {
    private static int firstBlockType(List<LzxStreams.Frame> frames) {
        byte[] d = frames.get(0).data();
        int word = (d[0] & 0xFF) | (d[1] & 0xFF) << 8; // first 16-bit little-endian word, read from its top bit
        return (word >>> 12) & 7;
    }

    private static void check(byte[] input, int expectedType) throws IOException {
        List<LzxStreams.Frame> frames = LzxStreams.encode(input, 16, LzxEffort.NORMAL, 0);
        assertEquals(expectedType, firstBlockType(frames));
        assertArrayEquals(input, LzxStreams.decode(frames, 16));
    }

    @Test
    void randomDataIsStored() throws IOException {
        byte[] b = new byte[40_001];
        new Random(1).nextBytes(b);
        check(b, LzxFormat.BLOCKTYPE_UNCOMPRESSED);
    }

    @Test
    void textIsVerbatim() throws IOException {
        check(LzxRoundTripTest.content(60_000, 2, 0), LzxFormat.BLOCKTYPE_VERBATIM);
    }

    @Test
    void eightByteRecordsAreAlignedOffset() throws IOException {
        // 8-byte records whose repeats sit at random multiples of 8 back: match offsets share their low 3 bits,
        // which the aligned-offset tree codes in fewer than 3 bits
        Random r = new Random(3);
        byte[][] records = new byte[500][8];
        for (byte[] rec : records) r.nextBytes(rec);
        byte[] b = new byte[8 * 20_000];
        for (int i = 0; i < 20_000; i++) {
            byte[] rec = i < 500 ? records[i] : records[r.nextInt(500)];
            System.arraycopy(rec, 0, b, 8 * i, 8);
        }
        check(b, LzxFormat.BLOCKTYPE_ALIGNED);
    }

    @Test
    void handBuiltUncompressedBlockDecodes() throws IOException {
        // Built from the format description, not by our encoder: E8 flag 0, type 3, 24-bit size 5, padding to the
        // 16-bit boundary (28 bits written -> 4 bits of padding), then R0, R1, R2 (LE32), the 5 bytes and one pad byte.
        // bits: 0 011 000000000000000000000101 0000 -> words 0x3000 0x0050
        byte[] stream = {0x00, 0x30, 0x50, 0x00, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 'h', 'e', 'l', 'l', 'o', 0};
        byte[] out = new byte[5];
        new LzxDecoder(15).decodeFrame(stream, 0, stream.length, 5, out, 0);
        assertArrayEquals("hello".getBytes(), out);
    }
}
