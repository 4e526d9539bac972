package dev.ssprkit.cab;

import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/**
 * Encodes folder blocks into complete CFDATA records (header + ab). A pure function of (the block before, the blocks,
 * options), so segments can be encoded on any thread in any order and the cabinet stays byte-identical.
 *
 * <p>MSZIP: {@code 'C' 'K'} + raw deflate whose last deflate block has BFINAL set. MSZIP decoders keep the 32 KiB
 * history across CFDATA blocks (only the Huffman trees reset), so later blocks may refer back into earlier ones.
 * A <em>segment</em> of consecutive blocks ({@link #SEGMENT_BLOCKS}, fixed by block index so that it does not depend
 * on the thread count) is compressed as one deflate stream: each block is ended with a sync flush (an empty stored
 * block, byte-aligned) followed by {@code 03 00}, an empty final fixed-Huffman block ([MS-MCI] option (b), as
 * rust-cab does). The stream's history then carries over for free; a segment's first block may take the previous
 * block as a preset dictionary ({@link BlockPipeline} gives none, so that segments also decode independently). Verified to decode with libmspack (cabextract), libgcab (gcab, msiextract), Wine and
 * our reader.
 *
 * <p>Per block, the cheaper of deflated and stored is written: a block whose byte histogram is as flat as random data
 * (already compressed content) is stored without trying deflate, and a block whose deflate output would not beat
 * storing, or would exceed 32768 + 12 bytes, is stored instead: {@code CK 01 LEN NLEN data} (7 bytes of overhead).
 * Storing a block does not disturb the stream: the decoder's history holds a block's bytes however it was encoded.
 */
final class CfDataEncoder {
    /** Blocks per independently compressed segment (512 KiB): large enough that starting afresh costs little. */
    static final int SEGMENT_BLOCKS = 16;
    private static final int STORED_OVERHEAD = 7; // 'C' 'K', BFINAL|BTYPE=00 byte, LEN, NLEN
    /** An empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, then end-of-block (7 zero bits). */
    private static final byte[] FINAL_EMPTY_BLOCK = {0x03, 0x00};
    /**
     * Chi-square (255 degrees of freedom) below which a block's byte histogram counts as random: uniform random
     * 32 KiB blocks score about 255 ± 23; text and code score in the thousands. 400 keeps data that only repeats a
     * random chunk (scoring about 510 for two copies) on the deflate path, where the repeat is found.
     */
    private static final long RANDOM_CHI_SQUARE = 400;

    /** Each thread's deflate output space (twice a block): reused, not allocated per segment. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[2 * CabFormat.BLOCK_SIZE]);
    /** Each thread's byte histogram for {@link #looksRandom(byte[], int[])}. */
    private static final ThreadLocal<int[]> COUNTS = ThreadLocal.withInitial(() -> new int[256]);

    private final Compression compression;
    private final CompressionLevel level;

    CfDataEncoder(Compression compression, CompressionLevel level) {
        this.compression = compression;
        this.level = level;
    }

    /**
     * Encodes one block on its own (the previous block as dictionary); {@link #encodeSegment} with one block.
     *
     * @param previous the folder's previous block (exactly 32 KiB) or null for the first block
     * @param block    1..32768 uncompressed bytes
     * @return the CFDATA record: 8-byte header, then ab
     */
    byte[] encode(byte[] previous, byte[] block) {
        return encodeSegment(previous, new byte[][] {block});
    }

    /**
     * Encodes consecutive blocks into their CFDATA records, concatenated.
     *
     * @param previous the block before {@code blocks[0]} (exactly 32 KiB) or null when it is the folder's first
     */
    byte[] encodeSegment(byte[] previous, byte[][] blocks) {
        byte[] into = new byte[capacity(blocks.length)];
        return java.util.Arrays.copyOf(into, encodeSegment(previous, blocks, into));
    }

    /** The most bytes {@link #encodeSegment(byte[], byte[][], byte[])} writes for {@code blocks} blocks. */
    static int capacity(int blocks) {
        return blocks * (CfData.SIZE + CabFormat.MAX_MSZIP_CBDATA);
    }

