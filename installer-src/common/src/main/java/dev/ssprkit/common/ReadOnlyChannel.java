package dev.ssprkit.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * The bookkeeping of a read-only {@link SeekableByteChannel} of fixed size: position, size, open state and the refused
 * writes. Subclasses only say how to read bytes at the current {@link #position}.
 */
public abstract class ReadOnlyChannel implements SeekableByteChannel {
    private final long size;
    private long position;
    private boolean open = true;

    protected ReadOnlyChannel(long size) {
        this.size = size;
    }

    /** Reads from {@code position} (which is below {@link #size}) into {@code dst}; returns the count, at least 1. */
    protected abstract int readAt(ByteBuffer dst, long position) throws IOException;

    /** Releases what the channel holds (called once, by {@link #close}). */
    protected void release() throws IOException {
    }

    @Override
    public final int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (position >= size) return -1;
        if (!dst.hasRemaining()) return 0;
        int n = readAt(dst, position);
        position += n;
        return n;
    }

    @Override
    public final int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public final long position() throws ClosedChannelException {
        ensureOpen();
        return position;
    }

    @Override
    public final SeekableByteChannel position(long newPosition) throws ClosedChannelException {
        ensureOpen();
        if (newPosition < 0) throw new IllegalArgumentException("negative position");
        position = newPosition;
        return this;
    }

    @Override
    public final long size() throws ClosedChannelException {
        ensureOpen();
        return size;
    }

    @Override
    public final SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public final boolean isOpen() {
        return open;
    }

    @Override
    public final void close() throws IOException {
        if (!open) return;
        open = false;
        release();
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) throw new ClosedChannelException();
    }
}
