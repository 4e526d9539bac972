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
    private final java.nio.file.Path file;

    public ChannelOutputStream(FileChannel channel) {
        this(channel, null);
    }

    /** @param file the file the channel writes, or null when unknown */
    public ChannelOutputStream(FileChannel channel, java.nio.file.Path file) {
        this.channel = channel;
        this.file = file;
    }

    /**
     * The file written, or null when unknown: a writer may find part of its output already in it (a cabinet written
     * in place beforehand) and skip over it instead of copying it onto itself.
     */
    public java.nio.file.Path file() {
        return file;
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
