package dev.ssprkit.cab.lzx;

/**
 * Reads an LZX bitstream: 16-bit little-endian words, each consumed from its most significant bit. Past the end of
 * the input it supplies zero words (a decoder may look ahead a little), so the caller checks {@link #overrun()} to
 * tell whether bits beyond the input were actually consumed.
 */
final class BitReader {
    private byte[] in;
    private int start;
    private int pos;
    private int end;
    /** Bits not yet consumed, left-aligned at bit 63. */
    private long buffer;
    private int count;
    /** Bits loaded into the buffer since {@code start}, zero words past the end included. */
    private long loaded;

    void reset(byte[] in, int off, int len) {
        this.in = in;
        this.start = off;
        this.pos = off;
        this.end = off + len;
        this.buffer = 0;
        this.count = 0;
        this.loaded = 0;
    }

    /** Makes at least 33 bits available (words are added while 16 more still fit in the 64-bit buffer). */
    void fill() {
        while (count <= 48) {
            long word;
            if (pos + 1 < end) {
                word = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8;
                pos += 2;
            } else {
                word = pos < end ? in[pos] & 0xFF : 0; // an odd last byte is the low half of a word
                pos = end;
            }
            buffer |= word << (48 - count);
            count += 16;
            loaded += 16;
        }
    }

    /** The next n (1..32) bits without consuming them; {@link #fill} must have made them available. */
    int peek(int n) {
        return (int) (buffer >>> (64 - n));
    }

    int available() {
        return count;
    }

    void skip(int n) {
        buffer <<= n;
        count -= n;
    }

    /** Reads n (0..32) bits. */
    int read(int n) {
        if (n == 0) {
            return 0;
        }
        if (count < n) {
            fill();
        }
        int v = (int) (buffer >>> (64 - n));
        buffer <<= n;
        count -= n;
        return v;
    }

    /** Drops the bits up to the next 16-bit boundary of the input (nothing when already there). */
    void alignToWord() {
        skip(count & 15);
    }

    /**
     * The padding of an uncompressed block: 1..16 bits up to the next 16-bit boundary, a stream already on a boundary
     * giving a whole padding word (as libmspack and Microsoft's decoder read it). After it, {@link #bytePosition}.
     */
    void skipUncompressedPadding() {
        if (count < 16) {
            fill();
        }
        int drop = count & 15;
        skip(drop == 0 ? 16 : drop);
    }

    /** Offset in the input array of the next unconsumed bit; meaningful on a 16-bit boundary. */
    int bytePosition() {
        return (int) (start + (loaded - count) / 8);
    }

    /** Continues reading bits at input offset {@code p} (after bytes were taken directly from the array). */
    void seekBytes(int p) {
        this.loaded = 8L * (p - start);
        this.pos = p;
        this.buffer = 0;
        this.count = 0;
    }

    /** Bits consumed beyond the end of the input (0 when the stream fit). */
    long overrun() {
        return Math.max(0, (loaded - count) - 8L * (end - start));
    }
}
