package dev.ssprkit.cab;

import dev.ssprkit.common.ReadOnlyChannel;

import java.nio.ByteBuffer;

/** A read-only channel over a byte array (for {@link CabinetReader#open(byte[], String)}). */
public final class ByteArrayChannel extends ReadOnlyChannel {
    private final byte[] data;

    public ByteArrayChannel(byte[] data) {
        super(data.length);
        this.data = data;
    }

    @Override
    protected int readAt(ByteBuffer dst, long position) {
        int n = (int) Math.min(dst.remaining(), data.length - position);
        dst.put(data, (int) position, n);
        return n;
    }
}
