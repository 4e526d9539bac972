package dev.ssprkit.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A whole file's bytes, as {@link Files#readAllBytes} gives them (same exceptions), read in slices of at most
 * {@value #SLICE} bytes. {@code Files.readAllBytes} reads the whole file in one call, and the JDK then keeps a native
 * buffer of the file's size for the rest of the process (its per-thread cache of temporary direct buffers): 17 MB
 * for the source of a 100,000-file package, held through the build.
 */
public final class FileBytes {
    static final int SLICE = 1 << 20;

    private FileBytes() {
    }

    public static byte[] read(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 8) throw new OutOfMemoryError(file + " is too large to read into memory (" + size + " bytes)");
            byte[] out = new byte[(int) size];
            int filled = 0;
            while (filled < out.length) {
                int n = ch.read(ByteBuffer.wrap(out, filled, Math.min(SLICE, out.length - filled)));
                if (n < 0) return Arrays.copyOf(out, filled); // shorter than its size said (it shrank meanwhile)
                filled += n;
            }
            // longer than its size said (it grew meanwhile): the rest too, as Files.readAllBytes does
            ByteArrayOutputStream more = null;
            ByteBuffer chunk = ByteBuffer.allocate(8192);
            while (ch.read(chunk.clear()) > 0) {
                if (more == null) {
                    more = new ByteArrayOutputStream(out.length + SLICE);
                    more.write(out);
                }
                more.write(chunk.array(), 0, chunk.position());
            }
            return more == null ? out : more.toByteArray();
        }
    }
}
