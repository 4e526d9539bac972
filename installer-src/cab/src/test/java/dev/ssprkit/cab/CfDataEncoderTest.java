package dev.ssprkit.cab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

/** The per-block choices of the MSZIP encoder: which blocks skip deflate, and segments that chain their history. */
class CfDataEncoderTest {
    @TempDir Path tmp;

    @Test
    void onlyRandomLookingBlocksSkipDeflate() {
        assertTrue(CfDataEncoder.looksRandom(Payloads.random(32768, 1), new int[256]));
        assertFalse(CfDataEncoder.looksRandom(Payloads.text(32768, 1), new int[256]));
        assertFalse(CfDataEncoder.looksRandom(new byte[32768], new int[256]));
        // a random 16 KiB chunk twice: flat histogram, but deflate finds the repeat, so it must stay on the deflate path
        assertFalse(CfDataEncoder.looksRandom(Payloads.repeated(32768, 16384, 2), new int[256]));
        assertFalse(CfDataEncoder.looksRandom(Payloads.random(1000, 1), new int[256]), "short blocks are always tried");
    }

    @Test
    void aSegmentEqualsItsBlocksEncodedInTurnWhenNoneIsDeflated() {
        CfDataEncoder e = new CfDataEncoder(Compression.MSZIP, CompressionLevel.MEDIUM);
        byte[] a = Payloads.random(32768, 1), b = Payloads.random(32768, 2);
        byte[] one = e.encode(null, a), two = e.encode(a, b);
        byte[] both = e.encodeSegment(null, new byte[][] {a, b});
        assertEquals(one.length + two.length, both.length);
    }

    @Test
    void historyCarriesAcrossBlocksSegmentsAndStoredBlocks() throws IOException {
        // text, a random (stored) stretch, then text repeating the start: every kind of boundary, several segments
        byte[] text = Payloads.text(40 * 32768, 7);
        byte[] data = new byte[text.length + 3 * 32768];
        System.arraycopy(text, 0, data, 0, 20 * 32768);
        System.arraycopy(Payloads.random(3 * 32768, 8), 0, data, 20 * 32768, 3 * 32768);
        System.arraycopy(text, 20 * 32768, data, 23 * 32768, 20 * 32768);
        for (int threads : new int[] {1, 3}) {
            Path out = tmp.resolve("h" + threads + ".cab");
            CabOptions o = CabOptions.builder().threads(threads).build();
            new CabinetWriter(o).add("d", data).write(out);
            try (CabinetReader r = CabinetReader.open(out)) {
                assertArrayEquals(data, Payloads.readAll(r).get("d"));
            }
        }
    }
}
