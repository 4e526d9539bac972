package dev.ssprkit.cab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;

/**
 * Bounded reads from an untrusted cabinet: every read is checked against {@link #limit()} (the channel size, then
 * cbCabinet) before anything is allocated, and every failure is a {@link CabinetException} naming the cabinet.
 */
final class CabInput {
    private final SeekableByteChannel channel;
    private final String label;
    private long limit;
    private static final int WINDOW = 1 << 20;
    private ByteBuffer window; // bytes [windowStart, windowStart + window.limit()) of the channel
    private long windowStart = -1;

    CabInput(SeekableByteChannel channel, String label) throws IOException {
        this.channel = channel;
        this.label = label;
        this.limit = channel.size();
    }

    long limit() {
        return limit;
    }

    /** Narrows reads to the first {@code newLimit} bytes (cbCabinet). */
    void limit(long newLimit) {
        this.limit = newLimit;
    }

    /** Reads exactly {@code length} bytes at {@code offset} for {@code what}; fails if they lie past the limit. */
    ByteBuffer read(long offset, int length, String what) throws IOException {
        if (offset < 0 || length < 0 || offset > limit || length > limit - offset) {
            throw fail(what + " (" + length + " bytes at offset " + offset + ") lies past the end of the cabinet ("
                    + limit + " bytes); the file is truncated or the offset is wrong");
        }
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(offset);
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                throw fail("unexpected end of data while reading " + what + " at offset " + offset);
            }
        }
        return buf.flip();
    }

    /**
     * Like {@link #read} (the same checks and messages) into {@code dst}, through a read-ahead window: the CFDATA
     * records of a folder are read in order, so they come from few large reads instead of two small ones each.
     */
    void readInto(long offset, byte[] dst, int dstOffset, int length, String what) throws IOException {
        if (offset < 0 || length < 0 || offset > limit || length > limit - offset) {
            throw fail(what + " (" + length + " bytes at offset " + offset + ") lies past the end of the cabinet ("
                    + limit + " bytes); the file is truncated or the offset is wrong");
        }
        if (length > WINDOW / 4) {
            read(offset, length, what).get(dst, dstOffset, length);
            return;
        }
        if (window == null) {
            window = ByteBuffer.allocateDirect(WINDOW);
            windowStart = -1;
        }
        if (windowStart < 0 || offset < windowStart || offset + length > windowStart + window.limit()) {
            window.clear().limit((int) Math.min(WINDOW, limit - offset));
            channel.position(offset);
            windowStart = -1;
            while (window.position() < length) { // at least what is asked for; more when the channel gives it
                if (channel.read(window) < 0) {
                    throw fail("unexpected end of data while reading " + what + " at offset " + offset);
                }
            }
            window.flip();
            windowStart = offset;
        }
        window.get((int) (offset - windowStart), dst, dstOffset, length);
    }

    CabinetException fail(String message) {
        return new CabinetException(label + ": " + message);
    }

    CabinetException fail(String message, Throwable cause) {
        return new CabinetException(label + ": " + message, cause);
    }

    String label() {
        return label;
    }
}