    /**
     * Encodes consecutive blocks into their CFDATA records, concatenated, at the start of {@code into} (at least
     * {@link #capacity} bytes); returns how many bytes were written.
     */
    int encodeSegment(byte[] previous, byte[][] blocks, byte[] into) {
        ByteBuffer out = ByteBuffer.wrap(into);
        byte[] scratch = compression == Compression.MSZIP && level != CompressionLevel.NONE ? SCRATCH.get() : null;
        Deflater deflater = null;
        try {
            for (int i = 0; i < blocks.length; i++) {
                byte[] block = blocks[i];
                int start = out.position();
                out.position(start + CfData.SIZE);
                if (compression == Compression.NONE) {
                    out.put(block);
                } else if (scratch == null || looksRandom(block, COUNTS.get())) {
                    stored(out, block);
                    if (deflater != null) {
                        deflater.end(); // the next deflated block starts a new stream with this block as dictionary
                        deflater = null;
                    }
                } else {
                    if (deflater == null) {
                        deflater = new Deflater(level.deflaterLevel(), true);
                        byte[] before = i == 0 ? previous : blocks[i - 1];
                        if (before != null) deflater.setDictionary(before);
                    }
                    int n = deflate(deflater, block, scratch);
                    if (n + 2 <= Math.min(CabFormat.MAX_MSZIP_CBDATA, block.length + STORED_OVERHEAD - 1)) {
                        out.put((byte) 'C').put((byte) 'K').put(scratch, 0, n);
                    } else {
                        stored(out, block);
                    }
                }
                int cbData = out.position() - start - CfData.SIZE;
                int csum = CabChecksum.ofBlock(out.array(), start + CfData.SIZE, cbData, cbData, block.length);
                new CfData(csum, cbData, block.length).write(out.duplicate().position(start));
            }
        } finally {
            if (deflater != null) deflater.end();
        }
        return out.position();
    }

    /** Deflates one block to a byte boundary (sync flush), then closes it with an empty final block; returns the length. */
    private static int deflate(Deflater deflater, byte[] block, byte[] scratch) {
        deflater.setInput(block);
        int space = scratch.length - FINAL_EMPTY_BLOCK.length;
        int n = deflater.deflate(scratch, 0, space, Deflater.SYNC_FLUSH);
        // Deflater fills all the space only when it may have more to give; twice the block size is far beyond that
        if (n == space || !deflater.needsInput()) throw new IllegalStateException("deflate output exceeds twice the block size");
        System.arraycopy(FINAL_EMPTY_BLOCK, 0, scratch, n, FINAL_EMPTY_BLOCK.length);
        return n + FINAL_EMPTY_BLOCK.length;
    }

    /**
     * True when the byte histogram is as flat as random data's. Every fourth byte is counted: the statistic of random
     * data does not depend on the sample size, text's still lands in the thousands, and it costs a quarter as much.
     * Integer arithmetic, so the same on every JVM. Counts into {@code counts} (256 entries, cleared here): the
     * encoder's threads reuse one each, where an array per block was a third of what a 3 GB build allocated while
     * compressing.
     */
    static boolean looksRandom(byte[] block, int[] counts) {
        if (block.length < 4 * 4096) return false;
        java.util.Arrays.fill(counts, 0);
        for (int i = 0; i < block.length; i += 4) counts[block[i] & 0xFF]++;
        long n = (block.length + 3) / 4;
        long sum = 0; // chi-square = sum((256 c - n)^2) / (256 n)
        for (int c : counts) {
            long d = 256L * c - n;
            sum += d * d;
        }
        return sum < RANDOM_CHI_SQUARE * 256L * n;
    }

    private static void stored(ByteBuffer out, byte[] block) {
        int len = block.length;
        out.put((byte) 'C').put((byte) 'K');
        out.put((byte) 0x01); // BFINAL=1, BTYPE=00 (stored); the remaining bits pad to the byte boundary
        out.put((byte) len).put((byte) (len >>> 8));
        out.put((byte) ~len).put((byte) (~len >>> 8));
        out.put(block);
    }
}
