package dev.ssprkit.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * An output stream over a file channel that also hands out the channel, so a writer that copies a whole file into
 * it can let the kernel copy the bytes ({@link FileChannel#transferTo}) instead of reading them into memory and
 * writing them back. Writes go to the channel's position, which a transfer into the channel moves on as well.
 */
public final class ChannelOutputStream extends OutputStream {
    private final FileChannel channel;

    public ChannelOutputStream(FileChannel channel) {
        this.channel = channel;
    }

    /** The channel written to; a caller that writes to it directly first flushes any buffering stream above this one. */
    public FileChannel channel() {
        return channel;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) channel.write(buf);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
