package dev.ssprkit.cab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads an MSZIP folder's CFDATA records ahead, in chunks of {@link #CHUNK} blocks, and verifies and inflates them on
 * a pool while the caller is still writing earlier files.
 *
 * <p>MSZIP carries the 32 KiB history from block to block, so in general block n can only be inflated after block
 * n-1. But a block that inflates without any dictionary never refers back (zlib refuses a distance beyond what it has
 * produced: "invalid distance too far back"), and then its output is the same as with the dictionary. So each chunk's
 * first block is tried without one; when that works, the rest of the chunk follows on the same worker with its
 * predecessor's output as usual. libgcab (wixl, msitools) compresses every block on its own, and our
 * {@link CfDataEncoder} starts every segment afresh, so for those cabinets every chunk decodes in parallel; for a
 * cabinet whose blocks all refer back, the attempt fails within the block and the caller inflates the chunk itself.
 *
 * <p>The pool only ever does what {@link FolderDataStream} would check anyway, and hands over nothing it is unsure
 * of: a block it did not decode (any check failed, any inflate error) is decoded again by the caller, which raises
 * the usual error in the usual order. A read error is likewise kept and raised when the caller reaches that block.
 */
final class BlockPrefetch {
    /** Blocks per chunk, aligned on block indexes: the same as {@link CfDataEncoder#SEGMENT_BLOCKS}. */
    static final int CHUNK = CfDataEncoder.SEGMENT_BLOCKS;

    /** One CFDATA record read ahead; {@code decoded} is set when the pool verified and inflated it. */
    static final class Block {
        final CfData header;
        final byte[] data; // cbData bytes and at least one spare
        final IOException readError;
        volatile boolean checksumOk;
        volatile byte[] decoded;

        Block(CfData header, byte[] data) {
            this.header = header;
            this.data = data;
            this.readError = null;
        }

        Block(IOException readError) {
            this.header = null;
            this.data = null;
            this.readError = readError;
        }
    }

    private final CabInput in;
    private final CfFolder folder;
    private final int folderIndex;
    private final int cbCFData;
    private final ExecutorService pool;
    private final int window;
    private final Deque<Future<Block[]>> inFlight = new ArrayDeque<>();
    private int nextToRead;
    private long nextOffset;
    private boolean readFailed;
    /** Arrays handed back by the caller two blocks later, so that decoding does not churn the heap. */
    private final ConcurrentLinkedQueue<byte[]> freeData = new ConcurrentLinkedQueue<>(), freeOut = new ConcurrentLinkedQueue<>();
    private Block[] current;
    private byte[] header = new byte[0];
    private int currentPos;

    /** @param threads the pool's size; up to twice as many chunks are in flight (at most 16 MiB) */
    BlockPrefetch(CabInput in, CfFolder folder, int folderIndex, int cbCFData, ExecutorService pool, int threads) {
        this.in = in;
        this.folder = folder;
        this.folderIndex = folderIndex;
        this.cbCFData = cbCFData;
        this.pool = pool;
        this.window = Math.min(2 * threads + 2, 16);
        this.nextOffset = folder.coffCabStart();
    }

    /** The next block in folder order; throws the error reading it raised. */
    Block next() throws IOException {
        if (current == null || currentPos == current.length) {
            fill();
            if (inFlight.isEmpty()) {
                throw new IllegalStateException("read past the folder's last block");
            }
            current = Workers.await(inFlight.removeFirst(), "decoding cabinet blocks");
            currentPos = 0;
            fill();
        }
        Block b = current[currentPos];
        current[currentPos++] = null;
        if (b.readError != null) {
            throw b.readError;
        }
        return b;
    }

    /** Reads chunks until the window is full (the reading stays on the caller's thread, in folder order). */
    private void fill() {
        while (inFlight.size() < window && nextToRead < folder.cCFData() && !readFailed) {
            int n = Math.min(CHUNK - nextToRead % CHUNK, folder.cCFData() - nextToRead);
            Block[] chunk = new Block[n];
            int filled = 0;
            while (filled < n) {
                Block b = read(nextToRead);
                chunk[filled++] = b;
                nextToRead++;
                if (b.readError != null) {
                    readFailed = true;
                    break;
                }
            }
            Block[] blocks = filled == n ? chunk : java.util.Arrays.copyOf(chunk, filled);
            int first = nextToRead - filled;
            inFlight.addLast(pool.submit(() -> decode(blocks, first)));
        }
    }

