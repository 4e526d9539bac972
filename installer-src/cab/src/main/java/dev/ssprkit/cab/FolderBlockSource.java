package dev.ssprkit.cab;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads the folder's uncompressed stream (all entries concatenated) as 32 KiB blocks; only the last block may be
 * shorter. Entries are read one after the other, so memory stays at one block. An entry whose length differs from the
 * size planned when the file table was written fails with {@link CabinetException}.
 */
final class FolderBlockSource implements Closeable {
    /** An entry to stream: its planned size and how to open it. */
    interface Source {
        String name();

        long size();

        InputStream open() throws IOException;
    }

    private final List<? extends Source> sources;
    private final EntryDigests digests;
    private BufferPool blocks;
    private long remaining;
    private int nextIndex;
    private Source current;
    private InputStream in;
    private long currentLeft;
    private boolean finished;

    FolderBlockSource(List<? extends Source> sources) {
        this(sources, null);
    }

    /** @param digests when not null, told of every byte read, entry by entry */
    FolderBlockSource(List<? extends Source> sources, EntryDigests digests) {
        this.sources = sources;
        this.digests = digests;
        this.remaining = sources.stream().mapToLong(Source::size).sum();
    }

    /**
     * Takes full-size blocks from {@code pool} instead of allocating each (the caller gives them back once it is done
     * with them); the last, shorter block is allocated.
     */
    FolderBlockSource recycling(BufferPool pool) {
        this.blocks = pool;
        return this;
    }

    /** The next block, or null after the last one. */
    byte[] next() throws IOException {
        if (remaining == 0) {
            finish();
            return null;
        }
        int size = (int) Math.min(CabFormat.BLOCK_SIZE, remaining);
        byte[] block = blocks != null && size == CabFormat.BLOCK_SIZE ? blocks.take() : new byte[size];
        int filled = 0;
        while (filled < block.length) {
            while (currentLeft == 0) {
                openNext();
            }
            int r = in.read(block, filled, (int) Math.min(block.length - filled, currentLeft));
            if (r < 0) {
                throw new CabinetException("source of '" + current.name() + "' shrank while the cabinet was written: "
                        + "planned " + current.size() + " bytes, found " + (current.size() - currentLeft));
            }
            if (digests != null) digests.update(block, filled, r);
            filled += r;
            currentLeft -= r;
        }
        remaining -= block.length;
        return block;
    }

    private void openNext() throws IOException {
        closeCurrent();
        current = sources.get(nextIndex++);
        in = current.open();
        currentLeft = current.size();
        if (digests != null) digests.start(current.name());
    }

    /** Checks the entry just read ended where planned, then closes it. */
    private void closeCurrent() throws IOException {
        if (in == null) {
            return;
        }
        try (InputStream done = in) {
            in = null;
            if (done.read() >= 0) {
                throw new CabinetException("source of '" + current.name() + "' grew while the cabinet was written: "
                        + "planned " + current.size() + " bytes");
            }
        }
        if (digests != null) digests.finish(current.name());
    }

    /** After the last block: checks the trailing entries (all empty ones) the same way. */
    private void finish() throws IOException {
        if (finished) {
            return;
        }
        closeCurrent();
        while (nextIndex < sources.size()) {
            openNext();
            closeCurrent();
        }
        finished = true;
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
            in = null;
        }
    }
}
