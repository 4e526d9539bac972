package dev.ssprkit.msi.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import dev.ssprkit.common.ReadOnlyChannel;

import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * A read-only view of one compound-file stream as a channel: positions map through the stream's sector chain to file
 * offsets, and runs of consecutive sectors (how every writer we know lays out a large stream) are read with one call.
 */
final class SectorChannel extends ReadOnlyChannel {
    private final FileChannel file;
    private final long[] runStart; // stream offset where each run begins, ascending, runStart[0] = 0
    private final long[] runFile;  // file offset of each run
    private final int sectorSize;

    /** @param sectors the stream's sectors in order (each one checked to lie within the file) */
    SectorChannel(FileChannel file, int[] sectors, int sectorSize, long size) {
        super(size);
        this.file = file;
        this.sectorSize = sectorSize;
        long[] starts = new long[Math.max(1, sectors.length)];
        long[] offsets = new long[starts.length];
        int runs = 0;
        for (int i = 0; i < sectors.length; i++) {
            if (i == 0 || sectors[i] != sectors[i - 1] + 1) {
                starts[runs] = (long) i * sectorSize;
                offsets[runs] = ((long) sectors[i] + 1) * sectorSize; // sector 0 follows the header sector
                runs++;
            }
        }
        this.runStart = Arrays.copyOf(starts, Math.max(1, runs));
        this.runFile = Arrays.copyOf(offsets, Math.max(1, runs));
    }

    @Override
    protected int readAt(ByteBuffer dst, long position) throws IOException {
        long size = size();
        int total = 0;
        while (dst.hasRemaining() && position < size) {
            int run = Arrays.binarySearch(runStart, position);
            if (run < 0) {
                run = -run - 2;
            }
            long runEnd = run + 1 < runStart.length ? runStart[run + 1] : size;
            int want = (int) Math.min(dst.remaining(), Math.min(runEnd, size) - position);
            ByteBuffer slice = dst.slice(dst.position(), want);
            int n = 0;
            while (slice.hasRemaining()) {
                int r = file.read(slice, runFile[run] + (position - runStart[run]) + n);
                if (r < 0) {
                    // A short last sector (the file's length is not whole sectors): its missing tail reads as zeros,
                    // as POI and libgsf read it. Anywhere else the file is truncated.
                    long at = runFile[run] + (position - runStart[run]) + n;
                    long fileSize = file.size();
                    if (at < fileSize || at >= (fileSize / sectorSize + 1) * sectorSize || fileSize % sectorSize == 0) {
                        throw new IOException("the compound file ends inside a stream's sector");
                    }
                    int zeros = (int) Math.min(slice.remaining(), (fileSize / sectorSize + 1) * sectorSize - at);
                    for (int z = 0; z < zeros; z++) slice.put((byte) 0);
                    r = zeros;
                }
                n += r;
            }
            dst.position(dst.position() + n);
            position += n;
            total += n;
        }
        return total;
    }

    @Override
    protected void release() throws IOException {
        file.close();
    }
}
