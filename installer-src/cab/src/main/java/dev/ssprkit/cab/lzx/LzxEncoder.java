package dev.ssprkit.cab.lzx;

import java.io.IOException;
import static dev.ssprkit.cab.lzx.LzxFormat.*;

/**
 * Compresses one LZX stream (a cabinet folder), frame by frame, and hands each frame's compressed bytes to a
 * {@link FrameSink} (one CFDATA block each). Deterministic: the output depends only on the input, the window and the
 * effort.
 *
 * <p>Frames are collected into groups of {@link #GROUP_FRAMES}; each group is parsed into items
 * ({@link MatchParser}), then cut into blocks: runs of incompressible frames (a flat byte histogram) become
 * uncompressed blocks without being parsed; the others are merged into one block while the estimated cost of the
 * merged statistics (entropy plus tree overhead) is not above the cost of keeping them apart. Each block gets Huffman
 * trees built from its own statistics, is written as an aligned-offset block when the aligned tree saves more than
 * it costs, and as an uncompressed block when that is smaller.
 */
public final class LzxEncoder {
    /** Receives the compressed bytes of one frame; the array is reused after the call. */
    @FunctionalInterface
    public interface FrameSink {
        void frame(byte[] data, int length, int uncompressedSize) throws IOException;
    }

    /** The E8 translation size Microsoft's cabinet compressor writes; any value works with every decoder. */
    public static final int DEFAULT_E8_TRANSLATION_SIZE = 12_000_000;
    static final int GROUP_FRAMES = 16;
    /** The largest compressed frame the cabinet format allows (CFDATA.cbData for LZX: 32768 + 6144). */
    static final int MAX_COMPRESSED_FRAME = FRAME_SIZE + 6144;
    private static final int ALIGNED_TREE_BITS = 3 * ALIGNED_NUM_ELEMENTS;

    private final int windowSize;
    private final int mainElements;
    private final int e8TranslationSize;
    private final MatchParser parser;
    private final FrameSink sink;
    private final BitWriter out = new BitWriter();
    private final Items items = new Items(GROUP_FRAMES * FRAME_SIZE);
    private final int[] frameEnd = new int[GROUP_FRAMES];
    private final int[] itemEnd = new int[GROUP_FRAMES];
    private final boolean[] raw = new boolean[GROUP_FRAMES];
    private final int[][] repeatsAfter = new int[GROUP_FRAMES][3];
    private final byte[] mainPrevious;
    private final byte[] lengthPrevious = new byte[NUM_SECONDARY_LENGTHS];
    private int groupStart;
    private int dataEnd;
    private int framesInGroup;
    private int frameIndex;
    private boolean headerWritten;
    private boolean lastFrameSeen;

    /**
     * @param e8TranslationSize 0 for no E8 translation (the stream header says so), else the translation size;
     *                          the caller turns it off for streams longer than 2^30 bytes, where decoders disagree
     *                          on the frame where translation stops
     */
    public LzxEncoder(int windowBits, LzxEffort effort, int e8TranslationSize, FrameSink sink) {
        checkWindowBits(windowBits);
        this.windowSize = 1 << windowBits;
        this.mainElements = LzxFormat.mainElements(windowBits);
        this.e8TranslationSize = e8TranslationSize;
        this.sink = sink;
        this.parser = new MatchParser(windowBits, effort, windowSize + GROUP_FRAMES * FRAME_SIZE);
        this.mainPrevious = new byte[mainElements];
    }

    /** Adds the next frame: 32768 bytes, or 1..32768 for the stream's last. */
    public void frame(byte[] data, int off, int len) throws IOException {
        if (lastFrameSeen) {
            throw new IllegalStateException("a frame after the last (short) frame");
        }
        if (len < 1 || len > FRAME_SIZE) {
            throw new IllegalArgumentException("frame of " + len + " bytes");
        }
        lastFrameSeen = len < FRAME_SIZE;
        if (framesInGroup == 0) {
            if (dataEnd + GROUP_FRAMES * FRAME_SIZE > parser.buf.length) {
                dataEnd -= parser.slide(dataEnd, windowSize);
            }
            groupStart = dataEnd;
        }
        byte[] buf = parser.buf;
        System.arraycopy(data, off, buf, dataEnd, len);
        if (e8TranslationSize != 0 && frameIndex < E8_MAX_FRAMES && len > E8_MIN_FRAME) {
            E8Translation.encode(buf, dataEnd, len, (int) (parser.base + dataEnd), e8TranslationSize);
        }
        dataEnd += len;
        frameEnd[framesInGroup++] = dataEnd;
        frameIndex++;
        if (framesInGroup == GROUP_FRAMES) {
            encodeGroup();
        }
    }

