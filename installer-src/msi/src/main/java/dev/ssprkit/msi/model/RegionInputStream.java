package dev.ssprkit.msi.model;

import java.io.IOException;
import java.io.InputStream;

/** At most {@code left} bytes of a channel from its position; closing it closes the channel. */
final class RegionInputStream extends InputStream {
    private final java.nio.channels.FileChannel channel;
    private long left;

    RegionInputStream(java.nio.channels.FileChannel channel, long left) {
        this.channel = channel;
        this.left = left;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (left == 0) return -1;
        int n = channel.read(java.nio.ByteBuffer.wrap(b, off, (int) Math.min(len, left)));
        if (n > 0) left -= n;
        return n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
