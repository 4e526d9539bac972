package dev.ssprkit.cab;

import dev.ssprkit.cab.lzx.LzxEncoder;
import dev.ssprkit.cab.lzx.LzxFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Compresses the folders of an LZX cabinet, each its own LZX stream, and writes their CFDATA records in folder order.
 * LZX history runs through a whole folder, so parallelism comes from folders: the calling thread reads a folder's
 * bytes (and hashes its files) and hands the folder to a worker; at most {@code threads + 1} folders are in flight.
 * A folder larger than {@link #IN_MEMORY_FOLDER} is compressed on the calling thread while it is read, so memory
 * stays bounded whatever the file sizes. The output is the same for any thread count: how the payload is cut into
 * folders depends only on the file sizes and the window ({@link #folderTarget}).
 */
final class LzxFolderPipeline {
    /** Folders up to this size are read into memory and compressed on a worker. */
    static final long IN_MEMORY_FOLDER = 64L << 20;

    private final CabOptions options;

    LzxFolderPipeline(CabOptions options) {
        this.options = options;
    }

    /**
     * Where the writer starts a new folder: once the current one holds this many bytes (a file never spans folders).
     * Eight windows, at least 8 MiB: each new folder starts with an empty history, which costs little when the folder
     * is many windows long, while 185 MB still gives a 2-core machine a dozen or more folders to share.
     */
    static long folderTarget(int windowBits) {
        return Math.max(8L << 20, 8L << windowBits);
    }

    /**
     * Writes every folder's CFDATA records to {@code out}.
     *
     * @param folders the sources of each folder, in order
     * @return for each folder, the offset of its first record relative to the first byte written
     */
    long[] run(List<? extends List<? extends FolderBlockSource.Source>> folders, EntryDigests digests, OutputStream out)
            throws IOException {
        long[] starts = new long[folders.size()];
        long written = 0;
        int threads = options.threads();
        ExecutorService pool = threads == 1 ? null : Workers.pool(threads, "cab-lzx");
        Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
        Deque<Integer> inFlightIndex = new ArrayDeque<>();
        try {
            for (int k = 0; k < folders.size(); k++) {
                List<? extends FolderBlockSource.Source> sources = folders.get(k);
                long size = sources.stream().mapToLong(FolderBlockSource.Source::size).sum();
                if (pool == null || size > IN_MEMORY_FOLDER) {
                    while (!inFlight.isEmpty()) {
                        byte[] done = Workers.await(inFlight.removeFirst(), "compressing LZX folders");
                        starts[inFlightIndex.removeFirst()] = written;
                        out.write(done);
                        written += done.length;
                    }
                    starts[k] = written;
                    CountingSink sink = new CountingSink(out);
                    try (FolderBlockSource source = new FolderBlockSource(sources, digests)) {
                        encode(source, size, sink);
                    }
                    written += sink.count;
                    continue;
                }
                List<byte[]> blocks = new ArrayList<>();
                try (FolderBlockSource source = new FolderBlockSource(sources, digests)) {
                    for (byte[] b; (b = source.next()) != null; ) blocks.add(b);
                }
                if (inFlight.size() == threads + 1) {
                    byte[] done = Workers.await(inFlight.removeFirst(), "compressing LZX folders");
                    starts[inFlightIndex.removeFirst()] = written;
                    out.write(done);
                    written += done.length;
                }
                inFlight.addLast(pool.submit(() -> encodeInMemory(blocks, size)));
                inFlightIndex.addLast(k);
            }
            while (!inFlight.isEmpty()) {
                byte[] done = Workers.await(inFlight.removeFirst(), "compressing LZX folders");
                starts[inFlightIndex.removeFirst()] = written;
                out.write(done);
                written += done.length;
            }
            return starts;
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            if (pool != null) pool.shutdownNow();
        }
    }

    private byte[] encodeInMemory(List<byte[]> blocks, long size) throws IOException {
        Records records = new Records();
        LzxEncoder encoder = encoder(size, records);
        for (byte[] b : blocks) encoder.frame(b, 0, b.length);
        encoder.finish();
        return records.toArray();
    }

    private void encode(FolderBlockSource source, long size, CountingSink sink) throws IOException {
        LzxEncoder encoder = encoder(size, sink);
        for (byte[] b; (b = source.next()) != null; ) encoder.frame(b, 0, b.length);
        encoder.finish();
    }

    private LzxEncoder encoder(long folderSize, LzxEncoder.FrameSink sink) {
        // decoders disagree on the frame where E8 translation stops (the 32768th or the one after): avoid the question
        int e8 = folderSize <= (long) LzxFormat.FRAME_SIZE * 32768 ? LzxEncoder.DEFAULT_E8_TRANSLATION_SIZE : 0;
        return new LzxEncoder(options.lzxWindowBits(), options.level().lzxEffort(), e8, sink);
    }

    /** One CFDATA record (header with checksum, then the frame's bytes) for a compressed frame. */
    static byte[] record(byte[] data, int length, int uncompressedSize) {
        byte[] rec = new byte[CfData.SIZE + length];
        System.arraycopy(data, 0, rec, CfData.SIZE, length);
        int csum = CabChecksum.ofBlock(rec, CfData.SIZE, length, length, uncompressedSize);
        new CfData(csum, length, uncompressedSize).write(java.nio.ByteBuffer.wrap(rec));
        return rec;
    }

    /** Collects a folder's records in memory. */
    private static final class Records implements LzxEncoder.FrameSink {
        private byte[] buf = new byte[1 << 16];
        private int size;

        @Override
        public void frame(byte[] data, int length, int uncompressedSize) {
            byte[] rec = record(data, length, uncompressedSize);
            if (size + rec.length > buf.length) buf = Arrays.copyOf(buf, Math.max(2 * buf.length, size + rec.length));
            System.arraycopy(rec, 0, buf, size, rec.length);
            size += rec.length;
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** Writes records straight to the output. */
    private static final class CountingSink implements LzxEncoder.FrameSink {
        private final OutputStream out;
        long count;

        CountingSink(OutputStream out) {
            this.out = out;
        }

        @Override
        public void frame(byte[] data, int length, int uncompressedSize) throws IOException {
            byte[] rec = record(data, length, uncompressedSize);
            out.write(rec);
            count += rec.length;
        }
    }
}
