package dev.ssprkit.cab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The uncompressed stream of one folder, decoded CFDATA by CFDATA. Each block is checked (bounds, checksum,
 * cbUncomp &le; 32768) before it is decoded, and decoding stops at cbUncomp + 1 bytes, so a deflate bomb is detected
 * instead of inflated. MSZIP keeps the previous block's 32 KiB as the inflater's preset dictionary, because encoders
 * may refer back across block boundaries.
 */
final class FolderDataStream extends InputStream {
    private CabInput in; // the cabinet of the current segment
    private CfFolder folder; // the current segment's CFFOLDER
    private final java.util.List<CabinetSet.Segment> segments; // a folder spanning a set has several, else one
    private int segment; // index in segments
    private int recordInSegment; // CFDATA records of the current segment already read
    private final int folderIndex;
    private int cbCFData;
    private final Inflater inflater;
    private final FolderDecoder decoder; // LZX; null for MSZIP and stored blocks, decoded here
    private final byte[] own = new byte[CabFormat.BLOCK_SIZE + 1]; // where this thread inflates
    private final BlockPrefetch prefetch; // null: every block is read and decoded here
    private BlockPrefetch.Block oneBack, twoBack; // the blocks before the current one, from the prefetch
    private byte[] out = own; // the current block's output: own, or a block decoded ahead
    private byte[] history; // the previous block's output (MSZIP only); setDictionary copies it, so it may be own
    private byte[] input = new byte[0];
    private byte[] header = new byte[0];
    private int blockIndex;
    private long nextBlockOffset;
    private int outPos;
    private int outLen;
    private long position;

    FolderDataStream(CabInput in, CfFolder folder, int folderIndex, int cbCFData) throws CabinetException {
        this(in, folder, folderIndex, cbCFData, null, 1);
    }

    /**
     * @param pool when not null and the folder is MSZIP, blocks are read ahead and verified and inflated on the pool
     *             where that can be done without the previous block ({@link BlockPrefetch}); output and errors are
     *             the same as without it
     */
    FolderDataStream(CabInput in, CfFolder folder, int folderIndex, int cbCFData, java.util.concurrent.ExecutorService pool,
                     int threads) throws CabinetException {
        this(java.util.List.of(new CabinetSet.Segment(in, folder, cbCFData, folderIndex)), folderIndex, pool, threads);
    }

    /**
     * A folder whose blocks run through the segments in order (a folder spanning cabinets of a set). Blocks are read
     * ahead on the pool only for a folder held in one cabinet.
     */
    FolderDataStream(java.util.List<CabinetSet.Segment> segments, int folderIndex, java.util.concurrent.ExecutorService pool,
                     int threads) throws CabinetException {
        this.segments = segments;
        CabinetSet.Segment first = segments.get(0);
        CabInput in = first.in();
        CfFolder folder = first.folder();
        int cbCFData = first.cbCFData();
        this.in = in;
        this.folder = folder;
        this.folderIndex = folderIndex;
        this.cbCFData = cbCFData;
        this.nextBlockOffset = folder.coffCabStart();
        this.decoder = FolderDecoder.forFolder(in, folder, folderIndex);
        switch (folder.method()) {
            case CabFormat.TYPE_NONE, CabFormat.TYPE_LZX -> this.inflater = null;
            case CabFormat.TYPE_MSZIP -> this.inflater = new Inflater(true);
            case CabFormat.TYPE_QUANTUM -> throw in.fail("folder " + folderIndex + " uses Quantum compression, which is unsupported");
            default -> throw in.fail("folder " + folderIndex + " uses unknown compression type "
                    + CabFormat.hex(folder.typeCompress()));
        }
        for (CabinetSet.Segment seg : segments) {
            if (seg.folder().typeCompress() != folder.typeCompress()) {
                throw seg.in().fail("folder " + seg.folderIndex() + " continues a folder of another cabinet but its compression "
                        + CabFormat.hex(seg.folder().typeCompress()) + " differs from " + CabFormat.hex(folder.typeCompress()));
            }
        }
        this.prefetch = pool != null && inflater != null && folder.cCFData() > 1 && segments.size() == 1
                ? new BlockPrefetch(in, folder, folderIndex, cbCFData, pool, threads) : null;
    }

