package dev.ssprkit.cab.lzx;

/**
 * The E8 call translation of LZX: in each frame (of the stream's first 2^30 bytes, longer than 10 bytes), every
 * 0xE8 byte (x86 CALL) outside the frame's last 10 bytes is followed by a 32-bit little-endian operand, which the
 * encoder turns from relative into absolute ("translation size" bounds the absolute range) so that calls to the same
 * target repeat, and the decoder turns back. The four operand bytes are skipped either way, so both sides find the
 * same 0xE8 positions. The two mappings are inverses for every operand.
 */
final class E8Translation {
    private E8Translation() {}

    /** Decoder side: absolute operands in [-position, size) back to relative ones. */
    static void decode(byte[] b, int off, int frameSize, int framePosition, int size) {
        int end = off + frameSize - LzxFormat.E8_MIN_FRAME;
        for (int i = off; i < end; i++) {
            if (b[i] != (byte) 0xE8) {
                continue;
            }
            int current = framePosition + (i - off);
            int value = le32(b, i + 1);
            if (value >= -current && value < size) {
                put32(b, i + 1, value >= 0 ? value - current : value + size);
            }
            i += 4;
        }
    }

    /** Encoder side: the inverse of {@link #decode}. */
    static void encode(byte[] b, int off, int frameSize, int framePosition, int size) {
        int end = off + frameSize - LzxFormat.E8_MIN_FRAME;
        for (int i = off; i < end; i++) {
            if (b[i] != (byte) 0xE8) {
                continue;
            }
            int current = framePosition + (i - off);
            int value = le32(b, i + 1);
            if (value >= -current && value < size - current) {
                put32(b, i + 1, value + current); // decodes (0 <= abs < size) to abs - current
            } else if (value >= size - current && value < size) {
                put32(b, i + 1, value - size); // decodes (-current <= abs < 0) to abs + size
            }
            i += 4;
        }
    }

    private static int le32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    private static void put32(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
    }
}