    private Block read(int index) {
        String where = "folder " + folderIndex + ", CFDATA block " + index;
        int headerSize = CfData.SIZE + cbCFData;
        if (header.length < headerSize) {
            header = new byte[headerSize];
        }
        try {
            in.readInto(nextOffset, header, 0, headerSize, where + " header");
            CfData d = CfData.read(ByteBuffer.wrap(header));
            boolean last = index == folder.cCFData() - 1;
            if (d.cbUncomp() == 0 || d.cbUncomp() > CabFormat.BLOCK_SIZE || !last && d.cbUncomp() != CabFormat.BLOCK_SIZE) {
                // the caller fails on the header before reading the data: so do we, without reading on
                readFailed = true;
                return new Block(d, null);
            }
            byte[] data = d.cbData() <= CabFormat.MAX_MSZIP_CBDATA ? take(freeData, CabFormat.MAX_MSZIP_CBDATA + 1) : new byte[d.cbData() + 1];
            in.readInto(nextOffset + headerSize, data, 0, d.cbData(), where + " data (cbData = " + d.cbData() + ")");
            nextOffset += headerSize + d.cbData();
            return new Block(d, data);
        } catch (IOException e) {
            return new Block(e);
        }
    }

    /** Verifies and, where possible, inflates a chunk; pure apart from setting the blocks' results. */
    private Block[] decode(Block[] blocks, int firstIndex) {
        Inflater inflater = null;
        try {
            byte[] history = null;
            boolean chained = true; // every block so far decoded here
            for (int i = 0; i < blocks.length; i++) {
                Block b = blocks[i];
                if (b.readError != null || b.data == null) {
                    break;
                }
                CfData d = b.header;
                boolean last = firstIndex + i == folder.cCFData() - 1;
                if (!last && d.cbUncomp() != CabFormat.BLOCK_SIZE) {
                    break;
                }
                if (d.csum() != 0 && CabChecksum.ofBlock(b.data, 0, d.cbData(), d.cbData(), d.cbUncomp()) != d.csum()) {
                    break;
                }
                b.checksumOk = true;
                if (!chained || d.cbData() > CabFormat.MAX_MSZIP_CBDATA || d.cbData() < 3 || b.data[0] != 'C' || b.data[1] != 'K') {
                    chained = false;
                    continue; // still verify the checksums of the rest
                }
                if (inflater == null) {
                    inflater = new Inflater(true);
                }
                byte[] out = take(freeOut, CabFormat.BLOCK_SIZE + 1);
                int n;
                try {
                    n = FolderDataStream.inflateBlock(inflater, history, b.data, d.cbData(), out);
                } catch (DataFormatException e) {
                    chained = false; // the first block refers back, or the data is corrupt: the caller will tell
                    freeOut.offer(out);
                    continue;
                }
                if (n != d.cbUncomp() || !inflater.finished()) {
                    chained = false;
                    freeOut.offer(out);
                    continue;
                }
                b.decoded = out;
                if (n == CabFormat.BLOCK_SIZE) {
                    history = out;
                }
            }
            return blocks;
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    private static byte[] take(ConcurrentLinkedQueue<byte[]> free, int size) {
        byte[] b = free.poll();
        return b != null ? b : new byte[size];
    }

    /**
     * The caller is done with {@code b}: neither its data nor its output is read again (its output is no longer the
     * current block nor the history), so both arrays may be reused.
     */
    void release(Block b) {
        if (b == null) {
            return;
        }
        if (b.data != null && b.data.length == CabFormat.MAX_MSZIP_CBDATA + 1) {
            freeData.offer(b.data);
        }
        byte[] out = b.decoded;
        if (out != null) {
            freeOut.offer(out);
        }
    }

    /** Abandons what is still in flight. */
    void close() {
        inFlight.forEach(f -> f.cancel(true));
        inFlight.clear();
    }
}
