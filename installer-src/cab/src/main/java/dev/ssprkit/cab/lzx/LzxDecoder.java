package dev.ssprkit.cab.lzx;

import static dev.ssprkit.cab.lzx.LzxFormat.*;

/**
 * Decodes one LZX stream (a cabinet folder) frame by frame. In a cabinet each CFDATA block carries one frame: the
 * caller passes each block's data with its cbUncomp, in order, and gets the frame's bytes. Everything the stream says
 * is checked before it is used: code lengths, tree completeness, block types, match lengths against the frame and
 * block ends, match offsets against the bytes produced so far and the window, and reads past the block's data.
 *
 * <p>State carried from frame to frame, as the format defines: the window (history), the current block and its
 * trees, the previous trees' code lengths (new ones are sent as deltas), the three repeated offsets, and the E8
 * translation size read from the stream's first bits.
 */
public final class LzxDecoder {
    private final int windowSize;
    private final int mainElements;
    private final byte[] window;
    private int windowPos;
    private long streamPos; // bytes produced before the current frame
    private int frameIndex;
    private int frameStart; // window offset of the current frame's first byte

    private final BitReader bits = new BitReader();
    private final HuffmanDecoder pretree = new HuffmanDecoder("pretree", PRETREE_NUM_ELEMENTS, PRETREE_MAX_CODE_LENGTH, 6);
    private final HuffmanDecoder mainTree;
    private final HuffmanDecoder lengthTree = new HuffmanDecoder("length", NUM_SECONDARY_LENGTHS, MAX_CODE_LENGTH, 10);
    private final HuffmanDecoder alignedTree = new HuffmanDecoder("aligned offset", ALIGNED_NUM_ELEMENTS, ALIGNED_MAX_CODE_LENGTH, 7);
    private final byte[] pretreeLengths = new byte[PRETREE_NUM_ELEMENTS];
    private final byte[] mainLengths;
    private final byte[] lengthLengths = new byte[NUM_SECONDARY_LENGTHS];
    private final byte[] alignedLengths = new byte[ALIGNED_NUM_ELEMENTS];

    private boolean headerRead;
    private int e8TranslationSize; // 0: no E8 translation
    private int blockType;
    private int blockLength;
    private int blockRemaining;
    private boolean padBytePending; // an odd uncompressed block ended exactly at a frame's end
    private int r0 = 1, r1 = 1, r2 = 1;

    /** @param windowBits 15..21, from CFFOLDER.typeCompress bits 8-12 */
    public LzxDecoder(int windowBits) {
        checkWindowBits(windowBits);
        this.windowSize = 1 << windowBits;
        this.mainElements = mainElements(windowBits);
        this.window = new byte[windowSize];
        this.mainLengths = new byte[mainElements];
        this.mainTree = new HuffmanDecoder("main", mainElements, MAX_CODE_LENGTH, 11);
    }

