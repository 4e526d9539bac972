package dev.ssprkit.cab.lzx;

import java.util.Arrays;

/** Writes an LZX bitstream into a growable array: 16-bit little-endian words, filled from their most significant bit. */
final class BitWriter {
    private byte[] out = new byte[40_000];
    private int size;
    private long acc;
    private int n; // bits in acc not yet written, always < 16 between calls

    /** Writes the low {@code count} (0..32) bits of {@code value}, most significant first. */
    void write(int value, int count) {
        if (count == 0) {
            return;
        }
        acc = acc << count | (value & 0xFFFFFFFFL) & ((1L << count) - 1);
        n += count;
        while (n >= 16) {
            int word = (int) (acc >>> (n - 16));
            ensure(2);
            out[size++] = (byte) word;
            out[size++] = (byte) (word >>> 8);
            n -= 16;
        }
    }

    /** Pads with zero bits to the next 16-bit boundary (nothing when already there). */
    void alignToWord() {
        if (n > 0) {
            write(0, 16 - n);
        }
    }

    /** The padding before an uncompressed block's fields: 1..16 zero bits, a whole word when already aligned. */
    void uncompressedPadding() {
        write(0, n > 0 ? 16 - n : 16);
    }

    /** Raw bytes; only on a 16-bit boundary. */
    void writeBytes(byte[] b, int off, int len) {
        if (n != 0) {
            throw new IllegalStateException("raw bytes off a word boundary");
        }
        ensure(len);
        System.arraycopy(b, off, out, size, len);
        size += len;
    }

    void writeLe32(int v) {
        writeBytes(new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)}, 0, 4);
    }

    /** Bytes written so far (whole words only). */
    int size() {
        return size;
    }

    byte[] array() {
        return out;
    }

    /** Starts the next frame's output (the stream must be on a word boundary). */
    void clear() {
        if (n != 0) {
            throw new IllegalStateException("frame ends off a word boundary");
        }
        size = 0;
        acc = 0;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
