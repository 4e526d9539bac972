package dev.ssprkit.cab.lzx;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our encoder's streams decode to the input with our decoder, for every window and effort, and for the sizes and
 * contents at the format's edges. (That third-party decoders read them too is LzxInteropTest's part; here a bug in
 * one side that the other does not share shows.)
 */
class LzxRoundTripTest {
    private static final int E8 = LzxEncoder.DEFAULT_E8_TRANSLATION_SIZE;

    static byte[] roundTrip(byte[] input, int windowBits, LzxEffort effort, int e8) throws IOException {
        List<LzxStreams.Frame> frames = LzxStreams.encode(input, windowBits, effort, e8);
        assertEquals((input.length + LzxFormat.FRAME_SIZE - 1) / LzxFormat.FRAME_SIZE, frames.size(), "one frame per 32 KiB");
        for (LzxStreams.Frame f : frames) {
            assertTrue(f.data().length <= LzxEncoder.MAX_COMPRESSED_FRAME, "cbData within the cabinet format's limit");
            assertEquals(0, f.data().length % 2, "frames end on a 16-bit boundary");
        }
        byte[] back = LzxStreams.decode(frames, windowBits);
        assertArrayEquals(input, back);
        return back;
    }

    @Property(tries = 60, seed = "15")
    void anyContentRoundTrips(@ForAll("payloads") byte[] input, @ForAll @IntRange(min = 15, max = 21) int windowBits,
                              @ForAll LzxEffort effort, @ForAll boolean e8) throws IOException {
        roundTrip(input, windowBits, effort, e8 ? E8 : 0);
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<Integer> sizes = Arbitraries.oneOf(Arbitraries.integers().between(1, 40),
                Arbitraries.of(32767, 32768, 32769, 65535, 65536, 65537),
                Arbitraries.integers().between(1, 300_000));
        return net.jqwik.api.Combinators.combine(sizes, Arbitraries.longs(), Arbitraries.integers().between(0, 4))
                .as(LzxRoundTripTest::content);
    }

    /** Text, random, short-period repeats, x86-like calls (0xE8 + operand) or a mix, of {@code size} bytes. */
    static byte[] content(int size, long seed, int kind) {
        Random r = new Random(seed);
        byte[] b = new byte[size];
        switch (kind) {
            case 0 -> {
                String[] words = {"cabinet", "folder", "frame", "block", "tree", "the", "a", "window", "match", "offset"};
                StringBuilder sb = new StringBuilder();
                while (sb.length() < size) sb.append(words[r.nextInt(words.length)]).append(r.nextInt(8) == 0 ? ".\n" : " ");
                System.arraycopy(sb.toString().getBytes(StandardCharsets.US_ASCII), 0, b, 0, size);
            }
            case 1 -> r.nextBytes(b);
            case 2 -> {
                int period = 1 + r.nextInt(300);
                for (int i = 0; i < size; i++) b[i] = i < period ? (byte) r.nextInt() : b[i - period];
            }
            case 3 -> calls(b, r);
            default -> {
                for (int i = 0; i < size; ) {
                    int n = Math.min(size - i, 1 + r.nextInt(20_000));
                    byte[] part = content(n, r.nextLong(), r.nextInt(4));
                    System.arraycopy(part, 0, b, i, n);
                    i += n;
                }
            }
        }
        return b;
    }

    /** Code-like bytes: CALL rel32 (0xE8) with operands near and far, in and out of the translation range. */
    static void calls(byte[] b, Random r) {
        int[] targets = {0, 1, -1, 1000, -5000, E8 - 1, E8, -E8, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (int i = 0; i < b.length; i++) {
            if (r.nextInt(6) == 0 && i + 5 <= b.length) {
                b[i] = (byte) 0xE8;
                int v = r.nextBoolean() ? targets[r.nextInt(targets.length)] - i : r.nextInt(100_000) - i;
                for (int k = 0; k < 4; k++) b[i + 1 + k] = (byte) (v >>> (8 * k));
                i += 4;
            } else {
                b[i] = (byte) (r.nextInt(4) == 0 ? 0xE8 : r.nextInt(16));
            }
        }
    }

    @Example
    void emptyStreamHasNoFrames() throws IOException {
        assertEquals(0, LzxStreams.encode(new byte[0], 16, LzxEffort.NORMAL, E8).size());
    }

    @Example
    void oneByte() throws IOException {
        for (int w = 15; w <= 21; w++) roundTrip(new byte[] {(byte) 0xE8}, w, LzxEffort.NORMAL, E8);
    }

    @Example
    void matchesEndAtFrameBoundaries() throws IOException {
        // one long repeat crossing frames 0/1/2 and ending one byte into the last frame
        byte[] b = new byte[2 * LzxFormat.FRAME_SIZE + 1];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (i % 7);
        roundTrip(b, 15, LzxEffort.BEST, 0);
    }

    @Example
    void windowLimitsOffsets() throws IOException {
        // the same 4 KiB random chunk 32 KiB apart: within a 2^16 window, beyond reach of nothing but a full 2^15 one
        Random r = new Random(5);
        byte[] chunk = new byte[4096];
        r.nextBytes(chunk);
        byte[] b = new byte[6 * LzxFormat.FRAME_SIZE];
        for (int off = 0; off + chunk.length <= b.length; off += LzxFormat.FRAME_SIZE) System.arraycopy(chunk, 0, b, off, chunk.length);
        int small = LzxStreams.compressedSize(LzxStreams.encode(b, 15, LzxEffort.NORMAL, 0));
        int large = LzxStreams.compressedSize(LzxStreams.encode(b, 16, LzxEffort.NORMAL, 0));
        roundTrip(b, 15, LzxEffort.NORMAL, 0);
        roundTrip(b, 16, LzxEffort.NORMAL, 0);
        assertTrue(large < small - 3 * 4096, "a 2^16 window reaches 32 KiB back, 2^15 (max offset 32765) cannot: " + large + " vs " + small);
    }

    @Example
    void sameInputSameBytes() throws IOException {
        byte[] b = content(200_000, 9, 4);
        List<LzxStreams.Frame> x = LzxStreams.encode(b, 18, LzxEffort.NORMAL, E8), y = LzxStreams.encode(b, 18, LzxEffort.NORMAL, E8);
        assertEquals(x.size(), y.size());
        for (int i = 0; i < x.size(); i++) assertArrayEquals(x.get(i).data(), y.get(i).data());
    }
}