    /**
     * Decodes the next frame.
     *
     * @param in        the compressed bytes of this frame (one CFDATA's ab)
     * @param frameSize the frame's uncompressed size: 32768, or 1..32768 for the stream's last frame
     * @param out       receives frameSize bytes at {@code outOff}
     */
    public void decodeFrame(byte[] in, int off, int len, int frameSize, byte[] out, int outOff) throws LzxDataException {
        if (frameSize < 1 || frameSize > FRAME_SIZE) {
            throw new IllegalArgumentException("frame size " + frameSize);
        }
        bits.reset(in, off, len);
        int rawPos = -1; // inside an uncompressed block: the input offset of its next byte, else -1
        if (padBytePending) {
            padBytePending = false;
            if (blockRemaining == 0) {
                bits.seekBytes(off + 1);
            }
        }
        if (!headerRead) {
            if (bits.read(1) == 1) {
                int hi = bits.read(16);
                e8TranslationSize = hi << 16 | bits.read(16);
            }
            headerRead = true;
        }
        if (blockType == BLOCKTYPE_UNCOMPRESSED && blockRemaining > 0) {
            rawPos = off; // the block continues at this frame's first byte
        }
        frameStart = windowPos;
        int todo = frameSize;
        while (todo > 0) {
            if (blockRemaining == 0) {
                if (rawPos >= 0) { // the previous block was uncompressed: bits resume after its (padded) bytes
                    if ((blockLength & 1) != 0) {
                        rawPos++;
                    }
                    bits.seekBytes(rawPos);
                    rawPos = -1;
                }
                readBlockHeader();
                if (blockType == BLOCKTYPE_UNCOMPRESSED) {
                    rawPos = readUncompressedHeader(in, off + len);
                }
            }
            int run = Math.min(blockRemaining, todo);
            if (blockType == BLOCKTYPE_UNCOMPRESSED) {
                if (rawPos + run > off + len) {
                    throw new LzxDataException("uncompressed block: " + run + " bytes expected, "
                            + Math.max(0, off + len - rawPos) + " present");
                }
                System.arraycopy(in, rawPos, window, windowPos, run);
                rawPos += run;
                windowPos += run;
            } else {
                decodeSymbols(run, run == blockRemaining ? "block" : "frame");
            }
            blockRemaining -= run;
            todo -= run;
        }
        if (rawPos >= 0) {
            if (blockRemaining == 0 && (blockLength & 1) != 0) {
                if (rawPos < off + len) {
                    rawPos++;
                } else {
                    padBytePending = true;
                }
            }
            if (blockRemaining == 0) {
                // the next block's header starts a fresh bitstream at the next frame
                blockType = 0;
            }
        } else {
            bits.alignToWord();
            if (bits.overrun() > 0) {
                throw new LzxDataException("the frame's compressed data ends early (truncated, or corrupt)");
            }
        }
        System.arraycopy(window, frameStart, out, outOff, frameSize);
        if (e8TranslationSize != 0 && frameIndex < E8_MAX_FRAMES && frameSize > E8_MIN_FRAME) {
            E8Translation.decode(out, outOff, frameSize, (int) streamPos, e8TranslationSize);
        }
        streamPos += frameSize;
        frameIndex++;
        if (windowPos == windowSize) {
            windowPos = 0;
        }
    }

    private void readBlockHeader() throws LzxDataException {
        blockType = bits.read(3);
        int hi = bits.read(16);
        blockLength = hi << 8 | bits.read(8);
        blockRemaining = blockLength;
        switch (blockType) {
            case BLOCKTYPE_ALIGNED -> {
                for (int i = 0; i < ALIGNED_NUM_ELEMENTS; i++) {
                    alignedLengths[i] = (byte) bits.read(3);
                }
                alignedTree.build(alignedLengths);
                readMainAndLengthTrees();
            }
            case BLOCKTYPE_VERBATIM -> readMainAndLengthTrees();
            case BLOCKTYPE_UNCOMPRESSED -> { }
            default -> throw new LzxDataException("invalid block type " + blockType);
        }
        if (bits.overrun() > 0) {
            throw new LzxDataException("a block header runs past the end of the frame's data");
        }
    }

    private void readMainAndLengthTrees() throws LzxDataException {
        readLengths(mainLengths, 0, NUM_CHARS);
        readLengths(mainLengths, NUM_CHARS, mainElements);
        mainTree.build(mainLengths);
        readLengths(lengthLengths, 0, NUM_SECONDARY_LENGTHS);
        lengthTree.build(lengthLengths);
    }

