package dev.ssprkit.cab;

import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/**
 * Encodes one folder block into a complete CFDATA record (header + ab). A pure function of (previous block, this
 * block, options), so blocks can be encoded on any thread in any order and the cabinet stays byte-identical.
 *
 * <p>MSZIP: {@code 'C' 'K'} + a raw deflate stream whose last block has BFINAL set. MSZIP decoders keep the 32 KiB
 * history across CFDATA blocks (only the Huffman trees reset), so block N is deflated with block N-1 (always a full
 * 32 KiB) as the preset dictionary: it may refer back into it, which compresses better than independent blocks
 * (GCAB's choice). Verified to decode with libmspack (cabextract), libgcab (gcab, msiextract) and our reader.
 *
 * <p>When deflate does not beat storing, or would exceed 32768 + 12 bytes, the block is written as one stored deflate
 * block instead: {@code CK 01 LEN NLEN data} (7 bytes of overhead).
 */
final class CfDataEncoder {
    private static final int STORED_OVERHEAD = 7; // 'C' 'K', BFINAL|BTYPE=00 byte, LEN, NLEN

    private final Compression compression;
    private final CompressionLevel level;

    CfDataEncoder(Compression compression, CompressionLevel level) {
        this.compression = compression;
        this.level = level;
    }

    /**
     * @param previous the folder's previous block (exactly 32 KiB) or null for the first block
     * @param block    1..32768 uncompressed bytes
     * @return the CFDATA record: 8-byte header, then ab
     */
    byte[] encode(byte[] previous, byte[] block) {
        byte[] record;
        int cbData;
        if (compression == Compression.NONE) {
            cbData = block.length;
            record = new byte[CfData.SIZE + cbData];
            System.arraycopy(block, 0, record, CfData.SIZE, cbData);
        } else {
            record = level == CompressionLevel.NONE ? null : deflate(previous, block);
            if (record == null) {
                record = stored(block);
            }
            cbData = record.length - CfData.SIZE;
        }
        int csum = CabChecksum.ofBlock(record, CfData.SIZE, cbData, cbData, block.length);
        new CfData(csum, cbData, block.length).write(ByteBuffer.wrap(record));
        return record;
    }

    /** CK + deflate into a record buffer, or null when storing is no larger or the limit would be exceeded. */
    private byte[] deflate(byte[] previous, byte[] block) {
        int limit = Math.min(CabFormat.MAX_MSZIP_CBDATA, block.length + STORED_OVERHEAD - 1);
        byte[] buf = new byte[CfData.SIZE + limit];
        buf[CfData.SIZE] = 'C';
        buf[CfData.SIZE + 1] = 'K';
        int n = CfData.SIZE + 2;
        Deflater deflater = new Deflater(level.deflaterLevel(), true);
        try {
            if (previous != null) {
                deflater.setDictionary(previous);
            }
            deflater.setInput(block);
            deflater.finish();
            while (!deflater.finished() && n < buf.length) {
                int produced = deflater.deflate(buf, n, buf.length - n);
                if (produced == 0) {
                    break;
                }
                n += produced;
            }
            if (!deflater.finished()) {
                return null; // did not fit within the stored size (or the MSZIP limit)
            }
        } finally {
            deflater.end();
        }
        return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
    }

    private static byte[] stored(byte[] block) {
        int len = block.length;
        byte[] record = new byte[CfData.SIZE + STORED_OVERHEAD + len];
        int p = CfData.SIZE;
        record[p++] = 'C';
        record[p++] = 'K';
        record[p++] = 0x01; // BFINAL=1, BTYPE=00 (stored); the remaining bits pad to the byte boundary
        record[p++] = (byte) len;
        record[p++] = (byte) (len >>> 8);
        record[p++] = (byte) ~len;
        record[p++] = (byte) (~len >>> 8);
        System.arraycopy(block, 0, record, p, len);
        return record;
    }
}