    /** Uncompressed bytes delivered so far. */
    long position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (outPos == outLen && !nextBlock()) {
            return -1;
        }
        int n = Math.min(len, outLen - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        position += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            if (outPos == outLen && !nextBlock()) {
                break;
            }
            int step = (int) Math.min(n - skipped, outLen - outPos);
            outPos += step;
            position += step;
            skipped += step;
        }
        return skipped;
    }

    /** True when CFDATA records remain in this or a later segment. */
    private boolean moreRecords() {
        for (int i = segment; i < segments.size(); i++) {
            if ((i == segment ? recordInSegment : 0) < segments.get(i).folder().cCFData()) return true;
        }
        return false;
    }

    /** Moves to the next segment that has records (a set's next cabinet). */
    private void nextSegment() {
        segment++;
        recordInSegment = 0;
        CabinetSet.Segment seg = segments.get(segment);
        in = seg.in();
        folder = seg.folder();
        cbCFData = seg.cbCFData();
        nextBlockOffset = folder.coffCabStart();
    }

    /**
     * Reads the next CFDATA record into {@code input} and verifies its checksum; a block split between two cabinets
     * (its first part has cbUncomp = 0, MS-CAB 2.1) is read from both and joined, each part checked on its own.
     * Returns the block's header with csum 0 (verified).
     */
    private CfData readRecord(String where) throws IOException {
        int cbData = 0;
        while (true) {
            while (recordInSegment == folder.cCFData()) nextSegment();
            int headerSize = CfData.SIZE + cbCFData;
            if (header.length < headerSize) header = new byte[headerSize];
            String here = segments.size() > 1 ? where + " (" + in.label() + " folder " + segments.get(segment).folderIndex() + " block " + recordInSegment + ")" : where;
            in.readInto(nextBlockOffset, header, 0, headerSize, here + " header");
            CfData d = CfData.read(ByteBuffer.wrap(header));
            boolean splitHere = d.cbUncomp() == 0 && recordInSegment + 1 == folder.cCFData() && segment + 1 < segments.size();
            if (!splitHere) { // the header checks come before the data is read, as on the read-ahead path
                if (d.cbUncomp() == 0 || d.cbUncomp() > CabFormat.BLOCK_SIZE) {
                    throw in.fail(where + ": cbUncomp = " + d.cbUncomp() + " (must be 1.." + CabFormat.BLOCK_SIZE + ")");
                }
                recordInSegment++;
                boolean last = !moreRecords();
                recordInSegment--;
                if (inflater != null && !last && d.cbUncomp() != CabFormat.BLOCK_SIZE) {
                    throw in.fail(where + ": cbUncomp = " + d.cbUncomp() + " but every MSZIP block except the folder's last "
                            + "must hold " + CabFormat.BLOCK_SIZE + " bytes (the decoder's history would be misaligned)");
                }
            }
            if (cbData + d.cbData() > CabFormat.MAX_MSZIP_CBDATA * 2L) {
                throw in.fail(here + ": a block split across cabinets holds " + (cbData + d.cbData()) + " bytes, more than a block can");
            }
            if (input.length < cbData + d.cbData() + 1) input = java.util.Arrays.copyOf(input, Math.max(cbData + d.cbData() + 1, CabFormat.MAX_MSZIP_CBDATA + 1));
            in.readInto(nextBlockOffset + headerSize, input, cbData, d.cbData(), here + " data (cbData = " + d.cbData() + ")");
            if (d.csum() != 0) {
                int actual = CabChecksum.ofBlock(input, cbData, d.cbData(), d.cbData(), d.cbUncomp());
                if (actual != d.csum()) {
                    throw in.fail(here + ": checksum mismatch (stored " + CabFormat.hex(Integer.toUnsignedLong(d.csum()))
                            + ", computed " + CabFormat.hex(Integer.toUnsignedLong(actual)) + ")");
                }
            }
            nextBlockOffset += headerSize + d.cbData();
            recordInSegment++;
            cbData += d.cbData();
            if (!splitHere) return new CfData(0, cbData, d.cbUncomp());
        }
    }

    private boolean nextBlock() throws IOException {
        if (segments.size() > 1 ? !moreRecords() : blockIndex == folder.cCFData()) {
            return false;
        }
        String where = "folder " + folderIndex + ", CFDATA block " + blockIndex;
        int headerSize = CfData.SIZE + cbCFData;
        CfData d;
        BlockPrefetch.Block ahead = null;
        if (prefetch != null) {
            ahead = prefetch.next(); // throws what reading this block here would have thrown
            d = ahead.header;
            prefetch.release(twoBack); // neither the current block nor the history any more
            twoBack = oneBack;
            oneBack = ahead;
        } else {
            d = readRecord(where); // data in input, checksum verified
        }
        if (d.cbUncomp() == 0 || d.cbUncomp() > CabFormat.BLOCK_SIZE) {
            throw in.fail(where + ": cbUncomp = " + d.cbUncomp() + " (must be 1.." + CabFormat.BLOCK_SIZE + ")");
        }
        boolean last = segments.size() > 1 ? !moreRecords() : blockIndex == folder.cCFData() - 1;
        if ((inflater != null || decoder != null) && !last && d.cbUncomp() != CabFormat.BLOCK_SIZE) {
            throw in.fail(where + ": cbUncomp = " + d.cbUncomp() + " but every " + (decoder != null ? "LZX" : "MSZIP")
                    + " block except the folder's last "
                    + "must hold " + CabFormat.BLOCK_SIZE + " bytes (the decoder's history would be misaligned)");
        }
        if (ahead != null && ahead.decoded != null) { // checked and inflated on the pool, exactly as below
            out = ahead.decoded;
            if (d.cbUncomp() == CabFormat.BLOCK_SIZE) {
                history = out;
            }
        } else {
            byte[] data;
            data = ahead != null ? ahead.data : input;
            if (d.csum() != 0 && (ahead == null || !ahead.checksumOk)) {
                int actual = CabChecksum.ofBlock(data, 0, d.cbData(), d.cbData(), d.cbUncomp());
                if (actual != d.csum()) {
                    throw in.fail(where + ": checksum mismatch (stored " + CabFormat.hex(Integer.toUnsignedLong(d.csum()))
                            + ", computed " + CabFormat.hex(Integer.toUnsignedLong(actual)) + ")");
                }
            }
            out = own;
            if (decoder != null) {
                decoder.decode(d, data, out, where);
            } else if (inflater == null) {
                if (d.cbData() != d.cbUncomp()) {
                    throw in.fail(where + ": uncompressed block has cbData = " + d.cbData() + " but cbUncomp = " + d.cbUncomp());
                }
                System.arraycopy(data, 0, out, 0, d.cbData());
            } else {
                inflate(d, data, where);
            }
        }
        outPos = 0;
        outLen = d.cbUncomp();
        if (ahead != null) nextBlockOffset += headerSize + d.cbData(); // readRecord moved past what it read
        blockIndex++;
        return true;
    }

    private void inflate(CfData d, byte[] input, String where) throws CabinetException {
        if (d.cbData() > CabFormat.MAX_MSZIP_CBDATA) {
            throw in.fail(where + ": MSZIP cbData = " + d.cbData() + " exceeds " + CabFormat.MAX_MSZIP_CBDATA);
        }
        if (d.cbData() < 3 || input[0] != 'C' || input[1] != 'K') {
            throw in.fail(where + ": MSZIP block does not start with the 'CK' signature");
        }
        int n;
        try {
            n = inflateBlock(inflater, history, input, d.cbData(), out);
        } catch (DataFormatException e) {
            throw in.fail(where + ": corrupt MSZIP data (" + e.getMessage() + ")", e);
        }
        if (n > d.cbUncomp()) {
            throw in.fail(where + ": MSZIP data inflates past cbUncomp = " + d.cbUncomp() + " bytes");
        }
        if (!inflater.finished()) {
            throw in.fail(where + ": MSZIP data ends before its final deflate block (truncated or corrupt)");
        }
        if (n < d.cbUncomp()) {
            throw in.fail(where + ": MSZIP data inflates to " + n + " bytes but cbUncomp = " + d.cbUncomp());
        }
        if (n == CabFormat.BLOCK_SIZE) {
            history = out; // the next block's setDictionary copies it before anything overwrites out
        }
    }

    /**
     * Inflates one MSZIP block's ab (after "CK"; {@code input} has one spare byte after cbData) into {@code out}
     * (at least cbUncomp + 1 bytes, so overlong data shows), with {@code history} (32 KiB) as dictionary when not
     * null. Returns the bytes produced; {@link Inflater#finished()} tells whether the final deflate block was seen.
     */
    static int inflateBlock(Inflater inflater, byte[] history, byte[] input, int cbData, byte[] out) throws DataFormatException {
        inflater.reset();
        if (history != null) {
            inflater.setDictionary(history, 0, CabFormat.BLOCK_SIZE);
        }
        input[cbData] = 0; // zlib may look one byte past a raw stream
        inflater.setInput(input, 2, cbData - 1);
        int n = 0;
        while (n < out.length && !inflater.finished()) {
            int r = inflater.inflate(out, n, out.length - n);
            n += r;
            if (r == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
            if (r == 0 && !inflater.finished()) {
                break;
            }
        }
        return n;
    }

    @Override
    public void close() {
        if (prefetch != null) {
            prefetch.close();
        }
        if (inflater != null) {
            inflater.end();
        }
    }
}