    /** Compresses what is left. A stream of no frames writes nothing. */
    public void finish() throws IOException {
        if (framesInGroup > 0) {
            encodeGroup();
        }
    }

    private int frameStart(int f) {
        return f == 0 ? groupStart : frameEnd[f - 1];
    }

    private int itemStart(int f) {
        return f == 0 ? 0 : itemEnd[f - 1];
    }

    private void encodeGroup() throws IOException {
        items.clear();
        int n = framesInGroup;
        for (int f = 0; f < n; f++) {
            int start = frameStart(f), end = frameEnd[f];
            raw[f] = looksRandom(parser.buf, start, end);
            if (raw[f]) {
                parser.skipTo(parser.base + end);
            } else {
                parser.parseFrame(start, end, dataEnd, items);
            }
            itemEnd[f] = items.count;
            repeatsAfter[f][0] = parser.r0;
            repeatsAfter[f][1] = parser.r1;
            repeatsAfter[f][2] = parser.r2;
        }
        int statSize = mainElements + NUM_SECONDARY_LENGTHS;
        int a = 0;
        while (a < n) {
            int b = a + 1;
            if (raw[a]) {
                while (b < n && raw[b]) b++;
                writeUncompressed(a, b);
            } else {
                int[] merged = histogram(a, new int[statSize]);
                double mergedCost = estimate(merged);
                while (b < n && !raw[b]) {
                    int[] next = histogram(b, new int[statSize]);
                    int[] both = merged.clone();
                    for (int s = 0; s < statSize; s++) both[s] += next[s];
                    double bothCost = estimate(both);
                    if (bothCost > mergedCost + estimate(next)) break;
                    merged = both;
                    mergedCost = bothCost;
                    b++;
                }
                writeBlock(a, b);
            }
            a = b;
        }
        framesInGroup = 0;
        groupStart = dataEnd;
    }

    private int[] histogram(int f, int[] h) {
        int[] sym = items.symbols;
        for (int k = itemStart(f), end = itemEnd[f]; k < end; k++) {
            h[Items.mainSymbol(sym[k])]++;
            int ls = Items.lengthSymbol(sym[k]);
            if (ls >= 0) h[mainElements + ls]++;
        }
        return h;
    }

    /** Estimated bits of a block with these statistics: their entropy plus about 4 bits per used symbol for the trees. */
    private static double estimate(int[] h) {
        long total = 0;
        int used = 0;
        for (int c : h) {
            total += c;
            if (c > 0) used++;
        }
        if (total == 0) return 0;
        double bits = 0;
        double logTotal = Math.log(total);
        for (int c : h) {
            if (c > 0) bits += c * (logTotal - Math.log(c));
        }
        return bits / Math.log(2) + 4.0 * used + 300;
    }

