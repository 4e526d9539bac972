package dev.ssprkit.cab;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Encodes segments of {@link CfDataEncoder#SEGMENT_BLOCKS} blocks on {@code threads} workers and writes the records in
 * order. The calling thread reads blocks and writes results; at most {@code threads + 2} segments are in flight (a
 * bounded queue), so memory stays near that many times 1 MiB however large the payload. With one thread everything
 * runs on the caller. Segment boundaries depend only on the block index and {@link CfDataEncoder#encodeSegment} is
 * pure, so the output does not depend on the thread count.
 */
final class BlockPipeline {
    private final CfDataEncoder encoder;
    private final int threads;
    /**
     * The blocks and record buffers of the segments in flight, reused by every pipeline of the process: a pool per
     * pipeline made each cabinet allocate its buffers anew (about 5 MB on two cores), which lived as long as the
     * cabinet, so the old generation filled with them; a 3 GB build of 15 cabinets collected it whole every few
     * cabinets and grew the heap each time (fifteenth session). Idle buffers kept: one window of the machine's
     * default thread count (2.6 MB each pool on two cores); pipelines running at once take fresh ones when it is empty.
     */
    private static final int IDLE_SEGMENTS = Runtime.getRuntime().availableProcessors() + 3;
    private static final BufferPool BLOCKS = new BufferPool(CabFormat.BLOCK_SIZE, IDLE_SEGMENTS * CfDataEncoder.SEGMENT_BLOCKS);
    private static final BufferPool RECORDS = new BufferPool(CfDataEncoder.capacity(CfDataEncoder.SEGMENT_BLOCKS), IDLE_SEGMENTS);

    BlockPipeline(CfDataEncoder encoder, int threads) {
        this.encoder = encoder;
        this.threads = threads;
    }

    /** Streams every block of {@code source} to {@code out}; returns the number of CFDATA records written. */
    int run(FolderBlockSource source, OutputStream out) throws IOException {
        ExecutorService pool = threads == 1 ? null : Workers.pool(threads, "cab-deflate");
        Deque<InFlight> inFlight = new ArrayDeque<>();
        int window = threads + 2;
        // the blocks and record buffers of the segments in flight, reused: allocation no longer grows with the payload
        source.recycling(BLOCKS);
        int count = 0;
        try {
            while (true) {
                List<byte[]> segment = new ArrayList<>(CfDataEncoder.SEGMENT_BLOCKS);
                for (byte[] block; segment.size() < CfDataEncoder.SEGMENT_BLOCKS && (block = source.next()) != null; ) segment.add(block);
                if (segment.isEmpty()) break;
                byte[][] blocks = segment.toArray(byte[][]::new);
                count += blocks.length;
                byte[] records = RECORDS.take();
                // Every segment starts without a dictionary (about 0.5% larger than chaining the previous block):
                // its first block then inflates on its own, so readers can decode the segments in parallel too
                // (BlockPrefetch).
                if (pool == null) {
                    out.write(records, 0, encoder.encodeSegment(null, blocks, records));
                    recycle(blocks, records);
                    continue;
                }
                if (inFlight.size() == window) inFlight.removeFirst().writeTo(out);
                inFlight.addLast(new InFlight(pool.submit(() -> encoder.encodeSegment(null, blocks, records)), blocks, records));
            }
            while (!inFlight.isEmpty()) inFlight.removeFirst().writeTo(out);
            return count;
        } finally {
            inFlight.forEach(f -> f.length.cancel(true));
            if (pool != null) pool.shutdownNow();
        }
    }

    /** A segment being encoded: the length of its records, the blocks it reads and the buffer it writes. */
    private record InFlight(Future<Integer> length, byte[][] blocks, byte[] records) {
        void writeTo(OutputStream out) throws IOException {
            out.write(records, 0, Workers.await(length, "compressing cabinet blocks"));
            recycle(blocks, records);
        }
    }

    private static void recycle(byte[][] blocks, byte[] records) {
        for (byte[] b : blocks) BLOCKS.give(b);
        RECORDS.give(records);
    }
}
