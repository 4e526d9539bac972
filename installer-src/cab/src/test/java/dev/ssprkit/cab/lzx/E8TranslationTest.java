package dev.ssprkit.cab.lzx;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The E8 mappings as [MS-PATCH] defines the decoder's: its inverse on every operand, and the frame's edges. */
class E8TranslationTest {
    private static byte[] call(int at, int operand, int size) {
        byte[] b = new byte[size];
        b[at] = (byte) 0xE8;
        for (int k = 0; k < 4; k++) b[at + 1 + k] = (byte) (operand >>> (8 * k));
        return b;
    }

    @Property(tries = 2000)
    void encodeThenDecodeIsIdentity(@ForAll int operand, @ForAll @IntRange(min = 0, max = 1 << 30) int framePosition,
                                    @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int size) {
        byte[] b = call(3, operand, 64);
        byte[] copy = b.clone();
        E8Translation.encode(b, 0, 64, framePosition, size);
        E8Translation.decode(b, 0, 64, framePosition, size);
        assertArrayEquals(copy, b);
    }

    @Test
    void decoderTurnsAbsoluteIntoRelative() {
        // the decoder's rule: at position p, an absolute value a with 0 <= a < size becomes a - p; -p <= a < 0 becomes a + size
        byte[] b = call(6, 1000, 32);
        E8Translation.decode(b, 0, 32, 100, 12_000_000);
        assertEquals(1000 - 106, (b[7] & 0xFF) | (b[8] & 0xFF) << 8 | (b[9] & 0xFF) << 16 | b[10] << 24);
        byte[] n = call(6, -50, 32);
        E8Translation.decode(n, 0, 32, 100, 12_000_000);
        assertEquals(-50 + 12_000_000, (n[7] & 0xFF) | (n[8] & 0xFF) << 8 | (n[9] & 0xFF) << 16 | n[10] << 24);
    }

    @Test
    void lastTenBytesOfAFrameAreLeftAlone() {
        byte[] b = call(22, 5, 32); // E8 at frame offset 22 = 32 - 10: not translated
        byte[] copy = b.clone();
        E8Translation.encode(b, 0, 32, 0, 12_000_000);
        assertArrayEquals(copy, b);
        byte[] c = call(21, 5, 32); // offset 21: translated
        E8Translation.encode(c, 0, 32, 0, 12_000_000);
        assertEquals(5 + 21, c[22]);
    }

    @Test
    void operandBytesAreSkipped() {
        // an 0xE8 inside an operand is not a call of its own
        byte[] b = call(0, 0xE8E8E8E8, 40);
        byte[] copy = b.clone();
        E8Translation.encode(b, 0, 40, 0, 12_000_000); // 0xE8E8E8E8 is negative and below -0: left alone
        assertArrayEquals(copy, b);
    }
}