    /** Writes frames [a, b) as one verbatim or aligned block, or as uncompressed when that is smaller. */
    private void writeBlock(int a, int b) throws IOException {
        int[] mainFreq = new int[mainElements];
        int[] lengthFreq = new int[NUM_SECONDARY_LENGTHS];
        int[] alignedFreq = new int[ALIGNED_NUM_ELEMENTS];
        long verbatimFooterBits = 0;
        int[] sym = items.symbols, foot = items.footers;
        int first = itemStart(a), last = itemEnd[b - 1];
        for (int k = first; k < last; k++) {
            int m = Items.mainSymbol(sym[k]);
            mainFreq[m]++;
            int ls = Items.lengthSymbol(sym[k]);
            if (ls >= 0) lengthFreq[ls]++;
            if (m >= NUM_CHARS) {
                int slot = (m - NUM_CHARS) >>> 3;
                if (slot >= 3) {
                    int extra = FOOTER_BITS[slot];
                    verbatimFooterBits += extra;
                    if (extra >= 3) alignedFreq[foot[k] & 7]++;
                }
            }
        }
        if (e8TranslationSize != 0 && mainFreq[0xE8] == 0) {
            mainFreq[0xE8] = 1; // some decoders start E8 translation only once a tree gives 0xE8 a code
        }
        boolean lengthTreeUsed = false;
        for (int c : lengthFreq) lengthTreeUsed |= c > 0;
        if (!lengthTreeUsed) {
            lengthFreq[0] = 1; // an empty tree is legal, but a two-symbol one is accepted by every decoder
        }
        byte[] mainLen = HuffmanCode.lengths(mainFreq, mainElements, MAX_CODE_LENGTH);
        byte[] lengthLen = HuffmanCode.lengths(lengthFreq, NUM_SECONDARY_LENGTHS, MAX_CODE_LENGTH);
        byte[] alignedLen = HuffmanCode.lengths(alignedFreq, ALIGNED_NUM_ELEMENTS, ALIGNED_MAX_CODE_LENGTH);
        long alignedFooterBits = ALIGNED_TREE_BITS;
        boolean alignedUsed = false;
        for (int k = first; k < last; k++) {
            int m = Items.mainSymbol(sym[k]);
            if (m >= NUM_CHARS && (m - NUM_CHARS) >>> 3 >= 3) {
                int extra = FOOTER_BITS[(m - NUM_CHARS) >>> 3];
                if (extra >= 3) {
                    alignedFooterBits += extra - 3 + alignedLen[foot[k] & 7];
                    alignedUsed = true;
                } else {
                    alignedFooterBits += extra;
                }
            }
        }
        boolean aligned = alignedUsed && alignedFooterBits < verbatimFooterBits;
        long treeBits = PretreeWriter.write(null, mainLen, mainPrevious, 0, NUM_CHARS)
                + PretreeWriter.write(null, mainLen, mainPrevious, NUM_CHARS, mainElements)
                + PretreeWriter.write(null, lengthLen, lengthPrevious, 0, NUM_SECONDARY_LENGTHS);
        long headerBits = (headerWritten ? 0 : e8TranslationSize != 0 ? 33 : 1) + 27 + treeBits;
        long blockBits = headerBits + (aligned ? alignedFooterBits : verbatimFooterBits);
        int[] lengthCodes = HuffmanCode.codes(lengthLen, NUM_SECONDARY_LENGTHS);
        boolean frameTooLarge = false;
        for (int f = a; f < b; f++) {
            long frameBits = frameBits(f, mainLen, lengthLen, alignedLen, aligned) + (f == a ? headerBits : 0);
            frameTooLarge |= frameBits + 16 > 8L * MAX_COMPRESSED_FRAME;
            blockBits += frameBits - (f == a ? headerBits : 0) + 16;
        }
        long bytes = frameEnd[b - 1] - frameStart(a);
        long uncompressedBits = (headerWritten ? 0 : e8TranslationSize != 0 ? 33 : 1) + 27 + 16 + 96 + 8 * bytes + 8;
        if (frameTooLarge && b - a > 1) {
            for (int f = a; f < b; f++) writeBlock(f, f + 1);
            return;
        }
        if (frameTooLarge || uncompressedBits <= blockBits) {
            writeUncompressed(a, b);
            return;
        }
        int[] mainCodes = HuffmanCode.codes(mainLen, mainElements);
        int[] alignedCodes = HuffmanCode.codes(alignedLen, ALIGNED_NUM_ELEMENTS);
        writeHeader(aligned ? BLOCKTYPE_ALIGNED : BLOCKTYPE_VERBATIM, (int) bytes);
        if (aligned) {
            for (int s = 0; s < ALIGNED_NUM_ELEMENTS; s++) out.write(alignedLen[s], 3);
        }
        PretreeWriter.write(out, mainLen, mainPrevious, 0, NUM_CHARS);
        PretreeWriter.write(out, mainLen, mainPrevious, NUM_CHARS, mainElements);
        PretreeWriter.write(out, lengthLen, lengthPrevious, 0, NUM_SECONDARY_LENGTHS);
        System.arraycopy(mainLen, 0, mainPrevious, 0, mainElements);
        System.arraycopy(lengthLen, 0, lengthPrevious, 0, NUM_SECONDARY_LENGTHS);
        for (int f = a; f < b; f++) {
            for (int k = itemStart(f), end = itemEnd[f]; k < end; k++) {
                int s = sym[k];
                int m = Items.mainSymbol(s);
                out.write(mainCodes[m], mainLen[m]);
                if (m < NUM_CHARS) continue;
                int ls = Items.lengthSymbol(s);
                if (ls >= 0) out.write(lengthCodes[ls], lengthLen[ls]);
                int slot = (m - NUM_CHARS) >>> 3;
                if (slot < 3) continue;
                int extra = FOOTER_BITS[slot], footer = foot[k];
                if (aligned && extra >= 3) {
                    out.write(footer >>> 3, extra - 3);
                    out.write(alignedCodes[footer & 7], alignedLen[footer & 7]);
                } else {
                    out.write(footer, extra);
                }
            }
            flushFrame(frameEnd[f] - frameStart(f));
        }
    }