    /** Reads new code lengths for {@code lengths[first..last)} as pretree-coded deltas from the current ones. */
    private void readLengths(byte[] lengths, int first, int last) throws LzxDataException {
        for (int i = 0; i < PRETREE_NUM_ELEMENTS; i++) {
            pretreeLengths[i] = (byte) bits.read(4);
        }
        pretree.build(pretreeLengths);
        int x = first;
        while (x < last) {
            int code = pretree.decode(bits);
            if (code <= 16) {
                lengths[x] = (byte) ((lengths[x] - code + 17) % 17);
                x++;
                continue;
            }
            int run = switch (code) {
                case 17 -> 4 + bits.read(4);
                case 18 -> 20 + bits.read(5);
                default -> 4 + bits.read(1);
            };
            if (x + run > last) {
                throw new LzxDataException("a code-length run of " + run + " passes the end of its tree (element "
                        + x + " of " + last + ")");
            }
            byte value = 0;
            if (code == 19) {
                int delta = pretree.decode(bits);
                if (delta > 16) {
                    throw new LzxDataException("pretree code " + delta + " after a same-length run (must be 0..16)");
                }
                value = (byte) ((lengths[x] - delta + 17) % 17);
            }
            java.util.Arrays.fill(lengths, x, x + run, value);
            x += run;
            if (bits.overrun() > 0) {
                throw new LzxDataException("the code lengths run past the end of the frame's data");
            }
        }
    }

    private int readUncompressedHeader(byte[] in, int end) throws LzxDataException {
        bits.skipUncompressedPadding();
        int p = bits.bytePosition();
        if (bits.overrun() > 0 || p + 12 > end) {
            throw new LzxDataException("uncompressed block header runs past the end of the frame's data");
        }
        r0 = le32(in, p);
        r1 = le32(in, p + 4);
        r2 = le32(in, p + 8);
        return p + 12;
    }

    private static int le32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    /** Decodes symbols of a verbatim or aligned block until exactly {@code run} bytes are produced. */
    private void decodeSymbols(int run, String limit) throws LzxDataException {
        final byte[] w = window;
        final BitReader in = bits;
        final boolean aligned = blockType == BLOCKTYPE_ALIGNED;
        int pos = windowPos;
        final int end = pos + run;
        final long produced = streamPos - frameStart; // + pos: bytes of the stream before pos
        int rr0 = r0, rr1 = r1, rr2 = r2;
        try {
            while (pos < end) {
                int sym = mainTree.decode(in);
                if (sym < NUM_CHARS) {
                    w[pos++] = (byte) sym;
                    continue;
                }
                sym -= NUM_CHARS;
                int length = (sym & 7) + MIN_MATCH;
                if ((sym & 7) == NUM_PRIMARY_LENGTHS) {
                    length += lengthTree.decode(in);
                }
                int slot = sym >>> 3;
                int offset;
                if (slot == 0) {
                    offset = rr0;
                } else if (slot == 1) {
                    offset = rr1;
                    rr1 = rr0;
                    rr0 = offset;
                } else if (slot == 2) {
                    offset = rr2;
                    rr2 = rr0;
                    rr0 = offset;
                } else {
                    int extra = FOOTER_BITS[slot];
                    offset = POSITION_BASE[slot] - 2;
                    if (aligned && extra >= 3) {
                        offset += in.read(extra - 3) << 3;
                        offset += alignedTree.decode(in);
                    } else {
                        offset += in.read(extra);
                    }
                    rr2 = rr1;
                    rr1 = rr0;
                    rr0 = offset;
                }
                if (length > end - pos) {
                    throw new LzxDataException("a match of " + length + " bytes runs past the end of its " + limit);
                }
                long before = produced + pos;
                if (offset <= 0 || offset > before || offset > windowSize) {
                    throw new LzxDataException("match offset " + Integer.toUnsignedString(offset) + " at stream position "
                            + before + " points before the start of the stream or the window ("
                            + windowSize + " bytes)");
                }
                int src = pos - offset;
                if (src < 0) {
                    src += windowSize;
                }
                if (offset >= length && src + length <= windowSize) {
                    System.arraycopy(w, src, w, pos, length);
                    pos += length;
                } else {
                    for (int i = 0; i < length; i++) {
                        w[pos++] = w[src++];
                        if (src == windowSize) {
                            src = 0;
                        }
                    }
                }
            }
            if (in.overrun() > 0) {
                throw new LzxDataException("the frame's compressed data ends early (truncated, or corrupt)");
            }
        } finally {
            windowPos = pos;
            r0 = rr0;
            r1 = rr1;
            r2 = rr2;
        }
    }
}
