package dev.ssprkit.cab.lzx;

/**
 * Constants of the LZX bitstream as cabinets use it ([MS-PATCH] "LZX DELTA" section 2, minus the DELTA extensions;
 * libmspack's lzx.h describes the same). Names follow the specification.
 *
 * <p>A stream is a sequence of <em>frames</em> of 32768 uncompressed bytes (the last may be shorter); in a cabinet
 * every CFDATA block holds exactly one frame, and the bitstream is padded to a 16-bit boundary at the end of each.
 * Frames are grouped into <em>blocks</em> (verbatim, aligned offset or uncompressed), each with its own Huffman
 * trees; a block may span several frames.
 */
public final class LzxFormat {
    private LzxFormat() {}

    public static final int MIN_WINDOW_BITS = 15;
    public static final int MAX_WINDOW_BITS = 21;
    /** Uncompressed bytes per frame (and per CFDATA block). */
    public static final int FRAME_SIZE = 32768;

    static final int BLOCKTYPE_VERBATIM = 1;
    static final int BLOCKTYPE_ALIGNED = 2;
    static final int BLOCKTYPE_UNCOMPRESSED = 3;

    static final int NUM_CHARS = 256;
    static final int MIN_MATCH = 2;
    static final int MAX_MATCH = 257;
    /** Match lengths 2..8 fit in the main symbol's 3-bit length header; header 7 means "plus a length-tree symbol". */
    static final int NUM_PRIMARY_LENGTHS = 7;
    static final int NUM_SECONDARY_LENGTHS = 249;
    static final int PRETREE_NUM_ELEMENTS = 20;
    static final int ALIGNED_NUM_ELEMENTS = 8;
    /** Longest code of the main and length trees; the pretree's lengths are 4-bit fields (max 15), the aligned tree's 3-bit. */
    static final int MAX_CODE_LENGTH = 16;
    static final int PRETREE_MAX_CODE_LENGTH = 15;
    static final int ALIGNED_MAX_CODE_LENGTH = 7;

    /** E8 translation is applied to frames that start in the first 2^30 bytes (frames 0..32767). */
    static final int E8_MAX_FRAMES = 32768;
    /** Frames of at most this many bytes are not E8-translated; the last 10 bytes of a frame never are. */
    static final int E8_MIN_FRAME = 10;

    /** Extra (footer) bits of each position slot: 0,0,0,0,1,1,2,2,...,16,16,17,17,17,... */
    static final int[] FOOTER_BITS = new int[50];
    /** First formatted offset of each position slot. */
    static final int[] POSITION_BASE = new int[51];

    static {
        for (int slot = 0; slot < FOOTER_BITS.length; slot++) {
            FOOTER_BITS[slot] = slot < 4 ? 0 : Math.min((slot - 2) / 2, 17);
        }
        for (int slot = 0; slot < FOOTER_BITS.length; slot++) {
            POSITION_BASE[slot + 1] = POSITION_BASE[slot] + (1 << FOOTER_BITS[slot]);
        }
    }

    /** Position slots for a window of 2^windowBits bytes: 30, 32, 34, 36, 38, 42, 50 for 15..21. */
    public static int positionSlots(int windowBits) {
        checkWindowBits(windowBits);
        return switch (windowBits) {
            case 20 -> 42;
            case 21 -> 50;
            default -> 2 * windowBits;
        };
    }

    /** Symbols of the main tree: 256 literals and 8 length headers per position slot. */
    static int mainElements(int windowBits) {
        return NUM_CHARS + 8 * positionSlots(windowBits);
    }

    public static void checkWindowBits(int windowBits) {
        if (windowBits < MIN_WINDOW_BITS || windowBits > MAX_WINDOW_BITS) {
            throw new IllegalArgumentException("LZX window must be 2^15..2^21 bytes, got 2^" + windowBits);
        }
    }

    /** The position slot of a formatted offset (real offset + 2), for formatted offsets of 3 and more. */
    static int slotOf(int formatted) {
        if (formatted < 4) {
            return formatted;
        }
        if (formatted < POSITION_BASE[36]) {
            int top = 31 - Integer.numberOfLeadingZeros(formatted); // 2..16
            return 2 * top + ((formatted >>> (top - 1)) & 1);
        }
        return 36 + (formatted - POSITION_BASE[36]) / (1 << 17);
    }
}