    private long frameBits(int f, byte[] mainLen, byte[] lengthLen, byte[] alignedLen, boolean aligned) {
        long bits = 0;
        int[] sym = items.symbols, foot = items.footers;
        for (int k = itemStart(f), end = itemEnd[f]; k < end; k++) {
            int m = Items.mainSymbol(sym[k]);
            bits += mainLen[m];
            if (m < NUM_CHARS) continue;
            int ls = Items.lengthSymbol(sym[k]);
            if (ls >= 0) bits += lengthLen[ls];
            int slot = (m - NUM_CHARS) >>> 3;
            if (slot < 3) continue;
            int extra = FOOTER_BITS[slot];
            bits += aligned && extra >= 3 ? extra - 3 + alignedLen[foot[k] & 7] : extra;
        }
        return bits;
    }

    /** Frames [a, b) stored: their bytes as they are, with the repeated offsets as they stand after frame b - 1. */
    private void writeUncompressed(int a, int b) throws IOException {
        int bytes = frameEnd[b - 1] - frameStart(a);
        writeHeader(BLOCKTYPE_UNCOMPRESSED, bytes);
        out.uncompressedPadding();
        // the decoder takes R0..R2 from here; the items after this block were parsed with the state after it
        int[] r = repeatsAfter[b - 1];
        out.writeLe32(r[0]);
        out.writeLe32(r[1]);
        out.writeLe32(r[2]);
        for (int f = a; f < b; f++) {
            int start = frameStart(f), len = frameEnd[f] - start;
            out.writeBytes(parser.buf, start, len);
            if (f == b - 1 && (bytes & 1) != 0) {
                out.writeBytes(new byte[1], 0, 1); // an odd block is padded to a 16-bit boundary
            }
            flushFrame(len);
        }
    }

    private void writeHeader(int type, int bytes) {
        if (!headerWritten) {
            if (e8TranslationSize != 0) {
                out.write(1, 1);
                out.write(e8TranslationSize >>> 16, 16);
                out.write(e8TranslationSize & 0xFFFF, 16);
            } else {
                out.write(0, 1);
            }
            headerWritten = true;
        }
        out.write(type, 3);
        out.write(bytes, 24);
    }

    private void flushFrame(int uncompressedSize) throws IOException {
        out.alignToWord();
        sink.frame(out.array(), out.size(), uncompressedSize);
        out.clear();
    }

    /**
     * True when the frame's byte histogram is as flat as random data's (already compressed content), sampling every
     * fourth byte: chi-square over 255 degrees of freedom below 400 (random data scores about 255, text thousands).
     */
    static boolean looksRandom(byte[] b, int start, int end) {
        if (end - start < 16384) return false;
        int[] counts = new int[256];
        for (int i = start; i < end; i += 4) counts[b[i] & 0xFF]++;
        long n = (end - start + 3) / 4;
        long sum = 0;
        for (int c : counts) {
            long d = 256L * c - n;
            sum += d * d;
        }
        return sum < 400L * 256L * n;
    }
}
